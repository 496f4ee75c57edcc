import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { todayIso } from '../../../shared/rules/idNumber';
import { call } from '../../api/client';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { NeedStateTag } from './NeedStateTag';
import { Reasons } from './Reasons';
import { openableRow } from '../../components/openableRow';
import { links } from '../../../shared/contract/links';

type Run = Output<'lists.proposeAll'>;
type Proposal = Run['proposals'][number];

/**
 * "Match all waiting needs": the main process proposes, staff check each row, untick or change what
 * does not fit, and confirm. Nothing is assigned before that.
 */
export function MatchTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [run, setRun] = useState<Run>();
  const [running, setRunning] = useState(false);
  const [kept, setKept] = useState<number[]>([]);
  const [changing, setChanging] = useState<Proposal>();
  const confirm = useWrite('lists.confirm');
  const propose = async () => {
    setRunning(true);
    try {
      const r = await call('lists.proposeAll', {});
      setRun(r);
      setKept(r.proposals.map((p) => p.needId));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setRunning(false);
    }
  };
  const choose = (needId: number, c: { resourceId: number; provider: string; content: string; score: number; reasons: Proposal['reasons'] }) =>
    setRun((r) => r && { ...r, proposals: r.proposals.map((p) => (p.needId === needId ? { ...p, resourceId: c.resourceId, provider: c.provider, resourceContent: c.content, score: c.score, reasons: c.reasons } : p)) });
  const submit = () =>
    confirm.mutate(
      { date: todayIso(), items: run!.proposals.filter((p) => kept.includes(p.needId)).map((p) => ({ needId: p.needId, resourceId: p.resourceId })) },
      {
        onSuccess: (r) => {
          message.success(t('lists:match.confirmed', { count: r.confirmed }));
          setRun(undefined);
        },
        onError: (err) => message.error(errorText(t, err)),
      },
    );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('lists:match.explain')} />
      <Space wrap>
        <Button type="primary" size="large" icon={<ThunderboltOutlined />} loading={running} onClick={() => void propose()} data-testid="match-run">
          {t('lists:match.run')}
        </Button>
        {run && can('lists.edit') && (
          <Button type="primary" size="large" disabled={kept.length === 0} loading={confirm.isPending} onClick={submit} data-testid="match-confirm">
            {t('lists:match.confirm', { count: kept.length })}
          </Button>
        )}
      </Space>
      {!run && <Typography.Paragraph type="secondary">{t('lists:match.empty')}</Typography.Paragraph>}
      {run && (
        <>
          <Typography.Text strong data-testid="match-summary">
            {t('lists:match.summary', { proposed: run.proposals.length, unmatched: run.unmatched.length })}
          </Typography.Text>
          <Table<Proposal>
            rowKey="needId"
            dataSource={run.proposals}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            rowSelection={{ selectedRowKeys: kept, onChange: (keys) => setKept(keys as number[]) }}
            data-testid="match-proposals"
            columns={[
              {
                title: t('lists:match.need'),
                width: 360,
                render: (_, p) => (
                  <Space direction="vertical" size={2}>
                    <Space>
                      <Typography.Link onClick={() => navigate(links.need(p.needId))}>{p.number}</Typography.Link>
                      <NeedStateTag flagsOnly need={{ state: 'open', overdue: p.overdue, urgency: p.urgency, wish: false }} />
                    </Space>
                    <span>
                      {p.category} · {p.content}
                    </span>
                    <Typography.Text type="secondary">
                      {p.beneficiary} {p.wantedBy && `· ${t('lists:fields.wantedBy')} ${p.wantedBy}`}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('lists:match.resource'),
                render: (_, p) => (
                  <Space direction="vertical" size={2}>
                    <Typography.Text strong>{p.provider}</Typography.Text>
                    <span>{p.resourceContent}</span>
                  </Space>
                ),
              },
              { title: t('lists:fields.score'), dataIndex: 'score', width: 80 },
              { title: t('lists:fields.reasons'), render: (_, p) => <Reasons reasons={p.reasons} /> },
              { title: '', width: 110, render: (_, p) => <Button onClick={() => setChanging(p)}>{t('lists:match.change')}</Button> },
            ]}
          />
          {run.unmatched.length > 0 && (
            <Table
              rowKey="needId"
              size="small"
              title={() => t('lists:match.unmatched')}
              dataSource={run.unmatched}
              pagination={{ pageSize: 10 }}
              onRow={(r) => openableRow(() => navigate(links.need(r.needId)))}
              columns={[
                { title: t('lists:fields.number'), dataIndex: 'number', width: 130 },
                { title: t('lists:fields.category'), dataIndex: 'category', width: 120 },
                { title: t('lists:fields.content'), dataIndex: 'content' },
              ]}
            />
          )}
        </>
      )}
      {changing && <ChangeDialog proposal={changing} onPick={(c) => (choose(changing.needId, c), setChanging(undefined))} onClose={() => setChanging(undefined)} />}
    </Space>
  );
}

/** Another resource for one row: the need's whole ranked list. The capacity is checked again on confirming. */
function ChangeDialog({ proposal, onPick, onClose }: { proposal: Proposal; onPick: (c: Output<'lists.candidates'>[number]) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useCall('lists.candidates', { needId: proposal.needId });
  return (
    <Modal open width={960} title={`${proposal.number} · ${proposal.content}`} onCancel={onClose} footer={null}>
      <Table
        rowKey="resourceId"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('lists:need.noCandidates') }}
        columns={[
          { title: t('lists:fields.score'), dataIndex: 'score', width: 70 },
          { title: t('lists:fields.provider'), dataIndex: 'provider', width: 160 },
          { title: t('lists:fields.resourceContent'), dataIndex: 'content' },
          { title: t('lists:fields.reasons'), render: (_, c) => <Reasons reasons={c.reasons} /> },
          {
            title: '',
            width: 100,
            render: (_, c) => (
              <Button type={c.resourceId === proposal.resourceId ? 'default' : 'primary'} disabled={c.resourceId === proposal.resourceId} onClick={() => onPick(c)}>
                {t('actions.confirm')}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
