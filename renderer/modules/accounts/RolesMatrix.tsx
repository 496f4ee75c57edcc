import { App, Card, Checkbox, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '../../../shared/contract';
import { ROLES } from '../../../shared/rules/roles';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';

/** The permission matrix: one row per thing a person may do, one column per role; a tick is confirmed, then saved. */
export function RolesMatrix() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const roles = useCall('roles.list', {});
  const save = useWrite('roles.setPermissions');
  const granted = (role: string) => new Set(roles.data?.find((r) => r.name === role)?.permissions ?? []);
  const toggle = (role: (typeof ROLES)[number], permission: Permission, on: boolean) => {
    const next = granted(role);
    if (on) next.add(permission);
    else next.delete(permission);
    // A tick changes what every account of the role may do: asked first, in words.
    void modal.confirm({
      title: t(on ? 'roles.confirmGrant' : 'roles.confirmRevoke', { role: t(`auth.roles.${role}`), permission: t(`roles.permissions.${permission}`) }),
      content: t('roles.confirmHelp'),
      okText: t('actions.confirm'),
      cancelText: t('actions.cancel'),
      okButtonProps: { size: 'large', danger: !on },
      cancelButtonProps: { size: 'large' },
      onOk: () => save.mutate({ role, permissions: [...next] }, { onSuccess: () => message.success(t('roles.saved')), onError: (err) => message.error(errorText(t, err)) }),
    });
  };
  return (
    <Card className="page-card" title={t('roles.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('roles.help')}</Typography.Paragraph>
      <Table
        rowKey="permission"
        size="small"
        pagination={false}
        loading={roles.isPending}
        dataSource={PERMISSIONS.map((permission) => ({ permission }))}
        data-testid="roles-matrix"
        columns={[
          { title: t('roles.permission'), dataIndex: 'permission', render: (p: Permission) => t(`roles.permissions.${p}`) },
          ...ROLES.map((role) => ({
            title: t(`auth.roles.${role}`),
            key: role,
            align: 'center' as const,
            render: (_x: unknown, row: { permission: Permission }) => (
              <Checkbox
                checked={granted(role).has(row.permission)}
                disabled={save.isPending}
                aria-label={`${t(`auth.roles.${role}`)} · ${t(`roles.permissions.${row.permission}`)}`}
                onChange={(e) => toggle(role, row.permission, e.target.checked)}
              />
            ),
          })),
        ]}
      />
    </Card>
  );
}
