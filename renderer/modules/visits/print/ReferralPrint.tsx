import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/community';
import { useCall } from '../../../api/hooks';
import { FieldTable } from '../../../components/FieldTable';
import { PrintFrame } from '../../../components/PrintFrame';
import { paperDate } from '../../../../shared/rules/dates';
import { Waiting } from '../../../components/Waiting';

/** 吹哨单: the problem, whom it is sent to, what is asked and by when, room for the department's reply and both seals. */
export function ReferralPrint({ id, escalationId, info }: { id: number; escalationId: number; info: AppInfo }) {
  const { t } = useTranslation();
  const q = useCall('problems.get', { id, forPrint: true });
  if (!q.isSuccess) return <Waiting query={q} print />;
  const p = q.data;
  const e = p.escalations.find((x) => x.id === escalationId);
  if (!e) return <p>{t('errors:problems.escalationNotFound')}</p>;
  const rows: [string, string][] = [
    [t('visits:fields.number'), p.number],
    [t('visits:print.referralTo'), e.toWhom],
    [t('visits:fields.source'), `${t(`visits:source.${p.source}`)} ${p.hotlineTicket}`.trim()],
    [t('visits:fields.raiser'), p.anonymous ? t('visits:fields.anonymous') : `${p.raiser} ${p.contactMasked}`.trim()],
    [t('visits:fields.where'), [p.grid, p.where].filter(Boolean).join(' ')],
    [t('visits:fields.foundOn'), paperDate(p.foundOn)],
    [t('visits:print.problem'), `${p.category}：${p.content}`],
    [t('visits:fields.request'), e.request],
    [t('visits:fields.replyDeadline'), e.deadline],
    [t('visits:print.sentOn'), paperDate(e.date)],
    [t('visits:print.sender'), e.sentBy],
    [t('visits:print.replyBlank'), e.reply ? `${paperDate(e.replyOn)} ${e.reply}` : '\n\n\n\n'],
  ];
  return (
    <PrintFrame>
      <div className="mediation-form">
        <h1>{t('visits:print.referralTitle')}</h1>
        <div className="print-meta">
          <span>{info.committeeName}</span>
          <span>{p.number}</span>
        </div>
        <FieldTable rows={rows} />
        <div className="certificate-foot">
          <span>{t('visits:print.deptSign')}</span>
          <span>{t('visits:print.committeeSign')}</span>
        </div>
      </div>
    </PrintFrame>
  );
}
