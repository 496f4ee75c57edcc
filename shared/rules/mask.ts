/** De-identified display (privacy.md): 110105********002X, 138****5678. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace('-', '');
  if (phone.includes('-')) {
    const [area, local] = phone.split('-') as [string, string];
    return `${area}-${'*'.repeat(local.length - 2)}${local.slice(-2)}`;
  }
  return digits.length === 11 ? `${digits.slice(0, 3)}****${digits.slice(7)}` : '*'.repeat(digits.length);
}

/** A name on the public notice board, or kept after the person's record was purged: the surname and a star for each other character (王小华 → 王**). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * The birth date beside a masked ID number, for someone who may not see the full number. The standard
 * mask (110105********002X) hides exactly the eight birth digits, so the whole date beside it would give
 * the number back: only the year is shown then (the age is shown as well). Someone who may reveal sees
 * the date; so does everyone for a person with no ID number on record, where there is nothing to rebuild.
 */
export function shownBirthDate(birthDate: string | null | undefined, hasIdNumber: boolean, mayReveal: boolean): string {
  if (!birthDate) return '';
  return mayReveal || !hasIdNumber ? birthDate : birthDate.slice(0, 4);
}
