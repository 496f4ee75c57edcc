import { describe, expect, it } from 'vitest';
import { CODE_LISTS, codeFromText, toTraditional } from '../../shared/rules/codes';

describe('code lists', () => {
  it('maps what spreadsheets say to national codes', () => {
    expect(codeFromText('ethnicity', '汉')).toBe('01');
    expect(codeFromText('ethnicity', '汉族')).toBe('01');
    expect(codeFromText('ethnicity', '维吾尔族')).toBe('05');
    expect(codeFromText('ethnicity', '基诺族')).toBe('56');
    expect(codeFromText('gender', '男')).toBe('1');
    expect(codeFromText('gender', '1')).toBe('1');
    expect(codeFromText('gender', ' 女 ')).toBe('2');
    expect(codeFromText('relation', '户主')).toBe('02');
    expect(codeFromText('relation', '儿子')).toBe('20');
    expect(codeFromText('political', '党员')).toBe('01');
    expect(codeFromText('education', '本科')).toBe('20');
    expect(codeFromText('marital', '已婚')).toBe('20');
    expect(codeFromText('careTag', '低保')).toBe('dibao');
    expect(codeFromText('ethnicity', '火星族')).toBeUndefined();
  });
  it('has the 56 ethnic groups plus 97 and 98, with unique codes', () => {
    expect(CODE_LISTS.ethnicity).toHaveLength(58);
    for (const list of Object.values(CODE_LISTS)) expect(new Set(list.map((e) => e.code)).size).toBe(list.length);
  });
  it('writes the traditional forms for zh-TW', () => {
    expect(toTraditional('汉族')).toBe('漢族');
    expect(toTraditional('户籍人口')).toBe('戶籍人口');
  });
});
