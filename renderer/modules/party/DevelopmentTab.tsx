import { useState } from 'react';
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Modal, Row, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileRow } from '../../../shared/contract/party';
import { STEP, STEP_COUNT, STEP_STAGE, STAGES } from '../../../shared/rules/party';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { CodeSelect } from '../../components/CodeSelect';
import { enterToNext } from '../../components/keyboard';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { ResidentPicker } from '../../components/ResidentPicker';
import { openableRow } from '../../components/openableRow';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';

/** 发展党员: everyone in the procedure on one board, with what comes next and what is due or overdue. */
export function DevelopmentTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [closed, setClosed] = useState(false);
  const files = useCall('party.files', { includeClosed: closed });
  const [opening, setOpening] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {can('party.edit') && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="file-open">
            {t('party:dev.open')}
          </Button>
        )}
        <Button size="large" onClick={() => setClosed(!closed)}>
          {closed ? t('party:dev.hideClosed') : t('party:dev.showClosed')}
        </Button>
      </Space>
      <Table<FileRow>
        rowKey="id"
        dataSource={files.data ?? []}
        loading={files.isFetching}
        pagination={false}
        locale={{ emptyText: t('party:dev.empty') }}
        onRow={(r) => openableRow(() => setShown(r.id))}
        data-testid="party-files"
        columns={[
          { title: t('party:fields.name'), dataIndex: 'name', render: (v: string, r) => <a onClick={() => setShown(r.id)}>{v}</a> },
          { title: t('party:fields.branch'), dataIndex: 'branchName' },
          { title: t('party:dev.stage'), dataIndex: 'stage', render: (s: FileRow['stage']) => <Tag color="red">{t(`party:stage.${s}`)}</Tag> },
          { title: t('party:dev.lastStep'), render: (_, r) => (r.lastStep ? `${t(`party:steps.${r.lastStep}`)} · ${r.lastDate}` : '—') },
          { title: t('party:dev.next'), render: (_, r) => (r.next ? t(`party:steps.${r.next.step}`) : t('party:dev.done')) },
          {
            title: t('party:dev.when'),
            render: (_, r) =>
              r.overdue ? (
                <Tag color="error">{t('party:dev.overdue', { date: r.next?.due })}</Tag>
              ) : r.waiting ? (
                <Tag>{t('party:dev.earliest', { date: r.next?.earliest })}</Tag>
              ) : r.next?.due ? (
                <Tag color="warning">{t('party:dev.due', { date: r.next.due })}</Tag>
              ) : (
                ''
              ),
          },
        ]}
      />
      {opening && <OpenFileDialog onClose={() => setOpening(false)} onOpened={(id) => setShown(id)} />}
      {shown !== null && <FileDrawer id={shown} onClose={() => setShown(null)} />}
    </Space>
  );
}

function OpenFileDialog({ onClose, onOpened }: { onClose: () => void; onOpened: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const branches = useCall('party.branches', {});
  const open = useWrite('party.openFile');
  const residentId = Form.useWatch('residentId', form) as number | null | undefined;
  return (
    <Modal
      open
      width={720}
      title={t('party:dev.open')}
      onCancel={closeAsking} maskClosable={false}
      okText={t('party:dev.create')}
      okButtonProps={{ size: 'large', loading: open.isPending, id: 'file-create' }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onKeyDownCapture={enterToNext}
        initialValues={{ residentId: null, branchId: branches.data?.[0]?.id }}
        onFinish={(v: { residentId: number | null; name?: string; idNumber?: string; birthDate?: string; gender?: string; phone?: string; employer?: string; branchId: number }) =>
          open.mutate(
            { ...v, residentId: v.residentId ?? null },
            {
              onSuccess: (r) => {
                onClose();
                onOpened(r.id);
              },
              onError: (err) => message.error(errorText(t, err)),
            },
          )
        }
      >
        <Form.Item name="residentId" label={t('party:roster.linkResident')} extra={t('party:roster.linkHelp')}>
          <ResidentPicker method="party.findResidents" placeholder={t('party:roster.notResident')} />
        </Form.Item>
        {!residentId && (
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="name" label={t('party:fields.name')} rules={[{ required: true }]}>
                <Input data-testid="f-name" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="idNumber" label={t('party:fields.idNumber')}>
                <Input data-testid="f-idNumber" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="gender" label={t('party:fields.gender')}>
                <CodeSelect list="gender" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="birthDate" label={t('party:fields.birthDate')} extra={t('party:dev.birthHelp')}>
                <Input placeholder="1998-05-01" data-testid="f-birthDate" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="phone" label={t('party:fields.phone')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="branchId" label={t('party:fields.branch')} rules={[{ required: true }]}>
              <Select options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employer" label={t('party:fields.employer')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

interface StepValues {
  date: string;
  people0?: string;
  people1?: string;
  trainingDays?: number;
  trainingHours?: number;
  present?: number;
  inFavour?: number;
  note?: string;
}

/** One person's file: the 25 steps, and the form for the next one, which the main process checks against the rules. */
function FileDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const detail = useCall('party.file', { id });
  const record = useWrite('party.recordStep');
  const extend = useWrite('party.extendProbation');
  const [form] = Form.useForm<StepValues>();
  const [refusal, setRefusal] = useState<string>();
  const [extending, setExtending] = useState(false);
  const d = detail.data;
  const next = d?.file.next?.step;
  const steps = d?.steps ?? [];

  const submit = (v: StepValues) => {
    setRefusal(undefined);
    const people = [v.people0, v.people1].filter((p): p is string => !!p?.trim());
    record.mutate(
      {
        fileId: id,
        step: next!,
        date: v.date,
        note: v.note ?? '',
        ...(next === STEP.contacts || next === STEP.introducers ? { people } : {}),
        ...(next === STEP.training ? { trainingDays: v.trainingDays ?? 0, trainingHours: v.trainingHours ?? 0 } : {}),
        ...(next === STEP.branchVote || next === STEP.fullVote ? { present: v.present ?? 0, inFavour: v.inFavour ?? 0 } : {}),
      },
      {
        onSuccess: () => {
          message.success(t('party:dev.recorded', { step: t(`party:steps.${next}`) }));
          form.resetFields();
        },
        onError: (err) => setRefusal(errorText(t, err)),
      },
    );
  };

  const canExtend = !!d && d.file.lastStep >= STEP.branchVote && d.file.lastStep < STEP.fullVote && d.file.extensionMonths === 0;
  return (
    <Drawer open width={760} title={d ? `${d.file.name} · ${t(`party:stage.${d.file.stage}`)}` : ''} onClose={onClose} data-testid="file-drawer">
      {d && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {[d.file.branchName, d.file.idMasked, d.file.birthDate && t('party:dev.born', { date: d.file.birthDate }), d.file.probationEnd && t('party:dev.probationEnd', { date: d.file.probationEnd })]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          <Steps
            size="small"
            current={STAGES.indexOf(d.file.stage)}
            items={STAGES.map((s) => ({ title: t(`party:stage.${s}`) }))}
          />
          {next && can('party.edit') && (
            <Form<StepValues> form={form} layout="vertical" onFinish={submit} onKeyDownCapture={enterToNext} initialValues={{ date: todayIso() }} data-testid="step-form">
              <Typography.Title level={5}>{t('party:dev.recordNext', { step: t(`party:steps.${next}`) })}</Typography.Title>
              {d.file.next?.earliest && <Alert type="info" showIcon message={t('party:dev.earliest', { date: d.file.next.earliest })} style={{ marginBottom: 12 }} />}
              {d.file.next?.due && <Alert type={d.file.overdue ? 'error' : 'warning'} showIcon message={t(d.file.overdue ? 'party:dev.overdue' : 'party:dev.due', { date: d.file.next.due })} style={{ marginBottom: 12 }} />}
              <Row gutter={16}>
                <Col span={8}>
                  <Form.Item name="date" label={t('party:dev.date')} rules={[{ required: true }]}>
                    <Input placeholder="2026-01-31" data-testid="step-date" />
                  </Form.Item>
                </Col>
                {(next === STEP.contacts || next === STEP.introducers) &&
                  [0, 1].map((i) => (
                    <Col span={8} key={i}>
                      <Form.Item name={`people${i}`} label={t(next === STEP.contacts ? 'party:dev.contact' : 'party:dev.introducer', { n: i + 1 })}>
                        <Input data-testid={`step-people${i}`} />
                      </Form.Item>
                    </Col>
                  ))}
                {next === STEP.training && (
                  <>
                    <Col span={8}>
                      <Form.Item name="trainingDays" label={t('party:dev.trainingDays')}>
                        <InputNumber min={0} style={{ width: '100%' }} data-testid="step-days" />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name="trainingHours" label={t('party:dev.trainingHours')}>
                        <InputNumber min={0} style={{ width: '100%' }} data-testid="step-hours" />
                      </Form.Item>
                    </Col>
                  </>
                )}
                {(next === STEP.branchVote || next === STEP.fullVote) && (
                  <>
                    <Col span={24}>
                      <Alert type="info" showIcon message={t('party:dev.entitled', { count: d.file.entitledVoters })} style={{ marginBottom: 12 }} />
                    </Col>
                    <Col span={8}>
                      <Form.Item name="present" label={t('party:dev.present')}>
                        <InputNumber min={0} style={{ width: '100%' }} data-testid="step-present" />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name="inFavour" label={t('party:dev.inFavour')}>
                        <InputNumber min={0} style={{ width: '100%' }} data-testid="step-inFavour" />
                      </Form.Item>
                    </Col>
                  </>
                )}
                <Col span={24}>
                  <Form.Item name="note" label={t('party:dev.note')}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} data-testid="step-refused" />}
              <Space>
                <Button type="primary" size="large" htmlType="submit" loading={record.isPending} data-testid="step-save">
                  {t('party:dev.record')}
                </Button>
                {canExtend && (
                  <Button size="large" onClick={() => setExtending(true)}>
                    {t('party:dev.extend')}
                  </Button>
                )}
              </Space>
            </Form>
          )}
          <Table
            size="small"
            rowKey="step"
            pagination={false}
            dataSource={Array.from({ length: STEP_COUNT }, (_, i) => {
              const s = steps.find((x) => x.step === i + 1);
              return { step: i + 1, date: s?.date ?? '', s };
            })}
            columns={[
              { title: '#', dataIndex: 'step', width: 48 },
              { title: t('party:dev.stage'), render: (_, r) => t(`party:stage.${STEP_STAGE[r.step]}`), width: 110 },
              { title: t('party:dev.step'), render: (_, r) => t(`party:steps.${r.step}`) },
              { title: t('party:dev.date'), dataIndex: 'date', width: 110 },
              {
                title: t('party:dev.detail'),
                render: (_, r) => {
                  const det = (r.s?.detail ?? {}) as { people?: string[]; trainingDays?: number; trainingHours?: number; entitled?: number; present?: number; inFavour?: number; lateAfter?: string };
                  return [
                    det.people?.join('、'),
                    det.trainingDays ? t('party:dev.daysValue', { n: det.trainingDays }) : '',
                    det.trainingHours ? t('party:dev.hoursValue', { n: det.trainingHours }) : '',
                    det.entitled !== undefined ? t('party:dev.voteValue', { entitled: det.entitled, present: det.present, inFavour: det.inFavour }) : '',
                    det.lateAfter ? t('party:dev.late', { date: det.lateAfter }) : '',
                    r.s?.note,
                  ]
                    .filter(Boolean)
                    .join(' · ');
                },
              },
            ]}
          />
        </Space>
      )}
      {extending && (
        <Modal open title={t('party:dev.extend')} onCancel={() => setExtending(false)} footer={null}>
          <Form
            layout="vertical"
            onFinish={(v: { months: number; reason: string }) =>
              extend.mutate(
                { fileId: id, ...v },
                {
                  onSuccess: (r) => {
                    message.success(t('party:dev.extended', { date: r.probationEnd }));
                    setExtending(false);
                  },
                  onError: (err) => message.error(errorText(t, err)),
                },
              )
            }
          >
            <Form.Item name="months" label={t('party:dev.extendMonths')} rules={[{ required: true }]}>
              <InputNumber min={6} max={12} />
            </Form.Item>
            <Form.Item name="reason" label={t('party:member.reason')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={extend.isPending}>
              {t('actions.save')}
            </Button>
          </Form>
        </Modal>
      )}
    </Drawer>
  );
}
