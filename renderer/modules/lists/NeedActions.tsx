import type { ReactNode } from 'react';
import { App, Form, Input, InputNumber, Modal, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Input as CallInput } from '../../../shared/contract';
import { todayIso } from '../../../shared/rules/idNumber';
import { useWrite } from '../../api/hooks';
import { enterToNext } from '../../components/keyboard';
import { errorText } from '../../components/errors';

type ActionMethod = 'lists.claim' | 'lists.addService' | 'lists.feedback' | 'lists.cancelMatch' | 'lists.withdraw' | 'lists.complete';

/** One step on a need, as a small form: the fields, the write, the word said when it is saved. */
function ActionDialog<M extends ActionMethod>({ method, title, done, fixed, initial, children, onClose, testId }: { method: M; title: string; done: string; fixed: Partial<CallInput<M>>; initial: Record<string, unknown>; children: ReactNode; onClose: () => void; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const write = useWrite(method);
  const submit = (values: Record<string, unknown>) =>
    write.mutate({ ...values, ...fixed } as CallInput<M>, {
      onSuccess: () => {
        message.success(done);
        onClose();
      },
      onError: (err) => message.error(errorText(t, err)),
    });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: write.isPending, id: `${testId}-save` }} cancelButtonProps={{ size: 'large' }}>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDown={enterToNext} initialValues={initial} data-testid={`${testId}-form`}>
        {children}
      </Form>
    </Modal>
  );
}

const required = (t: (k: string) => string) => [{ required: true, whitespace: true, message: t('errors:validation.required') }];

export function ClaimDialog({ needId, resourceId, provider, onClose }: { needId: number; resourceId?: number; provider: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionDialog method="lists.claim" title={t('lists:need.claim')} done={t('lists:need.claimed')} fixed={{ needId, resourceId }} initial={{ claimedBy: provider, date: todayIso(), dueOn: '' }} onClose={onClose} testId="claim">
      <Form.Item name="claimedBy" label={t('lists:fields.claimedBy')} rules={required(t)}>
        <Input data-testid="claim-by" />
      </Form.Item>
      <Form.Item name="date" label={t('lists:fields.date')} rules={required(t)}>
        <Input />
      </Form.Item>
      <Form.Item name="dueOn" label={t('lists:fields.dueOn')}>
        <Input placeholder="2026-12-31" data-testid="claim-due" />
      </Form.Item>
    </ActionDialog>
  );
}

export function ServiceDialog({ needId, byWhom, onClose }: { needId: number; byWhom: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionDialog method="lists.addService" title={t('lists:need.service')} done={t('lists:need.serviceSaved')} fixed={{ needId }} initial={{ date: todayIso(), hours: 1, byWhom }} onClose={onClose} testId="service">
      <Form.Item name="date" label={t('lists:fields.date')} rules={required(t)}>
        <Input data-testid="service-date" />
      </Form.Item>
      <Form.Item name="hours" label={t('lists:fields.hours')} rules={[{ required: true, message: t('errors:lists.hoursRange') }]}>
        <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} data-testid="service-hours" />
      </Form.Item>
      <Form.Item name="content" label={t('lists:fields.serviceContent')} rules={required(t)}>
        <Input.TextArea rows={3} data-testid="service-content" />
      </Form.Item>
      <Form.Item name="byWhom" label={t('lists:fields.byWhom')} rules={required(t)}>
        <Input data-testid="service-by" />
      </Form.Item>
    </ActionDialog>
  );
}

export function FeedbackDialog({ needId, onClose }: { needId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = [1, 2, 3, 4, 5].map((n) => t(`lists:need.rate.${n}`));
  return (
    <ActionDialog method="lists.feedback" title={t('lists:need.feedback')} done={t('lists:need.feedbackSaved')} fixed={{ needId }} initial={{ date: todayIso(), satisfaction: 5 }} onClose={onClose} testId="feedback">
      <Form.Item name="satisfaction" label={t('lists:fields.satisfaction')}>
        <Rate tooltips={labels} style={{ fontSize: 36 }} data-testid="feedback-rate" />
      </Form.Item>
      <Form.Item name="comment" label={t('lists:fields.comment')}>
        <Input.TextArea rows={2} data-testid="feedback-comment" />
      </Form.Item>
      <Form.Item name="date" label={t('lists:fields.date')} rules={required(t)}>
        <Input />
      </Form.Item>
    </ActionDialog>
  );
}

export function CompleteDialog({ needId, onClose }: { needId: number; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionDialog method="lists.complete" title={t('lists:need.complete')} done={t('lists:need.completed')} fixed={{ needId }} initial={{ date: todayIso() }} onClose={onClose} testId="complete">
      <Form.Item name="date" label={t('lists:fields.date')} rules={required(t)}>
        <Input />
      </Form.Item>
    </ActionDialog>
  );
}

/** Undoing a match or withdrawing a need: both keep the reason on the need's history. */
export function ReasonDialog({ needId, kind, onClose }: { needId: number; kind: 'cancel' | 'withdraw'; onClose: () => void }) {
  const { t } = useTranslation();
  const field = (
    <Form.Item name="reason" label={t('lists:fields.reason')} rules={required(t)}>
      <Input.TextArea rows={2} data-testid="reason-text" />
    </Form.Item>
  );
  return kind === 'cancel' ? (
    <ActionDialog method="lists.cancelMatch" title={t('lists:need.cancelTitle')} done={t('lists:need.cancelled')} fixed={{ needId }} initial={{}} onClose={onClose} testId="reason">
      {field}
    </ActionDialog>
  ) : (
    <ActionDialog method="lists.withdraw" title={t('lists:need.withdrawTitle')} done={t('lists:need.withdrawn')} fixed={{ id: needId }} initial={{}} onClose={onClose} testId="reason">
      {field}
    </ActionDialog>
  );
}
