import { useState, type ReactNode } from 'react';
import { Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Steps, Table, Tag } from 'antd';
import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MatterDetail } from '../../../shared/contract/consultation';
import { MATTER_STEPS, PARTICIPANT_KINDS, RESIDENT_KINDS, type MatterStep } from '../../../shared/rules/consultation';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ResidentPicker } from '../../components/ResidentPicker';
import { ContractItem, REQUIRED, StepDialog } from '../../components/StepDialog';
import { useCan } from '../accounts/api';
import { printLinks } from '../../../shared/contract/links';
import { Waiting } from '../../components/Waiting';

/** The stage a matter is at, as a tag: finished green, declined red, anything else under way. */
export function MatterStateTag({ state }: { state: MatterDetail['state'] }) {
  const { t } = useTranslation();
  const color = state === 'closed' ? 'green' : state === 'declined' ? 'red' : 'blue';
  return <Tag color={color}>{t(`consultation:state.${state}`)}</Tag>;
}

/** One matter: what it is, each step of its procedure with date and who, the next step as one button, its papers. */
export function MatterPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const q = useCall('consultation.get', { id });
  const [step, setStep] = useState<MatterStep>();
  if (!q.isSuccess) return <Waiting query={q} />;
  const m = q.data;
  const mayTake = m.next && (m.next === 'review' ? can('consultation.review') : can('consultation.edit'));
  const done = new Set(m.steps.map((s) => s.step));
  const prints: ['notice' | 'signin' | 'record' | 'result', string, boolean][] = [
    ['notice', 'consultation:print.notice', !!m.notice],
    ['signin', 'consultation:print.signIn', m.participants.length > 0],
    ['record', 'consultation:print.record', !!m.meeting],
    ['result', 'consultation:print.result', !!m.publication],
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="page-card">
      <Card
        title={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('consultation')}>
              {t('consultation:back')}
            </Button>
            <span data-testid="matter-number">{m.number}</span>
            <span>{m.title}</span>
            <MatterStateTag state={m.state} />
          </Space>
        }
      >
        <Steps
          size="small"
          style={{ marginBottom: 16 }}
          current={m.next ? MATTER_STEPS.indexOf(m.next) : MATTER_STEPS.length}
          status={m.state === 'declined' ? 'error' : undefined}
          items={MATTER_STEPS.map((s) => ({ title: t(`consultation:step.${s}`), description: m.steps.find((x) => x.step === s)?.date ?? '', status: done.has(s) ? 'finish' : undefined }))}
          data-testid="matter-steps"
        />
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="middle">
          <Descriptions.Item label={t('consultation:fields.source')}>
            {t(`consultation:source.${m.source}`)} {m.sourceNumber}
          </Descriptions.Item>
          <Descriptions.Item label={t('consultation:fields.raiser')}>{m.raiser}</Descriptions.Item>
          <Descriptions.Item label={t('consultation:fields.form')}>{t(`consultation:form.${m.form}`)}</Descriptions.Item>
          <Descriptions.Item label={t('consultation:fields.content')} span={3}>
            {m.content}
          </Descriptions.Item>
          {(m.buildings || m.scope) && <Descriptions.Item label={t('consultation:fields.buildings')}>{[m.buildings, m.scope].filter(Boolean).join(' · ')}</Descriptions.Item>}
          {m.review && <Descriptions.Item label={t('consultation:step.review')}>{`${m.review.on} · ${m.review.reviewer} · ${t(m.review.agreed ? 'consultation:agreedYes' : 'consultation:agreedNo')} · ${m.review.opinion}`}</Descriptions.Item>}
          {m.notice && <Descriptions.Item label={t('consultation:fields.meetingOn')}>{`${m.notice.meetingOn} ${m.notice.meetingTime} ${m.notice.place}`}</Descriptions.Item>}
          {m.meeting && (
            <Descriptions.Item label={t('consultation:fields.outcome')} span={3}>
              <span data-testid="matter-outcome">
                <Tag color={m.agreed ? 'green' : 'orange'}>{t(m.agreed ? 'consultation:resultAgreed' : 'consultation:resultNotAgreed')}</Tag>
                {m.meeting.outcome}
                {m.meeting.votes && ` (${t('consultation:fields.votesFor')} ${m.meeting.votes.for} · ${t('consultation:fields.votesAgainst')} ${m.meeting.votes.against} · ${t('consultation:fields.votesAbstain')} ${m.meeting.votes.abstain})`}
              </span>
            </Descriptions.Item>
          )}
          {m.publication && <Descriptions.Item label={t('consultation:step.publish')}>{t('consultation:print.period', m.publication)}</Descriptions.Item>}
          {m.execution && <Descriptions.Item label={t('consultation:fields.executor')}>{`${m.execution.executor} · ${m.execution.task} · ${t('consultation:fields.dueBy')} ${m.execution.dueBy}${m.execution.doneOn ? ` · ${m.execution.doneOn} ${m.execution.done}` : ''}`}</Descriptions.Item>}
          {m.feedback && <Descriptions.Item label={t('consultation:fields.rate')}>{`${m.feedback.rate}% · ${m.feedback.how}`}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          {mayTake && m.next && (
            <Button type="primary" size="large" onClick={() => setStep(m.next!)} data-testid="matter-next">
              {t(`consultation:step.${m.next}`)}
            </Button>
          )}
          {m.state === 'chosen' && can('consultation.edit') && (
            <Button size="large" onClick={() => setStep('choose')} data-testid="matter-rechoose">
              {t('consultation:step.choose')}
            </Button>
          )}
          {prints
            .filter(([, , shown]) => shown)
            .map(([paper, label]) => (
              <Button key={paper} size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.consultationPaper(paper, m.id))} data-testid={`print-consult-${paper}`}>
                {t(label)}
              </Button>
            ))}
        </Space>
      </Card>
      {m.participants.length > 0 && (
        <Card title={`${t('consultation:fields.participants')} (${m.participants.length}) · ${m.byBuilding.map((b) => `${b.building} ${b.n}`).join(t('sep'))}`}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={m.participants}
            data-testid="participants"
            columns={[
              { title: t('consultation:fields.kind'), render: (_, p) => t(`consultation:kind.${p.kind}`), width: 160 },
              { title: t('consultation:fields.name'), dataIndex: 'name', width: 120 },
              { title: t('consultation:fields.building'), dataIndex: 'building', width: 100 },
              { title: t('consultation:fields.unit'), dataIndex: 'unit' },
              ...(m.meeting ? [{ title: t('consultation:fields.present'), render: (_: unknown, p: MatterDetail['participants'][number]) => (p.present ? '✓' : ''), width: 80 }] : []),
            ]}
          />
        </Card>
      )}
      <Card title={t('consultation:fields.actor')}>
        <Table rowKey={(s) => `${s.step}${s.date}${s.actor}`} size="small" pagination={false} dataSource={m.steps} columns={[{ title: t('consultation:fields.date'), dataIndex: 'date', width: 120 }, { title: t('consultation:fields.state'), render: (_, s) => t(`consultation:step.${s.step}`) }, { title: t('consultation:fields.actor'), dataIndex: 'actor' }]} />
      </Card>
      {step && <StepForm m={m} step={step} onClose={() => setStep(undefined)} />}
    </Space>
  );
}

function StepForm({ m, step, onClose }: { m: MatterDetail; step: MatterStep; onClose: () => void }) {
  const { t } = useTranslation();
  const base = { onClose, fixed: { id: m.id }, done: t('consultation:done'), title: t(`consultation:step.${step}`), testId: `step-${step}` };
  const f = (name: string) => t(`consultation:fields.${name}`);
  // Fields every step's method takes: each dialog's own method says whether they are required.
  const date = (
    <ContractItem name="date" label={f('date')}>
      <Input data-testid="step-date" />
    </ContractItem>
  );
  const text = (name: string, testId = `step-${name}`, rows = 2) => (
    <ContractItem name={name} label={f(name)}>
      <Input.TextArea rows={rows} data-testid={testId} />
    </ContractItem>
  );
  const today = todayIso();
  switch (step) {
    case 'review':
      return (
        <StepDialog method="consultation.review" {...base} initial={{ date: today, agreed: true }}>
          {date}
          <Form.Item name="agreed" label={f('agreed')}>
            <Radio.Group options={[{ value: true, label: t('consultation:agreedYes') }, { value: false, label: t('consultation:agreedNo') }]} />
          </Form.Item>
          {text('opinion')}
          <ContractItem name="reviewer" label={f('reviewer')}>
            <Input data-testid="step-reviewer" />
          </ContractItem>
        </StepDialog>
      );
    case 'choose':
      return <ChooseForm m={m} base={base} date={date} />;
    case 'notice':
      return (
        <StepDialog method="consultation.notice" {...base} initial={{ date: today, meetingTime: '19:00', text: t('consultation:print.labelled', { label: m.title, value: m.content }) }}>
          {date}
          <ContractItem name="meetingOn" label={f('meetingOn')}>
            <Input data-testid="step-meetingOn" />
          </ContractItem>
          <ContractItem name="meetingTime" label={f('meetingTime')}>
            <Input data-testid="step-meetingTime" />
          </ContractItem>
          <ContractItem name="place" label={f('place')}>
            <Input data-testid="step-place" />
          </ContractItem>
          {text('text', 'step-text', 3)}
        </StepDialog>
      );
    case 'meet':
      return <MeetForm m={m} base={base} date={date} />;
    case 'publish':
      return (
        <StepDialog method="consultation.publish" {...base} initial={{ from: today, text: m.meeting?.outcome ?? '' }}>
          <ContractItem name="from" label={f('from')}>
            <Input data-testid="step-from" />
          </ContractItem>
          <ContractItem name="to" label={f('to')}>
            <Input data-testid="step-to" />
          </ContractItem>
          {text('text', 'step-text', 3)}
        </StepDialog>
      );
    case 'assign':
      return (
        <StepDialog method="consultation.assign" {...base} initial={{ date: today }}>
          {date}
          <ContractItem name="executor" label={f('executor')}>
            <Input data-testid="step-executor" />
          </ContractItem>
          {text('task')}
          <ContractItem name="dueBy" label={f('dueBy')}>
            <Input data-testid="step-dueBy" />
          </ContractItem>
        </StepDialog>
      );
    case 'carryOut':
      return (
        <StepDialog method="consultation.carryOut" {...base} initial={{ date: today }}>
          {date}
          {text('done')}
        </StepDialog>
      );
    case 'feedback':
      return (
        <StepDialog method="consultation.feedback" {...base} initial={{ date: today, satisfied: 0, basic: 0, unsatisfied: 0 }}>
          {date}
          <ContractItem name="how" label={f('how')}>
            <Input data-testid="step-how" />
          </ContractItem>
          <Space wrap>
            {(['satisfied', 'basic', 'unsatisfied'] as const).map((k) => (
              <Form.Item key={k} name={k} label={f(k)} rules={[{ required: true }]}>
                <InputNumber min={0} max={100000} data-testid={`step-${k}`} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="note" label={f('note')}>
            <Input />
          </Form.Item>
        </StepDialog>
      );
  }
}

type Base = { onClose: () => void; fixed: { id: number }; done: string; title: string; testId: string };

/** Participants: the party organisation and others by name, residents picked from the ledger. */
function ChooseForm({ m, base, date }: { m: MatterDetail; base: Base; date: ReactNode }) {
  const { t } = useTranslation();
  const initial = m.participants.length ? m.participants.map((p) => ({ kind: p.kind, residentId: p.residentId, name: p.residentId ? '' : p.name, unit: p.unit, label: p.name })) : [{ kind: 'party', name: '', unit: '' }];
  return (
    <StepDialog
      method="consultation.choose"
      {...base}
      initial={{ date: todayIso(), participants: initial }}
      prepare={(v) => ({ ...v, participants: (v.participants as { kind: string; residentId?: number | null; name?: string; unit?: string }[]).map(({ kind, residentId, name, unit }) => (residentId ? { kind, residentId, unit: unit ?? '' } : { kind, name: name ?? '', unit: unit ?? '' })) })}
    >
      {date}
      <Form.List name="participants">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((field, i) => (
              <Form.Item key={field.key} noStyle shouldUpdate>
                {(form) => {
                  const kind = form.getFieldValue(['participants', field.name, 'kind']) as string;
                  const resident = RESIDENT_KINDS.includes(kind as never);
                  return (
                    <Space align="start" wrap data-testid={`participant-${i}`}>
                      <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]} style={{ width: 170 }}>
                        <Select showSearch={{ optionFilterProp: 'label' }} options={PARTICIPANT_KINDS.map((k) => ({ value: k, label: t(`consultation:kind.${k}`) }))} data-testid={`participant-kind-${i}`} />
                      </Form.Item>
                      {resident ? (
                        <Form.Item name={[field.name, 'residentId']} rules={[{ required: true }]} style={{ width: 300 }}>
                          <ResidentPicker method="consultation.findResidents" placeholder={t('consultation:searchResident')} initialLabel={form.getFieldValue(['participants', field.name, 'label']) as string | undefined} testId={`participant-resident-${i}`} />
                        </Form.Item>
                      ) : (
                        <>
                          {/* Required of a participant not picked from the ledger (the main process: consultation.participantName); the contract's field alone is optional. */}
                          <Form.Item name={[field.name, 'name']} rules={REQUIRED} style={{ width: 130 }}>
                            <Input placeholder={t('consultation:fields.name')} data-testid={`participant-name-${i}`} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'unit']} style={{ width: 160 }}>
                            <Input placeholder={t('consultation:fields.unit')} />
                          </Form.Item>
                        </>
                      )}
                      <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('consultation:remove')} />
                    </Space>
                  );
                }}
              </Form.Item>
            ))}
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'registered', residentId: null })} data-testid="participant-add-resident">
                {t('consultation:addResident')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'committee', name: '', unit: '' })} data-testid="participant-add-other">
                {t('consultation:addOther')}
              </Button>
            </Space>
          </Space>
        )}
      </Form.List>
    </StepDialog>
  );
}

/** The meeting: who came (ticked from the participants), each view, consensus or the vote, what was decided. */
function MeetForm({ m, base, date }: { m: MatterDetail; base: Base; date: ReactNode }) {
  const { t } = useTranslation();
  const f = (name: string) => t(`consultation:fields.${name}`);
  return (
    <StepDialog method="consultation.meet" {...base} prepare={(v) => (v.decision === 'vote' ? { ...v, consensus: false } : { ...v, votes: null })} initial={{ date: m.notice?.meetingOn ?? todayIso(), place: m.notice?.place ?? '', present: m.participants.map((p) => p.id), views: [{ who: '', view: '' }], decision: 'vote', votes: { for: 0, against: 0, abstain: 0 }, consensus: true }}>
      {date}
      <Space wrap>
        <ContractItem name="place" label={f('place')}>
          <Input data-testid="step-place" />
        </ContractItem>
        <ContractItem name="host" label={f('host')}>
          <Input data-testid="step-host" />
        </ContractItem>
        <ContractItem name="recorder" label={f('recorder')}>
          <Input data-testid="step-recorder" />
        </ContractItem>
      </Space>
      <Form.Item name="present" label={f('present')}>
        <Checkbox.Group options={m.participants.map((p) => ({ value: p.id, label: p.name }))} data-testid="step-present" />
      </Form.Item>
      <Form.List name="views">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap>
                <ContractItem list="views" name={[field.name, 'who']} style={{ width: 120 }}>
                  <Input placeholder={f('who')} data-testid={`view-who-${i}`} />
                </ContractItem>
                <ContractItem list="views" name={[field.name, 'view']} style={{ width: 330 }}>
                  <Input placeholder={f('view')} data-testid={`view-text-${i}`} />
                </ContractItem>
                {fields.length > 1 && <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('consultation:remove')} />}
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ who: '', view: '' })} style={{ marginBottom: 12 }}>
              {t('consultation:addView')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="decision" label={f('decision')}>
        <Radio.Group options={[{ value: 'vote', label: f('vote') }, { value: 'consensus', label: f('consensus') }]} data-testid="step-decision" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.decision !== b.decision}>
        {(form) =>
          form.getFieldValue('decision') === 'vote' ? (
            <Space wrap>
              {(['for', 'against', 'abstain'] as const).map((k) => (
                <Form.Item key={k} name={['votes', k]} label={f(`votes${k[0]!.toUpperCase()}${k.slice(1)}`)}>
                  <InputNumber min={0} max={100000} data-testid={`step-votes-${k}`} />
                </Form.Item>
              ))}
            </Space>
          ) : (
            <Form.Item name="consensus" valuePropName="checked">
              <Checkbox>{f('consensusReached')}</Checkbox>
            </Form.Item>
          )
        }
      </Form.Item>
      <ContractItem name="outcome" label={f('outcome')}>
        <Input.TextArea rows={2} data-testid="step-outcome" />
      </ContractItem>
    </StepDialog>
  );
}
