import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { VisitSettings } from '../../../shared/contract/visits';
import { CODE_LISTS } from '../../../shared/rules/codes';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';

/** The problem categories with their deadlines, and how often each care group is visited: the committee's own rules. */
export function SettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const stored = useCall('visits.settings', {});
  const save = useWrite('visits.setSettings');
  const [s, setS] = useState<VisitSettings>();
  useEffect(() => setS(stored.data), [stored.data]);
  if (!s) return null;
  const editable = can('visits.edit');
  const setCategory = (i: number, patch: Partial<VisitSettings['categories'][number]>) => setS({ ...s, categories: s.categories.map((c, j) => (i === j ? { ...c, ...patch } : c)) });
  const setRule = (i: number, patch: Partial<VisitSettings['visitRules'][number]>) => setS({ ...s, visitRules: s.visitRules.map((r, j) => (i === j ? { ...r, ...patch } : r)) });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('visits:settings.categories')} size="small">
        <Table
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={s.categories}
          columns={[
            { title: t('visits:fields.category'), render: (_, c, i) => <Input value={c.name} maxLength={20} disabled={!editable} onChange={(e) => setCategory(i, { name: e.target.value })} /> },
            { title: t('visits:fields.days'), width: 140, render: (_, c, i) => <InputNumber min={1} max={365} value={c.days} disabled={!editable} onChange={(v) => setCategory(i, { days: v ?? 1 })} /> },
            { title: t('visits:fields.mediation'), width: 140, render: (_, c, i) => <Checkbox checked={!!c.mediation} disabled={!editable} onChange={(e) => setCategory(i, { mediation: e.target.checked })} /> },
            { title: '', width: 60, render: (_, _c, i) => editable && <Button icon={<DeleteOutlined />} onClick={() => setS({ ...s, categories: s.categories.filter((_x, j) => j !== i) })} aria-label={t('actions.remove')} /> },
          ]}
        />
        {editable && (
          <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setS({ ...s, categories: [...s.categories, { name: '', days: 7 }] })}>
            {t('visits:settings.addCategory')}
          </Button>
        )}
      </Card>
      <Card title={t('visits:settings.rules')} size="small">
        <Table
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={s.visitRules}
          columns={[
            { title: t('visits:fields.tag'), render: (_, r, i) => <Select style={{ width: 240 }} value={r.tag} disabled={!editable} onChange={(tag: string) => setRule(i, { tag })} options={CODE_LISTS.careTag.map((c) => ({ value: c.code, label: t(`codes:careTag.${c.code}`) }))} /> },
            { title: t('visits:fields.every'), width: 180, render: (_, r, i) => <InputNumber min={1} max={365} value={r.days} disabled={!editable} onChange={(v) => setRule(i, { days: v ?? 1 })} /> },
            { title: '', width: 60, render: (_, _r, i) => editable && <Button icon={<DeleteOutlined />} onClick={() => setS({ ...s, visitRules: s.visitRules.filter((_x, j) => j !== i) })} aria-label={t('actions.remove')} /> },
          ]}
        />
        {editable && (
          <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setS({ ...s, visitRules: [...s.visitRules, { tag: 'alone', days: 7 }] })}>
            {t('visits:settings.addRule')}
          </Button>
        )}
      </Card>
      {editable && (
        <Button type="primary" size="large" loading={save.isPending} onClick={() => save.mutate(s, { onSuccess: () => message.success(t('visits:settings.saved')), onError: (err) => message.error(errorText(t, err)) })}>
          {t('actions.save')}
        </Button>
      )}
    </Space>
  );
}
