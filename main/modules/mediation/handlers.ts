import type { MethodName } from '../../../shared/contract';
import { statistics, type CaseSource } from '../../../shared/rules/mediation';
import { stmt } from '../../core/ledger';
import type { HandlerMap } from '../../core/dispatch';
import { findResidentsToLink } from '../residents/search';
import { addSession, archive, caseDetail, caseList, conclude, followUp, mayReach, mediatorAccounts, openCase, rightsNotice } from './cases';

type MediationMethod = Extract<MethodName, `mediation.${string}`>;

export const mediationHandlers: HandlerMap<MediationMethod> = {
  'mediation.mediators': (_i, ctx) => mediatorAccounts(ctx.db),
  'mediation.cases': ({ open }, ctx) => caseList(ctx, open),
  'mediation.findResidents': ({ q }, ctx) => findResidentsToLink(ctx.db, q),
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
  'mediation.stats': ({ from, to }, ctx) => {
    const rows = stmt(ctx.db, 'SELECT dispute_type, source, outcome, money_fen, prevent_criminal, prevent_petition FROM mediation_cases WHERE accepted_on BETWEEN ? AND ?').all(from, to) as {
      dispute_type: string;
      source: CaseSource;
      outcome: 'written' | 'oral' | 'failed' | null;
      money_fen: number;
      prevent_criminal: number;
      prevent_petition: number;
    }[];
    return statistics(rows.map((r) => ({ disputeType: r.dispute_type, source: r.source, outcome: r.outcome, moneyFen: r.money_fen, preventCriminal: r.prevent_criminal, preventPetition: r.prevent_petition })));
  },
};
