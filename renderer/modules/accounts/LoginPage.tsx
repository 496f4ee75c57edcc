import { App, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { enterToNext } from '../../components/keyboard';
import { LanguageSwitch } from '../../app/Shell';

/** Sign in, or unlock a locked session (the same person types their password again). */
export function LoginPage({ locked, username }: { locked?: boolean; username?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const login = useWrite('auth.login');
  const unlock = useWrite('auth.unlock');
  const logout = useWrite('auth.logout');
  const submit = (v: { username: string; password: string }) => {
    const onError = (err: Error) => message.error(errorText(t, err));
    if (locked) unlock.mutate({ password: v.password }, { onError });
    else login.mutate(v, { onError });
  };
  return (
    <div className="setup" style={{ maxWidth: 480 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={2}>{locked ? t('auth.lockedTitle') : t('auth.loginTitle')}</Typography.Title>
        <LanguageSwitch />
      </div>
      {locked && <Typography.Paragraph type="secondary">{t('auth.lockedHelp', { name: username })}</Typography.Paragraph>}
      <Card>
        <Form layout="vertical" size="large" onFinish={submit} onKeyDown={enterToNext} initialValues={{ username }}>
          {!locked && (
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('errors:validation.required') }]}>
              <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
            </Form.Item>
          )}
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('errors:validation.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoFocus={locked} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending || unlock.isPending} data-testid="login-submit">
            {locked ? t('auth.unlock') : t('auth.login')}
          </Button>
          {locked && (
            <Button type="link" block onClick={() => logout.mutate({})} style={{ marginTop: 8 }}>
              {t('auth.otherUser')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
