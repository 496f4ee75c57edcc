import { addDays } from './mediation';

export const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear'] as const;
export type Preset = (typeof PRESETS)[number];

const lastDayOf = (year: number, month: number) => addDays(`${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`, -1);
const first = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

/** The period a preset names, as of `today`: whole months, quarters and years, as reports to upper levels go. */
export function presetPeriod(preset: Preset, today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const q = Math.ceil(m / 3);
  switch (preset) {
    case 'thisMonth':
      return { from: first(y, m), to: lastDayOf(y, m) };
    case 'lastMonth':
      return m === 1 ? { from: first(y - 1, 12), to: lastDayOf(y - 1, 12) } : { from: first(y, m - 1), to: lastDayOf(y, m - 1) };
    case 'thisQuarter':
      return { from: first(y, q * 3 - 2), to: lastDayOf(y, q * 3) };
    case 'lastQuarter':
      return q === 1 ? { from: first(y - 1, 10), to: lastDayOf(y - 1, 12) } : { from: first(y, q * 3 - 5), to: lastDayOf(y, q * 3 - 3) };
    case 'thisYear':
      return { from: first(y, 1), to: lastDayOf(y, 12) };
    case 'lastYear':
      return { from: first(y - 1, 1), to: lastDayOf(y - 1, 12) };
  }
}
