import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { VolunteerRow } from '../../../shared/contract/volunteers';
import { TEAM_KINDS } from '../../../shared/rules/volunteers';
import { todayIso } from '../../../shared/rules/idNumber';
import { call } from '../../api/client';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { saveFile } from '../../components/download';
import { errorText } from '../../components/errors';
import { ListSearch } from '../../components/ListSearch';
import { openableRow } from '../../components/openableRow';
import { ResidentPicker } from '../../components/ResidentPicker';
import { REQUIRED, ContractItem, StepDialog } from '../../components/StepDialog';
import { useCan } from '../accounts/api';
import { ActivityPage } from './ActivityPage';
import { VolunteerPage } from './VolunteerPage';
import { links, printLinks } from '../../../shared/contract/links';

const TABS = ['people', 'activities', 'teams', 'hours', 'settings'] as const;
type Tab = (typeof TABS)[number];

export const stars = (n: number) => '★'.repeat(n);

/** 志愿服务: the volunteers, their activities and teams, the year's hours, the committee's points and stars. */
export function VolunteersPage({ tab, id }: { tab?: string; id?: number }) {
  const { t } = useTranslation();
  if (tab === 'person' && id) return <VolunteerPage id={id} />;
  if (tab === 'activity' && id) return <ActivityPage id={id} />;
  const active: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'people';
  const pages: Record<Tab, ReactNode> = { people: <PeopleTab />, activities: <ActivitiesTab />, teams: <TeamsTab />, hours: <HoursTab />, settings: <SettingsTab /> };
  return (
    <Card className="page-card" title={t('volunteers:title')}>
      <Typography.Paragraph type="secondary">{t('volunteers:intro')}</Typography.Paragraph>
      <Tabs activeKey={active} onChange={(k) => navigate(`volunteers/${k}`)} items={TABS.map((k) => ({ key: k, label: t(`volunteers:tabs.${k}`), children: pages[k] }))} destroyOnHidden />
    </Card>
  );
}

function PeopleTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [q, setQ] = useState('');
  const [all, setAll] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useCall('volunteers.list', { q, all }, { keepPrevious: true });
  const reporters = useWrite('volunteers.addReporters');
  const f = (k: string) => t(`volunteers:fields.${k}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {can('volunteers.edit') && (
          <>
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="volunteer-add">
              {t('volunteers:add')}
            </Button>
            <Button size="large" loading={reporters.isPending} onClick={() => reporters.mutate({ date: todayIso() }, { onSuccess: (r) => message.success(t('volunteers:reportersAdded', { count: r.added })), onError: (e) => message.error(errorText(t, e)) })}>
              {t('volunteers:addReporters')}
            </Button>
          </>
        )}
        <ListSearch value={q} onChange={setQ} placeholder={t('volunteers:search')} label={t('volunteers:search')} width={240} rowsTestId="volunteer-list" testId="volunteer-search" />
        <Space>
          <Switch checked={all} onChange={setAll} />
          {t('volunteers:showLeft')}
        </Space>
      </Space>
      <Table<VolunteerRow>
        rowKey="id"
        dataSource={list.data ?? []}
        loading={list.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(r) => openableRow(() => navigate(links.volunteer(r.id)))}
        data-testid="volunteer-list"
        columns={[
          { title: f('name'), dataIndex: 'name', width: 110 },
          { title: f('origin'), render: (_, r) => t(`volunteers:origin.${r.origin}`), width: 120 },
          { title: f('phone'), dataIndex: 'phoneMasked', width: 130, className: 'mono' },
          { title: f('teams'), dataIndex: 'teams' },
          { title: f('skills'), dataIndex: 'skills' },
          { title: f('freeTime'), dataIndex: 'freeTime', width: 120 },
          { title: f('hours'), dataIndex: 'hours', width: 110 },
          { title: f('stars'), render: (_, r) => stars(r.stars), width: 90 },
        ]}
      />
      {adding && <AddVolunteer onClose={() => setAdding(false)} />}
    </Space>
  );
}

function AddVolunteer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`volunteers:fields.${k}`);
  return (
    <StepDialog method="volunteers.add" title={t('volunteers:add')} done={t('volunteers:added')} fixed={{}} initial={{ origin: 'resident', joinedOn: todayIso() }} onClose={onClose} onDone={(v) => navigate(links.volunteer((v as { id: number }).id))} testId="volunteer">
      <Form.Item name="origin" label={f('origin')}>
        <Radio.Group options={(['resident', 'outside'] as const).map((o) => ({ value: o, label: t(`volunteers:origin.${o}`) }))} data-testid="volunteer-origin" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.origin !== b.origin}>
        {(form) =>
          form.getFieldValue('origin') === 'resident' ? (
            <Form.Item name="residentId" label={f('resident')} rules={[{ required: true }]}>
              <ResidentPicker method="volunteers.findResidents" testId="volunteer-resident" />
            </Form.Item>
          ) : (
            <Space wrap>
              {/* Required of a volunteer from outside the ledger (the main process: volunteers.nameNeeded); the contract's field alone is optional. */}
              <Form.Item name="name" label={f('name')} rules={REQUIRED}>
                <Input maxLength={40} data-testid="volunteer-name" />
              </Form.Item>
              <Form.Item name="phone" label={f('phone')}>
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item name="unit" label={f('unit')}>
                <Input maxLength={60} />
              </Form.Item>
            </Space>
          )
        }
      </Form.Item>
      <Form.Item name="skills" label={f('skills')}>
        <Input maxLength={200} data-testid="volunteer-skills" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="freeTime" label={f('freeTime')}>
          <Input maxLength={100} />
        </Form.Item>
        <ContractItem name="joinedOn" label={f('joinedOn')}>
          <Input style={{ width: 130 }} data-testid="volunteer-joined" />
        </ContractItem>
      </Space>
    </StepDialog>
  );
}

function ActivitiesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [planning, setPlanning] = useState(false);
  const list = useCall('activities.list', {});
  const teams = useCall('teams.list', {});
  const f = (k: string) => t(`volunteers:fields.${k}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {can('volunteers.edit') && (
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="activity-add" style={{ alignSelf: 'flex-start' }}>
          {t('volunteers:activity.plan')}
        </Button>
      )}
      <Table
        rowKey="id"
        dataSource={list.data ?? []}
        loading={list.isPending}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(r) => openableRow(() => navigate(links.activity(r.id)))}
        data-testid="activity-list"
        columns={[
          { title: f('number'), dataIndex: 'number', width: 130, className: 'mono' },
          { title: f('title'), dataIndex: 'title' },
          { title: f('date'), render: (_, a) => `${a.date} ${a.start}–${a.end}`, width: 190 },
          { title: f('place'), dataIndex: 'place' },
          { title: f('signedUp'), render: (_, a) => `${a.signedUp}/${a.wanted}`, width: 90 },
          { title: f('present'), dataIndex: 'present', width: 80 },
          { title: f('state'), render: (_, a) => t(`volunteers:state.${a.state}`), width: 90 },
        ]}
      />
      {planning && (
        <StepDialog method="activities.plan" title={t('volunteers:activity.plan')} done={t('volunteers:done')} fixed={{}} initial={{ date: todayIso(), start: '09:00', end: '11:00', wanted: 10 }} onClose={() => setPlanning(false)} onDone={(v) => navigate(links.activity((v as { id: number }).id))} testId="activity">
          <ContractItem name="title" label={f('title')}>
            <Input maxLength={60} data-testid="activity-title" />
          </ContractItem>
          <Form.Item name="content" label={f('content')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <ContractItem name="place" label={f('place')}>
            <Input maxLength={80} data-testid="activity-place" />
          </ContractItem>
          <Space wrap>
            <ContractItem name="date" label={f('date')}>
              <Input style={{ width: 130 }} data-testid="activity-date" />
            </ContractItem>
            <ContractItem name="start" label={f('start')}>
              <Input style={{ width: 90 }} data-testid="activity-start" />
            </ContractItem>
            <ContractItem name="end" label={f('end')}>
              <Input style={{ width: 90 }} data-testid="activity-end" />
            </ContractItem>
            <Form.Item name="wanted" label={f('wanted')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} data-testid="activity-wanted" />
            </Form.Item>
          </Space>
          <Form.Item name="teamId" label={f('team')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
        </StepDialog>
      )}
    </Space>
  );
}

function TeamsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const teams = useCall('teams.list', {});
  const people = useCall('volunteers.list', {});
  const [editing, setEditing] = useState<Partial<{ id: number; name: string; kind: string; leaderId: number | null; memberIds: number[] }>>();
  const f = (k: string) => t(`volunteers:fields.${k}`);
  const options = (people.data ?? []).map((v) => ({ value: v.id, label: v.name }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {can('volunteers.edit') && (
        <Button size="large" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'lane', memberIds: [] })} data-testid="team-add" style={{ alignSelf: 'flex-start' }}>
          {f('teamName')}
        </Button>
      )}
      <Table
        rowKey="id"
        dataSource={teams.data ?? []}
        pagination={false}
        onRow={(r) => (can('volunteers.edit') ? openableRow(() => setEditing(r)) : {})}
        data-testid="team-list"
        columns={[
          { title: f('teamName'), dataIndex: 'name' },
          { title: f('teamKind'), render: (_, r) => t(`volunteers:team.${r.kind}`), width: 140 },
          { title: f('leader'), dataIndex: 'leader', width: 120 },
          { title: f('members'), dataIndex: 'members', width: 90 },
        ]}
      />
      {editing && (
        <StepDialog method="teams.save" title={f('teamName')} done={t('volunteers:done')} fixed={editing.id ? { id: editing.id } : {}} initial={{ name: editing.name, kind: editing.kind, leaderId: editing.leaderId ?? null, memberIds: editing.memberIds ?? [] }} onClose={() => setEditing(undefined)} testId="team">
          <ContractItem name="name" label={f('teamName')}>
            <Input maxLength={40} data-testid="team-name" />
          </ContractItem>
          <Form.Item name="kind" label={f('teamKind')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={TEAM_KINDS.map((k) => ({ value: k, label: t(`volunteers:team.${k}`) }))} />
          </Form.Item>
          <Form.Item name="memberIds" label={f('members')}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="team-members" />
          </Form.Item>
          <Form.Item name="leaderId" label={f('leader')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} />
          </Form.Item>
        </StepDialog>
      )}
    </Space>
  );
}

function HoursTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const sheet = useCall('volunteers.hours', { year });
  const [exporting, setExporting] = useState(false);
  const f = (k: string) => t(`volunteers:fields.${k}`);
  const download = async () => {
    setExporting(true);
    try {
      saveFile(await call('volunteers.export', { year }));
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonBefore={f('year')} />
        <Button size="large" icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()} data-testid="hours-export">
          {t('volunteers:hours.export')}
        </Button>
        <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.volunteerHours(year))} data-testid="hours-print">
          {t('volunteers:hours.print')}
        </Button>
      </Space>
      <Table rowKey="id" dataSource={sheet.data?.rows ?? []} loading={sheet.isPending} pagination={{ pageSize: 50, showSizeChanger: false }} onRow={(r) => openableRow(() => navigate(links.volunteer(r.id)))} data-testid="hours-list" columns={hoursColumns(t)} />
    </Space>
  );
}

export const hoursColumns = (t: (k: string) => string) => [
  { title: t('volunteers:fields.name'), dataIndex: 'name', width: 110 },
  { title: t('volunteers:fields.origin'), render: (_: unknown, r: { origin: string }) => t(`volunteers:origin.${r.origin}`), width: 120 },
  { title: t('volunteers:fields.teams'), dataIndex: 'teams' },
  { title: t('volunteers:fields.activities'), dataIndex: 'activities', width: 110 },
  { title: t('volunteers:fields.activityHours'), dataIndex: 'activityHours', width: 130 },
  { title: t('volunteers:fields.serviceHours'), dataIndex: 'serviceHours', width: 130 },
  { title: t('volunteers:export.hours'), dataIndex: 'hours', width: 90 },
  { title: t('volunteers:fields.points'), dataIndex: 'points', width: 80 },
  { title: t('volunteers:fields.stars'), render: (_: unknown, r: { stars: number }) => stars(r.stars), width: 90 },
];

function SettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const stored = useCall('volunteers.settings', {});
  const save = useWrite('volunteers.setSettings');
  const [s, setS] = useState(stored.data);
  useEffect(() => setS(stored.data), [stored.data]);
  if (!s) return null;
  const editable = can('volunteers.edit');
  return (
    <Space direction="vertical">
      <Typography.Paragraph type="secondary">{t('volunteers:settings.help')}</Typography.Paragraph>
      <Space>
        <span style={{ display: 'inline-block', width: 220 }}>{t('volunteers:fields.pointsPerHour')}</span>
        <InputNumber min={0} max={100} step={0.5} value={s.pointsPerHour} disabled={!editable} onChange={(v) => setS({ ...s, pointsPerHour: v ?? 0 })} />
      </Space>
      {s.starHours.map((h, i) => (
        <Space key={i}>
          <span style={{ display: 'inline-block', width: 220 }}>{t('volunteers:fields.star', { n: i + 1 })}</span>
          <InputNumber min={1} max={10000} value={h} disabled={!editable} onChange={(v) => setS({ ...s, starHours: s.starHours.map((x, j) => (j === i ? (v ?? 1) : x)) })} data-testid={`star-${i + 1}`} />
        </Space>
      ))}
      {editable && (
        <Button type="primary" size="large" loading={save.isPending} onClick={() => save.mutate(s, { onSuccess: () => message.success(t('volunteers:settings.saved')), onError: (e) => message.error(errorText(t, e)) })} data-testid="volunteer-settings-save">
          {t('actions.save')}
        </Button>
      )}
    </Space>
  );
}
