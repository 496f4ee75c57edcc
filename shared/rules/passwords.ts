/**
 * Passwords that guessing tries first. The length rule alone lets `12345678` and `password` through;
 * these are refused by name (the most common passwords of published leaks, Chinese ones among them,
 * kept in lower case) and by shape (one character repeated, a run along the digits, the alphabet or
 * the keyboard, a short piece repeated).
 */
const COMMON = new Set(
  `12345678 123456789 1234567890 87654321 11111111 00000000 88888888 66666666 12341234 11223344 12344321
  password password1 password123 passw0rd p@ssw0rd p@ssword admin123 admin1234 administrator root1234
  qwertyui qwerty123 qwertyuiop 1qaz2wsx 1q2w3e4r 1q2w3e4r5t zaq12wsx asdfghjk asdf1234 zxcvbnm1 abcd1234
  abc12345 abcdefgh iloveyou iloveyou1 woaini1314 woaini520 5201314520 woaiwojia 147258369 123123123
  123321123 a1234567 a12345678 aa123456 aaa12345 qq123456 qq5201314 q1w2e3r4 superman football baseball
  sunshine princess welcome welcome1 letmein1 trustno1 monkey12 dragon12 master12 shadow12 computer
  internet changeme 1234qwer qwer1234 pass1234 test1234 linli123 linli2026 linli1234 shequ123 juweihui
  zhangwei wangfang 123456ab 123456aa 123456qq 112233445566 2026linli`.split(/\s+/),
);

const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb'];

/** Whether a password is too easy to guess, apart from its length. */
export function isWeakPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  if (new Set(p).size <= 2) return true; // aaaaaaaa, abababab
  for (let n = 1; n <= p.length / 2; n++) if (p.length % n === 0 && p.slice(0, n).repeat(p.length / n) === p) return true; // abcabcabc
  return RUNS.some((run) => run.includes(p) || [...run].reverse().join('').includes(p));
}
