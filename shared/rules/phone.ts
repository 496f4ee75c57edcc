/** Phones: accept spaces, dashes, brackets and +86 on input; store one normalised form. */
export type PhoneResult = { ok: true; value: string } | { ok: false; problem: 'phone.invalid' };

export function checkPhone(raw: string): PhoneResult {
  let s = (raw ?? '').normalize('NFKC').replace(/[\s\-()（）]/g, '');
  s = s.replace(/^(\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(s)) return { ok: true, value: s };
  // Landline with area code: 010 and 02x are three digits, all others four.
  const m = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/.exec(s);
  if (m) return { ok: true, value: `${m[1]}-${m[2]}` };
  return { ok: false, problem: 'phone.invalid' };
}
