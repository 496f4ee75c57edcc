import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertItem } from '../../../shared/contract/certificates';
import { ABOLISHED, TEMPLATE_FIELDS } from '../../../shared/rules/certificates';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';

type Values = Omit<CertItem, 'id'>;

/** 证明事项清单: what this committee may issue, with its basis, purposes, checks and template; and what it may never issue. */
export function ItemsTab() {
  const { t } = useTranslation();
  const items = useCall('certs.items', { all: true });
  const [editing, setEditing] = useState<CertItem | 'new' | null>(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="primary" size="large" onClick={() => setEditing('new')}>
        {t('certificates:items.add')}
      </Button>
      <Table<CertItem>
        rowKey="id"
        pagination={false}
        dataSource={items.data ?? []}
        columns={[
          { title: t('certificates:items.name'), dataIndex: 'name' },
          { title: t('certificates:items.basis'), dataIndex: 'basis' },
          { title: t('certificates:items.needsApproval'), dataIndex: 'needsApproval', render: (v: boolean) => (v ? t('certificates:items.yes') : t('certificates:items.no')) },
          { title: t('certificates:items.active'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('certificates:items.yes')}</Tag> : <Tag>{t('certificates:items.no')}</Tag>) },
          { title: '', render: (_, i) => <Button onClick={() => setEditing(i)}>{t('actions.edit')}</Button> },
        ]}
      />
      <Typography.Title level={5}>{t('certificates:items.abolishedTitle')}</Typography.Title>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={ABOLISHED}
        columns={[
          { title: t('certificates:items.name'), dataIndex: 'name' },
          { title: t('certificates:items.synonyms'), dataIndex: 'synonyms', render: (s: string[]) => s.join('、') },
          { title: t('certificates:items.instead'), dataIndex: 'instead' },
        ]}
      />
      {editing && <ItemDialog editing={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function ItemDialog({ editing, onClose }: { editing: CertItem | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useWrite('certs.saveItem');
  const initial: Values = editing === 'new' ? { name: '', basis: '', purposes: [], checks: [], needsApproval: true, fullId: true, template: '', active: true } : editing;
  return (
    <Modal open width={820} title={editing === 'new' ? t('certificates:items.add') : editing.name} onCancel={onClose} onOk={() => form.submit()} okText={t('actions.save')} cancelText={t('actions.cancel')} okButtonProps={{ loading: save.isPending }}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate({ ...v, id: editing === 'new' ? undefined : editing.id }, { onSuccess: () => (message.success(t('certificates:items.saved')), onClose()), onError: (err) => message.error(errorText(t, err)) })}
      >
        <Form.Item name="name" label={t('certificates:items.name')} rules={[{ required: true, message: t('errors:validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="basis" label={t('certificates:items.basis')} rules={[{ required: true, message: t('errors:validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="purposes" label={t('certificates:items.purposes')}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="checks" label={t('certificates:items.checks')}>
          <Select mode="tags" />
        </Form.Item>
        <Space size="large">
          <Form.Item name="needsApproval" label={t('certificates:items.needsApproval')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="fullId" label={t('certificates:items.fullId')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="active" label={t('certificates:items.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Alert type="info" showIcon message={t('certificates:items.fields', { fields: TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(' ') })} style={{ marginBottom: 12 }} />
        <Form.Item name="template" label={t('certificates:items.template')} rules={[{ required: true, message: t('errors:validation.required') }]}>
          <Input.TextArea rows={8} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
