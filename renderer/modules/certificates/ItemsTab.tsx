import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertItem, RefusalKind } from '../../../shared/contract/certificates';
import { TEMPLATE_FIELDS } from '../../../shared/rules/certificates';
import { useCan } from '../accounts/api';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';

type Values = Omit<CertItem, 'id'>;

/** 证明事项清单: what this committee may issue, with its basis, purposes, checks and template; and what it may never issue. */
export function ItemsTab() {
  const { t } = useTranslation();
  const items = useCall('certs.items', { all: true });
  const [editing, setEditing] = useState<CertItem | 'new' | null>(null);
  const refusals = useCall('certs.refusals', {});
  const [refusal, setRefusal] = useState<RefusalKind | 'new' | null>(null);
  const can = useCan();
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
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5}>{t('certificates:items.abolishedTitle')}</Typography.Title>
        {can('certificates.manage') && (
          <Button onClick={() => setRefusal('new')} data-testid="add-refusal">
            {t('certificates:refusals.add')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('certificates:refusals.help')}</Typography.Paragraph>
      <Table<RefusalKind>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={refusals.data ?? []}
        data-testid="refusals"
        columns={[
          { title: t('certificates:items.name'), dataIndex: 'name', render: (v: string, k) => (k.shipped ? v : <Space>{v}<Tag color="orange">{t('certificates:refusals.local')}</Tag></Space>) },
          { title: t('certificates:items.synonyms'), dataIndex: 'synonyms', render: (s: string[]) => s.join('、') },
          { title: t('certificates:items.instead'), dataIndex: 'instead' },
          { title: t('certificates:refusals.basis'), dataIndex: 'basis', width: 200, ellipsis: true },
          { title: '', render: (_, k) => can('certificates.manage') && <Button onClick={() => setRefusal(k)}>{k.shipped ? t('certificates:refusals.addWords') : t('actions.edit')}</Button> },
        ]}
      />
      {editing && <ItemDialog editing={editing} onClose={() => setEditing(null)} />}
      {refusal && <RefusalDialog editing={refusal} onClose={() => setRefusal(null)} />}
    </Space>
  );
}

function ItemDialog({ editing, onClose }: { editing: CertItem | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const save = useWrite('certs.saveItem');
  const initial: Values = editing === 'new' ? { name: '', basis: '', purposes: [], checks: [], needsApproval: true, fullId: true, template: '', active: true } : editing;
  return (
    <Modal open width={820} title={editing === 'new' ? t('certificates:items.add') : editing.name} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} cancelText={t('actions.cancel')} okButtonProps={{ loading: save.isPending }}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate({ ...v, id: editing === 'new' ? undefined : editing.id }, { onSuccess: () => (message.success(t('certificates:items.saved')), onClose()), onError: (err) => message.error(errorText(t, err)) })}
      >
        <Form.Item name="name" label={t('certificates:items.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="basis" label={t('certificates:items.basis')} rules={[{ required: true }]}>
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
        <Form.Item name="template" label={t('certificates:items.template')} rules={[{ required: true }]}>
          <Input.TextArea rows={8} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * A kind the province or city adds to the refusal list, with its basis and who issues it instead; or
 * more words for a kind already there (the national kinds keep their name, basis and office).
 */
function RefusalDialog({ editing, onClose }: { editing: RefusalKind | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; basis: string; instead: string; words: string[] }>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const save = useWrite('certs.saveRefusal');
  const remove = useWrite('certs.removeRefusal');
  const shipped = editing !== 'new' && editing.shipped;
  const initial = editing === 'new' ? { name: '', basis: '', instead: '', words: [] } : { name: editing.name, basis: editing.basis, instead: editing.instead, words: editing.localWords };
  const fail = (err: Error) => message.error(errorText(t, err));
  const required = [{ required: true }];
  return (
    <Modal open width={720} title={editing === 'new' ? t('certificates:refusals.add') : editing.name} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} cancelText={t('actions.cancel')} okButtonProps={{ loading: save.isPending, id: 'refusal-save' }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate({ ...v, key: editing === 'new' ? undefined : editing.key }, { onSuccess: () => (message.success(t('certificates:refusals.saved')), onClose()), onError: fail })}
      >
        <Form.Item name="name" label={t('certificates:items.name')} rules={required}>
          <Input disabled={shipped} data-testid="refusal-name" />
        </Form.Item>
        <Form.Item name="basis" label={t('certificates:refusals.basis')} rules={required} extra={t('certificates:refusals.basisHelp')}>
          <Input disabled={shipped} data-testid="refusal-basis" />
        </Form.Item>
        <Form.Item name="instead" label={t('certificates:items.instead')} rules={required}>
          <Input disabled={shipped} data-testid="refusal-instead" />
        </Form.Item>
        <Form.Item name="words" label={t('certificates:refusals.words')} extra={t('certificates:refusals.wordsHelp')}>
          <Select mode="tags" data-testid="refusal-words" />
        </Form.Item>
      </Form>
      {editing !== 'new' && !editing.shipped && (
        <Button danger onClick={() => remove.mutate({ key: editing.key }, { onSuccess: onClose, onError: fail })}>
          {t('certificates:refusals.remove')}
        </Button>
      )}
    </Modal>
  );
}
