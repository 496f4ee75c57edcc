/**
 * How dates are written. Official papers write them the Chinese way, 2026年12月1日 (no leading zeros);
 * screens use one form everywhere, 2026-12-01 and 2026-12-01 09:05, whatever the browser's locale.
 */

/** 2026-12-01 (or a 2026-12-01T… stamp) → 2026年12月1日; 2026-12 → 2026年12月; anything else as it is. */
export function paperDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${m[3] ? `${Number(m[3])}日` : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as this PC's local date and time, for screens: 2026-12-01 09:05. */
export function screenDateTime(iso: string | number | Date): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The same moment on a paper: 2026年12月1日 09:05. */
export const paperDateTime = (iso: string | number | Date) => {
  const s = screenDateTime(iso);
  return s ? `${paperDate(s.slice(0, 10))} ${s.slice(11)}` : '';
};
