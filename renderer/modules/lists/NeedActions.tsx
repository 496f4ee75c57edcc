import { Form, Input, InputNumber, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/rules/idNumber';
import { ContractItem, StepDialog } from '../../components/StepDialog';

export function ClaimDialog({ needId, resourceId, provider, onClose }: { needId: number; resourceId?: number; provider: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <StepDialog method="lists.claim" title={t('lists:need.claim')} done={t('lists:need.claimed')} fixed={{ needId, resourceId }} initial={{ claimedBy: provider, date: todayIso(), dueOn: '' }} onClose={onClose} testId="claim">
      <ContractItem name="claimedBy" label={t('lists:fields.claimedBy')}>
        <Input data-testid="claim-by" />
      </ContractItem>
      <ContractItem name="date" label={t('lists:fields.date')}>
        <Input />
      </ContractItem>
      <Form.Item name="dueOn" label={t('lists:fields.dueOn')}>
        <Input placeholder="2026-12-31" data-testid="claim-due" />
      </Form.Item>
    </StepDialog>
  );
}

export function ServiceDialog({ needId, byWhom, onClose }: { needId: number; byWhom: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <StepDialog method="lists.addService" title={t('lists:need.service')} done={t('lists:need.serviceSaved')} fixed={{ needId }} initial={{ date: todayIso(), hours: 1, byWhom }} onClose={onClose} testId="service">
      <ContractItem name="date" label={t('lists:fields.date')}>
        <Input data-testid="service-date" />
      </ContractItem>
      <Form.Item name="hours" label={t('lists:fields.hours')} rules={[{ required: true, message: t('errors:lists.hoursRange') }]}>
        <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} data-testid="service-hours" />
      </Form.Item>
      <ContractItem name="content" label={t('lists:fields.serviceContent')}>
        <Input.TextArea rows={3} data-testid="service-content" />
      </ContractItem>
      <ContractItem name="byWhom" label={t('lists:fields.byWhom')}>
        <Input data-testid="service-by" />
      </ContractItem>
    </StepDialog>
  );
}

export function FeedbackDialog({ needId, onClose }: { needId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = [1, 2, 3, 4, 5].map((n) => t(`lists:need.rate.${n}`));
  return (
    <StepDialog method="lists.feedback" title={t('lists:need.feedback')} done={t('lists:need.feedbackSaved')} fixed={{ needId }} initial={{ date: todayIso(), satisfaction: 5 }} onClose={onClose} testId="feedback">
      <Form.Item name="satisfaction" label={t('lists:fields.satisfaction')}>
        <Rate tooltips={labels} style={{ fontSize: 36 }} data-testid="feedback-rate" />
      </Form.Item>
      <Form.Item name="comment" label={t('lists:fields.comment')}>
        <Input.TextArea rows={2} data-testid="feedback-comment" />
      </Form.Item>
      <ContractItem name="date" label={t('lists:fields.date')}>
        <Input />
      </ContractItem>
    </StepDialog>
  );
}

export function CompleteDialog({ needId, onClose }: { needId: number; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <StepDialog method="lists.complete" title={t('lists:need.complete')} done={t('lists:need.completed')} fixed={{ needId }} initial={{ date: todayIso() }} onClose={onClose} testId="complete">
      <ContractItem name="date" label={t('lists:fields.date')}>
        <Input />
      </ContractItem>
    </StepDialog>
  );
}

/** Undoing a match or withdrawing a need: both keep the reason on the need's history. */
export function ReasonDialog({ needId, kind, onClose }: { needId: number; kind: 'cancel' | 'withdraw'; onClose: () => void }) {
  const { t } = useTranslation();
  // Both methods take the reason under one name: the field is the same in either dialog.
  const field = (
    <ContractItem name="reason" label={t('lists:fields.reason')}>
      <Input.TextArea rows={2} data-testid="reason-text" />
    </ContractItem>
  );
  return kind === 'cancel' ? (
    <StepDialog method="lists.cancelMatch" title={t('lists:need.cancelTitle')} done={t('lists:need.cancelled')} fixed={{ needId }} initial={{}} onClose={onClose} testId="reason">
      {field}
    </StepDialog>
  ) : (
    <StepDialog method="lists.withdraw" title={t('lists:need.withdrawTitle')} done={t('lists:need.withdrawn')} fixed={{ id: needId }} initial={{}} onClose={onClose} testId="reason">
      {field}
    </StepDialog>
  );
}
