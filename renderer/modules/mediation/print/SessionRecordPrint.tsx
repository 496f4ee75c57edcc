import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/community';
import type { CaseDetail } from '../../../../shared/contract/mediation';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { FieldTable } from '../../../components/FieldTable';
import { paperDate } from '../../../../shared/rules/dates';
import { Waiting } from '../../../components/Waiting';

/** 调解笔录, one session: time, place, who took part, notices, statements, facts, result; read back and signed. */
export function SessionRecordPrint({ id, session, info }: { id: number; session: number; info: AppInfo }) {
  const { t } = useTranslation();
  const detail = useCall('mediation.get', { id });
  if (!detail.isSuccess) return <Waiting query={detail} print />;
  const s = detail.data.sessions.find((x) => x.id === session);
  if (!s) return <p>{t('errors:mediation.notFound')}</p>;
  return (
    <PrintFrame>
      <SessionBody c={detail.data} s={s} info={info} />
    </PrintFrame>
  );
}

export function SessionBody({ c, s, info }: { c: CaseDetail; s: CaseDetail['sessions'][number]; info: AppInfo }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('mediation:session.date'), paperDate(s.date)],
    [t('mediation:session.place'), s.place],
    [t('mediation:print.cause'), `${c.disputeType} · ${c.number}`],
    [t('mediation:session.participants'), s.participants],
    [t('mediation:session.notices'), s.notices],
    [t('mediation:session.statements'), s.statements],
    [t('mediation:session.facts'), s.facts],
    [t('mediation:session.result'), s.result],
  ];
  return (
    <div className="mediation-form">
        <h1>{t('mediation:print.sessionTitle', { committee: info.communityName })}</h1>
        <FieldTable rows={rows} />
        <p>{t('mediation:print.readBack')}</p>
        <div className="signature-lines">
          {c.partyList.map((p) => (
            <p key={p.id}>{t('mediation:print.partySign', { role: `${t(`mediation:role.${p.role}`)} ${p.name}` })}</p>
          ))}
          <p>{t('mediation:print.mediatorSign')}</p>
          <p>{t('mediation:print.recorderSign')}</p>
        </div>
    </div>
  );
}
