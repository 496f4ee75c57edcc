import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useUser } from '../accounts/api';
import type { CaseRow, PartyInput } from '../../../shared/contract/mediation';
import { CASE_SOURCES, DEFAULT_DISPUTE_TYPE, DISPUTE_TYPES } from '../../../shared/rules/mediation';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ResidentPicker } from '../../components/ResidentPicker';
import { enterToNext } from '../../components/keyboard';
import { fieldRules, inputFields } from '../../components/zodRule';
import { errorText } from '../../components/errors';
import { CasePage } from './CasePage';
import { StatsCard } from './StatsCard';
import { SettingsCard } from './SettingsCard';
import { useCan } from '../accounts/api';
import { openableRow } from '../../components/openableRow';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';
import { links } from '../../../shared/contract/links';

/** The intake's field rules, from the contract. */
const openingFields = inputFields('mediation.open');

/** 人民调解: the cases this mediator handles (the head sees all), open ones past 30 days flagged, and intake. */
export function MediationPage({ caseId }: { caseId?: number }) {
  const { t } = useTranslation();
  const [openOnly, setOpenOnly] = useState(true);
  const [adding, setAdding] = useState(false);
  const cases = useCall('mediation.cases', { open: openOnly });
  const can = useCan();
  if (caseId) return <CasePage id={caseId} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
    <Card className="page-card" title={t('mediation:title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="case-add">
            {t('mediation:list.add')}
          </Button>
          <Space>
            <Switch checked={openOnly} onChange={setOpenOnly} />
            {t('mediation:list.openOnly')}
          </Space>
        </Space>
        <Table<CaseRow>
          rowKey="id"
          dataSource={cases.data ?? []}
          loading={cases.isFetching}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('mediation:list.empty') }}
          onRow={(r) => openableRow(() => navigate(links.mediationCase(r.id)))}
          data-testid="case-list"
          columns={[
            { title: t('mediation:fields.number'), dataIndex: 'number' },
            { title: t('mediation:fields.acceptedOn'), dataIndex: 'acceptedOn' },
            { title: t('mediation:fields.disputeType'), dataIndex: 'disputeType' },
            { title: t('mediation:fields.parties'), dataIndex: 'parties' },
            { title: t('mediation:fields.mediators'), dataIndex: 'mediators' },
            {
              title: t('mediation:fields.state'),
              render: (_, r) => (
                <Space>
                  <Tag>{t(`mediation:state.${r.state}`)}</Tag>
                  {r.overdue && <Tag color="red">{t('mediation:list.overdue')}</Tag>}
                  {r.followUpDue && <Tag color="orange">{t('mediation:list.followUpDue', { date: r.followUpDue })}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      {adding && <IntakeDialog onClose={() => setAdding(false)} />}
    </Card>
    {can('mediation.all') && <StatsCard />}
    {can('mediation.all') && <SettingsCard />}
    </Space>
  );
}

type PartyDraft = Omit<PartyInput, 'role'> & { role: 'applicant' | 'respondent' };
const emptyParty = (role: PartyDraft['role']): PartyDraft => ({ role, residentId: null, name: '', contact: '', address: '', identityChecked: false });

/** 受理: the dispute, its parties (residents picked from the ledger, others typed), the mediators, and consent. */
function IntakeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const mediators = useCall('mediation.mediators', {});
  const settings = useCall('mediation.settings', {});
  // The mediator taking the case at the desk is its first mediator unless changed.
  const user = useUser();
  const me = mediators.data?.find((m) => m.id === user?.id);
  useEffect(() => {
    if (me && !form.isFieldTouched('mediatorIds') && !(form.getFieldValue('mediatorIds') as number[] | undefined)?.length) form.setFieldValue('mediatorIds', [me.id]);
  }, [me, form]);
  const types = Object.keys(settings.data?.retentionYears ?? {});
  const open = useWrite('mediation.open');
  const [parties, setParties] = useState<PartyDraft[]>([emptyParty('applicant'), emptyParty('respondent')]);
  const set = (i: number, patch: Partial<PartyDraft>) => setParties((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const submit = (v: { disputeType: string; source: (typeof CASE_SOURCES)[number]; sourceDetail?: string; facts: string; requests?: string; consent?: boolean; acceptedOn: string; mediatorIds: number[] }) =>
    open.mutate(
      { ...v, consent: v.consent as true, parties: parties.map((p) => ({ ...p, name: p.name.trim() })) },
      {
        onSuccess: (r) => {
          message.success(t('mediation:intake.opened', { number: r.number }));
          onClose();
          navigate(links.mediationCase(r.id));
        },
        onError: (err) => message.error(errorText(t, err)),
      },
    );
  return (
    <Modal open width={960} title={t('mediation:list.add')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('mediation:intake.accept')} okButtonProps={{ size: 'large', loading: open.isPending, id: 'case-accept' }} cancelButtonProps={{ size: 'large' }}>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={enterToNext} initialValues={{ source: 'application', acceptedOn: todayIso(), disputeType: DEFAULT_DISPUTE_TYPE, mediatorIds: [] }} data-testid="intake-form">
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="disputeType" label={t('mediation:fields.disputeType')} rules={fieldRules(t, openingFields.disputeType)}>
              <Select showSearch options={(types.length ? types : DISPUTE_TYPES).map((d) => ({ value: d, label: d }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="source" label={t('mediation:fields.source')} rules={fieldRules(t, openingFields.source)}>
              <Select options={CASE_SOURCES.map((s) => ({ value: s, label: t(`mediation:source.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="acceptedOn" label={t('mediation:fields.acceptedOn')} rules={fieldRules(t, openingFields.acceptedOn)}>
              <Input data-testid="intake-date" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="mediatorIds" label={t('mediation:fields.mediators')} rules={[{ required: true }]}>
              <Select mode="multiple" optionFilterProp="label" options={(mediators.data ?? []).map((m) => ({ value: m.id, label: m.name }))} data-testid="intake-mediators" />
            </Form.Item>
          </Col>
        </Row>
        {parties.map((p, i) => (
          <Row gutter={8} key={i} align="middle">
            <Col span={4}>
              <Select value={p.role} onChange={(role) => set(i, { role })} options={(['applicant', 'respondent'] as const).map((r) => ({ value: r, label: t(`mediation:role.${r}`) }))} style={{ width: '100%' }} />
            </Col>
            <Col span={7}>
              <ResidentPicker
                method="mediation.findResidents"
                value={p.residentId}
                placeholder={t('mediation:intake.findResident')}
                onChange={(v) => set(i, { residentId: v })}
                onPick={(r) => set(i, { name: r.name, gender: r.gender, birthDate: r.birthDate.length === 10 ? r.birthDate : '', address: r.address })}
                testId={`party-resident-${i}`}
              />
            </Col>
            <Col span={3}>
              <Input value={p.name} placeholder={t('mediation:fields.name')} onChange={(e) => set(i, { name: e.target.value })} data-testid={`party-name-${i}`} />
            </Col>
            <Col span={3}>
              <Input value={p.contact} placeholder={t('mediation:fields.contact')} onChange={(e) => set(i, { contact: e.target.value })} />
            </Col>
            <Col span={3}>
              <Input value={p.agent} placeholder={t('mediation:fields.agent')} onChange={(e) => set(i, { agent: e.target.value })} />
            </Col>
            <Col span={4}>
              <Checkbox checked={p.identityChecked} onChange={(e) => set(i, { identityChecked: e.target.checked })} data-testid={`party-id-${i}`}>
                {t('mediation:intake.identityChecked')}
              </Checkbox>
            </Col>
          </Row>
        ))}
        <Button style={{ margin: '8px 0 16px' }} onClick={() => setParties((ps) => [...ps, emptyParty('respondent')])}>
          {t('mediation:intake.addParty')}
        </Button>
        <Form.Item name="facts" label={t('mediation:fields.facts')} rules={fieldRules(t, openingFields.facts)}>
          <Input.TextArea rows={3} data-testid="intake-facts" />
        </Form.Item>
        <Form.Item name="requests" label={t('mediation:fields.requests')} rules={fieldRules(t, openingFields.requests)}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('errors:mediation.consentNeeded')))) }]}>
          <Checkbox data-testid="intake-consent">{t('mediation:intake.consent')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
