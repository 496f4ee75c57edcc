import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConnectDialog } from '../hosting/api';
import { sameAs } from '../../components/confirmRule';
import { useWrite } from '../../api/hooks';
import { useState } from 'react';
import { call, CallError } from '../../api/client';
import { errorText, showFieldIssues } from '../../components/errors';
import { enterToNext } from '../../components/keyboard';
import { LanguageSwitch } from '../../app/Shell';
import { expandBuildings } from './buildings';
import { showRecoveryCode } from '../accounts/api';
import { newPasswordRules } from '../accounts/api';

interface SetupValues {
  username?: string;
  displayName?: string;
  password?: string;
  confirm?: string;
  streetName: string;
  communityName: string;
  committeeName?: string;
  grids: { name: string; buildings?: string }[];
}

/** First run: the community's name and its grids and buildings, so that addresses can be picked, not typed. */
export function SetupPage({ withAdmin }: { withAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SetupValues>();
  const setup = useWrite('community.setup');
  const [creatingAdmin, setCreatingAdmin] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const fail = (err: Error) => {
    if (!(err instanceof CallError && showFieldIssues(form, t, err.failure.issues))) message.error(errorText(t, err));
  };
  const submit = async (v: SetupValues) => {
    // The administrator comes first: the community is then set up as that (signed-in) person.
    let recoveryCode: string | undefined;
    if (withAdmin) {
      // A plain call, not a cached write: the screen must not change until the community is set up too.
      setCreatingAdmin(true);
      try {
        ({ recoveryCode } = await call('auth.createAdmin', { username: v.username ?? '', displayName: v.displayName ?? '', password: v.password ?? '' }));
      } catch (err) {
        return fail(err as Error);
      } finally {
        setCreatingAdmin(false);
      }
    }
    setup.mutate(
      {
        streetName: v.streetName,
        communityName: v.communityName,
        committeeName: v.committeeName ?? '',
        grids: v.grids.map((g) => ({ name: g.name, buildings: expandBuildings(g.buildings ?? '', (n) => t('setup.buildingName', { n })) })),
      },
      { onError: fail, onSuccess: () => showRecoveryCode(recoveryCode) },
    );
  };
  return (
    <div className="setup">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2}>{t('setup.title')}</Typography.Title>
        <LanguageSwitch />
      </Space>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      {withAdmin && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('hosting.joinTitle')}
          description={t('hosting.joinHelp')}
          action={
            <Button size="large" onClick={() => setConnecting(true)} data-testid="connect-to-host">
              {t('hosting.connectTitle')}
            </Button>
          }
        />
      )}
      {connecting && <ConnectDialog onClose={() => setConnecting(false)} />}
      <Card>
        <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} onKeyDownCapture={enterToNext} initialValues={{ grids: [{ name: t('setup.gridDefault', { n: 1 }), buildings: '' }] }}>
          {withAdmin && (
            <>
              <Typography.Title level={4}>{t('setup.admin')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t('setup.adminHelp')}</Typography.Paragraph>
              <Space align="start" wrap>
                <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}>
                  <Input autoFocus autoComplete="username" style={{ width: 220 }} data-testid="admin-username" />
                </Form.Item>
                <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true }]}>
                  <Input style={{ width: 220 }} data-testid="admin-name" />
                </Form.Item>
              </Space>
              <Space align="start" wrap>
                <Form.Item name="password" label={t('auth.password')} rules={newPasswordRules(t)}>
                  <Input.Password autoComplete="new-password" style={{ width: 220 }} data-testid="admin-password" />
                </Form.Item>
                <Form.Item
                  name="confirm"
                  label={t('auth.confirmPassword')}
                  dependencies={['password']}
                  rules={[sameAs(form, 'password', t)]}
                >
                  <Input.Password autoComplete="new-password" style={{ width: 220 }} data-testid="admin-confirm" />
                </Form.Item>
              </Space>
              <Typography.Title level={4}>{t('setup.communityPart')}</Typography.Title>
            </>
          )}
          <Form.Item name="streetName" label={t('setup.street')} rules={[{ required: true }]}>
            <Input autoFocus={!withAdmin} placeholder={t('setup.streetPlaceholder')} />
          </Form.Item>
          <Form.Item name="communityName" label={t('setup.community')} rules={[{ required: true }]}>
            <Input placeholder={t('setup.communityPlaceholder')} />
          </Form.Item>
          <Form.Item name="committeeName" label={t('setup.committee')} extra={t('setup.committeeHelp')}>
            <Input />
          </Form.Item>
          <Typography.Title level={4}>{t('setup.grids')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('setup.gridsHelp')}</Typography.Paragraph>
          <Form.List name="grids">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'name']} label={t('setup.gridName')} rules={[{ required: true }]}>
                      <Input style={{ width: 200 }} data-testid={`grid-name-${i}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'buildings']} label={t('setup.buildings')} extra={t('setup.buildingsHelp')}>
                      <Input style={{ width: 420 }} data-testid={`grid-buildings-${i}`} />
                    </Form.Item>
                    {fields.length > 1 && <Button aria-label={t('actions.remove')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 38 }} />}
                  </Space>
                ))}
                {/* The new grid's buildings are what comes next: the cursor goes there, not on to the finish button. */}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => {
                    add({ name: t('setup.gridDefault', { n: fields.length + 1 }), buildings: '' });
                    setTimeout(() => document.querySelector<HTMLInputElement>(`[data-testid="grid-buildings-${fields.length}"]`)?.focus(), 0);
                  }}
                >
                  {t('setup.addGrid')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" size="large" loading={setup.isPending || creatingAdmin}>
              {t('setup.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
