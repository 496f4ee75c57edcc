import { useState } from 'react';
import { App, Button, Card, Checkbox, Descriptions, Input, InputNumber, Select, Space, Table } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { plannedHours } from '../../../shared/rules/volunteers';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { ContractItem, StepDialog } from '../../components/StepDialog';
import { useCan } from '../accounts/api';
import { printLinks } from '../../../shared/contract/links';
import { Waiting } from '../../components/Waiting';

/** One activity: sign-up up to the number wanted, then after the day who came and the hours each served. */
export function ActivityPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const q = useCall('activities.get', { id });
  const people = useCall('volunteers.list', {});
  const signUp = useWrite('activities.signUp');
  const attend = useWrite('activities.attend');
  const [picked, setPicked] = useState<number[]>([]);
  const [rows, setRows] = useState<Record<number, { present: boolean; hours: number }>>({});
  const [cancelling, setCancelling] = useState(false);
  if (!q.isSuccess) return <Waiting query={q} />;
  const a = q.data;
  const f = (k: string) => t(`volunteers:fields.${k}`);
  const edit = can('volunteers.edit') && a.state !== 'cancelled';
  const span = plannedHours(a.start, a.end);
  const row = (p: (typeof a.people)[number]) => rows[p.volunteerId] ?? { present: a.state === 'held' ? p.present : true, hours: a.state === 'held' ? p.hours : span };
  const setRow = (vid: number, patch: Partial<{ present: boolean; hours: number }>) => setRows({ ...rows, [vid]: { ...row(a.people.find((p) => p.volunteerId === vid)!), ...patch } });
  const fail = (e: unknown) => message.error(errorText(t, e));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="page-card">
      <Card
        title={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('volunteers/activities')}>
              {t('volunteers:back')}
            </Button>
            <span data-testid="activity-number">{a.number}</span>
            <span>{a.title}</span>
            <span data-testid="activity-state">{t(`volunteers:state.${a.state}`)}</span>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="middle">
          <Descriptions.Item label={f('date')}>{`${a.date} ${a.start}–${a.end}`}</Descriptions.Item>
          <Descriptions.Item label={f('place')}>{a.place}</Descriptions.Item>
          <Descriptions.Item label={f('team')}>{a.team}</Descriptions.Item>
          <Descriptions.Item label={f('signedUp')}>{`${a.signedUp}/${a.wanted}`}</Descriptions.Item>
          <Descriptions.Item label={f('present')}>{`${a.present} · ${a.hours} h`}</Descriptions.Item>
          {a.content && <Descriptions.Item label={f('content')}>{a.content}</Descriptions.Item>}
          {a.cancelReason && <Descriptions.Item label={f('reason')}>{a.cancelReason}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.activitySignIn(a.id))} data-testid="activity-print">
            {t('volunteers:activity.printSignIn')}
          </Button>
          {edit && a.state === 'planned' && (
            <Button size="large" danger onClick={() => setCancelling(true)}>
              {t('volunteers:activity.cancel')}
            </Button>
          )}
        </Space>
      </Card>
      <Card title={t('volunteers:activity.people')}>
        {edit && a.state === 'planned' && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Select mode="multiple" style={{ minWidth: 320 }} value={picked} onChange={setPicked} showSearch={{ optionFilterProp: 'label' }} placeholder={t('volunteers:activity.who')} options={(people.data ?? []).filter((v) => !a.people.some((p) => p.volunteerId === v.id)).map((v) => ({ value: v.id, label: v.name }))} data-testid="signup-pick" />
            <Button type="primary" size="large" disabled={!picked.length} loading={signUp.isPending} onClick={() => signUp.mutate({ id: a.id, volunteerIds: picked }, { onSuccess: () => setPicked([]), onError: fail })} data-testid="signup-save">
              {t('volunteers:activity.signUp')}
            </Button>
          </Space>
        )}
        <Table
          rowKey="volunteerId"
          size="small"
          pagination={false}
          dataSource={a.people}
          data-testid="activity-people"
          columns={[
            { title: f('name'), dataIndex: 'name' },
            { title: f('phone'), dataIndex: 'phoneMasked', width: 140 },
            { title: f('present'), width: 90, render: (_, p) => <Checkbox checked={row(p).present} disabled={!edit} onChange={(e) => setRow(p.volunteerId, { present: e.target.checked })} data-testid={`present-${p.volunteerId}`} /> },
            { title: f('hours'), width: 150, render: (_, p) => <InputNumber min={0} max={24} step={0.5} value={row(p).hours} disabled={!edit || !row(p).present} onChange={(v) => setRow(p.volunteerId, { hours: v ?? 0 })} data-testid={`hours-${p.volunteerId}`} /> },
          ]}
        />
        {edit && a.people.length > 0 && (
          <Button type="primary" size="large" style={{ marginTop: 12 }} loading={attend.isPending} onClick={() => attend.mutate({ id: a.id, people: a.people.map((p) => ({ volunteerId: p.volunteerId, ...row(p), hours: row(p).present ? row(p).hours : 0 })) }, { onSuccess: () => message.success(t('volunteers:done')), onError: fail })} data-testid="attend-save">
            {t('volunteers:activity.attend')}
          </Button>
        )}
      </Card>
      {cancelling && (
        <StepDialog method="activities.cancel" title={t('volunteers:activity.cancel')} done={t('volunteers:done')} fixed={{ id: a.id }} initial={{}} onClose={() => setCancelling(false)} testId="cancel">
          <ContractItem name="reason" label={f('reason')}>
            <Input maxLength={200} />
          </ContractItem>
        </StepDialog>
      )}
    </Space>
  );
}
