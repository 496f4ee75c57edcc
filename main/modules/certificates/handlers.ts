import { mayReveal } from '../../core/session';
import type { MethodName } from '../../../shared/contract';
import { unknownPlaceholders } from '../../../shared/rules/certificates';
import { listRefusals, refusedKind, removeRefusal, saveRefusal } from './refusals';
import { translate } from '../../../shared/i18n/resources';
import { todayIso } from '../../../shared/rules/idNumber';
import { AppError } from '../../core/errors';
import { loadExcel } from '../../core/excel';
import { plucked, stmt } from '../../core/ledger';
import type { HandlerMap } from '../../core/dispatch';
import { findResidentsToLink } from '../residents/api';
import { approve, certificateById, draft, issue, itemById, items, monthlyCounts, refuse, register, verify, voidCertificate } from './register';

type CertMethod = Extract<MethodName, `certs.${string}`>;

export const certificatesHandlers: HandlerMap<CertMethod> = {
  'certs.findResidents': ({ q }, ctx) => findResidentsToLink(ctx.db, q, mayReveal(ctx.session)),
  'certs.items': ({ all }, ctx) => items(ctx.db, all),
  'certs.saveItem': (input, ctx) => {
    // An item the committee must not issue cannot be put on its list under any name.
    const banned = refusedKind(ctx.db, input.name);
    if (banned) throw new AppError('certs.itemAbolished', { name: banned.name });
    const unknown = unknownPlaceholders(input.template);
    if (unknown.length) throw new AppError('certs.unknownPlaceholder', { names: unknown.join('、') });
    const clash = plucked(ctx.db, 'SELECT id FROM cert_items WHERE name = ? AND id IS NOT ?').get(input.name, input.id ?? null);
    if (clash) throw new AppError('certs.itemExists', { name: input.name });
    const row = [input.name, input.basis, JSON.stringify(input.purposes), JSON.stringify(input.checks), input.needsApproval ? 1 : 0, input.fullId ? 1 : 0, input.template, input.active ? 1 : 0];
    let id = input.id;
    if (id === undefined) {
      id = Number(stmt(ctx.db, 'INSERT INTO cert_items(name, basis, purposes, checks, needs_approval, full_id, template, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(...row).lastInsertRowid);
    } else {
      itemById(ctx.db, id);
      stmt(ctx.db, 'UPDATE cert_items SET name = ?, basis = ?, purposes = ?, checks = ?, needs_approval = ?, full_id = ?, template = ?, active = ? WHERE id = ?').run(...row, id);
    }
    ctx.record(`cert_item:${id}`);
    return { id };
  },
  'certs.refusals': (_i, ctx) => listRefusals(ctx.db),
  'certs.saveRefusal': (input, ctx) => {
    const key = saveRefusal(ctx.db, input);
    ctx.record(`cert_refusal:${key}`);
    return { key };
  },
  'certs.removeRefusal': ({ key }, ctx) => {
    removeRefusal(ctx.db, key);
    ctx.record(`cert_refusal:${key}`);
    return { key };
  },
  'certs.request': ({ requested, residentId }, ctx) => {
    // The abolished part of a request is looked for first: 居住及收入证明 is refused for the 收入.
    const banned = refusedKind(ctx.db, requested);
    if (!banned) {
      const own = items(ctx.db, false).find((i) => i.name === requested.trim() || requested.includes(i.name.replace(/证明$/, '')));
      if (own) return { refused: false, name: own.name, instead: '', itemId: own.id, registerId: null };
      throw new AppError('certs.notOnList', { requested });
    }
    const registerId = refuse(ctx.db, requested, banned.name, banned.instead, residentId, ctx.actor);
    ctx.record(`certificate:${registerId}:refused`);
    return { refused: true, name: banned.name, instead: banned.instead, itemId: null, registerId };
  },
  'certs.draft': (input, ctx) => {
    const id = draft(ctx.db, input, ctx.actor);
    ctx.record(`certificate:${id}`);
    return { id };
  },
  'certs.approve': ({ id }, ctx) => {
    approve(ctx.db, id, ctx.actor);
    ctx.record(`certificate:${id}:approved`);
    return { id };
  },
  'certs.issue': ({ id }, ctx) => {
    const out = issue(ctx.db, id, ctx.session.user?.username ?? '');
    ctx.record(`certificate:${id}:${out.number}`);
    return out;
  },
  'certs.void': ({ id, reason }, ctx) => {
    voidCertificate(ctx.db, id, reason);
    ctx.record(`certificate:${id}:void`);
    return { id };
  },
  'certs.get': ({ id, forPrint }, ctx) => {
    const c = certificateById(ctx.db, id);
    if (forPrint) ctx.audit('print', `certificate:${id}`, c.number ?? 'draft');
    return c;
  },
  'certs.verify': ({ number, code }, ctx) => verify(ctx.db, number, code),
  'certs.register': (filters, ctx) => register(ctx.db, filters),
  'certs.exportRegister': async (filters, ctx) => {
    ctx.audit('export', 'certificates', JSON.stringify(filters));
    const t = (k: string) => translate('zh-CN', `certificates:${k}`);
    const wb = new (await loadExcel()).Workbook();
    const ws = wb.addWorksheet(t('register.sheet'));
    const columns = ['number', 'date', 'item', 'person', 'purpose', 'handler', 'approver', 'status', 'remark'];
    ws.addRow(columns.map((c) => t(`register.columns.${c}`)));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const c of register(ctx.db, filters))
      ws.addRow([c.number ?? '', c.issuedAt || c.createdAt.slice(0, 10), c.itemName, c.personName, c.purpose, c.handler, c.approver, t(`status.${c.status}`), c.voidReason || c.refusal || (c.reissueOfNumber ? `${t('register.reissueOf')} ${c.reissueOfNumber}` : '')]);
    [16, 12, 16, 10, 16, 10, 10, 8, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    return { fileName: `${t('register.sheet')}-${todayIso()}.xlsx`, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
  },
  'certs.stats': ({ year }, ctx) => monthlyCounts(ctx.db, year),
};
