import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgeTags } from './AgeTags';
import { useCall } from '../../api/hooks';
import { LifeEventDialog, type LifeEventKind } from './LifeEventDialog';
import { RevealButton } from './RevealButton';
import { useCan } from '../accounts/api';
import { ResidentVisitsCard } from '../visits/api';
import { links } from '../../../shared/contract/links';
import { Waiting } from '../../components/Waiting';

/** One resident: every field, the full ID (the list shows it masked), and the timeline of moves and changes. */
export function ResidentPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<LifeEventKind | null>(null);
  const [revealed, setRevealed] = useState<{ idNumber: string; phone: string } | null>(null);
  const can = useCan();
  const r = useCall('residents.get', { id });
  if (!r.isSuccess) return <Waiting query={r} />;
  const d = r.data;
  const code = (list: string, v: string) => (v ? t(`codes:${list}.${v}`) : '—');
  const active = d.status === 'active';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} className="page-card">
      <Card
        title={
          <Space>
            <span data-testid="resident-name">{d.name}</span>
            {!active && <Tag>{code('status', d.status)}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {active && can('residents.edit') && <Button href={`#/residents/${id}/edit`} type="primary">{t('actions.edit')}</Button>}
            {d.householdId && <Button href={`#/${links.household(d.householdId)}`}>{t('residents:detail.household')}</Button>}
            {active && can('certificates.issue') && (
              <Button href={`#/certificates/issue?resident=${id}`} data-testid="issue-certificate">
                {t('residents:detail.certificate')}
              </Button>
            )}
            {active && can('residents.edit') && <Button onClick={() => setDialog('moveMember')}>{t('residents:events.action.moveMember')}</Button>}
            {active && can('residents.edit') && <Button onClick={() => setDialog('moveOut')}>{t('residents:events.action.moveOut')}</Button>}
            {active && can('residents.edit') && <Button danger onClick={() => setDialog('recordDeath')}>{t('residents:events.action.recordDeath')}</Button>}
            {d.status === 'moved_out' && can('residents.edit') && <Button onClick={() => setDialog('moveBackIn')}>{t('residents:events.action.moveBackIn')}</Button>}
          </Space>
        }
      >
        <Descriptions bordered column={{ xs: 1, md: 2, xl: 3 }} size="middle">
          <Descriptions.Item label={t('residents:fields.idNumber')}>
            <Space>
              <span className="mono" data-testid="resident-id">{revealed?.idNumber || d.idMasked || '—'}</span>
              {!revealed && (d.hasIdNumber || d.phoneMasked) && <RevealButton id={id} onRevealed={setRevealed} />}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.gender')}>{code('gender', d.gender)}</Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.birthDate')}>
            {d.birthDate} {d.age !== null && t('residents:detail.age', { age: d.age })}
          </Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.ethnicity')}>{code('ethnicity', d.ethnicity)}</Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.phone')}><span className="mono">{revealed?.phone || d.phoneMasked || '—'}</span></Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.address')}>
            {d.gridName} {d.address}
          </Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.relation')}>{code('relation', d.relation)}</Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.residenceType')}>{code('residenceType', d.residenceType)}</Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.political')}>{code('political', d.political)}</Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.education')}>{code('education', d.education)}</Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.marital')}>{code('marital', d.marital)}</Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.occupation')}>{d.occupation || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.hukouAddress')}>{d.hukouAddress || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.tags')} span={2}>
            <AgeTags age={d.age} />
            {d.tags.map((tag) => (
              <Tag key={tag}>{code('careTag', tag)}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('residents:fields.note')} span={3}>
            {d.note || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('residents:detail.timeline')}>
        <Timeline
          items={d.events.map((e) => ({
            children: (
              <div>
                {/* A move-in typed without its date shows the day of typing, said as such. */}
                <Typography.Text strong>{e.detail === 'dateUnknown' ? t('residents:events.dateUnknown', { date: e.date }) : e.date}</Typography.Text> {t(`residents:events.kind.${e.kind}`)}
                {e.reason && <Typography.Text type="secondary"> · {e.reason}</Typography.Text>}
                {e.kind === 'updated' && e.detail && (
                  <Typography.Text type="secondary"> · {e.detail.split(',').map((f) => t(`residents:fields.${f}`)).join(t('sep'))}</Typography.Text>
                )}
              </div>
            ),
          }))}
        />
      </Card>
      {can('visits.view') && <ResidentVisitsCard residentId={id} />}
      {dialog && <LifeEventDialog kind={dialog} residentId={id} name={d.name} onClose={() => setDialog(null)} />}
    </Space>
  );
}
