import { mayReveal } from '../../core/session';
import type { MethodName } from '../../../shared/contract';
import { todayIso } from '../../../shared/rules/idNumber';
import { translate } from '../../../shared/i18n/resources';
import { getSetting, stmt } from '../../core/ledger';
import { tableFile } from '../../core/excel';
import type { HandlerMap } from '../../core/dispatch';
import { findResidentsToLink } from '../residents/api';
import { categories, needDetail, needRows, saveCategory, saveNeed, withdraw } from './needs';
import { candidates, confirm, needsFor, proposeAll, resourceRows, saveResource } from './matching';
import { addService, cancelMatch, claim, complete, feedback } from './services';
import { measures } from './measures';
import { checkListImport, commitListImport } from './import';

type ListsMethod = Extract<MethodName, `lists.${string}`>;
/** Sheets go to the street office and the notice board: official (zh-CN) names. */
const t = (k: string, p: Record<string, string | number> = {}) => translate('zh-CN', `lists:${k}`, p);

export const listsHandlers: HandlerMap<ListsMethod> = {
  'lists.categories': (_i, ctx) => categories(ctx.db),
  'lists.saveCategory': (input, ctx) => {
    const id = saveCategory(ctx.db, input);
    ctx.record(`list_category:${id}`);
    return { id };
  },
  'lists.needs': ({ forPrint, ...filters }, ctx) => {
    if (forPrint) ctx.audit('print', 'list_needs', `masked; ${JSON.stringify(filters)}`);
    return needRows(ctx.db, filters, todayIso());
  },
  'lists.need': ({ id, forPrint }, ctx) => {
    if (forPrint) ctx.audit('print', `list_need:${id}`);
    return needDetail(ctx.db, id, todayIso());
  },
  'lists.saveNeed': (input, ctx) => {
    const out = saveNeed(ctx, input as Parameters<typeof saveNeed>[1], todayIso());
    ctx.record(`list_need:${out.id}`);
    return out;
  },
  'lists.withdraw': ({ id, reason }, ctx) => {
    withdraw(ctx, id, reason, todayIso());
    ctx.record(`list_need:${id}:withdrawn`);
    return { id };
  },
  'lists.resources': ({ forPrint, ...filters }, ctx) => {
    if (forPrint) ctx.audit('print', 'list_resources', JSON.stringify(filters));
    return resourceRows(ctx.db, filters, todayIso());
  },
  'lists.saveResource': (input, ctx) => {
    const id = saveResource(ctx.db, input as Parameters<typeof saveResource>[1]);
    ctx.record(`list_resource:${id}`);
    return { id };
  },
  'lists.candidates': ({ needId }, ctx) => candidates(ctx.db, needId, todayIso()),
  'lists.needsFor': ({ resourceId }, ctx) => needsFor(ctx.db, resourceId, todayIso()),
  'lists.proposeAll': (_i, ctx) => proposeAll(ctx.db, todayIso()),
  'lists.confirm': ({ items, date }, ctx) => {
    const confirmed = confirm(ctx, items, date, todayIso());
    ctx.record(`list_matches:${items.map((i) => `${i.needId}>${i.resourceId}`).join(',').slice(0, 400)}`);
    return { confirmed };
  },
  'lists.cancelMatch': ({ needId, reason }, ctx) => {
    cancelMatch(ctx, needId, reason, todayIso());
    ctx.record(`list_need:${needId}:unmatched`);
    return { id: needId };
  },
  'lists.claim': (input, ctx) => {
    claim(ctx, input, todayIso());
    ctx.record(`list_need:${input.needId}:claimed`);
    return { id: input.needId };
  },
  'lists.addService': (input, ctx) => {
    const serviceId = addService(ctx, input, todayIso());
    ctx.record(`list_need:${input.needId}:service${serviceId}`);
    return { serviceId };
  },
  'lists.complete': ({ needId, date }, ctx) => {
    complete(ctx, needId, date, todayIso());
    ctx.record(`list_need:${needId}:done`);
    return { id: needId };
  },
  'lists.feedback': (input, ctx) => {
    feedback(ctx, input, todayIso());
    ctx.record(`list_need:${input.needId}:feedback`);
    return { id: input.needId };
  },
  'lists.measures': ({ from, to }, ctx) => measures(ctx.db, from, to),
  'lists.findResidents': ({ q }, ctx) => {
    const found = findResidentsToLink(ctx.db, q, mayReveal(ctx.session));
    const place = stmt(ctx.db, 'SELECT household_id AS householdId, grid_id AS gridId FROM residents WHERE id = ?');
    return found.map((r) => ({ ...r, ...(place.get(r.id) as { householdId: number | null; gridId: number | null }) }));
  },
  'lists.choices': (_i, ctx) => ({
    reporters: stmt(ctx.db, 'SELECT id, name, employer FROM party_reporters ORDER BY name').all() as { id: number; name: string; employer: string }[],
    grids: stmt(ctx.db, 'SELECT id, name FROM grids ORDER BY id').all() as { id: number; name: string }[],
  }),
  'lists.export': async ({ list }, ctx) => {
    ctx.audit('export', `list_${list}`, 'masked');
    const today = todayIso();
    const community = getSetting(ctx.db, 'community_name') ?? '';
    if (list === 'needs') {
      const rows = needRows(ctx.db, { state: 'all' }, today);
      return tableFile(
        `${t('print.needsTitle', { community })}-${today}.xlsx`,
        t('print.needsTitle', { community: '' }),
        ['number', 'category', 'content', 'beneficiary', 'grid', 'urgency', 'raisedOn', 'wantedBy', 'state', 'provider'].map((c) => t(`fields.${c}`)),
        rows.map((r) => [r.number, r.category, r.content, r.beneficiaryMasked, r.grid, t(`urgency.${r.urgency}`), r.raisedOn, r.wantedBy, t(`state.${r.state}`), r.provider]),
        [14, 12, 40, 12, 12, 8, 12, 12, 10, 20],
      );
    }
    const rows = resourceRows(ctx.db, { activeOnly: false }, today);
    return tableFile(
      `${t('print.resourcesTitle', { community })}-${today}.xlsx`,
      t('print.resourcesTitle', { community: '' }),
      ['provider', 'providerKind', 'category', 'resourceContent', 'capacity', 'times', 'grids', 'contact', 'active'].map((c) => t(`fields.${c}`)),
      rows.map((r) => [r.provider, t(`kind.${r.providerKind}`), r.category, r.content, t(`period.${r.capacityPeriod}`, { count: r.capacity }), r.times, r.grids || t('fields.allGrids'), [r.contact, r.phoneMasked].filter(Boolean).join(' '), r.active ? t('fields.yes') : t('fields.no')]),
      [20, 10, 12, 40, 12, 16, 16, 20, 6],
    );
  },
  'lists.importCheck': async ({ list, fileName, base64 }, ctx) => checkListImport(ctx.db, list, fileName, Buffer.from(base64, 'base64')),
  'lists.importCommit': ({ token }, ctx) => {
    const created = commitListImport(ctx, token);
    ctx.record(`list_import:${created}`);
    return { created };
  },
};
