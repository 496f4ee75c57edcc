import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { BRANCH_KINDS, type Branch } from '../../../shared/contract/party';
import { useCall, useWrite } from '../../api/hooks';
import { enterToNext } from '../../components/keyboard';
import { fieldRules, inputFields } from '../../components/zodRule';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';

/** The branch's field rules, from the contract. */
const branchFields = inputFields('party.saveBranch');

/** The community's party organisations (党委 / 总支 / 支部), their secretaries and committees. */
export function BranchesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const branches = useCall('party.branches', {});
  const [editing, setEditing] = useState<Branch | 'new' | null>(null);
  const list = branches.data ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {list.length === 0 && <p>{t('party:branches.first')}</p>}
      {can('party.edit') && (
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="branch-add">
          {t('party:branches.add')}
        </Button>
      )}
      <Table<Branch>
        rowKey="id"
        dataSource={list}
        pagination={false}
        data-testid="branch-list"
        columns={[
          { title: t('party:branches.name'), dataIndex: 'name' },
          { title: t('party:branches.kind'), dataIndex: 'kind', render: (k: Branch['kind']) => t(`party:branchKind.${k}`) },
          { title: t('party:branches.parent'), dataIndex: 'parentId', render: (p: number | null) => list.find((b) => b.id === p)?.name ?? '' },
          { title: t('party:branches.secretary'), dataIndex: 'secretary' },
          { title: t('party:branches.committee'), dataIndex: 'committee' },
          { title: t('party:branches.members'), dataIndex: 'members' },
          { title: '', render: (_, b) => can('party.edit') && <Button onClick={() => setEditing(b)}>{t('actions.edit')}</Button> },
        ]}
      />
      {editing && <BranchDialog editing={editing} list={list} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function BranchDialog({ editing, list, onClose }: { editing: Branch | 'new'; list: Branch[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useWrite('party.saveBranch');
  const [form] = Form.useForm();
  const closeAsking = useAskBeforeClosing(form, onClose);
  return (
    <Modal
      open
      title={editing === 'new' ? t('party:branches.add') : editing.name}
      onCancel={closeAsking} maskClosable={false}
      onOk={() => form.submit()}
      okText={t('actions.save')}
      okButtonProps={{ size: 'large', loading: save.isPending, id: 'branch-save' }}
      cancelButtonProps={{ size: 'large' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing === 'new' ? { name: '', kind: 'branch', parentId: null, secretary: '', committee: '' } : editing}
        onKeyDownCapture={enterToNext}
        onFinish={(v: Omit<Branch, 'id' | 'members'>) =>
          save.mutate(
            { ...v, parentId: v.parentId ?? null, id: editing === 'new' ? undefined : editing.id },
            {
              onSuccess: () => {
                message.success(t('party:branches.saved'));
                onClose();
              },
              onError: (err) => message.error(errorText(t, err)),
            },
          )
        }
      >
        <Form.Item name="name" label={t('party:branches.name')} rules={fieldRules(t, branchFields.name)}>
          <Input placeholder={t('party:branches.namePlaceholder')} data-testid="branch-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('party:branches.kind')} rules={fieldRules(t, branchFields.kind)}>
          <Select options={BRANCH_KINDS.map((k) => ({ value: k, label: t(`party:branchKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('party:branches.parent')} rules={fieldRules(t, branchFields.parentId)}>
          <Select allowClear options={list.filter((b) => editing === 'new' || b.id !== editing.id).map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="secretary" label={t('party:branches.secretary')} rules={fieldRules(t, branchFields.secretary)}>
          <Input data-testid="branch-secretary" />
        </Form.Item>
        <Form.Item name="committee" label={t('party:branches.committee')} extra={t('party:branches.committeeHelp')} rules={fieldRules(t, branchFields.committee)}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
