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
