import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { NeedDetail } from '../../../shared/contract/lists';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { NeedDialog } from './NeedDialog';
import { NeedStateTag } from './NeedStateTag';
import { Reasons } from './Reasons';
import { ClaimDialog, CompleteDialog, FeedbackDialog, ReasonDialog, ServiceDialog } from './NeedActions';
import { SendToConsultation } from '../consultation/api';
import { links, printLinks } from '../../../shared/contract/links';
import { Waiting } from '../../components/Waiting';

type Open = { kind: 'edit' } | { kind: 'claim'; resourceId?: number; provider: string } | { kind: 'service' } | { kind: 'complete' } | { kind: 'feedback' } | { kind: 'cancel' } | { kind: 'withdraw' };

/** One need from raised to evaluated: who it is for, the resources that fit (and why), who took it, what was done. */
export function NeedPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const need = useCall('lists.need', { id });
  const [open, setOpen] = useState<Open>();
  if (!need.isSuccess) return <Waiting query={need} />;
  const n = need.data;
  const edit = can('lists.edit');
  const close = () => setOpen(undefined);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="page-card">
      <Card
        title={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('lists/needs')}>
              {t('lists:need.back')}
            </Button>
            <span data-testid="need-number">{n.number}</span>
            <NeedStateTag need={n} />
          </Space>
        }
        extra={
          <Space wrap>
            {edit && n.state === 'open' && <Button onClick={() => setOpen({ kind: 'edit' })}>{t('actions.edit')}</Button>}
            {edit && n.next.includes('withdrawn') && (
              <Button danger onClick={() => setOpen({ kind: 'withdraw' })} data-testid="need-withdraw">
                {t('lists:need.withdraw')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={3} bordered size="middle">
          <Descriptions.Item label={t('lists:fields.beneficiary')}>
            {n.beneficiary || t(`lists:for.${n.forKind}`)}
            {n.groupTag && ` · ${t(`codes:careTag.${n.groupTag}`)}`}
            {n.residentId && (
              <Button type="link" onClick={() => navigate(links.resident(n.residentId!))} disabled={!can('residents.view')}>
                {t('lists:need.openResident')}
              </Button>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.category')}>{n.category}</Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.grid')}>{n.grid}</Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.content')} span={3}>
            <span data-testid="need-content">{n.content}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.raisedOn')}>{n.raisedOn}</Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.wantedBy')}>{n.wantedBy}</Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.urgency')}>{t(`lists:urgency.${n.urgency}`)}</Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.address')}>{n.address}</Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.phone')}>{n.contactMasked}</Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.createdBy')}>{n.createdBy}</Descriptions.Item>
          {n.wish && <Descriptions.Item label={t('lists:fields.budget')}>{(n.budgetFen / 100).toFixed(2)}</Descriptions.Item>}
          {n.state === 'withdrawn' && <Descriptions.Item label={t('lists:fields.reason')}>{n.withdrawnReason}</Descriptions.Item>}
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          <SendToConsultation kind="need" recordId={n.id} title={n.content} />
        </div>
      </Card>
      {n.state === 'open' && <Candidates need={n} onClaim={(resourceId, provider) => setOpen({ kind: 'claim', resourceId, provider })} editable={edit} />}
      {n.match && <MatchCard need={n} editable={edit} onAction={setOpen} />}
      <Card title={t('lists:need.history')}>
        <Timeline items={n.events.map((e) => ({ children: `${e.date} · ${t(`lists:state.${e.to}`)}${e.note ? ` · ${e.note}` : ''} · ${e.actor}` }))} />
      </Card>
      {open?.kind === 'edit' && <NeedDialog need={n} onClose={close} />}
      {open?.kind === 'claim' && <ClaimDialog needId={n.id} resourceId={open.resourceId} provider={open.provider} onClose={close} />}
      {open?.kind === 'service' && <ServiceDialog needId={n.id} byWhom={n.match?.claimedBy ?? ''} onClose={close} />}
      {open?.kind === 'complete' && <CompleteDialog needId={n.id} onClose={close} />}
      {open?.kind === 'feedback' && <FeedbackDialog needId={n.id} onClose={close} />}
      {(open?.kind === 'cancel' || open?.kind === 'withdraw') && <ReasonDialog needId={n.id} kind={open.kind} onClose={close} />}
    </Space>
  );
}

/** The resources that can serve this need, best first, with the reasons; one click assigns. */
function Candidates({ need, editable, onClaim }: { need: NeedDetail; editable: boolean; onClaim: (resourceId: number, provider: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useCall('lists.candidates', { needId: need.id });
  const confirm = useWrite('lists.confirm');
  return (
    <Card title={t('lists:need.candidates')}>
      <Table
        rowKey="resourceId"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('lists:need.noCandidates') }}
        data-testid="candidates"
        columns={[
          { title: t('lists:fields.score'), dataIndex: 'score', width: 80, render: (s: number) => <Typography.Text strong>{s}</Typography.Text> },
          { title: t('lists:fields.provider'), dataIndex: 'provider', width: 180 },
          { title: t('lists:fields.resourceContent'), dataIndex: 'content' },
          { title: t('lists:fields.reasons'), render: (_, r) => <Reasons reasons={r.reasons} /> },
          {
            title: '',
            width: 230,
            render: (_, r) =>
              editable && (
                <Space direction="vertical">
                  <Button
                    type="primary"
                    loading={confirm.isPending}
                    data-testid={`assign-${r.resourceId}`}
                    onClick={() =>
                      confirm.mutate(
                        { items: [{ needId: need.id, resourceId: r.resourceId }], date: todayIso() },
                        { onSuccess: () => message.success(t('lists:need.assigned', { provider: r.provider })), onError: (err) => message.error(errorText(t, err)) },
                      )
                    }
                  >
                    {t('lists:need.assign')}
                  </Button>
                  <Button onClick={() => onClaim(r.resourceId, r.provider)}>{t('lists:need.claimDirect')}</Button>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}

function MatchCard({ need, editable, onAction }: { need: NeedDetail; editable: boolean; onAction: (o: Open) => void }) {
  const { t } = useTranslation();
  const m = need.match!;
  const s = need.state;
  return (
    <Card
      title={t('lists:need.match')}
      extra={
        <Space wrap>
          {['claimed', 'serving', 'done', 'evaluated'].includes(s) && (
            <Button icon={<PrinterOutlined />} onClick={() => navigate(printLinks.needSlip(need.id))} data-testid="print-slip">
              {t('lists:need.printSlip')}
            </Button>
          )}
          {['serving', 'done', 'evaluated'].includes(s) && (
            <Button icon={<PrinterOutlined />} onClick={() => navigate(printLinks.needCard(need.id))} data-testid="print-card">
              {t('lists:need.printCard')}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={2} bordered size="middle">
          <Descriptions.Item label={t('lists:fields.provider')}>
            <span data-testid="match-provider">{m.provider}</span> · {t(`lists:kind.${m.providerKind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.contact')}>{m.contact}</Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.resourceContent')} span={2}>
            {m.resourceContent}
          </Descriptions.Item>
          <Descriptions.Item label={t('lists:fields.reasons')} span={2}>
            <Space direction="vertical">
              <span>{t('lists:need.matchBy', { by: m.confirmedBy, date: m.confirmedOn, score: m.score })}</span>
              <Reasons reasons={m.reasons} />
            </Space>
          </Descriptions.Item>
          {m.claimedOn && (
            <Descriptions.Item label={t('lists:fields.claimedBy')} span={2}>
              {t('lists:need.claimedLine', { by: m.claimedBy, date: m.claimedOn })}
              {m.dueOn && ` · ${t('lists:need.dueLine', { date: m.dueOn })}`}
            </Descriptions.Item>
          )}
          {m.feedbackOn && (
            <Descriptions.Item label={t('lists:fields.satisfaction')} span={2}>
              <span data-testid="feedback-line">{t('lists:need.feedbackLine', { date: m.feedbackOn, stars: m.satisfaction ?? 0 })}</span>
              {m.comment && ` · ${m.comment}`}
            </Descriptions.Item>
          )}
        </Descriptions>
        {editable && (
          <Space wrap>
            {s === 'matched' && (
              <Button type="primary" size="large" onClick={() => onAction({ kind: 'claim', provider: m.provider })} data-testid="need-claim">
                {t('lists:need.claim')}
              </Button>
            )}
            {(s === 'claimed' || s === 'serving') && (
              <Button type="primary" size="large" onClick={() => onAction({ kind: 'service' })} data-testid="need-service">
                {t('lists:need.service')}
              </Button>
            )}
            {s === 'serving' && (
              <Button size="large" onClick={() => onAction({ kind: 'complete' })} data-testid="need-complete">
                {t('lists:need.complete')}
              </Button>
            )}
            {s === 'done' && (
              <Button type="primary" size="large" onClick={() => onAction({ kind: 'feedback' })} data-testid="need-feedback">
                {t('lists:need.feedback')}
              </Button>
            )}
            {need.next.includes('open') && (
              <Button size="large" onClick={() => onAction({ kind: 'cancel' })} data-testid="need-cancel">
                {t('lists:need.cancel')}
              </Button>
            )}
          </Space>
        )}
        {m.services.length > 0 && (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={m.services}
            title={() => t('lists:need.services', { hours: m.hours })}
            data-testid="services"
            columns={[
              { title: t('lists:fields.date'), dataIndex: 'date', width: 120 },
              { title: t('lists:fields.hours'), dataIndex: 'hours', width: 100 },
              { title: t('lists:fields.serviceContent'), dataIndex: 'content' },
              { title: t('lists:fields.byWhom'), dataIndex: 'byWhom', width: 140 },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
