import { mayReveal } from '../../core/session';
import type { Output } from '../../../shared/contract';
import type { Permission } from '../../../shared/contract/define';
import { stmt } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { findResidentsToLink } from '../residents/api';
import { caseList } from '../mediation/api';

type Group = Output<'desk.search'>[number];
const PER_GROUP = 8;
/** `%q%` for a LIKE, with the user's own % and _ taken literally. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Each group searched only for a user who may open its module, through the module's own reading rules
 * (residents by the routed index, a mediator's own cases only). The small registers are matched by
 * number or text; residents by name, pinyin or ID as in the ledger's own search box.
 */
const GROUPS: { group: Group['group']; permission: Permission; find: (ctx: CallContext, q: string) => Group['items'] }[] = [
  {
    group: 'residents',
    permission: 'residents.view',
    find: (ctx, q) => findResidentsToLink(ctx.db, q, mayReveal(ctx.session)).slice(0, PER_GROUP).map((r) => ({ title: r.name, detail: [r.idMasked, r.address].filter(Boolean).join(' · '), link: `residents/${r.id}` })),
  },
  {
    group: 'households',
    permission: 'residents.view',
    find: (ctx, q) =>
      (stmt(ctx.db, `SELECT h.id, h.number, coalesce(r.name, '') AS head, coalesce(r.address, '') AS address FROM households h LEFT JOIN residents r ON r.id = h.head_id WHERE h.number >= ? AND h.number < ? ORDER BY h.number LIMIT ${PER_GROUP}`).all(q.toUpperCase(), `${q.toUpperCase()}\u007f`) as { id: number; number: string; head: string; address: string }[]).map((h) => ({ title: h.number, detail: [h.head, h.address].filter(Boolean).join(' · '), link: `households/${h.id}` })),
  },
  {
    group: 'members',
    permission: 'party.view',
    find: (ctx, q) =>
      (stmt(ctx.db, `SELECT m.id, coalesce(r.name, m.name) AS name, b.name AS branch FROM party_members m LEFT JOIN residents r ON r.id = m.resident_id JOIN party_branches b ON b.id = m.branch_id WHERE coalesce(r.name, m.name) LIKE ? ESCAPE '\\' ORDER BY m.id LIMIT ${PER_GROUP}`).all(contains(q)) as { id: number; name: string; branch: string }[]).map((m) => ({ title: m.name, detail: m.branch, link: 'party/roster' })),
  },
  {
    group: 'cases',
    permission: 'mediation.work',
    find: (ctx, q) =>
      caseList(ctx, false)
        .filter((c) => c.number.includes(q) || c.parties.includes(q))
        .slice(0, PER_GROUP)
        .map((c) => ({ title: c.number, detail: `${c.disputeType} · ${c.parties}`, link: `mediation/${c.id}` })),
  },
  {
    group: 'certificates',
    permission: 'certificates.issue',
    find: (ctx, q) =>
      (stmt(ctx.db, `SELECT number, item_name, person_name FROM certificates WHERE number LIKE ? ESCAPE '\\' OR person_name LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ${PER_GROUP}`).all(contains(q), contains(q)) as { number: string | null; item_name: string; person_name: string }[]).map((c) => ({ title: c.number ?? c.item_name, detail: `${c.item_name} · ${c.person_name}`, link: 'certificates/register' })),
  },
  {
    group: 'needs',
    permission: 'lists.view',
    find: (ctx, q) =>
      (stmt(ctx.db, `SELECT id, number, content, beneficiary FROM list_needs WHERE number LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\' OR beneficiary LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ${PER_GROUP}`).all(contains(q), contains(q), contains(q)) as { id: number; number: string; content: string; beneficiary: string }[]).map((n) => ({ title: `${n.number} ${n.content}`, detail: n.beneficiary, link: `lists/need/${n.id}` })),
  },
  {
    group: 'problems',
    permission: 'visits.view',
    find: (ctx, q) =>
      (stmt(ctx.db, `SELECT id, number, content, hotline_ticket FROM problems WHERE number LIKE ? ESCAPE '\\' OR hotline_ticket LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ${PER_GROUP}`).all(contains(q), contains(q), contains(q)) as { id: number; number: string; content: string; hotline_ticket: string }[]).map((p) => ({ title: `${p.number} ${p.content}`, detail: p.hotline_ticket, link: `visits/problem/${p.id}` })),
  },
];

export function searchEverything(ctx: CallContext, q: string): Group[] {
  return GROUPS.filter((g) => ctx.session.permissions.has(g.permission))
    .map((g) => ({ group: g.group, items: g.find(ctx, q.trim()) }))
    .filter((g) => g.items.length > 0);
}
