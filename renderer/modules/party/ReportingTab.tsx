import { useState } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReporterInput, ReporterRow } from '../../../shared/contract/party';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { CodeSelect } from '../../components/CodeSelect';
import { enterToNext } from '../../components/keyboard';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';
import { printLinks } from '../../../shared/contract/links';

/**
 * 在职党员进社区报到 (双报到): who reported, the posts they claimed, their service this year; a receipt for
 * the employer, the quarter's service record per employer, and those to flag at the year-end evaluation.
 */
export function ReportingTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const list = useCall('party.reporters', { year });
  const [editing, setEditing] = useState<ReporterRow | 'new' | null>(null);
  const [serving, setServing] = useState<ReporterRow | null>(null);
  const [summary, setSummary] = useState(false);
  const rows = (list.data ?? []).filter((r) => !flaggedOnly || !r.reportedOn || r.services === 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <InputNumber size="large" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonAfter={t('party:meetings.year')} />
        {can('party.edit') && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="reporter-add">
            {t('party:reporting.add')}
          </Button>
        )}
        <Button size="large" icon={<PrinterOutlined />} onClick={() => setSummary(true)} data-testid="summary-open">
          {t('party:reporting.summary')}
        </Button>
        <Space>
          <Switch checked={flaggedOnly} onChange={setFlaggedOnly} data-testid="reporter-flagged" />
          {t('party:reporting.flaggedOnly')}
        </Space>
      </Space>
      <Table<ReporterRow>
        rowKey="id"
        dataSource={rows}
        loading={list.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('party:reporting.empty') }}
        data-testid="reporter-list"
        columns={[
          { title: t('party:fields.name'), dataIndex: 'name' },
          { title: t('party:reporting.employer'), dataIndex: 'employer' },
          { title: t('party:reporting.posts'), dataIndex: 'posts', render: (p: string[]) => p.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('party:reporting.reportedOn'), dataIndex: 'reportedOn', render: (v: string) => v || <Tag color="red">{t('party:reporting.notReported')}</Tag> },
          {
            title: t('party:reporting.service', { year }),
            render: (_, r) => (r.services ? t('party:reporting.serviceValue', { count: r.services, hours: r.hours }) : <Tag color="orange">{t('party:reporting.noService')}</Tag>),
          },
          {
            title: '',
            render: (_, r) => (
              <Space>
                {can('party.edit') && <Button onClick={() => setEditing(r)}>{t('actions.edit')}</Button>}
                {can('party.edit') && r.reportedOn && (
                  <Button onClick={() => setServing(r)} data-testid={`serve-${r.name}`}>
                    {t('party:reporting.addService')}
                  </Button>
                )}
                {r.reportedOn && (
                  <Button icon={<PrinterOutlined />} onClick={() => navigate(printLinks.reportReceipt(r.id))} data-testid={`receipt-${r.name}`}>
                    {t('party:reporting.receipt')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <ReporterDialog editing={editing} onClose={() => setEditing(null)} />}
      {serving && <ServiceDialog reporter={serving} onClose={() => setServing(null)} />}
      {summary && <SummaryDialog employers={[...new Set((list.data ?? []).map((r) => r.employer))]} onClose={() => setSummary(false)} />}
    </Space>
  );
}

function ReporterDialog({ editing, onClose }: { editing: ReporterRow | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReporterInput>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const posts = useCall('party.servicePosts', {});
  const save = useWrite('party.saveReporter');
  const initial: Partial<ReporterInput> = editing === 'new' ? { posts: [], reportedOn: todayIso() } : { ...editing, phone: undefined };
  return (
    <Modal open width={760} title={t('party:reporting.add')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: save.isPending, id: 'reporter-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form<ReporterInput>
        form={form}
        layout="vertical"
        initialValues={initial}
        onKeyDownCapture={enterToNext}
        onFinish={(v) =>
          save.mutate(
            { ...v, id: editing === 'new' ? undefined : editing.id, residentId: editing === 'new' ? null : editing.residentId, phone: v.phone ?? '' },
            {
              onSuccess: () => {
                message.success(t('party:reporting.saved'));
                onClose();
              },
              onError: (err) => message.error(errorText(t, err)),
            },
          )
        }
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="name" label={t('party:fields.name')} rules={[{ required: true }]}>
              <Input data-testid="r-name" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="gender" label={t('party:fields.gender')}>
              <CodeSelect list="gender" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="phone" label={t('party:fields.phone')} extra={editing !== 'new' ? t('party:reporting.phoneKept') : undefined}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employer" label={t('party:reporting.employer')} rules={[{ required: true }]}>
              <Input data-testid="r-employer" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employerOrg" label={t('party:reporting.employerOrg')}>
              <Input data-testid="r-employerOrg" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employerContact" label={t('party:reporting.employerContact')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reportedOn" label={t('party:reporting.reportedOn')} extra={t('party:reporting.reportedHelp')}>
              <Input placeholder="2026-03-01" data-testid="r-reportedOn" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="posts" label={t('party:reporting.posts')}>
              <Select mode="multiple" options={(posts.data ?? []).map((p) => ({ value: p, label: p }))} data-testid="r-posts" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function ServiceDialog({ reporter, onClose }: { reporter: ReporterRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: string; post: string; hours: number; content: string }>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const add = useWrite('party.addService');
  return (
    <Modal open title={t('party:reporting.serviceTitle', { name: reporter.name })} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: add.isPending, id: 'service-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: todayIso(), post: reporter.posts[0], hours: 2 }}
        onKeyDownCapture={enterToNext}
        onFinish={(v) =>
          add.mutate(
            { reporterId: reporter.id, ...v },
            {
              onSuccess: () => {
                message.success(t('party:reporting.serviceSaved'));
                onClose();
              },
              onError: (err) => message.error(errorText(t, err)),
            },
          )
        }
      >
        <Form.Item name="date" label={t('party:dev.date')} rules={[{ required: true }]}>
          <Input data-testid="s-date" />
        </Form.Item>
        <Form.Item name="post" label={t('party:reporting.post')} rules={[{ required: true }]}>
          <Select options={reporter.posts.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="hours" label={t('party:reporting.hours')}>
          <InputNumber min={0.5} max={24} step={0.5} data-testid="s-hours" />
        </Form.Item>
        <Form.Item name="content" label={t('party:reporting.content')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="s-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SummaryDialog({ employers, onClose }: { employers: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const today = todayIso();
  const [employer, setEmployer] = useState(employers[0]);
  const [quarter, setQuarter] = useState(`${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`);
  return (
    <Modal
      open
      title={t('party:reporting.summary')}
      onCancel={onClose}
      okText={t('party:reporting.printSummary')}
      okButtonProps={{ size: 'large', disabled: !employer || !/^\d{4}-Q[1-4]$/.test(quarter), id: 'summary-print' }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => navigate(printLinks.serviceSummary, { employer, quarter })}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select size="large" value={employer} onChange={setEmployer} options={employers.map((e) => ({ value: e, label: e }))} style={{ width: '100%' }} aria-label={t('party:reporting.employer')} />
        <Input size="large" value={quarter} onChange={(e) => setQuarter(e.target.value.trim())} addonBefore={t('party:reporting.quarter')} />
      </Space>
    </Modal>
  );
}
