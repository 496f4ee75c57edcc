import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';

/**
 * 繁體中文 is written in traditional characters throughout: every zh-TW string is read by OpenCC's
 * tables (to simplified and back to traditional, Taiwan), and a string that comes back changed held a
 * simplified character.
 * (Traditional text passes through unchanged; 列印, not 打印, is the Taiwan word.)
 */
const dir = path.resolve(__dirname, '../../shared/i18n/locales/zh-TW');
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
/** Through simplified and back: OpenCC then reads whole words (鄰里 stays 鄰里, 权利义務 becomes 權利義務). */
export const traditionalOf = (text: string) => toTw(toCn(text)).replace(/臺/g, '台');

function strings(node: unknown, at: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[at.join('.'), node]];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => strings(v, [...at, k]));
}

describe('繁體中文', () => {
  it('holds no simplified character in any string', () => {
    const found: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      for (const [key, text] of strings(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))) {
        // Placeholders and the simplified words kept on purpose (the import's own column names) aside.
        let plain = text.replace(/\{\{[^}]+\}\}/g, '');
        // The import template's help rows show the template's own words and example values, which are
        // the ledger's (simplified) in every language; its other texts quote the column names.
        if (key.startsWith('import.templateSheet.rows.')) continue;
        if (key.startsWith('import.templateSheet.')) plain = plain.replace(/[「“][^」”]*[」”]/g, '');
        // 台 and 臺 are both written in Taiwan (台灣, 台帳): OpenCC's standard form is not the test.
        const tw = traditionalOf(plain);
        if (tw !== plain) {
          const diff = [...plain].map((ch, i) => (ch !== [...tw][i] ? ch : '')).join('');
          found.push(`${file.replace('.json', '')}:${key} ${diff}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('says 列印 for printing, the Taiwan word, never 打印', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    const mixed = files.flatMap((f) => strings(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))).filter(([, t]) => t.includes('打印')).map(([k]) => `${f}:${k}`));
    expect(mixed).toEqual([]);
  });
});
