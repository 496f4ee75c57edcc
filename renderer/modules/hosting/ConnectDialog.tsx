import { useState } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { connectToHost } from '../../api/client';
import { errorText } from '../../components/errors';
import { enterToNext } from '../../components/keyboard';

/** 连接到主机: a new PC joins the office's ledger with the host's address and a code from its administrator. */
export function ConnectDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ address: string; code: string; name: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { address: string; code: string; name: string }) => {
    setBusy(true);
    try {
      await connectToHost(v.address, v.code, v.name);
      message.success(t('hosting.connected', { name: v.name }), 6);
      onClose();
      // From now on every call goes to the host: its sign-in, its ledger.
      await client.invalidateQueries();
    } catch (err) {
      message.error(errorText(t, err), 10);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('hosting.connectTitle')} okText={t('hosting.connect')} cancelText={t('actions.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={busy} destroyOnHidden width={560}>
      <Typography.Paragraph type="secondary">{t('hosting.connectHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} onKeyDownCapture={enterToNext}>
        <Form.Item name="address" label={t('hosting.hostAddress')} rules={[{ required: true }]} extra={t('hosting.hostAddressHelp')}>
          <Input autoFocus placeholder="192.168.1.20" data-testid="connect-address" />
        </Form.Item>
        <Form.Item name="code" label={t('hosting.code')} rules={[{ required: true }]}>
          <Input placeholder="ABCD-EFGH-JKMN" style={{ textTransform: 'uppercase' }} data-testid="connect-code" />
        </Form.Item>
        <Form.Item name="name" label={t('hosting.thisDesk')} rules={[{ required: true, max: 20, message: t('errors:host.badDeskName') }]} extra={t('hosting.thisDeskHelp')}>
          <Input data-testid="connect-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
