import { useState } from 'react';
import { Button, Card, Checkbox, Descriptions, Form, Input, Radio, Select, Space, Table, Timeline } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProblemDetail } from '../../../shared/contract/visits';
import { SATISFACTION } from '../../../shared/rules/visits';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ContractItem, StepDialog } from '../../components/StepDialog';
import { useCan } from '../accounts/api';
import { ProblemTags } from './ProblemTags';
import { SendToConsultation } from '../consultation/api';
import { links, printLinks } from '../../../shared/contract/links';
import { Waiting } from '../../components/Waiting';

type Step = 'accept' | 'work' | 'resolve' | 'confirm' | 'answer' | 'referred' | 'rejected' | 'escalate' | 'mediation' | { reply: number };

/** One problem from found to answered: what, where, whose, every step with its note, the escalations and replies. */
export function ProblemPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const q = useCall('problems.get', { id });
  const [step, setStep] = useState<Step>();
  if (!q.isSuccess) return <Waiting query={q} />;
  const p = q.data;
  const edit = can('visits.edit');
  const has = (s: ProblemDetail['next'][number]) => p.next.includes(s);
  const buttons: [Step, string, boolean][] = [
    ['accept', 'visits:problems.accept', has('accepted')],
    ['work', 'visits:problems.work', p.state === 'accepted' || p.state === 'inHand'],
    ['resolve', 'visits:problems.resolve', has('resolved')],
    ['confirm', 'visits:problems.confirm', p.state === 'resolved'],
    ['answer', 'visits:problems.answer', has('answered')],
    ['escalate', 'visits:problems.escalate', ['found', 'accepted', 'inHand'].includes(p.state)],
    ['mediation', 'visits:problems.toMediation', p.mayMediate],
    ['referred', 'visits:problems.refer', has('referred')],
    ['rejected', 'visits:problems.reject', has('rejected')],
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="page-card">
      <Card
        title={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('visits/problems')}>
              {t('visits:problems.back')}
            </Button>
            <span data-testid="problem-number">{p.number}</span>
            <ProblemTags p={p} />
          </Space>
        }
      >
        <Descriptions column={3} bordered size="middle">
          <Descriptions.Item label={t('visits:fields.source')}>
            {t(`visits:source.${p.source}`)} {p.hotlineTicket}
          </Descriptions.Item>
          <Descriptions.Item label={t('visits:fields.raiser')}>
            {p.anonymous ? t('visits:fields.anonymous') : p.raiser} {p.contactMasked}
          </Descriptions.Item>
          <Descriptions.Item label={t('visits:fields.category')}>{p.category}</Descriptions.Item>
          <Descriptions.Item label={t('visits:fields.content')} span={3}>
            <span data-testid="problem-content">{p.content}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('visits:fields.where')}>{[p.grid, p.where].filter(Boolean).join(' ')}</Descriptions.Item>
          <Descriptions.Item label={t('visits:fields.foundOn')}>{p.foundOn}</Descriptions.Item>
          <Descriptions.Item label={t('visits:fields.deadline')}>{p.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('visits:fields.assignee')}>{p.assignee || t('visits:problems.unassigned')}</Descriptions.Item>
          {p.resolution && <Descriptions.Item label={t('visits:fields.resolution')}>{p.resolution}</Descriptions.Item>}
          {p.confirmedOn && (
            <Descriptions.Item label={t('visits:fields.outcome')}>
              {t(`visits:problems.outcome.${p.raiserConfirmed ? 'confirmed' : 'unreachable'}`)} {p.satisfaction && `· ${t(`visits:satisfaction.${p.satisfaction}`)}`} {p.confirmation}
            </Descriptions.Item>
          )}
          {p.answer && <Descriptions.Item label={t('visits:fields.answer')}>{p.answer}</Descriptions.Item>}
          {p.closeReason && <Descriptions.Item label={t('visits:fields.reason')}>{p.closeReason}</Descriptions.Item>}
          {p.mediationCaseId && (
            <Descriptions.Item label={t('nav.mediation')}>
              <Button type="link" onClick={() => navigate(links.mediationCase(p.mediationCaseId!))} disabled={!can('mediation.work')}>
                {t('visits:problems.caseLink', { number: p.mediationCaseNumber })}
              </Button>
            </Descriptions.Item>
          )}
          {p.residentId && can('residents.view') && (
            <Descriptions.Item label={t('nav.residents')}>
              <Button type="link" onClick={() => navigate(links.resident(p.residentId!))}>
                {p.raiser}
              </Button>
            </Descriptions.Item>
          )}
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          <SendToConsultation kind="problem" recordId={p.id} title={p.content} />
        </div>
        {edit && (
          <Space wrap style={{ marginTop: 16 }}>
            {buttons
              .filter(([, , shown]) => shown)
              .map(([s, label], i) => (
                <Button key={String(s)} size="large" type={i === 0 ? 'primary' : 'default'} danger={s === 'rejected'} onClick={() => setStep(s)} data-testid={`problem-${String(s)}`}>
                  {t(label)}
                </Button>
              ))}
          </Space>
        )}
      </Card>
      {p.escalations.length > 0 && (
        <Card title={t('visits:problems.escalations')}>
          <Table
            rowKey="id"
            pagination={false}
            dataSource={p.escalations}
            data-testid="escalations"
            columns={[
              { title: t('visits:print.sentOn'), dataIndex: 'date', width: 115 },
              { title: t('visits:print.referralTo'), dataIndex: 'toWhom', width: 150 },
              { title: t('visits:fields.request'), dataIndex: 'request' },
              { title: t('visits:fields.replyDeadline'), dataIndex: 'deadline', width: 115 },
              { title: t('visits:fields.reply'), render: (_, e) => (e.reply ? `${e.replyOn} ${e.reply}` : t('visits:problems.noReply')) },
              {
                title: '',
                width: 260,
                render: (_, e) => (
                  <Space>
                    <Button icon={<PrinterOutlined />} onClick={() => navigate(printLinks.referral(p.id, e.id))} data-testid={`print-referral-${e.id}`}>
                      {t('visits:problems.printReferral')}
                    </Button>
                    {edit && !e.reply && (
                      <Button onClick={() => setStep({ reply: e.id })} data-testid={`reply-${e.id}`}>
                        {t('visits:problems.reply')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Card title={t('visits:problems.history')}>
        <Timeline items={p.events.map((e) => ({ children: `${e.date} · ${t(`visits:state.${e.to}`)}${e.note ? ` · ${e.note}` : ''} · ${e.actor}` }))} />
      </Card>
      {step && <StepForm p={p} step={step} onClose={() => setStep(undefined)} />}
    </Space>
  );
}

function StepForm({ p, step, onClose }: { p: ProblemDetail; step: Step; onClose: () => void }) {
  const { t } = useTranslation();
  const staff = useCall('problems.staff', {});
  const mediators = useCall('mediation.mediators', {}, { enabled: step === 'mediation' });
  const base = { onClose, initial: { date: todayIso() }, done: t('visits:problems.done') };
  // Fields several steps' methods take: each dialog's own method says whether they are required.
  const date = (
    <ContractItem name="date" label={t('visits:fields.date')}>
      <Input />
    </ContractItem>
  );
  const text = (name: string, label: string) => (
    <ContractItem name={name} label={t(label)}>
      <Input.TextArea rows={3} data-testid={`step-${name}`} />
    </ContractItem>
  );
  if (typeof step === 'object')
    return (
      <StepDialog {...base} method="problems.reply" title={t('visits:problems.reply')} fixed={{ escalationId: step.reply }} testId="step">
        {text('reply', 'visits:fields.reply')}
        {date}
      </StepDialog>
    );
  switch (step) {
    case 'accept':
      return (
        <StepDialog {...base} method="problems.accept" title={t('visits:problems.accept')} fixed={{ id: p.id }} initial={{ date: todayIso(), assigneeId: p.assigneeId ?? undefined }} testId="step">
          <Form.Item name="assigneeId" label={t('visits:fields.assignee')}>
            <Select allowClear options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="step-assignee" />
          </Form.Item>
          {text('note', 'visits:fields.note')}
          {date}
        </StepDialog>
      );
    case 'work':
      return (
        <StepDialog {...base} method="problems.work" title={t('visits:problems.work')} fixed={{ id: p.id }} testId="step">
          {text('note', 'visits:fields.note')}
          {date}
        </StepDialog>
      );
    case 'resolve':
      return (
        <StepDialog {...base} method="problems.resolve" title={t('visits:problems.resolve')} fixed={{ id: p.id }} testId="step">
          {text('resolution', 'visits:fields.resolution')}
          {date}
        </StepDialog>
      );
    case 'confirm':
      return (
        <StepDialog {...base} method="problems.confirm" title={t('visits:problems.confirm')} fixed={{ id: p.id }} initial={{ date: todayIso(), outcome: p.anonymous ? 'unreachable' : 'confirmed', satisfaction: p.anonymous ? '' : 'satisfied' }} testId="step">
          <Form.Item name="outcome" label={t('visits:fields.outcome')}>
            <Radio.Group options={(['confirmed', 'notSolved', 'unreachable'] as const).map((o) => ({ value: o, label: t(`visits:problems.outcome.${o}`), disabled: o === 'confirmed' && p.anonymous }))} data-testid="step-outcome" />
          </Form.Item>
          <Form.Item name="satisfaction" label={t('visits:fields.satisfaction')}>
            <Radio.Group options={SATISFACTION.map((s) => ({ value: s, label: t(`visits:satisfaction.${s}`) }))} />
          </Form.Item>
          {text('note', 'visits:fields.note')}
          {date}
        </StepDialog>
      );
    case 'answer':
      return (
        <StepDialog {...base} method="problems.answer" title={t('visits:problems.answer')} fixed={{ id: p.id }} testId="step">
          {text('answer', 'visits:fields.answer')}
          {date}
        </StepDialog>
      );
    case 'referred':
    case 'rejected':
      return (
        <StepDialog {...base} method="problems.close" title={t(step === 'referred' ? 'visits:problems.refer' : 'visits:problems.reject')} fixed={{ id: p.id, how: step }} testId="step">
          {text('reason', 'visits:fields.reason')}
          {date}
        </StepDialog>
      );
    case 'escalate':
      return (
        <StepDialog {...base} method="problems.escalate" title={t('visits:problems.escalate')} fixed={{ id: p.id }} initial={{ date: todayIso(), request: p.content, deadline: '' }} testId="step">
          <ContractItem name="toWhom" label={t('visits:fields.toWhom')}>
            <Input data-testid="step-toWhom" />
          </ContractItem>
          {text('request', 'visits:fields.request')}
          <Form.Item name="deadline" label={t('visits:fields.replyDeadline')}>
            <Input placeholder="2026-12-31" data-testid="step-deadline" />
          </Form.Item>
          {date}
        </StepDialog>
      );
    case 'mediation':
      return (
        <StepDialog {...base} method="problems.toMediation" title={t('visits:problems.toMediation')} fixed={{ id: p.id }} initial={{ date: todayIso(), mediatorIds: [] }} testId="step" onDone={(v) => navigate(links.mediationCase((v as { caseId: number }).caseId))}>
          <ContractItem name="otherParty" label={t('visits:fields.otherParty')}>
            <Input data-testid="step-otherParty" />
          </ContractItem>
          <Form.Item name="mediatorIds" label={t('visits:fields.mediators')} rules={[{ required: true }]}>
            <Select mode="multiple" optionFilterProp="label" options={(mediators.data ?? []).map((m) => ({ value: m.id, label: m.name }))} data-testid="step-mediators" />
          </Form.Item>
          <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('errors:mediation.consentNeeded')))) }]}>
            <Checkbox data-testid="step-consent">{t('visits:problems.consent')}</Checkbox>
          </Form.Item>
          {date}
        </StepDialog>
      );
  }
}
