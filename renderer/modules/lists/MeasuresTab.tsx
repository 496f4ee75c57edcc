import { useState } from 'react';
import { Button, Card, Col, Input, Row, Space, Statistic, Table, Tag } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/rules/idNumber';
import { isoDate } from '../../../shared/contract/fields';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { printLinks } from '../../../shared/contract/links';

const yearStart = () => `${todayIso().slice(0, 4)}-01-01`;

/** 兑现率 and the rest, for any period: on screen and, from the print button, on paper. */
export function MeasuresTab() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(todayIso);
  const valid = isoDate.safeParse(from).success && isoDate.safeParse(to).success;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('lists:measures.period')}</span>
        <Input value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 140 }} status={isoDate.safeParse(from).success ? '' : 'error'} />
        <span>—</span>
        <Input value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 140 }} status={isoDate.safeParse(to).success ? '' : 'error'} />
        <Button size="large" icon={<PrinterOutlined />} disabled={!valid} onClick={() => navigate(printLinks.measures, { from, to })} data-testid="measures-print">
          {t('lists:print.printMeasures')}
        </Button>
      </Space>
      {valid && <MeasuresView from={from} to={to} />}
    </Space>
  );
}

/** The figures themselves, shared by the tab and its printed page. */
export function MeasuresView({ from, to, print }: { from: string; to: string; print?: boolean }) {
  const { t } = useTranslation();
  const m = useCall('lists.measures', { from, to });
  if (!m.data) return null;
  const d = m.data;
  const small = print ? 'small' : 'middle';
  const counts = [
    { name: 'raised', value: d.raised },
    { name: 'fulfilled', value: d.fulfilled },
    { name: 'rate', value: `${d.rate}%` },
    { name: 'wishRate', value: `${d.wishRate}% (${d.wishesFulfilled}/${d.wishes})` },
    { name: 'meanDays', value: d.meanDays ?? '—' },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="measures">
      <Row gutter={16}>
        {counts.map((c) => (
          <Col key={c.name} flex="1">
            <Card size="small">
              <Statistic title={t(`lists:measures.${c.name}`)} value={c.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        {(['openByCategory', 'openByGrid'] as const).map((k) => (
          <Col span={12} key={k}>
            <Table
              size={small}
              rowKey="name"
              title={() => t(`lists:measures.${k}`)}
              dataSource={d[k]}
              pagination={false}
              locale={{ emptyText: t('lists:measures.none') }}
              columns={[
                { title: t(k === 'openByGrid' ? 'lists:fields.grid' : 'lists:fields.category'), dataIndex: 'name', render: (n: string) => n || t('lists:measures.noGrid') },
                { title: t('lists:measures.count'), dataIndex: 'count', width: 100 },
              ]}
            />
          </Col>
        ))}
      </Row>
      <Table
        size={small}
        rowKey="provider"
        title={() => t('lists:measures.hours')}
        dataSource={d.hoursByProvider}
        pagination={false}
        locale={{ emptyText: t('lists:measures.none') }}
        columns={[
          { title: t('lists:fields.provider'), render: (_, r) => <Space>{r.provider}{r.member && <Tag>{t('lists:kind.member')}</Tag>}</Space> },
          { title: t('lists:measures.services'), dataIndex: 'services', width: 120 },
          { title: t('lists:measures.hoursCol'), dataIndex: 'hours', width: 120 },
        ]}
      />
      <Table
        size={small}
        rowKey="id"
        title={() => t('lists:measures.unused')}
        dataSource={d.unusedResources}
        pagination={false}
        locale={{ emptyText: t('lists:measures.none') }}
        columns={[
          { title: t('lists:fields.provider'), dataIndex: 'provider', width: 240 },
          { title: t('lists:fields.resourceContent'), dataIndex: 'content' },
        ]}
      />
    </Space>
  );
}
