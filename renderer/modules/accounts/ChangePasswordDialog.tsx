import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { sameAs } from '../../components/confirmRule';
import { useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { newPasswordRules } from './passwordRules';

/** A user changes their own password; after an administrator's reset they must, before anything else. */
export function ChangePasswordDialog({ forced, onClose }: { forced: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ current: string; next: string; confirm: string }>();
  const change = useWrite('auth.changePassword');
  const submit = (v: { current: string; next: string }) =>
    change.mutate(
      { current: v.current, next: v.next },
      { onError: (err) => message.error(errorText(t, err)), onSuccess: () => (message.success(t('auth.passwordChanged')), onClose()) },
    );
  return (
    <Modal open title={t('auth.changePassword')} okText={t('actions.save')} cancelText={t('actions.cancel')} onOk={() => form.submit()} onCancel={forced ? undefined : onClose} closable={!forced} maskClosable={false} cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}>
      {forced && <Typography.Paragraph>{t('auth.mustChange')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" size="large" onFinish={submit}>
        <Form.Item name="current" label={t('auth.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label={t('auth.newPassword')} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['next']}
          rules={[sameAs(form, 'next', t)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
