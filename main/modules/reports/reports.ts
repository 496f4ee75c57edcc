import type { Report, ReportKind } from '../../../shared/contract/reports';
import { translate, type Language } from '../../../shared/i18n/resources';
import { CODE_LISTS, HIGH_AGE, type CodeListName } from '../../../shared/rules/codes';
import { ageOn } from '../../../shared/rules/idNumber';
import { yuan } from '../../../shared/rules/party';
import { MEETING_KINDS } from '../../../shared/contract/party';
import { AppError } from '../../core/errors';
import { plucked, getSetting, stmt, type Db } from '../../core/ledger';
import { branchStats } from '../party/api';
import { caseStats } from '../mediation/api';
import { measures } from '../lists/api';
import { paperDate } from '../../../shared/rules/dates';

export interface ReportInput {
  from: string;
  to: string;
  gridId?: number;
  branchId?: number;
  language: Language;
}
type Tr = (key: string, params?: Record<string, string | number>) => string;
type Body = Omit<Report, 'title' | 'subtitle' | 'file'>;

const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '–');
const codeLabel = (lang: Language, list: CodeListName, code: string) => (code ? translate(lang, `codes:${list}.${code}`) : '') || code;

/** 人口年龄段 as the statistics bureau's tables group them: children, school age, working age, the old, the very old. */
const POPULATION_BANDS: [string, number][] = [
  ['0-6', 6],
  ['7-17', 17],
  ['18-34', 34],
  ['35-59', 59],
  ['60-79', 79],
  [`${HIGH_AGE}+`, Infinity],
];
const bandOf = (age: number) => POPULATION_BANDS.findIndex(([, upTo]) => age <= upTo);

/** 人口统计: the people living here on the last day of the period, and the moves within it. */
function population(db: Db, f: ReportInput, t: Tr): Body {
  if (f.gridId && !stmt(db, 'SELECT 1 FROM grids WHERE id = ?').get(f.gridId)) throw new AppError('reports.noSuchGrid');
  const scope = f.gridId ? 'AND r.grid_id = @grid' : '';
  const people = stmt(
    db,
    `SELECT r.id, r.gender, r.birth_date, r.ethnicity, r.residence_type, r.household_id, coalesce(g.name, '') AS grid
     FROM residents r LEFT JOIN grids g ON g.id = r.grid_id WHERE r.status = 'active' ${scope}`,
  ).all({ grid: f.gridId ?? null }) as { id: number; gender: string; birth_date: string; ethnicity: string; residence_type: string; household_id: number | null; grid: string }[];
  const tags = new Map<number, string[]>();
  for (const row of stmt(db, `SELECT t.resident_id AS id, t.tag FROM resident_tags t JOIN residents r ON r.id = t.resident_id WHERE r.status = 'active' ${scope}`).all({ grid: f.gridId ?? null }) as { id: number; tag: string }[])
    (tags.get(row.id) ?? tags.set(row.id, []).get(row.id)!).push(row.tag);
  const moves = stmt(
    db,
    `SELECT e.kind, count(DISTINCT e.resident_id) AS n FROM resident_events e JOIN residents r ON r.id = e.resident_id
     WHERE e.kind IN ('moved_in', 'moved_out', 'died') AND e.date BETWEEN @from AND @to ${scope} GROUP BY e.kind`,
  ).all({ from: f.from, to: f.to, grid: f.gridId ?? null }) as { kind: string; n: number }[];
  const moved = (kind: string) => moves.find((m) => m.kind === kind)?.n ?? 0;

  const total = people.length;
  const bands = POPULATION_BANDS.map(() => ({ male: 0, female: 0, other: 0 }));
  const count = (key: (p: (typeof people)[number]) => string) => {
    const m = new Map<string, number>();
    for (const p of people) m.set(key(p), (m.get(key(p)) ?? 0) + 1);
    return m;
  };
  for (const p of people) {
    const b = bands[p.birth_date ? Math.max(0, bandOf(ageOn(p.birth_date, f.to))) : 0]!;
    if (p.gender === '1') b.male++;
    else if (p.gender === '2') b.female++;
    else b.other++;
  }
  const coded = (list: CodeListName, m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => [codeLabel(f.language, list, code) || t('none'), n, percent(n, total)]);
  const careCounts = new Map<string, number>();
  for (const list of tags.values()) for (const tag of list) careCounts.set(tag, (careCounts.get(tag) ?? 0) + 1);
  const byGrid = new Map<string, { people: number; households: Set<number>; old: number; veryOld: number; care: number }>();
  for (const p of people) {
    const g = byGrid.get(p.grid) ?? byGrid.set(p.grid, { people: 0, households: new Set(), old: 0, veryOld: 0, care: 0 }).get(p.grid)!;
    g.people++;
    if (p.household_id) g.households.add(p.household_id);
    const age = p.birth_date ? ageOn(p.birth_date, f.to) : 0;
    if (age >= 60) g.old++;
    if (age >= HIGH_AGE) g.veryOld++;
    if (tags.has(p.id)) g.care++;
  }
  // Grids in the community's own order (第一, 第二 …), people without a grid last.
  const gridOrder = new Map((plucked(db, 'SELECT name FROM grids ORDER BY id').all() as string[]).map((n, i) => [n, i]));
  const order = (grid: string) => gridOrder.get(grid) ?? Number.MAX_SAFE_INTEGER;
  const households = new Set(people.map((p) => p.household_id).filter((h) => h !== null)).size;
  const male = people.filter((p) => p.gender === '1').length;
  return {
    figures: [
      { label: t('population.people'), value: total },
      { label: t('population.households'), value: households },
      { label: t('population.male'), value: male },
      { label: t('population.female'), value: people.filter((p) => p.gender === '2').length },
      { label: t('population.movedIn'), value: moved('moved_in') },
      { label: t('population.movedOut'), value: moved('moved_out') },
      { label: t('population.died'), value: moved('died') },
    ],
    tables: [
      {
        title: t('population.byAge'),
        columns: [t('population.ageBand'), t('population.male'), t('population.female'), t('population.total'), t('population.share')],
        rows: [
          ...POPULATION_BANDS.map(([band], i) => [band, bands[i]!.male, bands[i]!.female, bands[i]!.male + bands[i]!.female + bands[i]!.other, percent(bands[i]!.male + bands[i]!.female + bands[i]!.other, total)]),
          [t('population.total'), male, total - male - bands.reduce((s, b) => s + b.other, 0), total, total ? '100.0%' : '–'],
        ],
      },
      { title: t('population.byEthnicity'), columns: [t('population.ethnicity'), t('population.count'), t('population.share')], rows: coded('ethnicity', count((p) => p.ethnicity)) },
      { title: t('population.byResidence'), columns: [t('population.residenceType'), t('population.count'), t('population.share')], rows: coded('residenceType', count((p) => p.residence_type)) },
      {
        title: t('population.byCare'),
        columns: [t('population.careTag'), t('population.count'), t('population.share')],
        rows: CODE_LISTS.careTag.filter((c) => careCounts.has(c.code)).map((c) => [codeLabel(f.language, 'careTag', c.code), careCounts.get(c.code)!, percent(careCounts.get(c.code)!, total)]),
      },
      {
        title: t('population.byGrid'),
        columns: [t('population.grid'), t('population.people'), t('population.households'), t('population.over60'), t('population.over80'), t('population.careGroups')],
        rows: [...byGrid].sort((a, b) => order(a[0]) - order(b[0])).map(([grid, g]) => [grid || t('none'), g.people, g.households.size, g.old, g.veryOld, g.care]),
      },
    ],
  };
}

/** 党员统计: members in good standing now (by the branch chosen), meetings held and dues paid in the period. */
function party(db: Db, f: ReportInput, t: Tr): Body {
  if (f.branchId && !stmt(db, 'SELECT 1 FROM party_branches WHERE id = ?').get(f.branchId)) throw new AppError('reports.noSuchBranch');
  const s = branchStats(db, f.branchId);
  const scope = f.branchId ? 'AND branch_id = @branch' : '';
  const meetings = stmt(db, `SELECT kind, count(*) AS n FROM party_meetings WHERE date BETWEEN @from AND @to ${scope} GROUP BY kind`).all({ from: f.from, to: f.to, branch: f.branchId ?? null }) as { kind: string; n: number }[];
  const dues = stmt(db, `SELECT count(*) AS n, coalesce(sum(d.paid_fen), 0) AS fen FROM party_dues d JOIN party_members m ON m.id = d.member_id WHERE d.paid_on BETWEEN @from AND @to ${scope.replace('branch_id', 'm.branch_id')}`).get({ from: f.from, to: f.to, branch: f.branchId ?? null }) as { n: number; fen: number };
  const mobile = plucked(db, `SELECT count(*) FROM party_members WHERE status = 'mobile' ${scope}`).get({ branch: f.branchId ?? null }) as number;
  const band = (rows: { band: string; count: number }[]) => rows.map((r) => [r.band, r.count, percent(r.count, s.total)]);
  return {
    figures: [
      { label: t('party.total'), value: s.total },
      { label: t('party.full'), value: s.full },
      { label: t('party.probationary'), value: s.probationary },
      { label: t('party.mobile'), value: mobile },
      { label: t('party.duesPayments'), value: dues.n },
      { label: t('party.duesYuan'), value: yuan(dues.fen) },
    ],
    tables: [
      { title: t('party.byGender'), columns: [t('party.gender'), t('population.count'), t('population.share')], rows: s.byGender.map((g) => [codeLabel(f.language, 'gender', g.code) || t('none'), g.count, percent(g.count, s.total)]) },
      { title: t('party.byAge'), columns: [t('population.ageBand'), t('population.count'), t('population.share')], rows: band(s.byAge) },
      { title: t('party.byEducation'), columns: [t('party.education'), t('population.count'), t('population.share')], rows: s.byEducation.map((g) => [codeLabel(f.language, 'education', g.code) || t('none'), g.count, percent(g.count, s.total)]) },
      { title: t('party.byYears'), columns: [t('party.years'), t('population.count'), t('population.share')], rows: band(s.byYears) },
      {
        title: t('party.meetings'),
        columns: [t('party.meetingKind'), t('party.held')],
        rows: Object.keys(MEETING_KINDS).map((k) => [translate(f.language, `party:meetingKind.${k}`), meetings.find((m) => m.kind === k)?.n ?? 0]),
      },
    ],
  };
}

/** 人民调解月报: cases accepted in the period, by type and by source, and what they settled. */
function mediation(db: Db, f: ReportInput, t: Tr): Body {
  const s = caseStats(db, f.from, f.to);
  const rows = (list: typeof s.byType, label: (k: string) => string) => [...list.map((r) => [label(r.key), r.accepted, r.succeeded, percent(r.succeeded, r.accepted)]), [t('population.total'), s.accepted, s.succeeded, percent(s.succeeded, s.accepted)]];
  const columns = (first: string) => [first, t('mediation.accepted'), t('mediation.succeeded'), t('mediation.rate')];
  return {
    figures: [
      { label: t('mediation.accepted'), value: s.accepted },
      { label: t('mediation.succeeded'), value: s.succeeded },
      { label: t('mediation.rate'), value: percent(s.succeeded, s.accepted) },
      { label: t('mediation.money'), value: yuan(s.moneyFen) },
      { label: t('mediation.preventCriminal'), value: t('mediation.casesPersons', { cases: s.preventCriminalCases, persons: s.preventCriminalPersons }) },
      { label: t('mediation.preventPetition'), value: t('mediation.casesPersons', { cases: s.preventPetitionCases, persons: s.preventPetitionPersons }) },
    ],
    tables: [
      { title: t('mediation.byType'), columns: columns(t('mediation.type')), rows: rows(s.byType, (k) => k) },
      { title: t('mediation.bySource'), columns: columns(t('mediation.source')), rows: rows(s.bySource, (k) => translate(f.language, `mediation:source.${k}`)) },
    ],
  };
}

/** 开具证明登记汇总: per certificate item, what was issued, voided and refused in the period. */
function certificates(db: Db, f: ReportInput, t: Tr): Body {
  const rows = stmt(
    db,
    `SELECT item_name AS item,
       sum(status IN ('issued', 'void') AND substr(issued_at, 1, 10) BETWEEN @from AND @to) AS issued,
       sum(status = 'void' AND substr(voided_at, 1, 10) BETWEEN @from AND @to) AS voided,
       sum(status = 'refused' AND substr(created_at, 1, 10) BETWEEN @from AND @to) AS refused,
       sum(reissue_of IS NOT NULL AND status IN ('issued', 'void') AND substr(issued_at, 1, 10) BETWEEN @from AND @to) AS reissued
     FROM certificates GROUP BY item_name ORDER BY issued DESC, item_name`,
  ).all({ from: f.from, to: f.to }) as { item: string; issued: number; voided: number; refused: number; reissued: number }[];
  const used = rows.filter((r) => r.issued || r.voided || r.refused);
  const sum = (k: 'issued' | 'voided' | 'refused' | 'reissued') => used.reduce((s, r) => s + r[k], 0);
  const pending = plucked(db, "SELECT count(*) FROM certificates WHERE status IN ('draft', 'approved')").get() as number;
  return {
    figures: [
      { label: t('certificates.issued'), value: sum('issued') },
      { label: t('certificates.voided'), value: sum('voided') },
      { label: t('certificates.refused'), value: sum('refused') },
      { label: t('certificates.pending'), value: pending },
    ],
    tables: [
      {
        title: t('certificates.byItem'),
        columns: [t('certificates.item'), t('certificates.issued'), t('certificates.reissued'), t('certificates.voided'), t('certificates.refused')],
        rows: [...used.map((r) => [r.item, r.issued, r.reissued, r.voided, r.refused]), [t('population.total'), sum('issued'), sum('reissued'), sum('voided'), sum('refused')]],
      },
    ],
  };
}

/** 两张清单兑现情况: needs raised in the period and how many were met, what waits, who gave the hours. */
function lists(db: Db, f: ReportInput, t: Tr): Body {
  const m = measures(db, f.from, f.to);
  return {
    figures: [
      { label: t('lists.raised'), value: m.raised },
      { label: t('lists.fulfilled'), value: m.fulfilled },
      { label: t('lists.rate'), value: percent(m.fulfilled, m.raised) },
      { label: t('lists.wishes'), value: `${m.wishesFulfilled} / ${m.wishes}` },
      { label: t('lists.meanDays'), value: m.meanDays === null ? '–' : m.meanDays.toFixed(1) },
    ],
    tables: [
      { title: t('lists.openByCategory'), columns: [t('lists.category'), t('population.count')], rows: m.openByCategory.map((r) => [r.name, r.count]) },
      { title: t('lists.openByGrid'), columns: [t('population.grid'), t('population.count')], rows: m.openByGrid.map((r) => [r.name || t('none'), r.count]) },
      { title: t('lists.hours'), columns: [t('lists.provider'), t('lists.services'), t('lists.hoursColumn')], rows: m.hoursByProvider.map((r) => [r.member ? `${r.provider} ★` : r.provider, r.services, r.hours]) },
    ],
  };
}

const BUILD: Record<ReportKind, (db: Db, f: ReportInput, t: Tr) => Body> = { population, party, mediation, certificates, lists };

/** One report in the user's language, with its title and the period and scope in words (on paper and in the file sent up, dated 年月日). */
export function buildReport(db: Db, kind: ReportKind, f: ReportInput, onPaper = false): Omit<Report, 'file'> {
  const t: Tr = (key, params) => translate(f.language, `reports:${key}`, params);
  // Only the population report is by grid, and only the party report by branch: the others cover the community.
  const scope =
    kind === 'population' && f.gridId ? (plucked(db, 'SELECT name FROM grids WHERE id = ?').get(f.gridId) as string | undefined) : kind === 'party' && f.branchId ? (plucked(db, 'SELECT name FROM party_branches WHERE id = ?').get(f.branchId) as string | undefined) : undefined;
  const community = getSetting(db, 'community_name') ?? '';
  return {
    title: t(`kind.${kind}.title`, { community }),
    subtitle: [t('period', onPaper ? { from: paperDate(f.from), to: paperDate(f.to) } : { from: f.from, to: f.to }), scope ?? (kind === 'party' ? t('allBranches') : t('wholeCommunity'))].join(' · '),
    ...BUILD[kind](db, f, t),
  };
}
