import { App, Checkbox, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemInput, type ProblemInput } from '../../../shared/contract/visits';
import { PROBLEM_SOURCES } from '../../../shared/rules/visits';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { CallError } from '../../api/client';
import { navigate } from '../../app/router';
import { ResidentPicker } from '../../components/ResidentPicker';
import { enterToNext } from '../../components/keyboard';
import { errorText, showFieldIssues } from '../../components/errors';
import { fieldRules } from '../../components/zodRule';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';
import { links } from '../../../shared/contract/links';

const shape = problemInput.shape;

/**
 * 登记诉求问题: from a visit (its place comes with it), a walk-in, a call or the 12345 hotline (with its
 * ticket); who raised it — a resident, a name, or anonymous; what, where, and how urgent.
 */
export function ProblemDialog({ visit, onClose, stay }: { visit?: { id: number }; onClose: () => void; stay?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProblemInput>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const raise = useWrite('problems.raise');
  const settings = useCall('visits.settings', {});
  const places = useCall('visits.places', {});
  const staff = useCall('problems.staff', {});
  const source = Form.useWatch('source', form) ?? (visit ? 'visit' : 'walkin');
  const anonymous = Form.useWatch('anonymous', form);
  const submit = (v: ProblemInput) =>
    raise.mutate(
      { ...v, source: visit ? 'visit' : v.source, visitId: visit?.id ?? null, residentId: v.anonymous ? null : (v.residentId ?? null), buildingId: v.buildingId ?? null, assigneeId: v.assigneeId ?? null },
      {
        onSuccess: (r) => {
          message.success(t('visits:problems.saved', { number: r.number }));
          onClose();
          if (!stay) navigate(links.problem(r.id));
        },
        onError: (err) => {
          if (!(err instanceof CallError && showFieldIssues(form, t, err.failure.issues))) message.error(errorText(t, err));
        },
      },
    );
  return (
    <Modal open width={860} title={t('visits:problems.add')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: raise.isPending, id: 'problem-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form<ProblemInput> form={form} layout="vertical" onFinish={submit} onKeyDownCapture={enterToNext} data-testid="problem-form" initialValues={{ source: visit ? 'visit' : 'walkin', foundOn: todayIso(), anonymous: false, urgent: false }}>
        {!visit && (
          <Form.Item name="source" label={t('visits:fields.source')}>
            <Radio.Group optionType="button" buttonStyle="solid" size="large" options={PROBLEM_SOURCES.filter((s) => s !== 'visit').map((s) => ({ value: s, label: t(`visits:source.${s}`) }))} data-testid="problem-source" />
          </Form.Item>
        )}
        {source === 'hotline' && (
          <Form.Item name="hotlineTicket" label={t('visits:fields.ticket')} rules={[{ required: true, message: t('errors:problems.ticketNeeded') }]}>
            <Input data-testid="problem-ticket" />
          </Form.Item>
        )}
        <Row gutter={16} align="bottom">
          <Col span={10}>
            <Form.Item name="residentId" label={t('visits:fields.raiserResident')}>
              <ResidentPicker method="visits.findResidents" testId="problem-resident" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="raiser" label={t('visits:fields.raiserName')} rules={fieldRules(t, shape.raiser)}>
              <Input disabled={anonymous} data-testid="problem-raiser" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="anonymous" valuePropName="checked">
              <Checkbox data-testid="problem-anonymous">{t('visits:fields.anonymous')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="category" label={t('visits:fields.category')} rules={[{ required: true }]}>
              <Select options={(settings.data?.categories ?? []).map((c) => ({ value: c.name, label: `${c.name}（${c.days}）` }))} data-testid="problem-category" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="buildingId" label={t('visits:fields.building')}>
              <Select allowClear showSearch optionFilterProp="label" options={(places.data ?? []).flatMap((g) => g.buildings.map((b) => ({ value: b.id, label: `${g.grid} ${b.name}` })))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="place" label={t('visits:fields.place')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="content" label={t('visits:fields.content')} rules={fieldRules(t, shape.content)}>
          <Input.TextArea rows={3} data-testid="problem-content" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="foundOn" label={t('visits:fields.foundOn')} rules={fieldRules(t, shape.foundOn)}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contact" label={t('visits:fields.contact')} rules={fieldRules(t, shape.contact)}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="assigneeId" label={t('visits:fields.assignee')}>
              <Select allowClear options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="problem-assignee" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="urgent" valuePropName="checked" label=" ">
              <Checkbox>{t('visits:fields.urgent')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
