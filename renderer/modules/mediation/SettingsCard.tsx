import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MediationSettings } from '../../../shared/contract/mediation';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';

/** The committee head's settings: the follow-up interval, the short name in numbers, how long each kind of file is kept. */
export function SettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useCall('mediation.settings', {});
  const save = useWrite('mediation.setSettings');
  const [newType, setNewType] = useState('');
  if (!settings.data) return null;
  const s = settings.data;
  // The dispute types are the list's keys: a new type is added with the default retention.
  const addType = () =>
    newType.trim() &&
    save.mutate({ ...s, retentionYears: { ...s.retentionYears, [newType.trim()]: 10 } }, { onSuccess: () => (setNewType(''), message.success(t('mediation:settings.saved'))), onError: (err) => message.error(errorText(t, err)) });
  return (
    <Card title={t('mediation:settings.title')}>
      <Form<MediationSettings>
        layout="vertical"
        initialValues={s}
        onFinish={(v) => save.mutate({ ...s, ...v, retentionYears: { ...s.retentionYears, ...v.retentionYears } }, { onSuccess: () => message.success(t('mediation:settings.saved')), onError: (err) => message.error(errorText(t, err)) })}
      >
        <Space size="large">
          <Form.Item name="followUpMonths" label={t('mediation:settings.followUpMonths')}>
            <InputNumber min={1} max={12} />
          </Form.Item>
          <Form.Item name="shortName" label={t('mediation:settings.shortName')} extra={t('mediation:settings.shortNameHelp')}>
            <Input style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Table
          size="small"
          rowKey="type"
          pagination={false}
          dataSource={Object.keys(s.retentionYears).map((type) => ({ type }))}
          columns={[
            { title: t('mediation:fields.disputeType'), dataIndex: 'type' },
            {
              title: t('mediation:settings.retention'),
              render: (_, r) => (
                <Form.Item name={['retentionYears', r.type]} noStyle>
                  <InputNumber min={0} max={100} addonAfter={t('mediation:settings.years')} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('actions.save')}
          </Button>
          <Input value={newType} onChange={(e) => setNewType(e.target.value)} placeholder={t('mediation:settings.newType')} style={{ width: 180 }} onPressEnter={(e) => (e.preventDefault(), addType())} />
          <Button onClick={addType}>{t('mediation:settings.addType')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
