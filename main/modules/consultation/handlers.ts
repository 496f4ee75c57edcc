import type { MethodName } from '../../../shared/contract';
import { todayIso } from '../../../shared/rules/idNumber';
import { AppError } from '../../core/errors';
import { mayReveal } from '../../core/session';
import type { CallContext, HandlerMap } from '../../core/dispatch';
import { findResidentsWithBuilding } from '../residents/api';
import { problemDetail } from '../visits/api';
import { needDetail } from '../lists/api';
import { assign, carryOut, choose, consultationSettings, feedback, linked, matterDetail, matterList, meet, notice, propose, publish, review, setConsultationSettings, yearReport } from './matters';

type ConsultationMethod = Extract<MethodName, `consultation.${string}`>;

/** Each step names its matter in the activity log: `consult_matter:<id>:<step>`. */
const stepped =
  <I extends { id: number }>(step: string, take: (ctx: CallContext, input: I, today: string) => unknown) =>
  (input: I, ctx: CallContext) => {
    take(ctx, input, todayIso());
    ctx.record(`consult_matter:${input.id}:${step}`);
    return { id: input.id };
  };

/** A problem or a need, as the matter it becomes: what it is about, who raised it, where. */
function fromRecord(ctx: CallContext, kind: 'problem' | 'need', id: number) {
  const today = todayIso();
  if (kind === 'problem') {
    if (!ctx.session.permissions.has('visits.view')) throw new AppError('call.forbidden');
    const p = problemDetail(ctx, id, today);
    return { number: p.number, content: p.content, raiser: p.anonymous ? '' : p.raiser, residentId: p.anonymous ? null : p.residentId, source: 'problem' as const };
  }
  if (!ctx.session.permissions.has('lists.view')) throw new AppError('call.forbidden');
  const n = needDetail(ctx.db, id, today);
  return { number: n.number, content: n.content, raiser: n.beneficiary, residentId: n.residentId, source: 'need' as const };
}

export const consultationHandlers: HandlerMap<ConsultationMethod> = {
  'consultation.settings': (_i, ctx) => consultationSettings(ctx.db),
  'consultation.setSettings': (input, ctx) => {
    ctx.record('settings:consultation');
    return setConsultationSettings(ctx.db, input);
  },
  'consultation.list': (input, ctx) => matterList(ctx.db, input, todayIso()),
  'consultation.get': ({ id, forPrint }, ctx) => {
    if (forPrint) ctx.audit('print', `consult_matter:${id}`);
    return matterDetail(ctx.db, id, todayIso());
  },
  'consultation.propose': (input, ctx) => {
    const out = propose(ctx, input as Parameters<typeof propose>[1], todayIso());
    ctx.record(`consult_matter:${out.id}`);
    return out;
  },
  'consultation.review': stepped('review', review),
  'consultation.choose': stepped('choose', choose),
  'consultation.notice': stepped('notice', notice),
  'consultation.meet': stepped('meet', meet),
  'consultation.publish': stepped('publish', publish),
  'consultation.assign': stepped('assign', assign),
  'consultation.carryOut': stepped('carryOut', carryOut),
  'consultation.feedback': stepped('feedback', feedback),
  'consultation.fromRecord': ({ kind, recordId, date, title, form }, ctx) => {
    const r = fromRecord(ctx, kind, recordId);
    if (!r.raiser) throw new AppError('consultation.anonymousSource');
    const out = propose(ctx, { date, title, content: r.content, source: r.source, raiser: r.raiser, residentId: r.residentId, form, buildingIds: [], scope: '', sourceKind: kind, sourceId: recordId, sourceNumber: r.number }, todayIso());
    ctx.record(`${kind}:${recordId}:consult_matter:${out.id}`);
    return out;
  },
  'consultation.linked': ({ kind, recordId }, ctx) => linked(ctx.db, kind, recordId),
  'consultation.report': ({ year, forPrint }, ctx) => {
    if (forPrint) ctx.audit('print', 'consult_register', String(year));
    return yearReport(ctx.db, year, todayIso());
  },
  'consultation.findResidents': ({ q }, ctx) => findResidentsWithBuilding(ctx.db, q, mayReveal(ctx.session)),
};
