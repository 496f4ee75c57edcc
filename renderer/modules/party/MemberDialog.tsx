import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, memberInput, type MemberInput } from '../../../shared/contract/party';
import { DUES_KINDS, monthlyDues, yuan, type DuesKind } from '../../../shared/rules/party';
import { todayIso } from '../../../shared/rules/idNumber';
import { CallError } from '../../api/client';
import { useCall, useWrite } from '../../api/hooks';
import { CodeSelect } from '../../components/CodeSelect';
import { enterToNext } from '../../components/keyboard';
import { fieldRules } from '../../components/zodRule';
import { errorText, showFieldIssues } from '../../components/errors';
import { useCan } from '../accounts/api';
import { ResidentPicker } from '../../components/ResidentPicker';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';

type Values = Omit<MemberInput, 'id'>;
/** The contract's own field rules: the form says what the main process would. */
const shape = memberInput.shape;

/** One member: linked to a resident (nothing typed twice) or entered in full; status changes kept as history. */
export function MemberDialog({ id, defaultBranch, onClose }: { id?: number; defaultBranch?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const branches = useCall('party.branches', {});
  const existing = useCall('party.member', { id: id ?? 0 }, { enabled: id !== undefined });
  const save = useWrite('party.saveMember');
  const [residentLabel, setResidentLabel] = useState<string>();
  const residentId = Form.useWatch('residentId', form);
  const category = Form.useWatch('category', form);
  const duesKind = Form.useWatch('duesKind', form) as DuesKind | undefined;
  const duesBase = Form.useWatch('duesBase', form) as number | undefined;
  const duesFixed = Form.useWatch('duesFixed', form) as number | undefined;

  useEffect(() => {
    if (existing.data) {
      form.setFieldsValue(existing.data.member);
      if (existing.data.member.residentId) setResidentLabel(`${existing.data.row.name} · ${existing.data.row.idMasked}`);
    }
  }, [existing.data, form]);

  const submit = (v: Values) =>
    save.mutate(
      { ...v, id, residentId: v.residentId ?? null },
      {
        onSuccess: () => {
          message.success(t('party:member.saved'));
          onClose();
        },
        onError: (err) => {
          if (!(err instanceof CallError && showFieldIssues(form, t, err.failure.issues))) message.error(errorText(t, err));
        },
      },
    );

  const due = duesKind ? monthlyDues({ kind: duesKind, baseFen: Math.round((duesBase ?? 0) * 100), fixedFen: Math.round((duesFixed ?? 0) * 100) }) : undefined;
  const date = <Input placeholder="2020-07-01" />;
  const readOnly = !can('party.edit');

  return (
    <Modal
      open
      width={960}
      title={id ? t('party:roster.edit') : t('party:roster.add')}
      onCancel={closeAsking} maskClosable={false}
      footer={
        readOnly ? null : (
          <Space>
            <Button size="large" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button size="large" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="member-save">
              {t('actions.save')}
            </Button>
          </Space>
        )
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={{ category: 'full', branchId: defaultBranch ?? branches.data?.[0]?.id, duesKind: 'employed', duesBase: 0, duesFixed: 0, residentId: null }}
        onFinish={submit}
        onKeyDownCapture={enterToNext}
        data-testid="member-form"
      >
        <Form.Item name="residentId" label={t('party:roster.linkResident')} extra={t('party:roster.linkHelp')}>
          <ResidentPicker initialLabel={residentLabel} method="party.findResidents" placeholder={t('party:roster.notResident')} testId="member-resident" />
        </Form.Item>
        {!residentId && (
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item name="name" label={t('party:fields.name')} rules={[{ required: true, whitespace: true }, ...fieldRules(t, shape.name)]}>
                <Input data-testid="m-name" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="idNumber" label={t('party:fields.idNumber')} rules={fieldRules(t, shape.idNumber)}>
                <Input data-testid="m-idNumber" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="gender" label={t('party:fields.gender')} rules={fieldRules(t, shape.gender)}>
                <CodeSelect list="gender" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="birthDate" label={t('party:fields.birthDate')} rules={fieldRules(t, shape.birthDate)}>
                {date}
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="ethnicity" label={t('party:fields.ethnicity')} rules={fieldRules(t, shape.ethnicity)}>
                <CodeSelect list="ethnicity" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="phone" label={t('party:fields.phone')} rules={fieldRules(t, shape.phone)}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={18}>
              <Form.Item name="address" label={t('party:fields.address')} rules={fieldRules(t, shape.address)}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="branchId" label={t('party:fields.branch')} rules={fieldRules(t, shape.branchId)}>
              <Select options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} data-testid="m-branch" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="partyGroup" label={t('party:fields.partyGroup')} rules={fieldRules(t, shape.partyGroup)}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="category" label={t('party:fields.category')} rules={fieldRules(t, shape.category)}>
              <Select options={(['full', 'probationary'] as const).map((c) => ({ value: c, label: t(`party:category.${c}`) }))} data-testid="m-category" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="joinDate" label={t('party:fields.joinDate')} rules={[{ required: true, whitespace: true }, ...fieldRules(t, shape.joinDate)]}>
              <Input placeholder="2010-07-01" data-testid="m-joinDate" />
            </Form.Item>
          </Col>
          <Col span={4}>
            {category === 'full' && (
              <Form.Item name="fullDate" label={t('party:fields.fullDate')} rules={fieldRules(t, shape.fullDate)}>
                <Input placeholder="2011-07-01" data-testid="m-fullDate" />
              </Form.Item>
            )}
          </Col>
          <Col span={6}>
            <Form.Item name="education" label={t('party:fields.education')} rules={fieldRules(t, shape.education)}>
              <CodeSelect list="education" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="nativePlace" label={t('party:fields.nativePlace')} rules={fieldRules(t, shape.nativePlace)}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="workStart" label={t('party:fields.workStart')} rules={fieldRules(t, shape.workStart)}>
              {date}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="employer" label={t('party:fields.employer')} rules={fieldRules(t, shape.employer)}>
              <Input data-testid="m-employer" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="introducers" label={t('party:fields.introducers')} rules={fieldRules(t, shape.introducers)}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="transferInDate" label={t('party:fields.transferInDate')} rules={fieldRules(t, shape.transferInDate)}>
              {date}
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="partyPost" label={t('party:fields.partyPost')} rules={fieldRules(t, shape.partyPost)}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('party:fields.dues')}</Divider>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="duesKind" label={t('party:fields.duesKind')} rules={fieldRules(t, shape.duesKind)}>
              <Select options={DUES_KINDS.map((k) => ({ value: k, label: t(`party:duesKind.${k}`) }))} data-testid="m-duesKind" />
            </Form.Item>
          </Col>
          <Col span={6}>
            {(duesKind === 'employed' || duesKind === 'retired') && (
              <Form.Item name="duesBase" label={t('party:fields.duesBase')} extra={t('party:member.baseHelp')} rules={fieldRules(t, shape.duesBase)}>
                <InputNumber min={0} precision={2} addonAfter={t('party:yuan')} style={{ width: '100%' }} data-testid="m-duesBase" />
              </Form.Item>
            )}
            {(duesKind === 'farmer' || duesKind === 'special') && (
              <Form.Item name="duesFixed" label={t('party:fields.duesFixed')} rules={fieldRules(t, shape.duesFixed)}>
                <InputNumber min={0} precision={2} addonAfter={t('party:yuan')} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            {due && (
              <Alert
                type="info"
                showIcon
                data-testid="m-due"
                message={due.perMille === null ? t('party:member.dueFixed', { amount: yuan(due.fen) }) : t('party:member.dueRate', { amount: yuan(due.fen), rate: (due.perMille / 10).toString() })}
              />
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="rewards" label={t('party:fields.rewards')} rules={fieldRules(t, shape.rewards)}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="note" label={t('party:fields.note')} rules={fieldRules(t, shape.note)}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {id !== undefined && existing.data && (
        <>
          <Divider titlePlacement="start">{t('party:member.history')}</Divider>
          {can('party.edit') && <StatusChange id={id} current={existing.data.row.status} />}
          <Timeline
            style={{ marginTop: 16 }}
            items={existing.data.events.map((e) => ({
              children: (
                <Typography.Text>
                  {e.date} · {t(`party:events.${e.kind}`, { ...e.detail, from: e.detail.from && t(`party:status.${e.detail.from}`, { defaultValue: e.detail.from }), to: e.detail.to && t(`party:status.${e.detail.to}`, { defaultValue: e.detail.to }) })}
                  {e.detail.certificate ? ` · ${t('party:member.certificate')} ${e.detail.certificate}` : ''}
                  {e.detail.organisation ? ` · ${e.detail.organisation}` : ''}
                  {e.detail.reason ? ` · ${e.detail.reason}` : ''}
                </Typography.Text>
              ),
            }))}
          />
        </>
      )}
    </Modal>
  );
}

function StatusChange({ id, current }: { id: number; current: (typeof MEMBER_STATUSES)[number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useWrite('party.changeStatus');
  const [form] = Form.useForm<{ status: (typeof MEMBER_STATUSES)[number]; date: string; certificate: string; organisation: string; reason: string }>();
  const status = Form.useWatch('status', form);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ date: todayIso(), certificate: '', organisation: '', reason: '' }}
      onFinish={(v) =>
        change.mutate(
          { id, ...v },
          { onSuccess: () => message.success(t('party:member.statusChanged')), onError: (err) => message.error(errorText(t, err)) },
        )
      }
    >
      <Form.Item name="status" label={t('party:member.newStatus')} rules={[{ required: true }]}>
        <Select style={{ width: 140 }} options={MEMBER_STATUSES.filter((s) => s !== current).map((s) => ({ value: s, label: t(`party:status.${s}`) }))} data-testid="m-newStatus" />
      </Form.Item>
      <Form.Item name="date" label={t('party:member.date')}>
        <Input style={{ width: 130 }} />
      </Form.Item>
      {status === 'mobile' && (
        <Form.Item name="certificate" label={t('party:member.certificate')}>
          <Input style={{ width: 140 }} />
        </Form.Item>
      )}
      {(status === 'mobile' || status === 'transferred_out') && (
        <Form.Item name="organisation" label={t(status === 'mobile' ? 'party:member.hostOrganisation' : 'party:member.destination')}>
          <Input style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('party:member.reason')}>
        <Input style={{ width: 180 }} />
      </Form.Item>
      <Button htmlType="submit" loading={change.isPending}>
        {t('party:member.changeStatus')}
      </Button>
    </Form>
  );
}
