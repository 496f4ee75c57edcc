import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueRecord, RetentionRules } from '../../../shared/contract/retention';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';

/**
 * Records kept longer than their purpose needs (PIPL 第19条): the rules, the people past them, and a
 * purge the administrator confirms with a reason. What was purged stays listed in the purge log.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const rules = useCall('retention.rules', {});
  const due = useCall('retention.due', {});
  const log = useCall('retention.log', {});
  const setRules = useWrite('retention.setRules');
  const purge = useWrite('retention.purge');
  const [selected, setSelected] = useState<number[]>([]);
  const [reason, setReason] = useState('');
  const fail = (err: Error) => message.error(errorText(t, err));

  const confirmPurge = () =>
    modal.confirm({
      title: t('retention:confirmTitle', { count: selected.length }),
      content: t('retention:confirmHelp'),
      okText: t('retention:purge'),
      okButtonProps: { danger: true, id: 'purge-confirm' },
      cancelText: t('actions.cancel'),
      onOk: () =>
        purge.mutateAsync({ ids: selected, reason }).then(
          (r) => {
            message.success(t('retention:purged', { count: r.purged }));
            setSelected([]);
            setReason('');
          },
          fail,
        ),
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card className="page-card" title={t('retention:title')}>
        <Typography.Paragraph type="secondary">{t('retention:intro', { audit: rules.data?.auditYears ?? 3 })}</Typography.Paragraph>
        {rules.data && (
          <Form<RetentionRules>
            layout="inline"
            size="large"
            initialValues={rules.data}
            onFinish={(v) => setRules.mutate(v, { onSuccess: () => message.success(t('retention:rulesSaved')), onError: fail })}
          >
            <Form.Item name="leftYears" label={t('retention:leftYears')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} addonAfter={t('retention:years')} data-testid="left-years" />
            </Form.Item>
            <Form.Item name="minorLeftYears" label={t('retention:minorLeftYears')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} addonAfter={t('retention:years')} data-testid="minor-left-years" />
            </Form.Item>
            <Button htmlType="submit" loading={setRules.isPending}>
              {t('actions.save')}
            </Button>
          </Form>
        )}
      </Card>
      <Card className="page-card" title={t('retention:dueTitle', { count: due.data?.rows.length ?? 0 })}>
        <Table<DueRecord>
          rowKey="id"
          size="small"
          loading={due.isPending}
          dataSource={due.data?.rows ?? []}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          data-testid="due-table"
          locale={{ emptyText: t('retention:noneDue') }}
          columns={[
            { title: t('residents:fields.name'), dataIndex: 'name' },
            { title: t('residents:fields.idNumber'), dataIndex: 'idNumber' },
            { title: t('retention:state'), dataIndex: 'status', render: (s: string) => t(`retention:status.${s}`) },
            { title: t('retention:leftOn'), dataIndex: 'leftOn' },
            { title: t('retention:dueSince'), dataIndex: 'dueSince', render: (d: string, r) => <Space>{d}{r.minorWhenLeft && <Tag color="purple">{t('retention:minor')}</Tag>}</Space> },
          ]}
        />
        <Space.Compact style={{ width: '100%', marginTop: 16 }}>
          <Input placeholder={t('retention:reasonPlaceholder')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="purge-reason" />
          <Button danger type="primary" disabled={!selected.length || !reason.trim()} onClick={confirmPurge} data-testid="purge">
            {t('retention:purgeSelected', { count: selected.length })}
          </Button>
        </Space.Compact>
      </Card>
      <Card className="page-card" title={t('retention:logTitle')}>
        <Table
          rowKey="id"
          size="small"
          dataSource={log.data ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('retention:at'), dataIndex: 'at' },
            { title: t('retention:actor'), dataIndex: 'actor' },
            { title: t('retention:records'), dataIndex: 'records', align: 'right' },
            { title: t('retention:reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>
    </Space>
  );
}
