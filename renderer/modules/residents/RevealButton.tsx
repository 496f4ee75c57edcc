import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';

/** Shows the full ID number and phone only with a reason, which the audit log keeps. */
export function RevealButton({ id, onRevealed }: { id: number; onRevealed: (v: { idNumber: string; phone: string }) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (!can('residents.reveal')) return null;
  const reasons = ['certificate', 'verify', 'contact'].map((k) => t(`residents:reveal.reasons.${k}`));
  const submit = async ({ reason }: { reason: string }) => {
    try {
      onRevealed(await call('residents.reveal', { id, reason }));
      setOpen(false);
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  return (
    <>
      <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="reveal">
        {t('residents:reveal.button')}
      </Button>
      {open && (
        <Modal open title={t('residents:reveal.title')} okText={t('actions.confirm')} cancelText={t('actions.cancel')} onOk={() => form.submit()} onCancel={() => setOpen(false)}>
          <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)}>
            <Space wrap style={{ marginBottom: 12 }}>
              {reasons.map((r) => (
                <Button key={r} onClick={() => form.setFieldValue('reason', r)}>
                  {r}
                </Button>
              ))}
            </Space>
            <Form.Item name="reason" label={t('residents:reveal.reason')} rules={[{ required: true }]}>
              <Input autoFocus data-testid="reveal-reason" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
