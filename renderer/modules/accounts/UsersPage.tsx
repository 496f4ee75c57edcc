import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/rules/roles';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { enterToNext } from '../../components/keyboard';
import { RolesMatrix } from './RolesMatrix';
import { newPasswordRules } from './passwordRules';
import { useUser } from './session';

/** The administrator's list of accounts: create, reset a password, disable (never delete). */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const users = useCall('users.list', {});
  const me = useUser();
  const create = useWrite('users.create');
  const reset = useWrite('users.resetPassword');
  const setDisabled = useWrite('users.setDisabled');
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'reset'; id: number; name: string } | null>(null);
  const [form] = Form.useForm();
  const fail = (err: Error) => message.error(errorText(t, err));
  const submit = (v: { username: string; displayName: string; role: (typeof ROLES)[number]; password: string }) => {
    const done = () => (message.success(t('users.saved')), setDialog(null), form.resetFields());
    if (dialog?.kind === 'create') create.mutate(v, { onError: fail, onSuccess: done });
    if (dialog?.kind === 'reset') reset.mutate({ id: dialog.id, password: v.password }, { onError: fail, onSuccess: done });
  };
  return (
    <>
    <Card
      className="page-card"
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="add-user">
          {t('users.add')}
        </Button>
      }
    >
      <Table
        rowKey="id"
        pagination={false}
        dataSource={users.data ?? []}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('auth.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (r: string) => t(`auth.roles.${r}`) },
          {
            title: t('users.state'),
            key: 'state',
            render: (_v, u) =>
              u.disabled ? (
                <Tag>{t('users.disabled')}</Tag>
              ) : u.needsReset ? (
                <Tag color="red">{t('users.needsReset')}</Tag>
              ) : u.lockedUntil ? (
                <Tag color="orange">{t('users.lockedOut')}</Tag>
              ) : (
                <Tag color="green">{t('users.active')}</Tag>
              ),
          },
          {
            title: '',
            key: 'actions',
            render: (_v, u) => (
              <Space>
                <Button size="small" onClick={() => setDialog({ kind: 'reset', id: u.id, name: u.displayName })}>
                  {t('users.resetPassword')}
                </Button>
                {/* One's own account is never offered the disable button (the main process refuses it too). */}
                {u.id === me?.id ? (
                  <Tag color="blue">{t('users.itsYou')}</Tag>
                ) : u.disabled ? (
                  <Button size="small" onClick={() => setDisabled.mutate({ id: u.id, disabled: false }, { onError: fail })}>
                    {t('users.enable')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('users.disableConfirm', { name: u.displayName })}
                    description={t('users.disableHelp')}
                    okText={t('users.disable')}
                    cancelText={t('actions.cancel')}
                    okButtonProps={{ danger: true, size: 'large' }}
                    cancelButtonProps={{ size: 'large' }}
                    onConfirm={() => setDisabled.mutate({ id: u.id, disabled: true }, { onError: fail })}
                  >
                    <Button size="small" danger data-testid={`disable-${u.username}`}>
                      {t('users.disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog && (
        <Modal open title={dialog.kind === 'create' ? t('users.add') : t('users.resetFor', { name: dialog.name })} okText={t('actions.save')} cancelText={t('actions.cancel')} onOk={() => form.submit()} onCancel={() => setDialog(null)} destroyOnHidden>
          <Form form={form} layout="vertical" size="large" onFinish={submit} onKeyDownCapture={enterToNext} initialValues={{ role: 'staff' }}>
            {dialog.kind === 'create' && (
              <>
                <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}>
                  <Input autoFocus data-testid="new-username" />
                </Form.Item>
                <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true }]}>
                  <Input data-testid="new-display-name" />
                </Form.Item>
                <Form.Item name="role" label={t('users.role')}>
                  <Select options={ROLES.map((r) => ({ value: r, label: t(`auth.roles.${r}`) }))} data-testid="new-role" />
                </Form.Item>
              </>
            )}
            <Form.Item name="password" label={t('users.initialPassword')} extra={t('users.initialPasswordHelp')} rules={newPasswordRules(t)}>
              <Input.Password autoFocus={dialog.kind === 'reset'} data-testid="new-password" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Card>
    <RolesMatrix />
    </>
  );
}
