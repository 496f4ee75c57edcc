import { useState } from 'react';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATTER_FORMS } from '../../../shared/rules/consultation';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ContractItem, StepDialog } from '../../components/StepDialog';
import { useCan } from '../accounts/api';
import { links } from '../../../shared/contract/links';

/**
 * On a problem's or a need's page: the matters it was sent to, with their results, and the one step
 * that sends it (its content and who raised it go with it).
 */
export function SendToConsultation({ kind, recordId, title }: { kind: 'problem' | 'need'; recordId: number; title: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const linked = useCall('consultation.linked', { kind, recordId }, { enabled: can('consultation.view') });
  if (!can('consultation.view')) return null;
  return (
    <Space direction="vertical" data-testid="consultation-links">
      {(linked.data ?? []).map((m) => (
        <Button key={m.id} type="link" onClick={() => navigate(links.matter(m.id))} data-testid={`consultation-link-${m.id}`}>
          {t('consultation:send.linked', { number: m.number, title: m.title, state: t(`consultation:state.${m.state}`) })}
          {m.outcome && ` · ${m.outcome}`}
        </Button>
      ))}
      {can('consultation.edit') && (
        <Button size="large" onClick={() => setOpen(true)} data-testid="send-to-consultation">
          {t('consultation:send.button')}
        </Button>
      )}
      {open && (
        <StepDialog method="consultation.fromRecord" title={t('consultation:send.title')} done={t('consultation:done')} fixed={{ kind, recordId }} initial={{ date: todayIso(), title: title.slice(0, 60), form: 'council' }} onClose={() => setOpen(false)} onDone={(v) => navigate(links.matter((v as { id: number }).id))} testId="send">
          <Typography.Paragraph type="secondary">{t('consultation:send.help')}</Typography.Paragraph>
          <ContractItem name="title" label={t('consultation:fields.title')}>
            <Input maxLength={60} data-testid="send-title" />
          </ContractItem>
          <ContractItem name="form" label={t('consultation:fields.form')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={MATTER_FORMS.map((s) => ({ value: s, label: t(`consultation:form.${s}`) }))} />
          </ContractItem>
          <ContractItem name="date" label={t('consultation:fields.proposedOn')}>
            <Input />
          </ContractItem>
        </StepDialog>
      )}
    </Space>
  );
}
