import { useState } from 'react';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { REQUIRED, ContractItem, StepDialog } from '../../components/StepDialog';
import { useCan } from '../accounts/api';
import { stars } from './VolunteersPage';
import { links, printLinks } from '../../../shared/contract/links';
import { Waiting } from '../../components/Waiting';

/** One volunteer: who, their teams, the year's hours line by line, their rounds and the certificates issued. */
export function VolunteerPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const year = Number(todayIso().slice(0, 4));
  const q = useCall('volunteers.get', { id, year });
  const categories = useCall('patrols.categories', {}, { enabled: can('volunteers.edit') });
  const issue = useWrite('volunteers.issueCertificate');
  const [dialog, setDialog] = useState<'patrol' | 'leave' | 'edit'>();
  if (!q.isSuccess) return <Waiting query={q} />;
  const v = q.data;
  const f = (k: string) => t(`volunteers:fields.${k}`);
  const edit = can('volunteers.edit') && v.active;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="page-card">
      <Card
        title={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('volunteers/people')}>
              {t('volunteers:back')}
            </Button>
            <span data-testid="volunteer-name">{v.name}</span>
            <span>{stars(v.stars)}</span>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="middle">
          <Descriptions.Item label={f('origin')}>{t(`volunteers:origin.${v.origin}`)}</Descriptions.Item>
          <Descriptions.Item label={f('phone')}>{v.phoneMasked}</Descriptions.Item>
          <Descriptions.Item label={f('unit')}>{v.unit}</Descriptions.Item>
          <Descriptions.Item label={f('teams')}>{v.teams}</Descriptions.Item>
          <Descriptions.Item label={f('skills')}>{v.skills}</Descriptions.Item>
          <Descriptions.Item label={f('freeTime')}>{v.freeTime}</Descriptions.Item>
          <Descriptions.Item label={f('joinedOn')}>{v.joinedOn}</Descriptions.Item>
          <Descriptions.Item label={f('hours')}>
            <span data-testid="volunteer-hours">{v.hours}</span> ({f('activityHours')} {v.activityHours} · {f('serviceHours')} {v.serviceHours})
          </Descriptions.Item>
          <Descriptions.Item label={f('points')}>{v.points}</Descriptions.Item>
          {!v.active && <Descriptions.Item label={f('state')}>{t('volunteers:person.left', { date: v.leftOn, reason: v.leftReason })}</Descriptions.Item>}
        </Descriptions>
        {edit && (
          <Space wrap style={{ marginTop: 16 }}>
            <Button size="large" onClick={() => setDialog('patrol')} data-testid="volunteer-patrol">
              {t('volunteers:person.patrol')}
            </Button>
            <Button
              type="primary"
              size="large"
              icon={<PrinterOutlined />}
              loading={issue.isPending}
              disabled={v.hours <= 0}
              onClick={() => issue.mutate({ volunteerId: v.id, year }, { onSuccess: (c) => navigate(printLinks.volunteerCertificate(c.id)), onError: (e) => message.error(errorText(t, e)) })}
              data-testid="volunteer-certificate"
            >
              {t('volunteers:person.issue')}
            </Button>
            <Button size="large" onClick={() => setDialog('edit')} data-testid="volunteer-edit">
              {t('actions.edit')}
            </Button>
            <Button size="large" danger onClick={() => setDialog('leave')}>
              {t('volunteers:person.leave')}
            </Button>
          </Space>
        )}
      </Card>
      <Card title={t('volunteers:person.lines', { year })}>
        <Table rowKey={(l, i) => `${l.date}${l.kind}${i}`} size="small" pagination={false} dataSource={v.lines} data-testid="volunteer-lines" columns={[{ title: f('date'), dataIndex: 'date', width: 120 }, { title: f('kind'), render: (_, l) => t(`volunteers:line.${l.kind}`), width: 110 }, { title: f('what'), dataIndex: 'what' }, { title: t('volunteers:line.hours'), dataIndex: 'hours', width: 120 }]} />
      </Card>
      {v.patrols.length > 0 && (
        <Card title={t('volunteers:person.patrols')}>
          <Table rowKey="id" size="small" pagination={false} dataSource={v.patrols} columns={[{ title: f('date'), dataIndex: 'date', width: 120 }, { title: f('route'), dataIndex: 'route' }, { title: f('seen'), dataIndex: 'seen' }, { title: f('problem'), render: (_, p) => (p.problemId ? <Button type="link" onClick={() => navigate(links.problem(p.problemId!))} disabled={!can('visits.view')}>{p.problemNumber}</Button> : ''), width: 140 }]} />
        </Card>
      )}
      {v.certificates.length > 0 && (
        <Card title={t('volunteers:person.certificates')}>
          <Table rowKey="id" size="small" pagination={false} dataSource={v.certificates} columns={[{ title: f('number'), dataIndex: 'number', width: 140 }, { title: f('year'), dataIndex: 'year', width: 90 }, { title: f('hours'), dataIndex: 'hours', width: 120 }, { title: f('date'), dataIndex: 'issuedOn', width: 120 }, { title: '', render: (_, c) => <Button icon={<PrinterOutlined />} onClick={() => navigate(printLinks.volunteerCertificate(c.id))} /> }]} />
        </Card>
      )}
      {dialog === 'patrol' && (
        <StepDialog
          method="patrols.log"
          title={t('volunteers:person.patrol')}
          done={t('volunteers:person.patrolDone')}
          fixed={{ volunteerId: v.id }}
          initial={{ date: todayIso(), hours: 1, found: false, urgent: false }}
          prepare={({ found, category, problemContent, urgent, ...rest }) => ({ ...rest, problem: found ? { category, content: problemContent, urgent: !!urgent } : null })}
          onDone={(r) => {
            const out = r as { problemNumber: string };
            if (out.problemNumber) message.info(t('volunteers:person.problemRaised', { number: out.problemNumber }));
          }}
          onClose={() => setDialog(undefined)}
          testId="patrol"
        >
          <Space wrap>
            <ContractItem name="date" label={f('date')}>
              <Input style={{ width: 130 }} data-testid="patrol-date" />
            </ContractItem>
            <Form.Item name="hours" label={f('hours')}>
              <InputNumber min={0} max={24} step={0.5} data-testid="patrol-hours" />
            </Form.Item>
          </Space>
          <ContractItem name="route" label={f('route')}>
            <Input maxLength={120} data-testid="patrol-route" />
          </ContractItem>
          <Form.Item name="seen" label={f('seen')}>
            <Input.TextArea rows={2} data-testid="patrol-seen" />
          </Form.Item>
          <Form.Item name="found" valuePropName="checked">
            <Checkbox data-testid="patrol-found">{f('problem')}</Checkbox>
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.found !== b.found}>
            {(form) =>
              form.getFieldValue('found') && (
                <>
                  <Form.Item name="category" label={f('category')} rules={[{ required: true }]}>
                    <Select showSearch={{ optionFilterProp: 'label' }} options={(categories.data ?? []).map((c) => ({ value: c, label: c }))} data-testid="patrol-category" />
                  </Form.Item>
                  {/* The contract's problem.content, required once a problem is found (the form keeps it flat beside "found"). */}
                  <Form.Item name="problemContent" label={f('problemContent')} rules={REQUIRED}>
                    <Input.TextArea rows={2} data-testid="patrol-problem" />
                  </Form.Item>
                  <Form.Item name="urgent" valuePropName="checked">
                    <Checkbox>{f('urgent')}</Checkbox>
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
        </StepDialog>
      )}
      {dialog === 'edit' && (
        <StepDialog method="volunteers.update" title={t('actions.edit')} done={t('volunteers:done')} fixed={{ id: v.id }} initial={{ unit: v.unit, skills: v.skills, freeTime: v.freeTime }} onClose={() => setDialog(undefined)} testId="volunteer-update">
          <Form.Item name="phone" label={f('phone')} extra={v.phoneMasked}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="unit" label={f('unit')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="skills" label={f('skills')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="freeTime" label={f('freeTime')}>
            <Input maxLength={100} />
          </Form.Item>
        </StepDialog>
      )}
      {dialog === 'leave' && (
        <StepDialog method="volunteers.leave" title={t('volunteers:person.leave')} done={t('volunteers:done')} fixed={{ id: v.id }} initial={{ date: todayIso() }} onClose={() => setDialog(undefined)} testId="leave">
          <ContractItem name="date" label={f('date')}>
            <Input />
          </ContractItem>
          <ContractItem name="reason" label={f('reason')}>
            <Input maxLength={200} />
          </ContractItem>
        </StepDialog>
      )}
    </Space>
  );
}
