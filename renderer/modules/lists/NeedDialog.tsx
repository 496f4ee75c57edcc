import { useState } from 'react';
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { needInput, type NeedDetail, type NeedInput } from '../../../shared/contract/lists';
import { NEED_FOR, URGENCIES } from '../../../shared/rules/lists';
import { CODE_LISTS } from '../../../shared/rules/codes';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ResidentPicker } from '../../components/ResidentPicker';
import { enterToNext } from '../../components/keyboard';
import { errorText, showFieldIssues } from '../../components/errors';
import { fieldRules } from '../../components/zodRule';
import { CallError } from '../../api/client';
import { useCategories } from './useCategories';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';
import { links } from '../../../shared/contract/links';

type Values = Omit<NeedInput, 'id' | 'residentId' | 'householdId'> & { personId?: number | null };

/** 登记需求: for whom (a resident or household from the ledger, a care group, the community), what, by when. */
export function NeedDialog({ need, onClose }: { need?: NeedDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const save = useWrite('lists.saveNeed');
  const choices = useCall('lists.choices', {});
  const { tree } = useCategories(true);
  const forKind = Form.useWatch('forKind', form) ?? need?.forKind ?? 'resident';
  const wish = Form.useWatch('wish', form);
  // The household of the person picked for a household's need (their grid fills the grid field).
  const [picked, setPicked] = useState<{ householdId: number | null }>({ householdId: need?.householdId ?? null });
  const shape = needInput.shape;
  const submit = (v: Values) => {
    const { personId, ...rest } = v;
    save.mutate(
      { ...rest, id: need?.id, residentId: forKind === 'resident' ? (personId ?? null) : null, householdId: forKind === 'household' ? picked.householdId : null, gridId: rest.gridId ?? null, wantedBy: rest.wantedBy ?? '', budget: rest.budget ?? 0 },
      {
        onSuccess: (r) => {
          message.success(t('lists:needs.saved', { number: r.number }));
          onClose();
          navigate(links.need(r.id));
        },
        onError: (err) => {
          if (!(err instanceof CallError && showFieldIssues(form, t, err.failure.issues))) message.error(errorText(t, err));
        },
      },
    );
  };
  return (
    <Modal open width={860} title={t(need ? 'lists:needs.edit' : 'lists:needs.add')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: save.isPending, id: 'need-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onKeyDownCapture={enterToNext}
        data-testid="need-form"
        initialValues={
          need
            ? { forKind: need.forKind, personId: need.residentId, groupTag: need.groupTag, beneficiary: need.residentId ? '' : need.beneficiary, categoryId: need.categoryId, content: need.content, urgency: need.urgency, wantedBy: need.wantedBy, gridId: need.gridId, raisedOn: need.raisedOn, wish: need.wish, budget: need.budgetFen / 100 }
            : { forKind: 'resident', urgency: 'normal', raisedOn: todayIso(), wish: false }
        }
      >
        <Form.Item name="forKind" label={t('lists:fields.forKind')}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" options={NEED_FOR.map((k) => ({ value: k, label: t(`lists:for.${k}`) }))} data-testid="need-for" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            {(forKind === 'resident' || forKind === 'household') && (
              <Form.Item name="personId" label={t(forKind === 'resident' ? 'lists:fields.resident' : 'lists:fields.householdOf')} rules={[{ required: true, message: t(forKind === 'resident' ? 'errors:lists.residentNeeded' : 'errors:lists.householdNeeded') }]}>
                <ResidentPicker method="lists.findResidents" initialLabel={need?.beneficiary} onPick={(r) => (setPicked({ householdId: r.householdId ?? null }), form.setFieldValue('gridId', r.gridId ?? undefined))} testId="need-resident" />
              </Form.Item>
            )}
            {forKind === 'group' && (
              <Form.Item name="groupTag" label={t('lists:fields.group')} rules={[{ required: true, message: t('errors:lists.groupNeeded') }]}>
                <Select options={CODE_LISTS.careTag.map((c) => ({ value: c.code, label: t(`codes:careTag.${c.code}`) }))} data-testid="need-group" />
              </Form.Item>
            )}
            {(forKind === 'group' || forKind === 'community') && (
              <Form.Item name="beneficiary" label={t('lists:fields.beneficiary')} extra={t('lists:fields.beneficiaryHelp')} rules={fieldRules(t, shape.beneficiary)}>
                <Input data-testid="need-beneficiary" />
              </Form.Item>
            )}
          </Col>
          <Col span={6}>
            <Form.Item name="gridId" label={t('lists:fields.grid')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(choices.data?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))} data-testid="need-grid" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="categoryId" label={t('lists:fields.category')} rules={[{ required: true }]}>
              <TreeSelect treeData={tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" data-testid="need-category" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="content" label={t('lists:fields.content')} rules={fieldRules(t, shape.content)}>
          <Input.TextArea rows={3} data-testid="need-content" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="urgency" label={t('lists:fields.urgency')}>
              <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`lists:urgency.${u}`) }))} data-testid="need-urgency" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="raisedOn" label={t('lists:fields.raisedOn')} rules={fieldRules(t, shape.raisedOn)}>
              <Input placeholder="2026-12-01" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="wantedBy" label={t('lists:fields.wantedBy')} rules={fieldRules(t, shape.wantedBy)}>
              <Input placeholder="2026-12-31" data-testid="need-wanted" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contact" label={t('lists:fields.phone')} rules={fieldRules(t, shape.contact)}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16} align="middle">
          <Col span={8}>
            <Form.Item name="wish" valuePropName="checked">
              <Checkbox data-testid="need-wish">{t('lists:fields.wish')}</Checkbox>
            </Form.Item>
          </Col>
          {wish && (
            <Col span={8}>
              <Form.Item name="budget" label={t('lists:fields.budget')}>
                <InputNumber min={0} max={10_000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
