import { useTranslation } from 'react-i18next';
import { mediationCommitteeName } from '../../../../shared/rules/mediation';
import type { AppInfo } from '../../../../shared/contract/community';
import type { CaseDetail } from '../../../../shared/contract/mediation';
import { FieldTable } from '../../../components/FieldTable';
import { paperDate } from '../../../../shared/rules/dates';

/** 人民调解申请书: the parties, the dispute in brief, the numbered requests, the voluntary statement, the signature. */
export function ApplicationBody({ c, info }: { c: CaseDetail; info: AppInfo }) {
  const { t } = useTranslation();
  const code = (list: string, v: string) => (v ? t(`codes:${list}.${v}`) : '');
  return (
    <div className="mediation-form">
      <h1>{t('mediation:print.applicationTitle')}</h1>
      {c.partyList.map((p) => (
        <p key={p.id}>
          {t(`mediation:role.${p.role}`)}：{[p.name, code('gender', p.gender), code('ethnicity', p.ethnicity), paperDate(p.birthDate), p.occupation, p.contact, p.address].filter(Boolean).join('，')}
        </p>
      ))}
      <h3>{t('mediation:print.briefFacts')}</h3>
      <p className="pre">{c.facts}</p>
      <h3>{t('mediation:print.requestsHeading')}</h3>
      <p className="pre">{c.requests}</p>
      <p>{t('mediation:print.voluntary', { committee: mediationCommitteeName(info.communityName) })}</p>
      <div className="signature-lines">
        <p>{t('mediation:print.applicantSign')}</p>
      </div>
    </div>
  );
}

/** 结案报告表: file number, dates accepted and closed, handlers, parties, source, the dispute and how it ended. */
export function ClosingReportBody({ c, info }: { c: CaseDetail; info: AppInfo }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('mediation:fields.number'), c.number],
    [t('mediation:fields.acceptedOn'), paperDate(c.acceptedOn)],
    [t('mediation:print.closedOn'), paperDate(c.outcomeOn)],
    [t('mediation:fields.mediators'), c.mediators],
    [t('mediation:fields.parties'), c.partyList.map((p) => `${t(`mediation:role.${p.role}`)} ${p.name}`).join('；')],
    [t('mediation:fields.source'), t(`mediation:source.${c.source}`)],
    [t('mediation:fields.facts'), c.facts],
    [t('mediation:fields.outcome'), [c.outcome ? t(`mediation:outcome.${c.outcome}`) : '', c.agreementNumber ?? '', c.agreementTerms || c.failureReason].filter(Boolean).join('；')],
  ];
  return (
    <div className="mediation-form">
      <h1>{t('mediation:print.closingTitle', { committee: info.communityName })}</h1>
      <FieldTable rows={rows} />
      <div className="signature-lines">
        <p>{t('mediation:print.mediatorSign')}</p>
      </div>
    </div>
  );
}

/** 口头协议登记表: an oral agreement's content as the mediator recorded it; effective the day it was reached (第30条). */
export function OralAgreementBody({ c, info }: { c: CaseDetail; info: AppInfo }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('mediation:fields.number'), c.number],
    [t('mediation:print.agreedOn'), paperDate(c.outcomeOn)],
    [t('mediation:fields.parties'), c.parties],
    [t('mediation:fields.disputeType'), c.disputeType],
    [t('mediation:conclude.facts'), c.agreementFacts],
    [t('mediation:conclude.terms'), c.agreementTerms],
    [t('mediation:conclude.performance'), c.performanceTerms],
    [t('mediation:fields.mediators'), c.mediators],
  ];
  return (
    <div className="mediation-form">
      <h1>{t('mediation:print.oralTitle', { committee: info.communityName })}</h1>
      <FieldTable rows={rows} />
      <div className="signature-lines">
        <p>{t('mediation:print.mediatorSign')}</p>
      </div>
    </div>
  );
}

