import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingKind } from '../../../shared/contract/party';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { enterToNext } from '../../components/keyboard';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';
import { printLinks } from '../../../shared/contract/links';

const KINDS = Object.keys(MEETING_KINDS) as MeetingKind[];
const STATE_COLOR = { held: 'green', missing: 'red', open: undefined } as const;

/** 三会一课: the year's calendar of required meetings per branch, the records, and a new record. */
export function MeetingsTab({ branchId }: { branchId?: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const meetings = useCall('party.meetings', { year, branchId }, { enabled: !!branchId });
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const calendar = meetings.data?.calendar ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <InputNumber size="large" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonAfter={t('party:meetings.year')} />
        {can('party.edit') && branchId && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="meeting-add">
            {t('party:meetings.add')}
          </Button>
        )}
      </Space>
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        data-testid="meeting-calendar"
        dataSource={KINDS.map((kind) => ({ kind, periods: calendar.filter((c) => c.kind === kind) }))}
        columns={[
          { title: t('party:meetings.kind'), dataIndex: 'kind', width: 220, render: (k: MeetingKind) => `${t(`party:meetingKind.${k}`)}（${t(`party:every.${MEETING_KINDS[k]}`)}）` },
          {
            title: t('party:meetings.calendar'),
            render: (_, r) => (
              <Space size={4} wrap>
                {r.periods.map((p) => (
                  <Tag key={p.period} color={STATE_COLOR[p.state]} title={t(`party:meetings.state.${p.state}`)}>
                    {p.period.slice(5) || p.period} {t(`party:meetings.mark.${p.state}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Table
        rowKey="id"
        loading={meetings.isFetching}
        dataSource={meetings.data?.rows ?? []}
        locale={{ emptyText: t('party:meetings.empty') }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="meeting-list"
        columns={[
          { title: t('party:meetings.date'), dataIndex: 'date', width: 120 },
          { title: t('party:meetings.kind'), dataIndex: 'kind', render: (k: MeetingKind) => t(`party:meetingKind.${k}`) },
          { title: t('party:meetings.topic'), dataIndex: 'topic' },
          { title: t('party:meetings.attendance'), render: (_, r) => t('party:meetings.attendanceValue', { present: r.present, expected: r.expected }) },
          {
            title: '',
            width: 200,
            render: (_, r) => (
              <Space>
                {can('party.edit') && <Button onClick={() => setEditing(r.id)}>{t('actions.edit')}</Button>}
                <Button icon={<PrinterOutlined />} onClick={() => navigate(printLinks.partyMeeting(r.id))} data-testid={`meeting-print-${r.id}`}>
                  {t('party:meetings.print')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && branchId && <MeetingDialog id={editing === 'new' ? undefined : editing} branchId={branchId} onClose={() => setEditing(null)} />}
    </Space>
  );
}

interface Values {
  kind: MeetingKind;
  date: string;
  place: string;
  host: string;
  recorder: string;
  topic: string;
  content: string;
  resolutions: string;
}

function MeetingDialog({ id, branchId, onClose }: { id?: number; branchId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const members = useCall('party.members', { branchId, status: 'all' });
  const existing = useCall('party.meeting', { id: id ?? 0 }, { enabled: id !== undefined });
  const save = useWrite('party.saveMeeting');
  // Attendance starts from the branch's list: everyone present, the secretary marks who was not.
  const [absent, setAbsent] = useState<Record<number, string>>({});
  useEffect(() => {
    if (!existing.data) return;
    form.setFieldsValue(existing.data);
    setAbsent(Object.fromEntries(existing.data.attendance.filter((a) => !a.present).map((a) => [a.memberId, a.reason])));
  }, [existing.data, form]);
  const expected = (members.data ?? []).filter((m) => m.status === 'normal' || m.status === 'mobile' || existing.data?.attendance.some((a) => a.memberId === m.id));

  const submit = (v: Values) =>
    save.mutate(
      { ...v, id, branchId, attendance: expected.map((m) => ({ memberId: m.id, present: !(m.id in absent), reason: absent[m.id] ?? '' })) },
      {
        onSuccess: () => {
          message.success(t('party:meetings.saved'));
          onClose();
        },
        onError: (err) => message.error(errorText(t, err)),
      },
    );

  return (
    <Modal open width={900} title={t('party:meetings.add')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: save.isPending, id: 'meeting-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form<Values> form={form} layout="vertical" onFinish={submit} onKeyDownCapture={enterToNext} initialValues={{ kind: 'general', date: todayIso() }} data-testid="meeting-form">
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="kind" label={t('party:meetings.kind')}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`party:meetingKind.${k}`) }))} data-testid="meeting-kind" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="date" label={t('party:meetings.date')} rules={[{ required: true }]}>
              <Input placeholder="2026-01-31" data-testid="meeting-date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label={t('party:meetings.place')}>
              <Input data-testid="meeting-place" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="host" label={t('party:meetings.host')}>
              <Input data-testid="meeting-host" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="recorder" label={t('party:meetings.recorder')}>
              <Input data-testid="meeting-recorder" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="topic" label={t('party:meetings.topic')} rules={[{ required: true }]}>
              <Input data-testid="meeting-topic" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('party:meetings.attendanceHelp', { count: expected.length })}</Typography.Text>
        <div className="attendance-list" data-testid="meeting-attendance">
          {expected.map((m) => (
            <Space key={m.id} style={{ display: 'flex', marginTop: 6 }}>
              <Checkbox
                checked={!(m.id in absent)}
                onChange={(e) =>
                  setAbsent((a) => {
                    const next = { ...a };
                    if (e.target.checked) delete next[m.id];
                    else next[m.id] = '';
                    return next;
                  })
                }
                data-testid={`attend-${m.name}`}
              >
                {m.name}
              </Checkbox>
              {m.id in absent && (
                <Input
                  size="small"
                  placeholder={t('party:meetings.reason')}
                  value={absent[m.id]}
                  onChange={(e) => setAbsent((a) => ({ ...a, [m.id]: e.target.value }))}
                  style={{ width: 240 }}
                  data-testid={`reason-${m.name}`}
                />
              )}
            </Space>
          ))}
        </div>
        <Form.Item name="content" label={t('party:meetings.content')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={5} data-testid="meeting-content" />
        </Form.Item>
        <Form.Item name="resolutions" label={t('party:meetings.resolutions')}>
          <Input.TextArea rows={3} data-testid="meeting-resolutions" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
