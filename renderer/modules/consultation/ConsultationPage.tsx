import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MatterRow } from '../../../shared/contract/consultation';
import { MATTER_FORMS, MATTER_SOURCES } from '../../../shared/rules/consultation';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { openableRow } from '../../components/openableRow';
import { ContractItem, StepDialog } from '../../components/StepDialog';
import { useCan } from '../accounts/api';
import { MatterPage, MatterStateTag } from './MatterPage';
import { links, printLinks } from '../../../shared/contract/links';

const TABS = ['matters', 'register', 'settings'] as const;

/** 议事协商: the matters under way first, the year's register, the committee's own time rules. */
export function ConsultationPage({ tab }: { tab?: string }) {
  const { t } = useTranslation();
  if (tab && /^\d+$/.test(tab)) return <MatterPage id={Number(tab)} />;
  const active = (TABS as readonly string[]).includes(tab ?? '') ? tab! : 'matters';
  const pages = { matters: <MattersTab />, register: <RegisterTab />, settings: <SettingsTab /> };
  return (
    <Card className="page-card" title={t('consultation:title')}>
      <Typography.Paragraph type="secondary">{t('consultation:intro')}</Typography.Paragraph>
      <Tabs activeKey={active} onChange={(k) => navigate(`consultation/${k}`)} items={TABS.map((k) => ({ key: k, label: t(`consultation:tabs.${k}`), children: pages[k] }))} destroyOnHidden />
    </Card>
  );
}

function MattersTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(true);
  const [adding, setAdding] = useState(false);
  const list = useCall('consultation.list', { open }, { keepPrevious: true });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {can('consultation.edit') && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="matter-add">
            {t('consultation:new')}
          </Button>
        )}
        <Space>
          <Switch checked={open} onChange={setOpen} />
          {t('consultation:openOnly')}
        </Space>
      </Space>
      <Table<MatterRow>
        rowKey="id"
        dataSource={list.data ?? []}
        loading={list.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('consultation:empty') }}
        onRow={(r) => openableRow(() => navigate(links.matter(r.id)))}
        data-testid="matter-list"
        columns={[
          { title: t('consultation:fields.number'), dataIndex: 'number', width: 130, className: 'mono' },
          { title: t('consultation:fields.title'), dataIndex: 'title' },
          { title: t('consultation:fields.form'), render: (_, r) => t(`consultation:form.${r.form}`), width: 130 },
          { title: t('consultation:fields.source'), render: (_, r) => t(`consultation:source.${r.source}`), width: 120 },
          { title: t('consultation:fields.proposedOn'), dataIndex: 'proposedOn', width: 115 },
          { title: t('consultation:fields.state'), render: (_, r) => <MatterStateTag state={r.state} />, width: 150 },
          { title: t('consultation:fields.dueBy'), render: (_, r) => <span style={r.overdue ? { color: '#b5391f' } : undefined}>{r.dueBy}</span>, width: 115 },
        ]}
      />
      {adding && <NewMatter onClose={() => setAdding(false)} />}
    </Space>
  );
}

function NewMatter({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const tree = useCall('community.tree', {});
  const buildings = (tree.data ?? []).flatMap((g) => g.buildings.map((b) => ({ value: b.id, label: `${g.name} ${b.name}` })));
  const f = (k: string) => t(`consultation:fields.${k}`);
  return (
    <StepDialog method="consultation.propose" title={t('consultation:new')} done={t('consultation:done')} fixed={{}} initial={{ date: todayIso(), source: 'resident', form: 'council', buildingIds: [] }} onClose={onClose} onDone={(v) => navigate(links.matter((v as { id: number }).id))} testId="matter">
      <ContractItem name="title" label={f('title')}>
        <Input maxLength={60} data-testid="matter-title" />
      </ContractItem>
      <ContractItem name="content" label={f('content')}>
        <Input.TextArea rows={3} data-testid="matter-content" />
      </ContractItem>
      <Space wrap>
        <ContractItem name="source" label={f('source')}>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 170 }} options={MATTER_SOURCES.filter((s) => s !== 'problem' && s !== 'need').map((s) => ({ value: s, label: t(`consultation:source.${s}`) }))} data-testid="matter-source" />
        </ContractItem>
        <ContractItem name="raiser" label={f('raiser')}>
          <Input maxLength={60} data-testid="matter-raiser" />
        </ContractItem>
        <ContractItem name="form" label={f('form')}>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 170 }} options={MATTER_FORMS.map((s) => ({ value: s, label: t(`consultation:form.${s}`) }))} data-testid="matter-form" />
        </ContractItem>
        <ContractItem name="date" label={f('proposedOn')}>
          <Input style={{ width: 130 }} data-testid="matter-date" />
        </ContractItem>
      </Space>
      <Form.Item name="buildingIds" label={f('buildings')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={buildings} data-testid="matter-buildings" />
      </Form.Item>
      <Form.Item name="scope" label={f('scope')}>
        <Input maxLength={200} />
      </Form.Item>
    </StepDialog>
  );
}

function RegisterTab() {
  const { t } = useTranslation();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const q = useCall('consultation.report', { year });
  const r = q.data;
  const tally = (rows: { key: string; n: number }[], family: string) => rows.map((x) => `${t(`consultation:${family}.${x.key}`)} ${x.n}`).join(t('sep'));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonBefore={t('consultation:report.year')} />
        <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.consultationRegister(year))} data-testid="print-register">
          {t('consultation:print.register')}
        </Button>
      </Space>
      {r && (
        <Typography.Paragraph data-testid="register-figures">
          {[
            t('consultation:print.labelled', { label: t('consultation:report.byForm'), value: tally(r.byForm, 'form') }),
            t('consultation:print.labelled', { label: t('consultation:report.bySource'), value: tally(r.bySource, 'source') }),
            t('consultation:print.labelled', { label: t('consultation:report.byOutcome'), value: tally(r.byOutcome, 'outcome') }),
            t('consultation:report.tookPart', { people: r.residentsTookPart, times: r.attendances }),
          ].join(' · ')}
        </Typography.Paragraph>
      )}
      <Table rowKey="id" loading={q.isPending} dataSource={r?.matters ?? []} pagination={false} onRow={(m) => openableRow(() => navigate(links.matter(m.id)))} columns={registerColumns(t)} />
    </Space>
  );
}

export const registerColumns = (t: (k: string) => string) => [
  { title: t('consultation:fields.number'), dataIndex: 'number', width: 120 },
  { title: t('consultation:fields.title'), dataIndex: 'title' },
  { title: t('consultation:fields.form'), render: (_: unknown, m: { form: string }) => t(`consultation:form.${m.form}`), width: 110 },
  { title: t('consultation:fields.meetingOn'), dataIndex: 'meetingOn', width: 110 },
  { title: t('consultation:fields.outcome'), dataIndex: 'outcome' },
  { title: t('consultation:fields.residents'), dataIndex: 'residents', width: 80 },
  { title: t('consultation:step.publish'), dataIndex: 'publishedOn', width: 110 },
  { title: t('consultation:step.carryOut'), dataIndex: 'doneOn', width: 110 },
  { title: t('consultation:fields.rate'), render: (_: unknown, m: { rate: number | null }) => (m.rate === null ? '' : `${m.rate}%`), width: 80 },
];

function SettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const stored = useCall('consultation.settings', {});
  const save = useWrite('consultation.setSettings');
  const [s, setS] = useState(stored.data);
  useEffect(() => setS(stored.data), [stored.data]);
  if (!s) return null;
  const keys = ['noticeDays', 'publishDays', 'publishWithin'] as const;
  return (
    <Space direction="vertical">
      {keys.map((k) => (
        <Space key={k}>
          <span style={{ display: 'inline-block', width: 260 }}>{t(`consultation:settings.${k}`)}</span>
          <InputNumber min={k === 'noticeDays' ? 0 : 1} max={60} value={s[k]} disabled={!can('consultation.edit')} onChange={(v) => setS({ ...s, [k]: v ?? 0 })} data-testid={`setting-${k}`} />
        </Space>
      ))}
      {can('consultation.edit') && (
        <Button type="primary" size="large" loading={save.isPending} onClick={() => save.mutate(s, { onSuccess: () => message.success(t('consultation:settings.saved')), onError: (e) => message.error(errorText(t, e)) })}>
          {t('actions.save')}
        </Button>
      )}
    </Space>
  );
}
