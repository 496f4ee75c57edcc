import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Switch, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Language } from '../../../shared/i18n/languages';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { saveFile } from '../../components/download';
import { errorText } from '../../components/errors';
import { auditRecord, auditWhat } from './auditWords';

const ACTIONS = ['write', 'reveal', 'export', 'print', 'import', 'login', 'login_failed', 'lock', 'unlock', 'logout', 'refused', 'backup', 'restore', 'purge', 'permissions_changed', 'recovered', 'encrypted'];

/** Who did what and when (shown in the desk's own time zone): every write, reveal, export, print, sign-in and refusal; and whether the chain is intact. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<string | undefined>();
  const [record, setRecord] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  // The log says in words what happened; the internal codes (method, record key) on demand, for support.
  const [codes, setCodes] = useState(false);
  const [verdict, setVerdict] = useState<{ ok: boolean; entries: number; brokenAt: number | null } | null>(null);
  const filters = {
    actor: actor || undefined,
    action,
    record: record || undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const list = useCall('audit.list', { ...filters, offset: (page - 1) * 50, limit: 50 }, { keepPrevious: true });
  const exportLog = () => call('audit.export', { ...filters, lang: i18n.language as Language }).then(saveFile, (err: Error) => message.error(errorText(t, err)));
  return (
    <Card className="page-card" title={t('audit.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Input.Search allowClear placeholder={t('audit.actor')} onSearch={(v) => (setActor(v), setPage(1))} style={{ width: 180 }} />
          <Select
            allowClear
            placeholder={t('audit.action')}
            value={action}
            onChange={(v?: string) => (setAction(v), setPage(1))}
            options={ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`, { defaultValue: a }) }))}
            style={{ width: 180 }}
            data-testid="audit-action"
          />
          <Input.Search allowClear placeholder={t('audit.record')} onSearch={(v) => (setRecord(v), setPage(1))} style={{ width: 180 }} />
          <DatePicker.RangePicker value={range} onChange={(v) => (setRange(v), setPage(1))} />
          <Button onClick={() => void call('audit.verify', {}).then(setVerdict)} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportLog()} data-testid="audit-export">
            {t('audit.export')}
          </Button>
          <Space>
            <Switch checked={codes} onChange={setCodes} aria-label={t('audit.showCodes')} data-testid="audit-codes" />
            {t('audit.showCodes')}
          </Space>
        </Space>
        {verdict && (
          <Alert
            type={verdict.ok ? 'success' : 'error'}
            showIcon
            data-testid="audit-verdict"
            message={verdict.ok ? t('audit.intact', { count: verdict.entries }) : t('audit.broken', { id: verdict.brokenAt ?? 0 })}
          />
        )}
        <Table
          rowKey="id"
          size="small"
          dataSource={list.data?.rows ?? []}
          pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 200, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
            { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (v: string, r) => <span title={r.actor}>{v || r.actor}</span> },
            { title: t('audit.desk'), dataIndex: 'desk', width: 110, render: (v: string) => v || t('audit.hostDesk') },
            { title: t('audit.what'), key: 'what', width: 200, render: (_v, r) => auditWhat(t, r.method, r.action) },
            {
              title: t('audit.record'),
              key: 'record',
              width: 160,
              render: (_v, r) => {
                const rec = auditRecord(t, r.record);
                return rec.href ? <a href={rec.href}>{rec.text}</a> : rec.text;
              },
            },
            ...(codes
              ? [
                  { title: t('audit.method'), dataIndex: 'method', width: 200, className: 'mono' },
                  { title: t('audit.record'), dataIndex: 'record', width: 180, className: 'mono', key: 'code' },
                ]
              : []),
            { title: t('audit.detail'), dataIndex: 'detail' },
          ]}
        />
      </Space>
    </Card>
  );
}
