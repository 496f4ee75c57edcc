/* eslint-disable no-control-regex -- these are exactly the characters looked for */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INVISIBLE_ONLY = /^[\s\p{Cf}]*\p{Cf}[\s\p{Cf}]*$/u;

/**
 * Text no person types, as a message key (errors namespace), or undefined: control characters (a NUL
 * cuts strings short in SQLite and C code), lone surrogates (stored as garbage), direction overrides
 * (U+202E makes a name read backwards on screen and paper), and text that is only invisible
 * characters (a name of one zero-width space looks empty but is not). Tabs and new lines are text.
 */
export function textProblem(value: string): string | undefined {
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) return 'validation.controlChars';
  if (BIDI.test(value)) return 'validation.bidiChars';
  if (INVISIBLE_ONLY.test(value)) return 'validation.invisibleOnly';
  return undefined;
}

/**
 * Single characters and adjacent pairs of a name, for the search index: what trigram cannot answer
 * (张, 三丰). A SQL function of every ledger connection too (name_grams), for set-based indexing.
 */
export function nameGrams(name: string): string {
  const chars = Array.from(name.replace(/\s+/g, ''));
  const grams = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return Array.from(grams).join(' ');
}
