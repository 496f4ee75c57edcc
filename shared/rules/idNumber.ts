/**
 * 公民身份号码 (GB 11643-1999): the one rule used by the form, the import and the main process.
 * Results carry message keys (errors:id.*), never sentences.
 */
export type IdProblem =
  | 'id.empty'
  | 'id.excelMangled'
  | 'id.badLength'
  | 'id.badChars'
  | 'id.badDate'
  | 'id.futureDate'
  | 'id.badCheck';

export interface IdOk {
  ok: true;
  /** The normalised 18-character number. */
  value: string;
  birthDate: string; // YYYY-MM-DD
  gender: '1' | '2'; // GB/T 2261.1: odd sequence = male
  /** Set when a 15-digit first-generation number was upgraded: the user must be shown this. */
  upgradedFrom?: string;
}
export interface IdBad {
  ok: false;
  problem: IdProblem;
}
export type IdResult = IdOk | IdBad;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Trim, fold full-width characters (NFKC), drop inner spaces, upper-case the x. */
export function normaliseIdInput(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** What Excel does to a long number: 1.10114E+17 or 110105194912310000 typed as a number. */
export function looksExcelMangled(raw: string): boolean {
  return /^\d(\.\d+)?E\+?\d+$/i.test(raw);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]! && y >= 1850;
}

const isoDay = (now: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
};
// Asked for once a row by every ID check of an import: the day, worked out again at most once a second.
let lastDay = { at: Number.NaN, day: '' };
export function todayIso(now?: Date): string {
  if (now) return isoDay(now);
  const t = Date.now();
  if (!(Math.abs(t - lastDay.at) < 1000)) lastDay = { at: t, day: isoDay(new Date(t)) };
  return lastDay.day;
}

export function checkIdNumber(raw: string, today: string = todayIso()): IdResult {
  const s = normaliseIdInput(raw ?? '');
  if (s === '') return { ok: false, problem: 'id.empty' };
  if (looksExcelMangled(s)) return { ok: false, problem: 'id.excelMangled' };
  let value = s;
  let upgradedFrom: string | undefined;
  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) return { ok: false, problem: 'id.badChars' };
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    value = first17 + checkCharacter(first17);
    upgradedFrom = s;
  } else if (s.length !== 18) {
    return { ok: false, problem: 'id.badLength' };
  }
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'id.badChars' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (!isRealDate(y, m, d)) return { ok: false, problem: 'id.badDate' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'id.futureDate' };
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'id.badCheck' };
  const gender = Number(value[16]) % 2 === 1 ? '1' : '2';
  return upgradedFrom ? { ok: true, value, birthDate, gender, upgradedFrom } : { ok: true, value, birthDate, gender };
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string = todayIso()): number {
  const by = Number(birthDate.slice(0, 4));
  const dy = Number(day.slice(0, 4));
  return dy - by - (day.slice(5) < birthDate.slice(5) ? 1 : 0);
}

/** 未知 (0) or 未说明 (9) beside an ID number that says male or female: the ID's answer is the one kept. */
export function genderWithId(gender: string, idNumber: string): string {
  if (gender === '1' || gender === '2' || !idNumber) return gender;
  const r = checkIdNumber(idNumber);
  return r.ok ? r.gender : gender;
}
