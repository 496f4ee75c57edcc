import { useState } from 'react';
import { App, Button, Card, Input, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../../shared/rules/party';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { call } from '../../api/client';
import { saveFile } from '../../components/download';
import { errorText } from '../../components/errors';
import { printLinks } from '../../../shared/contract/links';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The monthly report's figures for any period: accepted, settled, rate, money, prevented escalations; by type and by source. */
export function StatsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const valid = ISO.test(from) && ISO.test(to);
  return (
    <Card title={t('mediation:stats.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input size="large" value={from} onChange={(e) => setFrom(e.target.value.trim())} addonBefore={t('certificates:register.from')} style={{ width: 220 }} />
        <Input size="large" value={to} onChange={(e) => setTo(e.target.value.trim())} addonBefore={t('certificates:register.to')} style={{ width: 220 }} />
        <Button size="large" icon={<PrinterOutlined />} disabled={!valid} onClick={() => navigate(printLinks.mediationStats, { from, to })}>
          {t('mediation:stats.print')}
        </Button>
        <Button size="large" icon={<DownloadOutlined />} disabled={!valid} onClick={() => void call('mediation.exportStats', { from, to }).then(saveFile, (err: unknown) => message.error(errorText(t, err)))}>
          {t('mediation:stats.export')}
        </Button>
      </Space>
      {valid && <StatsTables from={from} to={to} />}
    </Card>
  );
}

export function StatsTables({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const stats = useCall('mediation.stats', { from, to });
  const s = stats.data;
  if (!s) return null;
  const group = (rows: typeof s.byType, label: (k: string) => string) => (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '', dataIndex: 'key', render: label },
        { title: t('mediation:stats.accepted'), dataIndex: 'accepted' },
        { title: t('mediation:stats.succeeded'), dataIndex: 'succeeded' },
        { title: t('mediation:stats.rate'), dataIndex: 'rate', render: (r: number) => `${r}%` },
      ]}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="mediation-stats">
      <Typography.Paragraph>
        {t('mediation:stats.summary', {
          accepted: s.accepted,
          succeeded: s.succeeded,
          rate: s.rate,
          money: yuan(s.moneyFen),
          criminalCases: s.preventCriminalCases,
          criminalPersons: s.preventCriminalPersons,
          petitionCases: s.preventPetitionCases,
          petitionPersons: s.preventPetitionPersons,
        })}
      </Typography.Paragraph>
      <Typography.Text strong>{t('mediation:stats.byType')}</Typography.Text>
      {group(s.byType, (k) => k)}
      <Typography.Text strong>{t('mediation:stats.bySource')}</Typography.Text>
      {group(s.bySource, (k) => t(`mediation:source.${k}`))}
    </Space>
  );
}
