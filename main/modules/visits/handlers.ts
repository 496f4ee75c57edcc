import { mayReveal } from '../../core/session';
import type { MethodName } from '../../../shared/contract';
import { todayIso } from '../../../shared/rules/idNumber';
import { plucked } from '../../core/ledger';
import { findResidentsToLink } from '../residents/api';
import type { HandlerMap } from '../../core/dispatch';
import { dueVisits, logVisit, places, visitList, visitsOfHousehold } from './visits';
import { accept, answer, board, closeOut, confirm, escalate, monthRates, problemDetail, problemList, problemsOfResident, raise, reply, resolve, setVisitSettings, staffAccounts, toMediation, visitSettings, work } from './problems';

type VisitsMethod = Extract<MethodName, `visits.${string}` | `problems.${string}`>;

export const visitsHandlers: HandlerMap<VisitsMethod> = {
  'visits.settings': (_i, ctx) => visitSettings(ctx.db),
  'visits.setSettings': (input, ctx) => {
    ctx.record('settings:visits');
    return setVisitSettings(ctx.db, input);
  },
  'visits.places': (_i, ctx) => places(ctx.db),
  'visits.log': (input, ctx) => {
    const id = logVisit(ctx, input as Parameters<typeof logVisit>[1], todayIso());
    ctx.record(`visit:${id}`);
    return { id };
  },
  'visits.list': (input, ctx) => visitList(ctx.db, input),
  'visits.due': ({ within }, ctx) => dueVisits(ctx.db, within, todayIso()),
  'visits.forResident': ({ residentId }, ctx) => {
    const household = plucked(ctx.db, 'SELECT household_id FROM residents WHERE id = ?').get(residentId) as number | null | undefined;
    return { visits: household ? visitsOfHousehold(ctx.db, household) : [], problems: problemsOfResident(ctx.db, residentId, todayIso()) };
  },
  'problems.raise': (input, ctx) => {
    const out = raise(ctx, input as Parameters<typeof raise>[1], todayIso());
    ctx.record(`problem:${out.id}`);
    return out;
  },
  'problems.list': (input, ctx) => problemList(ctx.db, input, todayIso()),
  'problems.get': ({ id, forPrint }, ctx) => {
    // A printed 吹哨单 names the raiser: it goes into the activity log like every print.
    if (forPrint) ctx.audit('print', `problem:${id}`);
    return problemDetail(ctx, id, todayIso());
  },
  'problems.accept': (input, ctx) => (accept(ctx, input, todayIso()), ctx.record(`problem:${input.id}:accepted`), { id: input.id }),
  'problems.work': (input, ctx) => (work(ctx, input, todayIso()), ctx.record(`problem:${input.id}:inHand`), { id: input.id }),
  'problems.resolve': (input, ctx) => (resolve(ctx, input, todayIso()), ctx.record(`problem:${input.id}:resolved`), { id: input.id }),
  'problems.confirm': (input, ctx) => (confirm(ctx, input, todayIso()), ctx.record(`problem:${input.id}:${input.outcome}`), { id: input.id }),
  'problems.answer': (input, ctx) => (answer(ctx, input, todayIso()), ctx.record(`problem:${input.id}:answered`), { id: input.id }),
  'problems.close': (input, ctx) => (closeOut(ctx, input, todayIso()), ctx.record(`problem:${input.id}:${input.how}`), { id: input.id }),
  'problems.escalate': (input, ctx) => {
    const escalationId = escalate(ctx, input, todayIso());
    ctx.record(`problem:${input.id}:escalated${escalationId}`);
    return { escalationId };
  },
  'problems.reply': (input, ctx) => {
    const id = reply(ctx, input, todayIso());
    ctx.record(`problem:${id}:reply${input.escalationId}`);
    return { id };
  },
  'problems.toMediation': (input, ctx) => {
    const out = toMediation(ctx, input, todayIso());
    ctx.record(`problem:${input.id}:mediation_case:${out.caseId}`);
    return out;
  },
  'problems.board': ({ date, forPrint }, ctx) => {
    if (forPrint) ctx.audit('print', 'problem_board', date);
    return board(ctx.db, date);
  },
  'problems.rates': ({ month }, ctx) => monthRates(ctx.db, month),
  'problems.staff': (_i, ctx) => staffAccounts(ctx.db),
  'visits.findResidents': ({ q }, ctx) => findResidentsToLink(ctx.db, q, mayReveal(ctx.session)),
};
