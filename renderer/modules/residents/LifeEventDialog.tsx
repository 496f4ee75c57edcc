import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/rules/idNumber';
import { CallError } from '../../api/client';
import { useWrite } from '../../api/hooks';
import { errorText, showFieldIssues } from '../../components/errors';
import { enterToNext } from '../../components/keyboard';
import { HouseholdPicker } from './HouseholdPicker';
import { CodeSelect } from '../../components/CodeSelect';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';

export type LifeEventKind = 'moveOut' | 'recordDeath' | 'moveBackIn' | 'moveMember';

/** Move out, death, move back in, change of household: each asks for its date and reason, and is kept on the timeline. */
export function LifeEventDialog({ kind, residentId, name, onClose }: { kind: LifeEventKind; residentId: number; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: string; reason: string; householdId?: number; relation?: string }>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const moveOut = useWrite('residents.moveOut');
  const death = useWrite('residents.recordDeath');
  const back = useWrite('residents.moveBackIn');
  const move = useWrite('households.moveMember');
  const onError = (err: Error) => {
    if (!(err instanceof CallError && showFieldIssues(form, t, err.failure.issues))) message.error(errorText(t, err));
  };
  const onSuccess = () => {
    message.success(t(`residents:events.done.${kind}`, { name }));
    onClose();
  };
  const submit = (v: { date: string; reason: string; householdId?: number; relation?: string }) => {
    if (kind === 'moveOut') moveOut.mutate({ id: residentId, date: v.date, reason: v.reason }, { onError, onSuccess });
    if (kind === 'recordDeath') death.mutate({ id: residentId, date: v.date, reason: v.reason }, { onError, onSuccess });
    if (kind === 'moveBackIn')
      back.mutate({ id: residentId, date: v.date, reason: v.reason, relation: v.relation ?? '', placement: { kind: 'existing', householdId: v.householdId ?? 0 } }, { onError, onSuccess });
    if (kind === 'moveMember') move.mutate({ residentId, householdId: v.householdId ?? 0, relation: v.relation ?? '' }, { onError, onSuccess });
  };
  const required = { required: true };
  return (
    <Modal open title={t(`residents:events.title.${kind}`, { name })} okText={t('actions.confirm')} cancelText={t('actions.cancel')} onOk={() => form.submit()} onCancel={closeAsking} maskClosable={false} destroyOnHidden>
      <Form form={form} layout="vertical" size="large" onFinish={submit} onKeyDownCapture={enterToNext} initialValues={{ date: todayIso(), reason: '' }}>
        {(kind === 'moveBackIn' || kind === 'moveMember') && (
          <>
            <Form.Item name="householdId" label={t('residents:form.pickHousehold')} rules={[required]}>
              <HouseholdPicker />
            </Form.Item>
            <Form.Item name="relation" label={t('residents:fields.relation')} rules={[required]}>
              <CodeSelect list="relation" />
            </Form.Item>
          </>
        )}
        {kind !== 'moveMember' && (
          <>
            <Form.Item name="date" label={t('residents:events.date')} rules={[required]}>
              <Input autoFocus placeholder="2026-01-31" />
            </Form.Item>
            <Form.Item name="reason" label={t('residents:events.reason')} rules={[required]}>
              <Input placeholder={t(`residents:events.reasonPlaceholder.${kind}`)} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
