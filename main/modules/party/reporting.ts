import { DEFAULT_SERVICE_POSTS, type ReporterInput, type ReporterRow } from '../../../shared/contract/party';
import { maskPhone } from '../../../shared/rules/mask';
import { AppError } from '../../core/errors';
import { type Db, getSetting, insertRow, plucked, setSetting, stmt, updateRow } from '../../core/ledger';

/** 在职党员进社区报到: members employed elsewhere, the posts they claim, the service they give. */
export function servicePosts(db: Db): string[] {
  const stored = getSetting(db, 'party_service_posts');
  return stored ? (JSON.parse(stored) as string[]) : DEFAULT_SERVICE_POSTS;
}

export function setServicePosts(db: Db, posts: string[]): string[] {
  const unique = [...new Set(posts)];
  setSetting(db, 'party_service_posts', JSON.stringify(unique));
  return unique;
}

interface ReporterRecord {
  id: number;
  resident_id: number | null;
  name: string;
  gender: string;
  phone: string;
  employer: string;
  employer_org: string;
  employer_contact: string;
  posts: string;
  reported_on: string;
  note: string;
  services: number;
  hours: number;
}

const REPORTER_SELECT = `SELECT p.*,
  (SELECT count(*) FROM party_services s WHERE s.reporter_id = p.id AND s.date LIKE @year) AS services,
  (SELECT coalesce(sum(s.hours), 0) FROM party_services s WHERE s.reporter_id = p.id AND s.date LIKE @year) AS hours
  FROM party_reporters p`;

const toRow = (r: ReporterRecord): ReporterRow => ({
  id: r.id,
  residentId: r.resident_id,
  name: r.name,
  gender: r.gender,
  phoneMasked: maskPhone(r.phone),
  employer: r.employer,
  employerOrg: r.employer_org,
  employerContact: r.employer_contact,
  posts: JSON.parse(r.posts) as string[],
  reportedOn: r.reported_on,
  note: r.note,
  services: r.services,
  hours: r.hours,
});

/** Not yet reported first (the year-end evaluation asks about them), then those who gave no service this year. */
export function reporters(db: Db, year: number): ReporterRow[] {
  const rows = stmt(db, `${REPORTER_SELECT} ORDER BY p.reported_on = '' DESC, p.employer, p.name`).all({ year: `${year}-%` }) as ReporterRecord[];
  return rows.map(toRow);
}

export function reporter(db: Db, id: number): ReporterRow {
  const r = stmt(db, `${REPORTER_SELECT} WHERE p.id = @id`).get({ id, year: `${new Date().getFullYear()}-%` }) as ReporterRecord | undefined;
  if (!r) throw new AppError('party.reporterNotFound', { id });
  return toRow(r);
}

export function saveReporter(db: Db, input: Required<ReporterInput>): number {
  const allowed = new Set(servicePosts(db));
  const unknown = input.posts.find((p) => !allowed.has(p));
  if (unknown) throw new AppError('party.unknownPost', { post: unknown });
  if (input.reportedOn && input.posts.length === 0) throw new AppError('party.postNeeded');
  if (input.residentId !== null && !stmt(db, 'SELECT 1 FROM residents WHERE id = ?').get(input.residentId)) throw new AppError('resident.notFound', { id: input.residentId });
  // The form never holds a stored phone in full (need-to-know): left empty on an edit, the number stays.
  const keptPhone = input.id !== undefined && !input.phone ? (plucked(db, 'SELECT phone FROM party_reporters WHERE id = ?').get(input.id) as string | undefined) : undefined;
  const row = {
    resident_id: input.residentId,
    name: input.name,
    gender: input.gender,
    phone: keptPhone ?? input.phone,
    employer: input.employer,
    employer_org: input.employerOrg,
    employer_contact: input.employerContact,
    posts: JSON.stringify(input.posts),
    reported_on: input.reportedOn,
    note: input.note,
  };
  if (input.id === undefined) return insertRow(db, 'party_reporters', row);
  if (!updateRow(db, 'party_reporters', input.id, row)) throw new AppError('party.reporterNotFound', { id: input.id });
  return input.id;
}

export function addService(db: Db, input: { reporterId: number; date: string; post: string; hours: number; content: string }, today: string): number {
  const r = reporter(db, input.reporterId);
  if (!r.reportedOn) throw new AppError('party.notReported');
  if (input.date > today) throw new AppError('validation.futureDate');
  if (input.date < r.reportedOn) throw new AppError('party.serviceBeforeReport', { date: r.reportedOn });
  return Number(stmt(db, 'INSERT INTO party_services(reporter_id, date, post, hours, content) VALUES (?, ?, ?, ?, ?)').run(input.reporterId, input.date, input.post, input.hours, input.content).lastInsertRowid);
}

export function serviceSummary(db: Db, employer: string, quarter: string) {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  const to = `${year}-${String(q * 3).padStart(2, '0')}-31`;
  const people = stmt(db, 'SELECT id, name, posts, employer_org FROM party_reporters WHERE employer = ? ORDER BY name').all(employer) as { id: number; name: string; posts: string; employer_org: string }[];
  if (!people.length) throw new AppError('party.employerUnknown', { employer });
  const services = stmt(db, 'SELECT date, post, hours, content FROM party_services WHERE reporter_id = ? AND date BETWEEN ? AND ? ORDER BY date');
  return {
    employer,
    employerOrg: people.find((p) => p.employer_org)?.employer_org ?? '',
    quarter,
    members: people.map((p) => {
      const list = services.all(p.id, from, to) as { date: string; post: string; hours: number; content: string }[];
      return { name: p.name, posts: JSON.parse(p.posts) as string[], services: list, hours: list.reduce((s, x) => s + x.hours, 0) };
    }),
  };
}

/** The reporting members as the volunteer corps takes them in: who, how to reach them, where they work. */
export function reportersForCorps(db: Db): { id: number; residentId: number | null; name: string; phone: string; employer: string; reportedOn: string }[] {
  return stmt(db, "SELECT id, resident_id AS residentId, name, phone, employer, reported_on AS reportedOn FROM party_reporters WHERE reported_on != '' ORDER BY id").all() as { id: number; residentId: number | null; name: string; phone: string; employer: string; reportedOn: string }[];
}

/** Their service in a period (services for the two lists' needs are written here too, linked back). */
export function reporterServices(db: Db, from: string, to: string): { reporterId: number; date: string; post: string; hours: number; content: string; fromLists: boolean }[] {
  return (stmt(db, 'SELECT reporter_id AS reporterId, date, post, hours, content, list_service_id IS NOT NULL AS fromLists FROM party_services WHERE date BETWEEN ? AND ? ORDER BY date, id').all(from, to) as { reporterId: number; date: string; post: string; hours: number; content: string; fromLists: number }[]).map((s) => ({ ...s, fromLists: s.fromLists === 1 }));
}
