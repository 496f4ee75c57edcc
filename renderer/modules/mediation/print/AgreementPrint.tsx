import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import { mediationCommitteeName } from '../../../../shared/rules/mediation';
import type { AppInfo } from '../../../../shared/contract/community';
import type { CaseDetail } from '../../../../shared/contract/mediation';
import { ageOn } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/** 人民调解协议书 as the standard paper form lays it out (第29条): parties, facts, terms, performance, copies, signatures, seal. */
export function AgreementPrint({ id, info }: { id: number; info: AppInfo }) {
  const detail = useCall('mediation.get', { id });
  if (!detail.isSuccess) return <Waiting query={detail} print />;
  return (
    <PrintFrame>
      <AgreementBody c={detail.data} info={info} />
    </PrintFrame>
  );
}

export function AgreementBody({ c, info }: { c: CaseDetail; info: AppInfo }) {
  const { t } = useTranslation();
  const code = (list: string, v: string) => (v ? t(`codes:${list}.${v}`) : '');
  return (
    <div className="mediation-form">
        <h1>{t('mediation:print.agreementTitle', { committee: info.communityName })}</h1>
        <div className="certificate-number" data-testid="agreement-number">
          {t('mediation:print.number', { number: c.agreementNumber })}
        </div>
        {/* Every field of the standard form, each labelled; one not known is left as a line to fill in by hand. */}
        {c.partyList.map((p) => (
          <p key={p.id} className="party-block">
            {t(`mediation:role.${p.role}`)}：
            {(
              [
                ['name', p.name],
                ['gender', code('gender', p.gender)],
                ['ethnicity', code('ethnicity', p.ethnicity)],
                ['age', p.birthDate ? t('mediation:print.age', { age: ageOn(p.birthDate, c.outcomeOn) }) : ''],
                ['occupation', p.occupation],
                ['address', p.address],
                ['contact', p.contact],
              ] as const
            ).map(([k, v]) => (
              <span key={k} className="party-field">
                {t(`mediation:print.party.${k}`)}：{v || <span className="blank-line" />}
              </span>
            ))}
            {p.agent && <>{`\u3000${t('mediation:print.agent', { agent: p.agent })}`}</>}
          </p>
        ))}
        <h3>{t('mediation:print.facts')}</h3>
        <p className="pre">{c.agreementFacts}</p>
        <h3>{t('mediation:print.terms')}</h3>
        <p className="pre">{c.agreementTerms}</p>
        <h3>{t('mediation:print.performance')}</h3>
        <p className="pre">{c.performanceTerms}</p>
        <p>{t('mediation:print.copies', { n: c.partyList.length + 1 })}</p>
        <div className="signature-lines">
          {c.partyList.map((p) => (
            <p key={p.id}>{t('mediation:print.partySign', { role: t(`mediation:role.${p.role}`) })}</p>
          ))}
          <p>{t('mediation:print.mediatorSign')}</p>
          <p>{t('mediation:print.recorderSign')}</p>
        </div>
        <div className="certificate-foot">
          <div />
          <div className="certificate-sign">
            <div className="seal-box">{t('mediation:print.seal')}</div>
            <p>{mediationCommitteeName(info.communityName)}</p>
            <p>{paperDate(c.outcomeOn)}</p>
          </div>
        </div>
    </div>
  );
}
