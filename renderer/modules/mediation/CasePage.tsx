import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Dropdown, Form, Input, InputNumber, Modal, Radio, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/contract/mediation';
import { FILE_ITEMS, ROUTES } from '../../../shared/rules/mediation';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { enterToNext } from '../../components/keyboard';
import { fieldRules, inputFields } from '../../components/zodRule';
import { errorText } from '../../components/errors';
import { useUser } from '../accounts/api';
import { AttachmentsCard } from './AttachmentsCard';
import { useCaseDocuments } from './print/CaseFilePrint';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';
import { printLinks } from '../../../shared/contract/links';

/** The session record's field rules, from the contract. */
const sessionFields = inputFields('mediation.addSession');

type Dialog = 'session' | 'conclude' | 'followUp' | null;

/** One case: its facts and parties, what happened so far, the next step the procedure allows, and its papers. */
export function CasePage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const detail = useCall('mediation.get', { id });
  const notice = useWrite('mediation.rightsNotice');
  const archive = useWrite('mediation.archive');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [checking, setChecking] = useState<number | null>(null);
  const info = useCall('app.info', {});
  const docs = useCaseDocuments(info.data && detail.data, info.data!);
  const fail = (err: Error) => message.error(errorText(t, err));
  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" message={errorText(t, detail.error)} />;
  const c = detail.data;
  const mediating = c.state === 'accepted' || c.state === 'mediating';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        className="page-card"
        title={`${c.number} · ${c.disputeType}`}
        extra={
          <Space>
            <Tag color="blue" data-testid="case-state">
              {t(`mediation:state.${c.state}`)}
            </Tag>
            <Button onClick={() => navigate('mediation')}>{t('actions.back')}</Button>
          </Space>
        }
      >
        {c.overdue && <Alert type="warning" showIcon message={t('mediation:case.overdue')} style={{ marginBottom: 12 }} />}
        {c.conflicts.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="case-conflicts"
            message={t('mediation:case.conflicts')}
            description={c.conflicts.map((x) => t(`mediation:case.conflict.${x.reason}`, { mediator: x.mediator, party: x.party })).join(t('sep'))}
          />
        )}
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label={t('mediation:fields.acceptedOn')}>{c.acceptedOn}</Descriptions.Item>
          <Descriptions.Item label={t('mediation:fields.source')}>{t(`mediation:source.${c.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('mediation:fields.mediators')}>{c.mediators}</Descriptions.Item>
          <Descriptions.Item label={t('mediation:fields.rightsNotice')}>{c.rightsNoticeOn || t('mediation:case.notYet')}</Descriptions.Item>
          <Descriptions.Item label={t('mediation:fields.facts')} span={2}>
            <span className="pre">{c.facts}</span>
          </Descriptions.Item>
          {c.requests ? (
            <Descriptions.Item label={t('mediation:fields.requests')} span={2}>
              <span className="pre">{c.requests}</span>
            </Descriptions.Item>
          ) : null}
          {c.partyList.map((p) => (
            <Descriptions.Item key={p.id} label={t(`mediation:role.${p.role}`)} span={2}>
              {[p.name, p.contact, p.address, p.identityChecked ? t('mediation:case.idChecked') : t('mediation:case.idNotChecked')].filter(Boolean).join(' · ')}
              {!p.identityChecked && c.state !== 'archived' && (
                <Button size="small" style={{ marginLeft: 12 }} onClick={() => setChecking(p.id)} data-testid={`confirm-identity-${p.id}`}>
                  {t('mediation:case.confirmIdentity')}
                </Button>
              )}
            </Descriptions.Item>
          ))}
          {c.outcome && (
            <Descriptions.Item label={t('mediation:fields.outcome')} span={2}>
              {t(`mediation:outcome.${c.outcome}`)}
              {c.agreementNumber ? ` · ${c.agreementNumber}` : ''}
              {c.judicialDeadline ? ` · ${t('mediation:case.judicial', { date: c.judicialDeadline })}` : ''}
              {c.routesTold.length ? ` · ${t('mediation:case.routesTold', { routes: c.routesTold.map((r) => t(`mediation:route.${r}`)).join(t('sep')) })}` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          {!c.rightsNoticeOn && c.state !== 'archived' && (
            <Button size="large" loading={notice.isPending} onClick={() => notice.mutate({ id, date: todayIso() }, { onError: fail })} data-testid="case-rights">
              {t('mediation:case.giveRights')}
            </Button>
          )}
          {mediating && (
            <Button size="large" type="primary" onClick={() => setDialog('session')} data-testid="case-session">
              {t('mediation:case.addSession')}
            </Button>
          )}
          {mediating && (
            <Button size="large" onClick={() => setDialog('conclude')} data-testid="case-conclude">
              {t('mediation:case.conclude')}
            </Button>
          )}
          {(c.state === 'agreed' || c.state === 'urged') && (
            <Button size="large" type="primary" onClick={() => setDialog('followUp')} data-testid="case-followup">
              {t('mediation:case.followUp')}
            </Button>
          )}
          {c.next.includes('archived') && (
            <Button
              size="large"
              disabled={c.missing.length > 0}
              loading={archive.isPending}
              onClick={() => archive.mutate({ id, date: todayIso(), clerk: user?.displayName ?? '' }, { onSuccess: () => message.success(t('mediation:case.archived')), onError: fail })}
              data-testid="case-archive"
            >
              {t('mediation:case.archive')}
            </Button>
          )}
          {c.state === 'archived' && (
            <Button size="large" type="primary" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.mediationFile(id))} data-testid="print-file">
              {t('mediation:case.printFile')}
            </Button>
          )}
          {c.rightsNoticeOn && (
            <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.mediationRights(id))} data-testid="print-rights">
              {t('mediation:case.printRights')}
            </Button>
          )}
          <Dropdown menu={{ items: docs.map((d) => ({ key: d.key, label: d.title })), onClick: ({ key }) => navigate(printLinks.mediationDocument(id, key)) }}>
            <Button size="large" icon={<PrinterOutlined />} data-testid="print-doc">
              {t('mediation:case.printDoc')}
            </Button>
          </Dropdown>
          {c.agreementNumber && (
            <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.mediationAgreement(id))} data-testid="print-agreement">
              {t('mediation:case.printAgreement')}
            </Button>
          )}
        </Space>
        {c.missing.length > 0 && c.state !== 'accepted' && c.state !== 'mediating' && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            data-testid="case-missing"
            message={t('mediation:case.missing', { items: c.missing.map((k) => t(`mediation:file.${k}`)).join(t('sep')) })}
          />
        )}
      </Card>
      <Card title={t('mediation:case.file')}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={FILE_ITEMS.map((i) => ({ ...i, missing: (c.missing as string[]).includes(i.key) }))}
          columns={[
            { title: '#', render: (_, __, i) => i + 1, width: 48 },
            { title: t('mediation:case.fileItem'), dataIndex: 'key', render: (k: string) => t(`mediation:file.${k}`) },
            { title: '', render: (_, r) => (r.required ? (r.missing ? <Tag color="red">{t('mediation:case.lacking')}</Tag> : <Tag color="green">{t('mediation:case.present')}</Tag>) : <Tag>{t('mediation:case.optional')}</Tag>) },
          ]}
        />
      </Card>
      <AttachmentsCard caseId={c.id} readOnly={c.state === 'archived'} />
      <Card title={t('mediation:case.sessions')}>
        {c.sessions.length === 0 ? (
          <Typography.Text type="secondary">{t('mediation:case.noSessions')}</Typography.Text>
        ) : (
          <Timeline items={c.sessions.map((s, i) => ({ children: <SessionText s={s} caseId={c.id} n={i + 1} /> }))} data-testid="case-sessions" />
        )}
        {c.followUps.map((f) => (
          <Alert key={f.id} type="success" style={{ marginTop: 8 }} message={t('mediation:case.followUpDone', { date: f.date, performed: f.performed, visitor: f.visitor })} description={[f.satisfaction, f.risk, f.measures].filter(Boolean).join(' · ')} />
        ))}
      </Card>
      <Card title={t('mediation:case.history')}>
        <Timeline items={c.events.map((e) => ({ children: `${e.date} · ${t(`mediation:state.${e.to}`)} · ${e.actor}${e.note ? ` · ${e.note}` : ''}` }))} />
      </Card>
      {checking !== null && <IdentityDialog caseId={id} partyId={checking} onClose={() => setChecking(null)} />}
      {dialog === 'session' && <SessionDialog c={c} onClose={() => setDialog(null)} />}
      {dialog === 'conclude' && <ConcludeDialog c={c} onClose={() => setDialog(null)} />}
      {dialog === 'followUp' && <FollowUpDialog c={c} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function SessionText({ s, caseId, n }: { s: CaseDetail['sessions'][number]; caseId: number; n: number }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>
        {s.date} · {s.place}
      </Typography.Text>{' '}
      <Button size="small" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.mediationSession(caseId, s.id))} data-testid={`print-session-${n}`}>
        {t('mediation:case.printSession')}
      </Button>
      <div>{t('mediation:session.participantsValue', { value: s.participants })}</div>
      <div className="pre">{s.statements}</div>
      {s.result && <div>{t('mediation:session.resultValue', { value: s.result })}</div>}
    </div>
  );
}

function SessionDialog({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const add = useWrite('mediation.addSession');
  const [form] = Form.useForm();
  const closeAsking = useAskBeforeClosing(form, onClose);
  return (
    <Modal open width={820} title={t('mediation:case.addSession')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: add.isPending, id: 'session-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form
        form={form}
        layout="vertical"
        onKeyDownCapture={enterToNext}
        initialValues={{ date: todayIso(), participants: [c.mediators, c.parties].filter(Boolean).join(t('sep')), recorder: user?.displayName ?? '', notices: c.rightsNoticeOn ? t('mediation:session.defaultNotice') : '' }}
        onFinish={(v: { date: string; place?: string; participants: string; notices?: string; statements: string; facts?: string; result?: string; recorder?: string }) =>
          add.mutate({ id: c.id, ...v }, { onSuccess: () => (message.success(t('mediation:session.saved')), onClose()), onError: (err) => message.error(errorText(t, err)) })
        }
      >
        <Space>
          <Form.Item name="date" label={t('mediation:session.date')} rules={fieldRules(t, sessionFields.date)}>
            <Input data-testid="session-date" />
          </Form.Item>
          <Form.Item name="place" label={t('mediation:session.place')} rules={fieldRules(t, sessionFields.place)}>
            <Input data-testid="session-place" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="recorder" label={t('mediation:session.recorder')} rules={fieldRules(t, sessionFields.recorder)}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="participants" label={t('mediation:session.participants')} rules={fieldRules(t, sessionFields.participants)}>
          <Input />
        </Form.Item>
        {/* Said only once it has happened: before the rights notice is recorded the record does not claim it. */}
        <Form.Item name="notices" label={t('mediation:session.notices')} extra={c.rightsNoticeOn ? undefined : t('mediation:session.noticeNotYet')} rules={fieldRules(t, sessionFields.notices)}>
          <Input.TextArea rows={2} data-testid="session-notices" />
        </Form.Item>
        <Form.Item name="statements" label={t('mediation:session.statements')} rules={fieldRules(t, sessionFields.statements)}>
          <Input.TextArea rows={5} data-testid="session-statements" />
        </Form.Item>
        <Form.Item name="facts" label={t('mediation:session.facts')} rules={fieldRules(t, sessionFields.facts)}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="result" label={t('mediation:session.result')} rules={fieldRules(t, sessionFields.result)}>
          <Input data-testid="session-result" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ConcludeDialog({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const conclude = useWrite('mediation.conclude');
  const [form] = Form.useForm();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const outcome = Form.useWatch('outcome', form) as 'written' | 'oral' | 'failed' | undefined;
  return (
    <Modal open width={820} title={t('mediation:case.conclude')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: conclude.isPending, id: 'conclude-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'written', date: todayIso(), agreementFacts: c.facts, money: 0, routesTold: [], preventCriminal: 0, preventPetition: 0 }}
        onFinish={(v: { outcome: 'written' | 'oral' | 'failed'; date: string; agreementFacts?: string; agreementTerms?: string; performanceTerms?: string; money?: number; routesTold?: (typeof ROUTES)[number][]; failureReason?: string; preventCriminal?: number; preventPetition?: number }) =>
          conclude.mutate(
            { id: c.id, ...v },
            {
              onSuccess: (r) => (message.success(r.agreementNumber ? t('mediation:conclude.numbered', { number: r.agreementNumber }) : t('mediation:conclude.saved')), onClose()),
              onError: (err) => message.error(errorText(t, err)),
            },
          )
        }
      >
        <Space>
          <Form.Item name="outcome" label={t('mediation:fields.outcome')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={(['written', 'oral', 'failed'] as const).map((o) => ({ value: o, label: t(`mediation:outcome.${o}`) }))} data-testid="conclude-outcome" />
          </Form.Item>
          <Form.Item name="date" label={t('mediation:conclude.date')}>
            <Input data-testid="conclude-date" />
          </Form.Item>
        </Space>
        {outcome !== 'failed' ? (
          <>
            <Form.Item name="agreementFacts" label={t('mediation:conclude.facts')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="agreementTerms" label={t('mediation:conclude.terms')} extra={t('mediation:conclude.termsHelp')} rules={[{ required: true, message: t('errors:mediation.termsNeeded') }]}>
              <Input.TextArea rows={4} data-testid="conclude-terms" />
            </Form.Item>
            <Form.Item name="performanceTerms" label={t('mediation:conclude.performance')}>
              <Input data-testid="conclude-performance" />
            </Form.Item>
            <Form.Item name="money" label={t('mediation:conclude.money')}>
              <InputNumber min={0} precision={2} addonAfter={t('mediation:yuan')} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="routesTold" label={t('mediation:conclude.routes')} rules={[{ required: true, message: t('errors:mediation.routesNeeded') }]}>
              <Checkbox.Group options={ROUTES.map((r) => ({ value: r, label: t(`mediation:route.${r}`) }))} data-testid="conclude-routes" />
            </Form.Item>
            <Form.Item name="failureReason" label={t('mediation:conclude.failureReason')}>
              <Input data-testid="conclude-reason" />
            </Form.Item>
          </>
        )}
        <Space>
          <Form.Item name="preventCriminal" label={t('mediation:conclude.preventCriminal')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="preventPetition" label={t('mediation:conclude.preventPetition')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function FollowUpDialog({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useWrite('mediation.followUp');
  const [form] = Form.useForm();
  const closeAsking = useAskBeforeClosing(form, onClose);
  return (
    <Modal open width={720} title={t('mediation:case.followUp')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: save.isPending, id: 'followup-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form
        form={form}
        layout="vertical"
        onKeyDownCapture={enterToNext}
        initialValues={{ date: todayIso(), status: 'performed' }}
        onFinish={(v: { date: string; performed: string; satisfaction?: string; lawsuit?: string; risk?: string; measures?: string; status: 'performed' | 'urged' | 'judicial' | 'sued' }) =>
          save.mutate({ id: c.id, ...v }, { onSuccess: () => (message.success(t('mediation:followUp.saved')), onClose()), onError: (err) => message.error(errorText(t, err)) })
        }
      >
        <Form.Item name="date" label={t('mediation:followUp.date')}>
          <Input data-testid="followup-date" />
        </Form.Item>
        <Form.Item name="performed" label={t('mediation:followUp.performed')} rules={[{ required: true }]}>
          <Input data-testid="followup-performed" />
        </Form.Item>
        <Form.Item name="satisfaction" label={t('mediation:followUp.satisfaction')}>
          <Input />
        </Form.Item>
        <Form.Item name="risk" label={t('mediation:followUp.risk')}>
          <Input />
        </Form.Item>
        <Form.Item name="measures" label={t('mediation:followUp.measures')}>
          <Input />
        </Form.Item>
        <Form.Item name="status" label={t('mediation:followUp.status')}>
          <Select options={(['performed', 'urged', 'judicial', 'sued'] as const).map((s) => ({ value: s, label: t(`mediation:state.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 核对身份: the party's identity confirmed against an identity paper already in the case's attachments. */
function IdentityDialog({ caseId, partyId, onClose }: { caseId: number; partyId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const papers = useCall('mediation.attachments', { id: caseId });
  const confirm = useWrite('mediation.confirmIdentity');
  const [attachmentId, setAttachmentId] = useState<number | undefined>();
  const identity = (papers.data ?? []).filter((a) => a.kind === 'identity');
  return (
    <Modal
      open
      title={t('mediation:case.confirmIdentity')}
      okText={t('mediation:case.confirmIdentity')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ disabled: attachmentId === undefined, loading: confirm.isPending, id: 'identity-save' }}
      onCancel={onClose}
      onOk={() => attachmentId !== undefined && confirm.mutate({ id: caseId, partyId, attachmentId }, { onSuccess: onClose, onError: (err) => message.error(errorText(t, err)) })}
    >
      {identity.length === 0 ? (
        <Alert type="info" showIcon message={t('errors:mediation.identityPaperNeeded')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('mediation:case.identityPaper')}</Typography.Text>
          <Select style={{ width: '100%' }} value={attachmentId} onChange={setAttachmentId} options={identity.map((a) => ({ value: a.id, label: `${a.name}${a.note ? ` · ${a.note}` : ''}` }))} data-testid="identity-paper" />
        </Space>
      )}
    </Modal>
  );
}
