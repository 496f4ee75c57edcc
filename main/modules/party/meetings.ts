import { MEETING_KINDS, type Meeting, type MeetingInput, type MeetingKind } from '../../../shared/contract/party';
import { todayIso } from '../../../shared/rules/idNumber';
import { AppError } from '../../core/errors';
import { type Db, insertRow, plucked, stmt, updateRow } from '../../core/ledger';
import { requireBranch } from './members';

interface MeetingRecord {
  id: number;
  branch_id: number;
  branch_name: string;
  kind: MeetingKind;
  date: string;
  place: string;
  host: string;
  recorder: string;
  topic: string;
  content: string;
  resolutions: string;
}

/** What a meeting's list row and its record both say of it. */
const meetingFields = (m: Omit<MeetingRecord, 'content' | 'resolutions'>) => ({
  id: m.id,
  branchId: m.branch_id,
  branchName: m.branch_name,
  kind: m.kind,
  date: m.date,
  place: m.place,
  host: m.host,
  recorder: m.recorder,
  topic: m.topic,
});

const MEETING_SELECT = 'SELECT m.*, b.name AS branch_name FROM party_meetings m JOIN party_branches b ON b.id = m.branch_id';

export function meetingDetail(db: Db, id: number): Meeting {
  const m = stmt(db, `${MEETING_SELECT} WHERE m.id = ?`).get(id) as MeetingRecord | undefined;
  if (!m) throw new AppError('party.meetingNotFound', { id });
  const attendance = stmt(
    db,
    `SELECT a.member_id AS memberId, iif(r.id IS NULL, pm.name, r.name) AS name, a.present, a.reason
     FROM party_attendance a JOIN party_members pm ON pm.id = a.member_id LEFT JOIN residents r ON r.id = pm.resident_id
     WHERE a.meeting_id = ? ORDER BY pm.party_group, pm.join_date, pm.id`,
  ).all(id) as { memberId: number; name: string; present: number; reason: string }[];
  return {
    ...meetingFields(m),
    content: m.content,
    resolutions: m.resolutions,
    attendance: attendance.map((a) => ({ ...a, present: !!a.present })),
  };
}

/** Attendance is taken from the branch's own list: a name from elsewhere is refused, an absence needs its reason. */
export function saveMeeting(db: Db, input: Required<MeetingInput>): number {
  requireBranch(db, input.branchId);
  if (input.date > todayIso()) throw new AppError('party.meetingInFuture');
  const ofBranch = new Set(plucked(db, 'SELECT id FROM party_members WHERE branch_id = ?').all(input.branchId) as number[]);
  for (const a of input.attendance) {
    if (!ofBranch.has(a.memberId)) throw new AppError('party.notInBranch', { id: a.memberId });
    if (!a.present && !a.reason) throw new AppError('party.absenceReason');
  }
  const row = {
    branch_id: input.branchId,
    kind: input.kind,
    date: input.date,
    place: input.place,
    host: input.host,
    recorder: input.recorder,
    topic: input.topic,
    content: input.content,
    resolutions: input.resolutions,
  };
  let id = input.id;
  if (id === undefined) {
    id = insertRow(db, 'party_meetings', row);
  } else {
    if (!updateRow(db, 'party_meetings', id, row, { touch: true })) throw new AppError('party.meetingNotFound', { id });
    stmt(db, 'DELETE FROM party_attendance WHERE meeting_id = ?').run(id);
  }
  const add = stmt(db, 'INSERT INTO party_attendance(meeting_id, member_id, present, reason) VALUES (?, ?, ?, ?)');
  for (const a of input.attendance) add.run(id, a.memberId, a.present ? 1 : 0, a.present ? '' : a.reason);
  return id;
}

export function meetingList(db: Db, year: number, branchId?: number) {
  const rows = stmt(
    db,
    `SELECT m.id, m.branch_id, b.name AS branch_name, m.kind, m.date, m.place, m.host, m.recorder, m.topic,
       (SELECT count(*) FROM party_attendance a WHERE a.meeting_id = m.id AND a.present = 1) AS present,
       (SELECT count(*) FROM party_attendance a WHERE a.meeting_id = m.id) AS expected
     FROM party_meetings m JOIN party_branches b ON b.id = m.branch_id
     WHERE m.date LIKE ? ${branchId ? 'AND m.branch_id = ?' : ''} ORDER BY m.date DESC, m.id DESC`,
  ).all(`${year}-%`, ...(branchId ? [branchId] : [])) as (Omit<MeetingRecord, 'content' | 'resolutions'> & { present: number; expected: number })[];
  return {
    rows: rows.map((m) => ({
      ...meetingFields(m),
      present: m.present,
      expected: m.expected,
    })),
    calendar: branchId ? meetingCalendar(rows, year, todayIso()) : [],
  };
}

/** Each required kind in each of its periods of the year: held, missing once the period is over, or still open. */
export function meetingCalendar(rows: { kind: MeetingKind; date: string }[], year: number, today: string) {
  const periodOf = (kind: MeetingKind, date: string) => {
    const every = MEETING_KINDS[kind];
    const m = Number(date.slice(5, 7));
    return every === 'month' ? date.slice(0, 7) : every === 'quarter' ? `${date.slice(0, 4)}-Q${Math.ceil(m / 3)}` : date.slice(0, 4);
  };
  const held = new Set(rows.map((r) => `${r.kind}|${periodOf(r.kind, r.date)}`));
  const out: { kind: MeetingKind; period: string; state: 'held' | 'missing' | 'open' }[] = [];
  for (const kind of Object.keys(MEETING_KINDS) as MeetingKind[]) {
    const every = MEETING_KINDS[kind];
    const periods =
      every === 'month'
        ? Array.from({ length: 12 }, (_, i) => [`${year}-${String(i + 1).padStart(2, '0')}`, `${year}-${String(i + 1).padStart(2, '0')}-31`])
        : every === 'quarter'
          ? Array.from({ length: 4 }, (_, i) => [`${year}-Q${i + 1}`, `${year}-${String(i * 3 + 3).padStart(2, '0')}-31`])
          : [[String(year), `${year}-12-31`]];
    for (const [period, lastDay] of periods) {
      const state = held.has(`${kind}|${period}`) ? 'held' : lastDay! < today ? 'missing' : 'open';
      out.push({ kind, period: period!, state });
    }
  }
  return out;
}
