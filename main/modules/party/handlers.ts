import { mayReveal } from '../../core/session';
import type { MethodName } from '../../../shared/contract';
import { translate, type Language } from '../../../shared/i18n/resources';
import { maskIdNumber } from '../../../shared/rules/mask';
import { todayIso } from '../../../shared/rules/idNumber';
import { yuan } from '../../../shared/rules/party';
import { AppError } from '../../core/errors';
import { loadExcel } from '../../core/excel';
import { plucked, stmt } from '../../core/ledger';
import type { HandlerMap } from '../../core/dispatch';
import { findResidentsToLink } from '../residents/api';
import { addEvent, branchStats, memberInputOf, memberRecord, memberRecords, saveMember, toMemberRow } from './members';
import { extendProbation, fileBoard, fileDetail, openFile, recordStep } from './development';
import { meetingDetail, meetingList, saveMeeting } from './meetings';
import { arrears, duesSheet, duesYear, payDues } from './dues';
import { checkMemberImport, commitMemberImport } from './import';
import { addService, reporter, reporters, saveReporter, servicePosts, serviceSummary, setServicePosts } from './reporting';

type PartyMethod = Extract<MethodName, `party.${string}`>;

export const partyHandlers: HandlerMap<PartyMethod> = {
  'party.branches': (_i, ctx) =>
    (
      stmt(
        ctx.db,
        `SELECT b.id, b.name, b.kind, b.parent_id AS parentId, b.secretary, b.committee,
           (SELECT count(*) FROM party_members m WHERE m.branch_id = b.id AND m.status IN ('normal', 'mobile')) AS members
         FROM party_branches b ORDER BY b.id`,
      ).all() as { id: number; name: string; kind: 'committee' | 'general' | 'branch'; parentId: number | null; secretary: string; committee: string; members: number }[]
    ),
  'party.saveBranch': ({ id, name, kind, parentId, secretary, committee }, ctx) => {
    const clash = plucked(ctx.db, 'SELECT id FROM party_branches WHERE name = ? AND id IS NOT ?').get(name, id ?? null);
    if (clash) throw new AppError('party.branchExists', { name });
    if (parentId !== null && (parentId === id || !stmt(ctx.db, 'SELECT 1 FROM party_branches WHERE id = ?').get(parentId))) throw new AppError('party.branchNotFound', { id: parentId });
    let branchId = id;
    if (branchId === undefined) {
      branchId = Number(stmt(ctx.db, 'INSERT INTO party_branches(name, kind, parent_id, secretary, committee) VALUES (?, ?, ?, ?, ?)').run(name, kind, parentId, secretary, committee).lastInsertRowid);
    } else if (!stmt(ctx.db, 'UPDATE party_branches SET name = ?, kind = ?, parent_id = ?, secretary = ?, committee = ? WHERE id = ?').run(name, kind, parentId, secretary, committee, branchId).changes) {
      throw new AppError('party.branchNotFound', { id: branchId });
    }
    ctx.record(`party_branch:${branchId}`);
    return { id: branchId };
  },
  'party.findResidents': ({ q }, ctx) => findResidentsToLink(ctx.db, q, mayReveal(ctx.session)),
  'party.members': (filters, ctx) => memberRecords(ctx.db, filters).map((m) => toMemberRow(m)),
  'party.member': ({ id }, ctx) => {
    const m = memberRecord(ctx.db, id);
    const events = stmt(ctx.db, 'SELECT id, kind, date, detail, actor FROM party_member_events WHERE member_id = ? ORDER BY date, id').all(id) as {
      id: number;
      kind: string;
      date: string;
      detail: string;
      actor: string;
    }[];
    const { idNumber: _full, ...member } = memberInputOf(m);
    return { member: { ...member, idNumber: maskIdNumber(_full) }, row: toMemberRow(m), events: events.map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, string> })) };
  },
  'party.saveMember': (input, ctx) => {
    if (input.idNumber.includes('*')) {
      // Only an edit can keep a number it never showed in full; a new member needs the real one.
      if (input.id === undefined) throw new AppError('id.maskedNew');
      input.idNumber = memberInputOf(memberRecord(ctx.db, input.id)).idNumber;
    }
    const id = saveMember(ctx.db, input as Parameters<typeof saveMember>[1]);
    ctx.record(`party_member:${id}`);
    return { id };
  },
  'party.changeStatus': ({ id, status, date, certificate, organisation, reason }, ctx) => {
    const m = memberRecord(ctx.db, id);
    if (m.status === status) throw new AppError('party.sameStatus');
    if (date > todayIso()) throw new AppError('validation.futureDate');
    if (status === 'mobile' && !certificate) throw new AppError('party.certificateNeeded');
    if (status === 'transferred_out' && !organisation) throw new AppError('party.destinationNeeded');
    stmt(ctx.db, "UPDATE party_members SET status = ?, updated_at = datetime('now') WHERE id = ?").run(status, id);
    addEvent(ctx.db, id, 'status', date, { from: m.status, to: status, certificate, organisation, reason }, ctx.session.user?.username ?? '');
    ctx.record(`party_member:${id}`);
    return { id };
  },
  'party.stats': ({ branchId }, ctx) => branchStats(ctx.db, branchId),
  'party.roster': (filters, ctx) => {
    ctx.audit('print', 'party_members', JSON.stringify(filters));
    return { rows: memberRecords(ctx.db, filters).map((m) => toMemberRow(m)) };
  },
  'party.exportRoster': async (filters, ctx) => {
    ctx.audit('export', 'party_members', `masked; ${JSON.stringify(filters)}`);
    const lang: Language = 'zh-CN'; // the roster goes to the street office: official names
    const t = (k: string) => translate(lang, `party:${k}`);
    const code = (list: string, v: string) => (v ? translate(lang, `codes:${list}.${v}`) : '');
    const wb = new (await loadExcel()).Workbook();
    const ws = wb.addWorksheet(t('roster.sheet'));
    const columns = ['index', 'name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'education', 'joinDate', 'fullDate', 'category', 'branch', 'partyGroup', 'employer', 'phone', 'status', 'dues'];
    ws.addRow(columns.map((c) => t(`fields.${c}`)));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    const rows = memberRecords(ctx.db, filters).map((m) => toMemberRow(m));
    rows.forEach((r, i) =>
      ws.addRow([
        i + 1,
        r.name,
        code('gender', r.gender),
        code('ethnicity', r.ethnicity),
        r.birthDate.slice(0, 7),
        r.idMasked,
        code('education', r.education),
        r.joinDate,
        r.fullDate,
        t(`category.${r.category}`),
        r.branchName,
        r.partyGroup,
        r.employer,
        r.phoneMasked,
        t(`status.${r.status}`),
        yuan(r.duesFen),
      ]),
    );
    [6, 10, 6, 8, 10, 22, 12, 12, 12, 10, 18, 10, 24, 14, 10, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    return { fileName: `${t('roster.fileName')}-${todayIso()}.xlsx`, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), rows: rows.length };
  },
  'party.files': ({ includeClosed }, ctx) => fileBoard(ctx.db, includeClosed),
  'party.file': ({ id }, ctx) => fileDetail(ctx.db, id),
  'party.openFile': (input, ctx) => {
    const id = openFile(ctx.db, input);
    ctx.record(`party_file:${id}`);
    return { id };
  },
  'party.recordStep': (input, ctx) => {
    const memberId = recordStep(ctx.db, input, ctx.session.user?.username ?? '');
    ctx.record(`party_file:${input.fileId}:step${input.step}`);
    return { memberId };
  },
  'party.extendProbation': ({ fileId, months, reason }, ctx) => {
    const end = extendProbation(ctx.db, fileId, months, reason, ctx.session.user?.username ?? '');
    ctx.record(`party_file:${fileId}`);
    return { probationEnd: end };
  },
  'party.meetings': ({ year, branchId }, ctx) => meetingList(ctx.db, year, branchId),
  'party.meeting': ({ id }, ctx) => meetingDetail(ctx.db, id),
  'party.saveMeeting': (input, ctx) => {
    const id = saveMeeting(ctx.db, input as Parameters<typeof saveMeeting>[1]);
    ctx.record(`party_meeting:${id}`);
    return { id };
  },
  'party.dues': ({ branchId, month }, ctx) => duesSheet(ctx.db, branchId, month),
  'party.payDues': (input, ctx) => {
    const dueFen = payDues(ctx.db, input);
    ctx.record(`party_dues:${input.memberId}:${input.month}`);
    return { dueFen };
  },
  'party.arrears': ({ upTo, branchId }, ctx) => arrears(ctx.db, upTo, branchId),
  'party.importCheck': ({ fileName, base64, branchId }, ctx) => checkMemberImport(ctx.db, fileName, Buffer.from(base64, 'base64'), branchId),
  'party.importCommit': ({ token }, ctx) => {
    const created = commitMemberImport(ctx.db, token);
    ctx.record(`party_members:import:${created}`);
    return { created };
  },
  'party.duesYear': ({ memberId, year }, ctx) => duesYear(ctx.db, memberId, year),
  'party.servicePosts': (_i, ctx) => servicePosts(ctx.db),
  'party.setServicePosts': ({ posts }, ctx) => {
    ctx.record('settings:party_service_posts');
    return setServicePosts(ctx.db, posts);
  },
  'party.reporters': ({ year }, ctx) => reporters(ctx.db, year),
  'party.reporter': ({ id }, ctx) => reporter(ctx.db, id),
  'party.saveReporter': (input, ctx) => {
    const id = saveReporter(ctx.db, input as Parameters<typeof saveReporter>[1]);
    ctx.record(`party_reporter:${id}`);
    return { id };
  },
  'party.addService': (input, ctx) => {
    const id = addService(ctx.db, input, todayIso());
    ctx.record(`party_service:${id}`);
    return { id };
  },
  'party.serviceSummary': ({ employer, quarter }, ctx) => serviceSummary(ctx.db, employer, quarter),
};
