import { useState } from 'react';
import { Card, Col, Input, Row, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall } from '../../api/hooks';

/** 响应率、解决率、满意率 for problems found in a month: the figures 接诉即办 is judged on. */
export function RatesTab() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => todayIso().slice(0, 7));
  const valid = /^\d{4}-\d{2}$/.test(month);
  const r = useCall('problems.rates', { month }, { enabled: valid });
  const d = r.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <span>{t('visits:rates.month')}</span>
        <Input value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 120 }} status={valid ? '' : 'error'} />
      </Space>
      {d && (
        <Row gutter={16} data-testid="rates">
          <Col flex="1">
            <Card>
              <Statistic title={t('visits:rates.total')} value={d.total} />
            </Card>
          </Col>
          {(
            [
              ['responseRate', d.responded, d.total],
              ['resolutionRate', d.resolved, d.owned],
              ['satisfactionRate', d.satisfied, d.rated],
            ] as const
          ).map(([k, n, total]) => (
            <Col flex="1" key={k}>
              <Card>
                <Statistic title={t(`visits:rates.${k}`)} value={d[k]} suffix="%" />
                <div>{t(`visits:rates.${k.replace('Rate', 'Help')}`, { n, total })}</div>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}
