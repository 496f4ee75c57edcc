import { PROVIDER_KINDS, CAPACITY_PERIODS, type ProviderKind, type CapacityPeriod } from '../../../shared/rules/lists';
import { checkPhone } from '../../../shared/rules/phone';
import { codeFromText } from '../../../shared/rules/codes';
import { todayIso } from '../../../shared/rules/idNumber';
import { AppError } from '../../core/errors';
import { plucked, stmt, type Db } from '../../core/ledger';
import type { CallContext } from '../../core/dispatch';
import { cellText, monthOrDate, readTable, Staging, type SheetIssue, type SheetRow } from '../../core/sheets';
import { saveNeed } from './needs';
import { saveResource } from './matching';

/** The columns of the lists communities keep in Excel today, with the spellings seen in practice. */
const NEED_COLUMNS = {
  category: ['类别', '需求类别', '服务类别'],
  content: ['需求内容', '内容', '心愿内容', '微心愿'],
  beneficiary: ['服务对象', '需求人', '姓名', '对象'],
  idNumber: ['身份证号', '公民身份号码'],
  grid: ['网格', '所在网格'],
  urgency: ['紧急程度', '是否紧急'],
  wantedBy: ['期望完成时间', '期望完成日期', '完成时限'],
  raisedOn: ['提出日期', '登记日期', '提出时间'],
  wish: ['是否微心愿', '类型'],
  budget: ['预算', '预算（元）', '金额'],
  contact: ['联系电话', '电话'],
} as const;
const RESOURCE_COLUMNS = {
  provider: ['提供方', '资源提供方', '单位名称', '姓名'],
  kind: ['提供方类型', '类型'],
  category: ['类别', '资源类别', '服务类别'],
  content: ['资源内容', '服务内容', '内容'],
  capacity: ['服务次数', '容量', '可服务人次', '数量'],
  period: ['周期', '每'],
  times: ['服务时间', '时间'],
  availableFrom: ['开始日期', '起始日期'],
  availableTo: ['结束日期', '截止日期'],
  grids: ['服务网格', '服务范围'],
  contact: ['联系人'],
  phone: ['联系电话', '电话'],
} as const;

const KIND_WORDS: Record<ProviderKind, string[]> = { unit: ['单位', '驻区单位', '共建单位'], organisation: ['社会组织', '组织'], volunteer: ['志愿者', '个人'], member: ['党员', '在职党员', '报到党员'] };
const PERIOD_WORDS: Record<CapacityPeriod, string[]> = { week: ['周', '每周'], month: ['月', '每月'], year: ['年', '每年'], total: ['合计', '总计', '一次性', '共'] };
const wordFor = <K extends string>(words: Record<K, string[]>, keys: readonly K[], s: string) => keys.find((k) => words[k].includes(s));

type StagedRows = { list: 'needs' | 'resources'; rows: Record<string, unknown>[] };
const staged = new Staging<StagedRows>();

function lookups(db: Db) {
  const categories = new Map((stmt(db, 'SELECT name, id FROM list_categories WHERE active = 1').all() as { name: string; id: number }[]).map((c) => [c.name, c.id]));
  const grids = new Map((stmt(db, 'SELECT name, id FROM grids').all() as { name: string; id: number }[]).map((g) => [g.name, g.id]));
  return { categories, grids };
}

interface RowChecker<C extends string> {
  issue(column: C, messageKey: string, params?: Record<string, string | number>): void;
  text(column: C): string;
  date(column: C): string;
}

function checker<C extends string>(raw: SheetRow, header: Map<C, number>, columns: Record<C, readonly string[]>, bad: SheetIssue[]): RowChecker<C> {
  const cell = (k: C) => (header.has(k) ? raw.cells[header.get(k)!] : null);
  const issue = (k: C, messageKey: string, params?: Record<string, string | number>) => bad.push({ row: raw.rowNumber, column: columns[k][0]!, messageKey, ...(params ? { params } : {}) });
  return {
    issue,
    text: (k) => cellText(cell(k)),
    date: (k) => {
      const d = monthOrDate(cell(k) ?? null);
      if (d === null) issue(k, 'validation.date');
      return d ?? '';
    },
  };
}

/**
 * The dry run of a needs or resources sheet: every row checked as the form would check it, nothing
 * written; the rows that pass wait for the confirmation. A need whose ID number is a resident's is
 * linked to that resident (and takes their grid).
 */
export async function checkListImport(db: Db, list: 'needs' | 'resources', fileName: string, buffer: Buffer) {
  const limit = { maxRows: 20_000, tooManyKey: 'lists.importTooMany' };
  const { categories, grids } = lookups(db);
  const errors: SheetIssue[] = [];
  const warnings: SheetIssue[] = [];
  const rows: Record<string, unknown>[] = [];
  let count = 0;
  const today = todayIso();
  if (list === 'needs') {
    const table = await readTable(fileName, buffer, NEED_COLUMNS, 'content', 2, limit);
    if (!table) throw new AppError('lists.importNoHeader');
    const { header } = table;
    const residentByIdNumber = plucked(db, "SELECT id FROM residents WHERE id_number = ? AND status = 'active'");
    for (const raw of table.rows) {
      count++;
      const bad: SheetIssue[] = [];
      const c = checker(raw, header.columns, NEED_COLUMNS, bad);
      const content = c.text('content');
      if (!content) c.issue('content', 'validation.required');
      else if (content.length > 500) c.issue('content', 'validation.tooLong');
      const categoryId = categories.get(c.text('category'));
      if (categoryId === undefined) c.issue('category', 'lists.importUnknownCategory', { name: c.text('category') });
      const gridName = c.text('grid');
      const gridId = gridName ? grids.get(gridName) : null;
      if (gridId === undefined) c.issue('grid', 'lists.importUnknownGrid', { name: gridName });
      const raisedOn = c.date('raisedOn') || today;
      if (raisedOn > today) c.issue('raisedOn', 'validation.futureDate');
      const wantedBy = c.date('wantedBy');
      if (wantedBy && wantedBy < raisedOn) c.issue('wantedBy', 'lists.wantedBeforeRaised');
      const budget = c.text('budget') ? Number(c.text('budget').replace(/元$/, '')) : 0;
      if (!Number.isFinite(budget) || budget < 0 || budget > 10_000) c.issue('budget', 'lists.importBadNumber');
      let contact = '';
      if (c.text('contact')) {
        const p = checkPhone(c.text('contact'));
        if (p.ok) contact = p.value;
        else c.issue('contact', p.problem);
      }
      const idText = c.text('idNumber').toUpperCase();
      const residentId = idText ? ((residentByIdNumber.get(idText) as number | undefined) ?? null) : null;
      if (idText && residentId === null) warnings.push({ row: raw.rowNumber, column: NEED_COLUMNS.idNumber[0], messageKey: 'lists.importNotResident' });
      const who = c.text('beneficiary');
      const group = codeFromText('careTag', who);
      if (bad.length) {
        errors.push(...bad);
        continue;
      }
      rows.push({
        forKind: residentId !== null ? 'resident' : group ? 'group' : 'community',
        residentId,
        householdId: null,
        groupTag: residentId === null && group ? group : '',
        beneficiary: residentId !== null ? '' : who,
        categoryId,
        content,
        urgency: /紧急|急|是/.test(c.text('urgency')) && !/不/.test(c.text('urgency')) ? 'urgent' : 'normal',
        wantedBy,
        gridId: gridId ?? null,
        raisedOn,
        wish: /微心愿|是/.test(c.text('wish')) || c.text('category') === '微心愿',
        budget,
        contact,
      });
    }
  } else {
    const table = await readTable(fileName, buffer, RESOURCE_COLUMNS, 'provider', 3, limit);
    if (!table) throw new AppError('lists.importNoHeader');
    const { header } = table;
    for (const raw of table.rows) {
      count++;
      const bad: SheetIssue[] = [];
      const c = checker(raw, header.columns, RESOURCE_COLUMNS, bad);
      const provider = c.text('provider');
      if (!provider) c.issue('provider', 'validation.required');
      const content = c.text('content');
      if (!content) c.issue('content', 'validation.required');
      const categoryId = categories.get(c.text('category'));
      if (categoryId === undefined) c.issue('category', 'lists.importUnknownCategory', { name: c.text('category') });
      const kind = c.text('kind') ? wordFor(KIND_WORDS, PROVIDER_KINDS, c.text('kind')) : 'unit';
      if (!kind) c.issue('kind', 'validation.code');
      // 在职党员 are linked to the party's reporting record by hand: the import brings units, organisations, volunteers.
      if (kind === 'member') c.issue('kind', 'lists.importMemberByHand');
      const capacityText = c.text('capacity').replace(/[次人]$/, '');
      const capacity = capacityText ? Number(capacityText) : 1;
      if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10_000) c.issue('capacity', 'lists.importBadNumber');
      const period = c.text('period') ? wordFor(PERIOD_WORDS, CAPACITY_PERIODS, c.text('period')) : 'month';
      if (!period) c.issue('period', 'validation.code');
      const availableFrom = c.date('availableFrom');
      const availableTo = c.date('availableTo');
      if (availableFrom && availableTo && availableTo < availableFrom) c.issue('availableTo', 'lists.dateRange');
      const gridIds: number[] = [];
      for (const name of c.text('grids').split(/[、,，;；\s]+/).filter((g) => g && g !== '全社区')) {
        const g = grids.get(name);
        if (g === undefined) c.issue('grids', 'lists.importUnknownGrid', { name });
        else gridIds.push(g);
      }
      let phone = '';
      if (c.text('phone')) {
        const p = checkPhone(c.text('phone'));
        if (p.ok) phone = p.value;
        else c.issue('phone', p.problem);
      }
      if (bad.length) {
        errors.push(...bad);
        continue;
      }
      rows.push({ providerKind: kind, provider, reporterId: null, categoryId, content, capacity, capacityPeriod: period, weekdays: [], times: c.text('times'), availableFrom, availableTo, gridIds, contact: c.text('contact'), phone, active: true });
    }
  }
  return { token: staged.put({ list, rows }), rows: count, valid: rows.length, errors, warnings };
}

/** Writes the checked rows in one transaction: all of them or none. */
export function commitListImport(ctx: CallContext, token: string): number {
  const { list, rows } = staged.get(token);
  const today = todayIso();
  for (const r of rows) {
    if (list === 'needs') saveNeed(ctx, r as Parameters<typeof saveNeed>[1], today);
    else saveResource(ctx.db, r as Parameters<typeof saveResource>[1]);
  }
  staged.drop(token);
  return rows.length;
}
