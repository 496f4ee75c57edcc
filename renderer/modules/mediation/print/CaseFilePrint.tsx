import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import type { CaseDetail } from '../../../../shared/contract/mediation';
import { useCall } from '../../../api/hooks';
import { errorText } from '../../../components/errors';
import { PrintFrame } from '../../../components/PrintFrame';
import { AgreementBody } from './AgreementPrint';
import { SessionBody } from './SessionRecordPrint';
import { RightsBody } from './RightsNoticePrint';
import { ApplicationBody, ClosingReportBody, OralAgreementBody } from './Forms';
import { FieldTable } from '../../../components/FieldTable';
import { Waiting } from '../../../components/Waiting';

/** A4 portrait content height in CSS pixels: 297 mm less the 12 mm and 16 mm page margins (96 px per inch). */
const PAGE_PX = ((297 - 12 - 16) * 96) / 25.4;

interface Doc {
  key: string;
  title: string;
  body: ReactNode;
}

/**
 * 卷宗: cover, contents, then the case's documents in the official order, each from a new page.
 * The contents' page numbers are measured from the laid-out documents, so they hold when a record
 * runs over a page.
 */
export function CaseFilePrint({ id, info }: { id: number; info: AppInfo }) {
  const { t } = useTranslation();
  const detail = useCall('mediation.get', { id });
  const settings = useCall('mediation.settings', {});
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const [pages, setPages] = useState<number[]>([]);
  const c = detail.data;
  const docs: Doc[] = c ? documents(c, info, t) : [];
  useLayoutEffect(() => {
    if (!docs.length) return;
    const pagesOf = (height: number) => Math.max(1, Math.ceil(height / PAGE_PX - 0.02));
    // A document made of parts that each start a page (the rights notice: one per party) counts them apart.
    const measure = (el: HTMLDivElement | null) => {
      const parts = el ? Array.from(el.querySelectorAll<HTMLElement>(':scope > .page-break')) : [];
      return parts.length > 1 ? parts.reduce((n, part) => n + pagesOf(part.scrollHeight), 0) : pagesOf(el?.scrollHeight ?? 0);
    };
    setPages(refs.current.slice(0, docs.length).map(measure));
  }, [docs.length, c?.id]);
  if (detail.isPending) return <Spin />;
  if (detail.isError || !c) return <p>{errorText(t, detail.error)}</p>;
  const retention = (years: number | undefined) => (years === undefined ? '' : years === 0 ? t('mediation:print.permanent') : t('mediation:print.years', { years }));
  // Cover is page 1, contents page 2; each document starts on the page after the previous one ends.
  const starts = docs.map((_, i) => 3 + pages.slice(0, i).reduce((a, b) => a + b, 0));
  return (
    <PrintFrame>
      <div className="mediation-form case-cover">
        <h1>{t('mediation:print.fileTitle', { committee: info.communityName })}</h1>
        <FieldTable
          rows={[
            [t('mediation:print.fileName'), `${c.parties} ${c.disputeType}`],
            [t('mediation:print.fileNumber'), c.number],
            [t('mediation:fields.mediators'), c.mediators],
            [t('mediation:print.fileDates'), `${paperDate(c.acceptedOn)} — ${paperDate(c.outcomeOn)}`],
            [t('mediation:print.fileClerk'), c.filingClerk],
            [t('mediation:print.fileDate'), paperDate(c.archivedOn)],
            [t('mediation:print.fileRetention'), retention(settings.data?.retentionYears[c.disputeType])],
          ] as [string, string][]}
        />
      </div>
      <div className="mediation-form file-doc">
        <h1>{t('mediation:print.contents')}</h1>
        <table className="print-table" data-testid="file-contents">
          <thead>
            <tr>
              <th>{t('mediation:print.contentsNo')}</th>
              <th>{t('mediation:print.contentsTitle')}</th>
              <th>{t('mediation:print.contentsPage')}</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d, i) => (
              <tr key={d.key}>
                <td>{i + 1}</td>
                <td>{d.title}</td>
                <td>{pages.length ? starts[i] : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {docs.map((d, i) => (
        <div key={d.key} className="file-doc" ref={(el) => void (refs.current[i] = el)}>
          {d.body}
        </div>
      ))}
    </PrintFrame>
  );
}

function documents(c: CaseDetail, info: AppInfo, t: (k: string, o?: Record<string, unknown>) => string): Doc[] {
  const docs: Doc[] = [
    ...(c.source === 'application' ? [{ key: 'application', title: t('mediation:print.applicationTitle'), body: <ApplicationBody c={c} info={info} /> }] : []),
    { key: 'intake', title: t('mediation:print.intakeEntry'), body: <IntakeBody c={c} info={info} /> },
    { key: 'rights', title: t('mediation:file.rightsNotice'), body: <RightsBody c={c} info={info} /> },
    ...c.sessions.map((s, i) => ({ key: `session-${s.id}`, title: t('mediation:print.sessionEntry', { n: i + 1, date: paperDate(s.date) }), body: <SessionBody c={c} s={s} info={info} /> })),
  ];
  if (c.outcome === 'written') docs.push({ key: 'agreement', title: t('mediation:file.agreement'), body: <AgreementBody c={c} info={info} /> });
  if (c.outcome === 'oral') docs.push({ key: 'oral', title: t('mediation:print.oralEntry'), body: <OralAgreementBody c={c} info={info} /> });
  if (c.followUps.length) docs.push({ key: 'followUp', title: t('mediation:file.followUp'), body: <FollowUpBody c={c} info={info} /> });
  docs.push({ key: 'closing', title: t('mediation:print.closingEntry'), body: <ClosingReportBody c={c} info={info} /> });
  docs.push({ key: 'back', title: t('mediation:file.backCover'), body: <div className="mediation-form"><h1>{t('mediation:print.backCover')}</h1><p>{t('mediation:print.backCoverNote', { count: 0 })}</p></div> });
  return docs;
}

/** 受理登记表: the intake as registered. */
function IntakeBody({ c, info }: { c: CaseDetail; info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <div className="mediation-form">
      <h1>{t('mediation:print.intakeTitle', { committee: info.communityName })}</h1>
      <FieldTable
        rows={[
          [t('mediation:fields.acceptedOn'), paperDate(c.acceptedOn)],
          ...c.partyList.map((p): [string, string] => [t(`mediation:role.${p.role}`), [p.name, p.contact, p.address].filter(Boolean).join('，')]),
          [t('mediation:fields.disputeType'), c.disputeType],
          [t('mediation:fields.source'), t(`mediation:source.${c.source}`)],
          [t('mediation:fields.facts'), c.facts],
          [t('mediation:fields.requests'), c.requests],
        ]}
      />
      <div className="signature-lines">
        <p>{t('mediation:print.partiesSign')}</p>
      </div>
      <div className="certificate-foot">
        <div />
        <div className="certificate-sign">
          <div className="seal-box">{t('mediation:print.seal')}</div>
        </div>
      </div>
    </div>
  );
}

/** 回访记录. */
function FollowUpBody({ c, info }: { c: CaseDetail; info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <div className="mediation-form">
      <h1>{t('mediation:print.followUpTitle', { committee: info.communityName })}</h1>
      {c.followUps.map((f) => (
        <FieldTable
          key={f.id}
          style={{ marginBottom: '4mm' }}
          rows={[
            [t('mediation:fields.parties'), c.parties],
            [t('mediation:print.agreementNo'), c.agreementNumber ?? t(`mediation:outcome.${c.outcome ?? 'oral'}`)],
            [t('mediation:followUp.date'), paperDate(f.date)],
            [t('mediation:followUp.performed'), f.performed],
            [t('mediation:followUp.satisfaction'), f.satisfaction],
            [t('mediation:print.lawsuit'), f.lawsuit],
            [t('mediation:followUp.risk'), f.risk],
            [t('mediation:followUp.measures'), f.measures],
            [t('mediation:print.visitor'), f.visitor],
          ] as [string, string][]}
        />
      ))}
    </div>
  );
}

/** One document of the case file on its own (the application, the intake register, the closing report …). */
export function CaseDocumentPrint({ id, docKey, info }: { id: number; docKey: string; info: AppInfo }) {
  const { t } = useTranslation();
  const detail = useCall('mediation.get', { id });
  if (!detail.isSuccess) return <Waiting query={detail} print />;
  const doc = documents(detail.data, info, t).find((d) => d.key === docKey);
  return <PrintFrame>{doc ? doc.body : <p>{t('errors:mediation.fileNotFound')}</p>}</PrintFrame>;
}

/** The documents a case has, for the case page's list of things to print one by one. */
export function useCaseDocuments(c: CaseDetail | undefined, info: AppInfo) {
  const { t } = useTranslation();
  return c ? documents(c, info, t).filter((d) => d.key !== 'back').map(({ key, title }) => ({ key, title })) : [];
}
