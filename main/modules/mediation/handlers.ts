import { mayReveal } from '../../core/session';
import type { MethodName } from '../../../shared/contract';
import { statistics, type CaseSource } from '../../../shared/rules/mediation';
import { stmt, type Db } from '../../core/ledger';
import type { HandlerMap } from '../../core/dispatch';
import { findResidentsToLink } from '../residents/api';
import { attach, attachmentContent, attachments, mediationSettings, setMediationSettings } from './files';
import { loadExcel } from '../../core/excel';
import { translate } from '../../../shared/i18n/resources';
import { addSession, archive, confirmIdentity, caseDetail, caseList, conclude, followUp, mayReach, mediatorAccounts, openCase, rightsNotice } from './cases';

type MediationMethod = Extract<MethodName, `mediation.${string}`>;

export const mediationHandlers: HandlerMap<MediationMethod> = {
  'mediation.mediators': (_i, ctx) => mediatorAccounts(ctx.db),
  'mediation.cases': ({ open }, ctx) => caseList(ctx, open),
  'mediation.findResidents': ({ q }, ctx) => findResidentsToLink(ctx.db, q, mayReveal(ctx.session)),
  'mediation.open': (input, ctx) => {
    const out = openCase(ctx, input as Parameters<typeof openCase>[1]);
    ctx.record(`mediation_case:${out.id}`);
    return out;
  },
  'mediation.get': ({ id }, ctx) => {
    mayReach(ctx, id);
    return caseDetail(ctx, id);
  },
  'mediation.rightsNotice': ({ id, date }, ctx) => {
    mayReach(ctx, id);
    rightsNotice(ctx, id, date);
    ctx.record(`mediation_case:${id}:rights`);
    return { id };
  },
  'mediation.addSession': (input, ctx) => {
    mayReach(ctx, input.id);
    const sessionId = addSession(ctx, input);
    ctx.record(`mediation_case:${input.id}:session${sessionId}`);
    return { sessionId };
  },
  'mediation.conclude': (input, ctx) => {
    mayReach(ctx, input.id);
    const agreementNumber = conclude(ctx, input);
    ctx.record(`mediation_case:${input.id}:${input.outcome}`);
    return { agreementNumber };
  },
  'mediation.followUp': (input, ctx) => {
    mayReach(ctx, input.id);
    followUp(ctx, input);
    ctx.record(`mediation_case:${input.id}:followup`);
    return { id: input.id };
  },
  'mediation.archive': ({ id, date, clerk }, ctx) => {
    mayReach(ctx, id);
    archive(ctx, id, date, clerk);
    ctx.record(`mediation_case:${id}:archived`);
    return { id };
  },
  'mediation.settings': (_i, ctx) => mediationSettings(ctx.db),
  'mediation.setSettings': (input, ctx) => {
    ctx.record('settings:mediation');
    return setMediationSettings(ctx.db, input);
  },
  'mediation.attach': (input, ctx) => {
    mayReach(ctx, input.id);
    const out = attach(ctx.db, input, ctx.actor);
    ctx.record(`mediation_case:${input.id}:attachment${out.attachmentId}`);
    return out;
  },
  'mediation.confirmIdentity': ({ id, partyId, attachmentId }, ctx) => {
    mayReach(ctx, id);
    confirmIdentity(ctx, id, partyId, attachmentId);
    ctx.record(`mediation_case:${id}:identity${partyId}`);
    return { id };
  },
  'mediation.attachments': ({ id }, ctx) => {
    mayReach(ctx, id);
    return attachments(ctx.db, id);
  },
  'mediation.attachment': ({ attachmentId }, ctx) => {
    const { caseId, ...file } = attachmentContent(ctx.db, attachmentId);
    mayReach(ctx, caseId);
    ctx.audit('open', `mediation_case:${caseId}:attachment${attachmentId}`);
    return file;
  },
  'mediation.exportStats': async ({ from, to }, ctx) => {
    ctx.audit('export', 'mediation_stats', `${from}..${to}`);
    const s = caseStats(ctx.db, from, to);
    const t = (k: string, p: Record<string, string | number> = {}) => translate('zh-CN', `mediation:${k}`, p);
    const wb = new (await loadExcel()).Workbook();
    const ws = wb.addWorksheet(t('stats.title'));
    ws.addRow([t('stats.printTitle', { committee: '' }).trim(), `${from} — ${to}`]);
    ws.addRow([t('stats.summary', { accepted: s.accepted, succeeded: s.succeeded, rate: s.rate, money: (s.moneyFen / 100).toFixed(2), criminalCases: s.preventCriminalCases, criminalPersons: s.preventCriminalPersons, petitionCases: s.preventPetitionCases, petitionPersons: s.preventPetitionPersons })]);
    for (const [title, rows, label] of [
      [t('stats.byType'), s.byType, (k: string) => k],
      [t('stats.bySource'), s.bySource, (k: string) => t(`source.${k}`)],
    ] as const) {
      ws.addRow([]);
      ws.addRow([title, t('stats.accepted'), t('stats.succeeded'), t('stats.rate')]).font = { bold: true };
      for (const r of rows) ws.addRow([label(r.key), r.accepted, r.succeeded, `${r.rate}%`]);
    }
    ws.getColumn(1).width = 24;
    return { fileName: `${t('stats.printTitle', { committee: '' }).trim()}-${from}-${to}.xlsx`, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
  },
  'mediation.stats': ({ from, to }, ctx) => caseStats(ctx.db, from, to),
};

/** The figures for cases accepted in the period. */
export function caseStats(db: Db, from: string, to: string) {
  const rows = stmt(db, 'SELECT dispute_type, source, outcome, money_fen, prevent_criminal, prevent_petition FROM mediation_cases WHERE accepted_on BETWEEN ? AND ?').all(from, to) as {
    dispute_type: string;
    source: CaseSource;
    outcome: 'written' | 'oral' | 'failed' | null;
    money_fen: number;
    prevent_criminal: number;
    prevent_petition: number;
  }[];
  return statistics(rows.map((r) => ({ disputeType: r.dispute_type, source: r.source, outcome: r.outcome, moneyFen: r.money_fen, preventCriminal: r.prevent_criminal, preventPetition: r.prevent_petition })));
}
