import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';

/** Who did what and when (shown in the desk's own time zone): every write, reveal, export, print, sign-in and refusal; and whether the chain is intact. */
export function AuditPage() {
  const { t } = useTranslation();
  const [actor, setActor] = useState('');
  const [page, setPage] = useState(1);
  const [verdict, setVerdict] = useState<{ ok: boolean; entries: number; brokenAt: number | null } | null>(null);
  const list = useCall('audit.list', { actor: actor || undefined, offset: (page - 1) * 50, limit: 50 }, { keepPrevious: true });
  return (
    <Card className="page-card" title={t('audit.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Input.Search allowClear placeholder={t('audit.actor')} onSearch={(v) => (setActor(v), setPage(1))} style={{ width: 240 }} />
          <Button onClick={() => void call('audit.verify', {}).then(setVerdict)} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
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
            { title: t('audit.actor'), dataIndex: 'actor', width: 120 },
            { title: t('audit.action'), dataIndex: 'action', width: 120, render: (v: string) => t(`audit.actions.${v}`, { defaultValue: v }) },
            { title: t('audit.method'), dataIndex: 'method', width: 200 },
            { title: t('audit.record'), dataIndex: 'record', width: 160 },
            { title: t('audit.detail'), dataIndex: 'detail' },
          ]}
        />
      </Space>
    </Card>
  );
}
