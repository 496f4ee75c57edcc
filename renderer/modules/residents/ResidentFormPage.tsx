import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Radio, Result, Row, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { residentFields, residentFieldsShape, type ResidentDetail, type ResidentFieldsInput } from '../../../shared/contract/residents';
import { ageOn, checkIdNumber } from '../../../shared/rules/idNumber';
import { CARE_TAG, type CodeListName } from '../../../shared/rules/codes';
import { call, CallError } from '../../api/client';
import { useCall, useWrite } from '../../api/hooks';
import { CodeSelect } from '../../components/CodeSelect';
import { errorText, issueText, showFieldIssues } from '../../components/errors';
import { enterToNext } from '../../components/keyboard';
import { fieldRules } from '../../components/zodRule';
import { navigate, useLeaveGuard } from '../../app/router';
import { useConfirmDiscard } from '../../components/askBeforeClosing';
import { HouseholdPicker } from './HouseholdPicker';
import { links } from '../../../shared/contract/links';

type Values = ResidentFieldsInput & {
  placementKind: 'new' | 'existing';
  householdId?: number;
  gridId?: number;
  buildingId?: number;
  unit?: string;
  room?: string;
  householdNumber?: string;
  moveInDate?: string;
  moveInReason?: string;
};

/** The stored record as form values (display-only parts left out). */
function formValuesOf(d: ResidentDetail): Partial<Values> {
  const { events: _e, idMasked: _i, phoneMasked: _p, age: _a, address: _ad, gridName: _g, status: _s, householdId: _h, id: _id, hasIdNumber: _has, version: _v, ...fields } = d;
  // Only the year is shown to someone who may not see the full ID; the date stays as stored, with the ID.
  return { ...fields, birthDate: fields.birthDate.length === 10 ? fields.birthDate : '' };
}

/** The fields a person compares when someone else saved first, with the code list each is shown from. */
const COMPARED: [keyof ResidentFieldsInput, CodeListName | null][] = [
  ['name', null],
  ['gender', 'gender'],
  ['birthDate', null],
  ['ethnicity', 'ethnicity'],
  ['phone', null],
  ['political', 'political'],
  ['education', 'education'],
  ['marital', 'marital'],
  ['occupation', null],
  ['hukouAddress', null],
  ['relation', 'relation'],
  ['residenceType', 'residenceType'],
  ['tags', null],
  ['note', null],
];

/** Someone else's save, field by field beside this form: take theirs where it is right, keep yours where not. */
function OtherChange({ opened, newer, refused, onTake }: { opened: ResidentDetail; newer: ResidentDetail; refused: string; onTake: (field: keyof Values, value: unknown) => void }) {
  const { t } = useTranslation();
  const before = formValuesOf(opened) as Record<string, unknown>;
  const after = formValuesOf(newer) as Record<string, unknown>;
  const shown = (field: string, list: CodeListName | null, v: unknown) =>
    Array.isArray(v) ? v.map((c) => t(`codes:careTag.${String(c)}`)).join('、') || '—' : list && v ? t(`codes:${list}.${String(v)}`) : String(v ?? '') || '—';
  const changed = COMPARED.filter(([f]) => JSON.stringify(before[f] ?? '') !== JSON.stringify(after[f] ?? ''));
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="other-change"
      message={refused || t('residents:form.otherChange')}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          {changed.length === 0 && <Typography.Text>{t('residents:form.otherChangeElsewhere')}</Typography.Text>}
          {changed.map(([f, list]) => (
            <Space key={f} wrap>
              <Typography.Text strong>{t(`residents:fields.${f}`)}</Typography.Text>
              <Typography.Text delete>{shown(f, list, before[f])}</Typography.Text>
              <Typography.Text>→ {shown(f, list, after[f])}</Typography.Text>
              <Button size="small" onClick={() => onTake(f, after[f])} data-testid={`take-${f}`}>
                {t('residents:form.takeTheirs')}
              </Button>
            </Space>
          ))}
          <Typography.Text type="secondary">{t('residents:form.otherChangeHelp')}</Typography.Text>
        </Space>
      }
    />
  );
}

const EMPTY: Partial<Values> = { ethnicity: '01', residenceType: 'registered', relation: '02', tags: [], placementKind: 'new' };

/** New resident (optionally into a household) or edit of an existing one. */
export function ResidentFormPage({ id, householdId }: { id?: number; householdId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // Leaving by the menu with typing not saved: asked first.
  const leaveGuard = useLeaveGuard(() => form.isFieldsTouched(), useConfirmDiscard());
  const [duplicate, setDuplicate] = useState<{ id: number; name: string } | null>(null);
  const [derived, setDerived] = useState<string>('');
  const existing = useCall('residents.get', { id: id ?? 0 }, { enabled: id !== undefined });
  const tree = useCall('community.tree', {});
  const create = useWrite('residents.create');
  const update = useWrite('residents.update');
  const placementKind = Form.useWatch('placementKind', form);
  const gridId = Form.useWatch('gridId', form);

  // The record as it was when this form opened. A newer one arriving (someone at another desk saved)
  // never overwrites what is being typed: it is shown beside the form instead.
  const [opened, setOpened] = useState<ResidentDetail | null>(null);
  const newer = opened && existing.data && existing.data.version > opened.version ? existing.data : null;
  useEffect(() => {
    if (existing.data && !opened) {
      setOpened(existing.data);
      form.setFieldsValue(formValuesOf(existing.data));
    } else if (!id) form.setFieldsValue({ ...EMPTY, ...(householdId ? { placementKind: 'existing', householdId, relation: undefined } : {}) });
  }, [existing.data, opened, id, householdId, form]);
  const [stale, setStale] = useState('');
  // The version this person was refused over and shown: saving again is their merge, made over it.
  const [merging, setMerging] = useState<number | null>(null);
  const otherChange = useRef<HTMLDivElement>(null);
  // The refusal is read where the other change is shown, at the top of the form, not below the save button.
  useEffect(() => {
    if (stale && newer) otherChange.current?.scrollIntoView({ block: 'start' });
  }, [stale, newer]);

  /** A valid ID fills in birth date and gender, shows the 15→18 upgrade, and warns of a duplicate at once. */
  const onIdBlur = async () => {
    const raw = form.getFieldValue('idNumber') as string | undefined;
    setDuplicate(null);
    setDerived('');
    if (!raw) return;
    const r = checkIdNumber(raw);
    if (!r.ok) return;
    form.setFieldsValue({ idNumber: r.value, birthDate: r.birthDate, gender: r.gender });
    setDerived(
      [r.upgradedFrom ? t('errors:id.upgraded', { old: r.upgradedFrom }) : '', t('residents:form.derived', { birth: r.birthDate, gender: t(`codes:gender.${r.gender}`), age: ageOn(r.birthDate) })]
        .filter(Boolean)
        .join(' '),
    );
    const dup = await call('residents.findById', { idNumber: r.value }).catch(() => null);
    if (dup && dup.id !== id) setDuplicate(dup);
  };

  const submit = (v: Values) => {
    const fields = Object.fromEntries(Object.keys(residentFieldsShape).map((k) => [k, (v as Record<string, unknown>)[k] ?? (k === 'tags' ? [] : '')])) as ResidentFieldsInput;
    const check = residentFields.safeParse(fields);
    const keeping = !!id && !fields.idNumber && !!existing.data?.hasIdNumber;
    if (!check.success && !(keeping && check.error.issues.every((i) => i.message === 'resident.birthDateNeeded'))) {
      form.setFields(check.error.issues.map((i) => ({ name: String(i.path[0]) as keyof Values, errors: [issueText(t, { messageKey: i.message, params: (i as { params?: Record<string, string> }).params })] })));
      return;
    }
    const onError = (err: Error) => {
      if (err instanceof CallError && err.failure.code === 'record.stale') {
        // Nothing of the form is touched: the other change is fetched and shown beside it.
        setStale(errorText(t, err));
        message.warning(errorText(t, err), 8);
        void existing.refetch().then((r) => setMerging(r.data?.version ?? null));
        return;
      }
      if (err instanceof CallError && err.failure.code === 'resident.duplicateId') setDuplicate({ id: Number(err.failure.params?.id), name: String(err.failure.params?.name) });
      if (!(err instanceof CallError && showFieldIssues(form, t, err.failure.issues))) message.error(errorText(t, err));
    };
    if (id) {
      // Need-to-know: the form never received the full ID or phone; left empty, they stay as they are.
      const keepIdNumber = !fields.idNumber && !!existing.data?.hasIdNumber;
      const keepPhone = !fields.phone && !!existing.data?.phoneMasked;
      // Until this person has been told of the other change (refused once), their save names the version they opened.
      const version = merging ?? opened?.version;
      update.mutate({ id, ...fields, keepIdNumber, keepPhone, version }, { onError, onSuccess: () => (message.success(t('residents:form.saved')), leaveGuard.release(), navigate(links.resident(id))) });
      return;
    }
    const placement =
      v.placementKind === 'existing'
        ? { kind: 'existing' as const, householdId: v.householdId ?? 0 }
        : { kind: 'new' as const, buildingId: v.buildingId ?? 0, unit: v.unit ?? '', room: v.room ?? '', number: v.householdNumber ?? '' };
    create.mutate(
      { ...fields, placement, moveInDate: v.moveInDate || undefined, moveInReason: v.moveInReason ?? '' },
      {
        onError,
        onSuccess: (out) => {
          message.success(t('residents:form.created', { name: v.name }));
          leaveGuard.release();
          navigate(links.household(out.householdId));
        },
      },
    );
  };

  if (id && existing.isPending) return <Spin />;
  // A record that could not be read is never shown as an empty form someone might fill in and save.
  if (id && existing.isError && !existing.data)
    return <Result status="warning" title={errorText(t, existing.error)} extra={<Button onClick={() => void existing.refetch()}>{t('actions.readAgain')}</Button>} data-testid="record-unread" />;
  const required = { required: true };
  const grids = tree.data ?? [];
  const buildingOptions = grids.filter((g) => !gridId || g.id === gridId).flatMap((g) => g.buildings.map((b) => ({ value: b.id, label: gridId ? b.name : `${g.name} · ${b.name}` })));

  return (
    <Card className="page-card form-narrow" title={id ? t('residents:form.editTitle', { name: existing.data?.name ?? '' }) : t('residents:form.newTitle')}>
      <div ref={otherChange}>{newer && opened && <OtherChange opened={opened} newer={newer} refused={stale} onTake={(field, value) => form.setFieldValue(field, value)} />}</div>
      <Form form={form} layout="vertical" size="large" onFinish={submit} onKeyDownCapture={enterToNext} data-testid="resident-form" scrollToFirstError>
        <Typography.Title level={5}>{t('residents:form.basic')}</Typography.Title>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="name" label={t('residents:fields.name')} rules={fieldRules(t, residentFieldsShape.name)}>
              <Input autoFocus data-testid="f-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="idNumber" label={t('residents:fields.idNumber')} rules={fieldRules(t, residentFieldsShape.idNumber)} validateTrigger="onBlur" extra={derived}>
              <Input onBlur={() => void onIdBlur()} maxLength={40} data-testid="f-idNumber" placeholder={existing.data?.idMasked ? t('residents:form.keepMasked', { masked: existing.data.idMasked }) : undefined} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="gender" label={t('residents:fields.gender')} rules={fieldRules(t, residentFieldsShape.gender)}>
              <CodeSelect list="gender" data-testid="f-gender" />
            </Form.Item>
          </Col>
        </Row>
        {duplicate && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('errors:resident.duplicateId', { name: duplicate.name })}
            action={<Button href={`#/${links.resident(duplicate.id)}`}>{t('residents:form.openExisting')}</Button>}
            data-testid="duplicate-warning"
          />
        )}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="birthDate" label={t('residents:fields.birthDate')} rules={fieldRules(t, residentFieldsShape.birthDate)} extra={t('residents:form.dateHelp')}>
              <Input placeholder="1960-05-01" data-testid="f-birthDate" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ethnicity" label={t('residents:fields.ethnicity')}>
              <CodeSelect list="ethnicity" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label={t('residents:fields.phone')} rules={fieldRules(t, residentFieldsShape.phone)} validateTrigger="onBlur">
              <Input data-testid="f-phone" placeholder={existing.data?.phoneMasked ? t('residents:form.keepMasked', { masked: existing.data.phoneMasked }) : undefined} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="political" label={t('residents:fields.political')}>
              <CodeSelect list="political" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="education" label={t('residents:fields.education')}>
              <CodeSelect list="education" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="marital" label={t('residents:fields.marital')}>
              <CodeSelect list="marital" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="occupation" label={t('residents:fields.occupation')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hukouAddress" label={t('residents:fields.hukouAddress')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('residents:form.household')}</Typography.Title>
        {!id && (
          <>
            <Form.Item name="placementKind">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'new', label: t('residents:form.newHousehold') },
                  { value: 'existing', label: t('residents:form.existingHousehold') },
                ]}
              />
            </Form.Item>
            {placementKind === 'existing' ? (
              <Form.Item name="householdId" label={t('residents:form.pickHousehold')} rules={[required]}>
                <HouseholdPicker />
              </Form.Item>
            ) : (
              <Row gutter={16}>
                <Col span={6}>
                  <Form.Item name="gridId" label={t('residents:fields.grid')}>
                    <Select showSearch={{ optionFilterProp: 'label' }} allowClear options={grids.map((g) => ({ value: g.id, label: g.name }))} onChange={() => form.setFieldValue('buildingId', undefined)} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="buildingId" label={t('residents:fields.building')} rules={[required]}>
                    <Select showSearch={{ optionFilterProp: 'label' }} options={buildingOptions} data-testid="f-building" />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name="unit" label={t('residents:fields.unit')}>
                    <Input data-testid="f-unit" />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name="room" label={t('residents:fields.room')} rules={[required]}>
                    <Input data-testid="f-room" />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name="householdNumber" label={t('residents:fields.householdNumber')} extra={t('residents:form.numberHelp')}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </>
        )}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="relation" label={t('residents:fields.relation')} rules={fieldRules(t, residentFieldsShape.relation)}>
              <CodeSelect list="relation" data-testid="f-relation" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="residenceType" label={t('residents:fields.residenceType')} rules={fieldRules(t, residentFieldsShape.residenceType)}>
              <CodeSelect list="residenceType" allowClear={false} />
            </Form.Item>
          </Col>
          {!id && (
            <Col span={8}>
              <Form.Item name="moveInDate" label={t('residents:fields.moveInDate')} rules={fieldRules(t, residentFieldsShape.birthDate)} extra={t('residents:form.moveInHelp')}>
                <Input placeholder="2026-01-31" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="tags" label={t('residents:fields.tags')}>
          <Checkbox.Group options={CARE_TAG.map((c) => ({ value: c.code, label: t(`codes:careTag.${c.code}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('residents:fields.note')} rules={fieldRules(t, residentFieldsShape.note)}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" size="large" loading={create.isPending || update.isPending} data-testid="save-resident">
            {t('actions.save')}
          </Button>
          <Button size="large" onClick={() => window.history.back()}>
            {t('actions.cancel')}
          </Button>
          <Typography.Text type="secondary">{t('residents:form.keyboardHelp')}</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
