import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { enterToNext } from '../../components/keyboard';
import { LanguageSwitch } from '../../app/Shell';
import { sameAs } from '../../components/confirmRule';
import { showRecoveryCode } from './RecoveryCodePage';
import { newPasswordRules } from './passwordRules';

/** Sign in, or unlock a locked session (the same person types their password again). */
export function LoginPage({ locked, again, username, onOtherUser }: { locked?: boolean; again?: boolean; username?: string; onOtherUser?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const login = useWrite('auth.login');
  const unlock = useWrite('auth.unlock');
  const logout = useWrite('auth.logout');
  const [recovering, setRecovering] = useState(false);
  const submit = (v: { username: string; password: string }) => {
    const onError = (err: Error) => message.error(errorText(t, err));
    if (locked) unlock.mutate({ password: v.password }, { onError });
    // Signing in to a ledger from before encryption encrypts it: its recovery code is shown once.
    else login.mutate({ username: v.username ?? username ?? '', password: v.password }, { onError, onSuccess: (me) => showRecoveryCode(me.recoveryCode) });
  };
  return (
    <div className="setup" style={{ maxWidth: 480 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={2}>{locked ? t('auth.lockedTitle') : again ? t('auth.againTitle') : t('auth.loginTitle')}</Typography.Title>
        <LanguageSwitch />
      </div>
      {locked && <Typography.Paragraph type="secondary">{t('auth.lockedHelp', { name: username })}</Typography.Paragraph>}
      {again && <Typography.Paragraph type="secondary">{t('auth.againHelp', { name: username })}</Typography.Paragraph>}
      <Card>
        <Form layout="vertical" size="large" onFinish={submit} onKeyDownCapture={enterToNext} initialValues={{ username }}>
          {!locked && !again && (
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}>
              <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
            </Form.Item>
          )}
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoFocus={locked || again} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending || unlock.isPending} data-testid="login-submit">
            {locked ? t('auth.unlock') : t('auth.login')}
          </Button>
          {(locked || again) && (
            <Button type="link" block onClick={() => (locked ? logout.mutate({}) : onOtherUser?.())} style={{ marginTop: 8 }}>
              {t('auth.otherUser')}
            </Button>
          )}
          {!locked && !again && (
            <Button type="link" block onClick={() => setRecovering(true)} style={{ marginTop: 8 }} data-testid="login-forgot">
              {t('auth.forgot')}
            </Button>
          )}
        </Form>
      </Card>
      {recovering && <RecoverDialog onClose={() => setRecovering(false)} />}
    </div>
  );
}

/** Every password forgotten (or the key file lost): the recovery code from the safe sets a new one. */
function RecoverDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string; recoveryCode: string; password: string; confirm: string }>();
  const recover = useWrite('auth.recover');
  const submit = (v: { username: string; recoveryCode: string; password: string }) =>
    recover.mutate({ username: v.username, recoveryCode: v.recoveryCode, password: v.password }, { onError: (err) => message.error(errorText(t, err)) });
  return (
    <Modal open title={t('auth.recoverTitle')} okText={t('auth.recover')} cancelText={t('actions.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={recover.isPending} destroyOnHidden width={640}>
      <Typography.Paragraph type="secondary">{t('auth.recoverHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" onFinish={submit} onKeyDownCapture={enterToNext}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}>
          <Input autoFocus autoComplete="username" data-testid="recover-username" />
        </Form.Item>
        <Form.Item name="recoveryCode" label={t('auth.recoveryCode')} rules={[{ required: true }]}>
          <Input.TextArea autoSize className="recovery-input" data-testid="recover-code" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.newPassword')} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" data-testid="recover-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('auth.confirmPassword')} dependencies={['password']} rules={[{ required: true }, sameAs(form, 'password', t)]}>
          <Input.Password autoComplete="new-password" data-testid="recover-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
