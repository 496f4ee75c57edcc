import { useTranslation } from 'react-i18next';
import { mediationCommitteeName } from '../../../../shared/rules/mediation';
import type { AppInfo } from '../../../../shared/contract/community';
import type { CaseDetail } from '../../../../shared/contract/mediation';
import { DUTIES, RIGHTS } from '../../../../shared/rules/mediation';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { paperDate } from '../../../../shared/rules/dates';
import { Waiting } from '../../../components/Waiting';

/** 人民调解权利义务告知书: one per party (mandatory), with what the law gives and asks of them, and their signature. */
export function RightsNoticePrint({ id, info }: { id: number; info: AppInfo }) {
  const detail = useCall('mediation.get', { id });
  if (!detail.isSuccess) return <Waiting query={detail} print />;
  return (
    <PrintFrame>
      <RightsBody c={detail.data} info={info} />
    </PrintFrame>
  );
}

export function RightsBody({ c, info }: { c: CaseDetail; info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <>
      {c.partyList.map((p) => (
        <div key={p.id} className="mediation-form page-break">
          <h1>{t('mediation:print.rightsTitle')}</h1>
          <p>{t('mediation:print.rightsTo', { name: p.name })}</p>
          <p>{t('mediation:print.rightsIntro', { committee: mediationCommitteeName(info.communityName), number: c.number })}</p>
          <h3>{t('mediation:print.rightsHeading')}</h3>
          {RIGHTS.map((k, i) => (
            <p key={k}>{`${i + 1}. ${t(`mediation:print.rights.${k}`)}`}</p>
          ))}
          <h3>{t('mediation:print.dutiesHeading')}</h3>
          {DUTIES.map((k, i) => (
            <p key={k}>{`${i + 1}. ${t(`mediation:print.duties.${k}`)}`}</p>
          ))}
          <div className="signature-lines">
            <p>{t('mediation:print.received', { role: t(`mediation:role.${p.role}`) })}</p>
          </div>
          <div className="certificate-foot">
            <div />
            <div className="certificate-sign">
              <div className="seal-box">{t('mediation:print.seal')}</div>
              <p>{mediationCommitteeName(info.communityName)}</p>
              <p>{paperDate(c.rightsNoticeOn) || t('certificates:paper.notIssued')}</p>
            </div>
          </div>
        </div>
      ))}
    </>
  );
}
