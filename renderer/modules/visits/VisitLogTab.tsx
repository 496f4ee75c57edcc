import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { visitInput, type VisitInput, type VisitRow } from '../../../shared/contract/visits';
import { VISIT_KINDS } from '../../../shared/rules/visits';
import { todayIso } from '../../../shared/rules/idNumber';
import { addDays } from '../../../shared/rules/mediation';
import { useCall, useWrite } from '../../api/hooks';
import { enterToNext } from '../../components/keyboard';
import { errorText } from '../../components/errors';
import { fieldRules } from '../../components/zodRule';
import { useCan, useUser } from '../accounts/api';
import { ProblemDialog } from './ProblemDialog';

type Values = VisitInput & { gridId?: number };

/**
 * 民情日志: quick entry at the desk after a round — the date, who went and the building stay, so the
 * next household is a few keystrokes (Enter moves on, Enter on the button saves) — and the log below.
 */
export function VisitLogTab({ householdId }: { householdId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const places = useCall('visits.places', {});
  const log = useWrite('visits.log');
  const [from, setFrom] = useState(() => addDays(todayIso(), -7));
  const [raising, setRaising] = useState<VisitRow>();
  const visits = useCall('visits.list', { from, to: todayIso() }, { keepPrevious: true });
  const kind = Form.useWatch('kind', form) ?? 'household';
  const gridId = Form.useWatch('gridId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const grids = places.data ?? [];
  const buildings = grids.filter((g) => gridId === undefined || g.gridId === gridId).flatMap((g) => g.buildings);
  const households = buildings.find((b) => b.id === buildingId)?.households ?? [];
  // Opened from "due for a visit": the household is chosen, with its building and grid.
  const preset = householdId ? grids.flatMap((g) => g.buildings.map((b) => ({ g, b }))).find(({ b }) => b.households.some((h) => h.id === householdId)) : undefined;
  const submit = (v: Values) => {
    const { gridId: _grid, ...input } = v;
    log.mutate(
      { ...input, householdId: v.householdId ?? null, buildingId: v.buildingId ?? null },
      {
        onSuccess: () => {
          message.success(t('visits:visits.saved'));
          form.setFieldsValue({ householdId: undefined, met: '', seen: '', words: '', place: '' });
        },
        onError: (err) => message.error(errorText(t, err)),
      },
    );
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {can('visits.edit') && !places.isPending && (
        <Card title={t('visits:visits.add')} size="small">
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            onKeyDownCapture={enterToNext}
            data-testid="visit-form"
            initialValues={{ date: todayIso(), kind: 'household', visitors: user?.displayName ?? '', gridId: preset?.g.gridId, buildingId: preset?.b.id, householdId }}
          >
            <Row gutter={16}>
              <Col span={4}>
                <Form.Item name="date" label={t('visits:fields.date')} rules={fieldRules(t, visitInput.shape.date)}>
                  <Input data-testid="visit-date" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="kind" label={t('visits:fields.kind')}>
                  <Radio.Group optionType="button" options={VISIT_KINDS.map((k) => ({ value: k, label: t(`visits:kind.${k}`) }))} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="visitors" label={t('visits:fields.visitors')} rules={fieldRules(t, visitInput.shape.visitors)}>
                  <Input data-testid="visit-visitors" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              {kind !== 'place' && (
                <>
                  <Col span={5}>
                    <Form.Item name="gridId" label={t('visits:fields.grid')}>
                      <Select allowClear options={grids.map((g) => ({ value: g.gridId, label: g.grid }))} onChange={() => form.setFieldsValue({ buildingId: undefined, householdId: undefined })} data-testid="visit-grid" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name="buildingId" label={t('visits:fields.building')} rules={[{ required: true, message: t('errors:visits.buildingNeeded') }]}>
                      <Select showSearch optionFilterProp="label" options={buildings.map((b) => ({ value: b.id, label: b.name }))} onChange={() => form.setFieldValue('householdId', undefined)} data-testid="visit-building" />
                    </Form.Item>
                  </Col>
                </>
              )}
              {kind === 'household' && (
                <Col span={8}>
                  <Form.Item name="householdId" label={t('visits:fields.household')} rules={[{ required: true, message: t('errors:visits.householdNeeded') }]}>
                    <Select showSearch optionFilterProp="label" options={households.map((h) => ({ value: h.id, label: h.label }))} data-testid="visit-household" />
                  </Form.Item>
                </Col>
              )}
              {kind === 'place' && (
                <Col span={10}>
                  <Form.Item name="place" label={t('visits:fields.place')} rules={[{ required: true, whitespace: true, message: t('errors:visits.placeNeeded') }]}>
                    <Input />
                  </Form.Item>
                </Col>
              )}
              <Col span={6}>
                <Form.Item name="met" label={t('visits:fields.met')}>
                  <Input data-testid="visit-met" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="seen" label={t('visits:fields.seen')}>
                  <Input.TextArea rows={2} data-testid="visit-seen" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="words" label={t('visits:fields.words')}>
                  <Input.TextArea rows={2} data-testid="visit-words" />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" size="large" htmlType="submit" loading={log.isPending} data-testid="visit-save">
              {t('visits:visits.saveNext')}
            </Button>
          </Form>
        </Card>
      )}
      <Space>
        <span>{t('visits:visits.from')}</span>
        <Input value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 140 }} />
        <span>
          {t('visits:visits.to')} {todayIso()}
        </span>
      </Space>
      <Table<VisitRow>
        rowKey="id"
        dataSource={visits.data ?? []}
        loading={visits.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('visits:visits.empty') }}
        data-testid="visit-list"
        columns={[
          { title: t('visits:fields.date'), dataIndex: 'date', width: 110 },
          { title: t('visits:fields.where'), render: (_, v) => [v.grid, v.where].filter(Boolean).join(' '), width: 200 },
          { title: t('visits:fields.visitors'), dataIndex: 'visitors', width: 110 },
          { title: t('visits:fields.met'), dataIndex: 'met', width: 110 },
          { title: t('visits:fields.seen'), render: (_, v) => [v.seen, v.words].filter(Boolean).join(' / ') },
          { title: t('visits:fields.problems'), dataIndex: 'problems', width: 70 },
          {
            title: '',
            width: 130,
            render: (_, v) =>
              can('visits.edit') && (
                <Button onClick={() => setRaising(v)} data-testid={`visit-raise-${v.id}`}>
                  {t('visits:visits.raise')}
                </Button>
              ),
          },
        ]}
      />
      {raising && <ProblemDialog visit={{ id: raising.id }} stay onClose={() => setRaising(undefined)} />}
    </Space>
  );
}
