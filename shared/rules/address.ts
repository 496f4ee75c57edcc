/**
 * 现住址 as the committees write it in one column, split into 小区, building, unit and room:
 * "金色家园东区7号楼2单元602室", "15号楼4单元1502", "15-4-1502", "15栋4单元1502", "15幢", "15座",
 * "7号楼602" (no unit). Buildings are compared by their number and 小区, so 7栋 is 7号楼.
 */
export interface AddressParts {
  estate: string;
  building: string;
  unit: string;
  room: string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 一 … 九十九 as digits (unit and building numbers are small). */
function cnNumber(s: string): string {
  if (/^\d+$/.test(s)) return String(Number(s));
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return s;
  if (!s.includes('十')) return String(Number([...s].map((c) => CN_DIGITS[c]).join('')));
  const [tens, ones] = s.split('十');
  return String((tens ? CN_DIGITS[tens]! : 1) * 10 + (ones ? CN_DIGITS[ones]! : 0));
}

const NUM = '(\\d+|[零〇一二两三四五六七八九十]+|[A-Za-z]\\d*|\\d+[A-Za-z])';
const BUILDING_WORD = '(?:号楼|号院楼|栋楼|栋|幢|座|楼|号)';
const DASH = '[-—－_~～/]';

// The administrative part before the 小区 (…市…区…街道…社区) is not part of the address kept here.
function withoutPrefix(s: string): string {
  const lastMarker = Math.max(s.lastIndexOf('社区'), s.lastIndexOf('街道'), s.lastIndexOf('居委会'), s.lastIndexOf('村委会'));
  if (lastMarker >= 0) {
    const end = s.indexOf(s.startsWith('居委会', lastMarker) || s.startsWith('村委会', lastMarker) ? '会' : s.startsWith('社区', lastMarker) ? '区' : '道', lastMarker) + 1;
    return s.slice(end);
  }
  return s.replace(/^.{2,7}?(?:省|自治区)/, '').replace(/^.{2,7}?市(.{1,6}?[区县])?/, '');
}

export function splitAddress(raw: string): AddressParts | undefined {
  const s = withoutPrefix(raw.normalize('NFKC').replace(/\s+/g, '').replace(/[（(][^)）]*[)）]$/, ''));
  if (!s) return undefined;
  // 15-4-1502, 金色家园15-4-1502, 15栋-4-1502
  let m = DASHED.exec(s);
  if (m) return { estate: cleanEstate(m[1]!), building: cnNumber(m[2]!), unit: cnNumber(m[3]!), room: m[4]! };
  // 7号楼2单元602室, 15栋4单元1502, 3幢二单元301, 7座2门602
  m = WORDED.exec(s);
  if (m) return { estate: cleanEstate(m[1]!), building: cnNumber(m[2]!), unit: cnNumber(m[3]!), room: m[4]! };
  // 7号楼602室 (no unit), 7-602
  m = NO_UNIT.exec(s) ?? NO_UNIT_DASHED.exec(s);
  if (m) return { estate: cleanEstate(m[1]!), building: cnNumber(m[2]!), unit: '', room: m[3]! };
  return undefined;
}

// Compiled once: the import splits every row's address with them.
const DASHED = new RegExp(`^(.*?)${NUM}${BUILDING_WORD}?${DASH}${NUM}(?:单元)?${DASH}(\\d+[A-Za-z]?)(?:室|号|户)?$`);
const WORDED = new RegExp(`^(.*?)${NUM}${BUILDING_WORD}${DASH}?${NUM}(?:单元|门|单|梯)${DASH}?(?:\\d+层)?(\\d+[A-Za-z]?)(?:室|号|户)?$`);
const NO_UNIT = new RegExp(`^(.*?)${NUM}${BUILDING_WORD}${DASH}?(?:\\d+层)?(\\d+[A-Za-z]?)(?:室|号|户)?$`);
const NO_UNIT_DASHED = new RegExp(`^(.*?)${NUM}${DASH}(\\d{3,}[A-Za-z]?)(?:室|号|户)?$`);
const BUILDING = new RegExp(`^(.*?)${NUM}${BUILDING_WORD}?$`);

const cleanEstate = (s: string) => s.replace(/[-—－_,，、]+$/, '');

/** "金色家园7号楼", "7栋", "7幢", "7" → 小区 and number; a name with no number ("综合楼") stays a name. */
export function buildingParts(name: string): { estate: string; number: string } {
  const s = name.normalize('NFKC').replace(/\s+/g, '');
  const m = BUILDING.exec(s);
  if (m) return { estate: m[1]!, number: cnNumber(m[2]!).toUpperCase() };
  return { estate: s, number: '' };
}

/** The name a new building gets from an address: its number as 号楼, after the 小区 when there is one. */
export const buildingName = (estate: string, number: string) => `${estate}${number}号楼`;
