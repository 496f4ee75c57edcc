import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { resourceInput, type ResourceInput, type ResourceRow } from '../../../shared/contract/lists';
import { CAPACITY_PERIODS, PROVIDER_KINDS } from '../../../shared/rules/lists';
import { useCall, useWrite } from '../../api/hooks';
import { CallError } from '../../api/client';
import { enterToNext } from '../../components/keyboard';
import { errorText, showFieldIssues } from '../../components/errors';
import { fieldRules } from '../../components/zodRule';
import { useCategories } from './useCategories';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';

const shape = resourceInput.shape;

/** 登记资源: who offers what, how much of it, when and where. A reporting member is picked from the party's list. */
export function ResourceDialog({ resource, onClose }: { resource?: ResourceRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResourceInput>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const save = useWrite('lists.saveResource');
  const choices = useCall('lists.choices', {});
  const { tree } = useCategories(true);
  const kind = Form.useWatch('providerKind', form) ?? resource?.providerKind ?? 'unit';
  const submit = (v: ResourceInput) =>
    save.mutate(
      { ...v, id: resource?.id, reporterId: v.providerKind === 'member' ? (v.reporterId ?? null) : null },
      {
        onSuccess: () => {
          message.success(t('lists:resources.saved'));
          onClose();
        },
        onError: (err) => {
          if (!(err instanceof CallError && showFieldIssues(form, t, err.failure.issues))) message.error(errorText(t, err));
        },
      },
    );
  const pickReporter = (id: number) => {
    const r = choices.data?.reporters.find((x) => x.id === id);
    if (r && !form.getFieldValue('provider')) form.setFieldValue('provider', `${r.name}（${r.employer}）`);
  };
  return (
    <Modal open width={860} title={t(resource ? 'lists:resources.edit' : 'lists:resources.add')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: save.isPending, id: 'resource-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form<ResourceInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        onKeyDownCapture={enterToNext}
        data-testid="resource-form"
        initialValues={
          resource
            ? { ...resource, phone: '' }
            : { providerKind: 'unit', capacity: 4, capacityPeriod: 'month', weekdays: [], gridIds: [], active: true }
        }
      >
        <Form.Item name="providerKind" label={t('lists:fields.providerKind')}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`lists:kind.${k}`) }))} data-testid="resource-kind" />
        </Form.Item>
        <Row gutter={16}>
          {kind === 'member' && (
            <Col span={8}>
              <Form.Item name="reporterId" label={t('lists:fields.reporter')} rules={[{ required: true, message: t('errors:lists.reporterNeeded') }]}>
                <Select showSearch optionFilterProp="label" onChange={pickReporter} options={(choices.data?.reporters ?? []).map((r) => ({ value: r.id, label: `${r.name} · ${r.employer}` }))} data-testid="resource-reporter" />
              </Form.Item>
            </Col>
          )}
          <Col span={kind === 'member' ? 8 : 12}>
            <Form.Item name="provider" label={t('lists:fields.provider')} rules={fieldRules(t, shape.provider)}>
              <Input data-testid="resource-provider" />
            </Form.Item>
          </Col>
          <Col span={kind === 'member' ? 8 : 12}>
            <Form.Item name="categoryId" label={t('lists:fields.category')} rules={[{ required: true }]}>
              <TreeSelect treeData={tree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" data-testid="resource-category" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="content" label={t('lists:fields.resourceContent')} rules={fieldRules(t, shape.content)}>
          <Input.TextArea rows={2} data-testid="resource-content" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="capacity" label={t('lists:fields.capacity')} rules={fieldRules(t, shape.capacity)}>
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} data-testid="resource-capacity" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capacityPeriod" label={t('lists:fields.capacityPeriod')}>
              <Select options={CAPACITY_PERIODS.map((p) => ({ value: p, label: t(`lists:periodName.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="times" label={t('lists:fields.times')}>
              <Input placeholder={t('lists:fields.timesPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="weekdays" label={t('lists:fields.weekdays')}>
          <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`lists:weekday.${d}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="availableFrom" label={t('lists:fields.availableFrom')} rules={fieldRules(t, shape.availableFrom)}>
              <Input placeholder="2026-01-01" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="availableTo" label={t('lists:fields.availableTo')} rules={fieldRules(t, shape.availableTo)}>
              <Input placeholder="2026-12-31" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gridIds" label={t('lists:fields.grids')}>
              <Select mode="multiple" allowClear optionFilterProp="label" options={(choices.data?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))} data-testid="resource-grids" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="contact" label={t('lists:fields.contact')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label={t('lists:fields.phone')} rules={fieldRules(t, shape.phone)} extra={resource?.phoneMasked}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="active" label={t('lists:fields.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
