import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useWrite } from '../../api/hooks';
import { CallError } from '../../api/client';
import { errorText, showFieldIssues } from '../../components/errors';
import { enterToNext } from '../../components/keyboard';
import { LanguageSwitch } from '../../app/Shell';
import { expandBuildings } from './buildings';

interface SetupValues {
  streetName: string;
  communityName: string;
  committeeName?: string;
  grids: { name: string; buildings?: string }[];
}

/** First run: the community's name and its grids and buildings, so that addresses can be picked, not typed. */
export function SetupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SetupValues>();
  const setup = useWrite('community.setup');
  const submit = (v: SetupValues) =>
    setup.mutate(
      {
        streetName: v.streetName,
        communityName: v.communityName,
        committeeName: v.committeeName ?? '',
        grids: v.grids.map((g) => ({ name: g.name, buildings: expandBuildings(g.buildings ?? '', (n) => t('setup.buildingName', { n })) })),
      },
      {
        onError: (err) => {
          if (!(err instanceof CallError && showFieldIssues(form, t, err.failure.issues))) message.error(errorText(t, err));
        },
      },
    );
  return (
    <div className="setup">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2}>{t('setup.title')}</Typography.Title>
        <LanguageSwitch />
      </Space>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <Card>
        <Form form={form} layout="vertical" size="large" onFinish={submit} onKeyDown={enterToNext} initialValues={{ grids: [{ name: t('setup.gridDefault', { n: 1 }), buildings: '' }] }}>
          <Form.Item name="streetName" label={t('setup.street')} rules={[{ required: true, message: t('errors:validation.required') }]}>
            <Input autoFocus placeholder={t('setup.streetPlaceholder')} />
          </Form.Item>
          <Form.Item name="communityName" label={t('setup.community')} rules={[{ required: true, message: t('errors:validation.required') }]}>
            <Input placeholder={t('setup.communityPlaceholder')} />
          </Form.Item>
          <Form.Item name="committeeName" label={t('setup.committee')} extra={t('setup.committeeHelp')}>
            <Input />
          </Form.Item>
          <Typography.Title level={4}>{t('setup.grids')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('setup.gridsHelp')}</Typography.Paragraph>
          <Form.List name="grids">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'name']} label={t('setup.gridName')} rules={[{ required: true, message: t('errors:validation.required') }]}>
                      <Input style={{ width: 200 }} data-testid={`grid-name-${i}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'buildings']} label={t('setup.buildings')} extra={t('setup.buildingsHelp')}>
                      <Input style={{ width: 420 }} data-testid={`grid-buildings-${i}`} />
                    </Form.Item>
                    {fields.length > 1 && <Button aria-label={t('actions.remove')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 38 }} />}
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: t('setup.gridDefault', { n: fields.length + 1 }), buildings: '' })}>
                  {t('setup.addGrid')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" size="large" loading={setup.isPending}>
              {t('setup.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
