import { describe, expect, it } from 'vitest';
import { PackedRows, cleanName, monthOrDate, normaliseDate, splitPhones } from '../../main/core/sheets';
import { skipReason } from '../../main/core/sheets/header';
import { buildingParts, splitAddress } from '../../shared/rules/address';
import { closestCodes, codeFromText } from '../../shared/rules/codes';

describe('cells as people type them', () => {
  it('dates five ways, date cells and Excel day numbers; nothing guessed', () => {
    for (const d of ['1956.03.12', '1956.3.12', '19560312', '1956/3/12', '1956年3月12日', '1956-3-12', ' 1956 - 03 - 12 ', new Date(Date.UTC(1956, 2, 12)), 20526])
      expect([d, normaliseDate(d)]).toEqual([d, '1956-03-12']);
    for (const bad of ['1956.13.45', '1956-02-30', 'abc', '12/03/1956', 19561332]) expect([bad, normaliseDate(bad)]).toEqual([bad, null]);
    expect([normaliseDate(''), normaliseDate(null)]).toEqual(['', '']);
    expect([monthOrDate('1956.03'), monthOrDate('195603'), monthOrDate('1956年3月'), monthOrDate('1956.13')]).toEqual(['1956-03-01', '1956-03-01', '1956-03-01', null]);
  });

  it('names lose alignment spaces and keep one middle dot; phones split into the first and the rest', () => {
    expect(['王　芳', '王 芳', ' 李  四 ', '阿依古丽•买买提', '阿依古丽 · 买买提', '阿依古丽．买买提', 'John Smith'].map(cleanName)).toEqual(['王芳', '王芳', '李四', '阿依古丽·买买提', '阿依古丽·买买提', '阿依古丽·买买提', 'John Smith']);
    expect(splitPhones('13800138000/13900139000')).toEqual({ first: '13800138000', others: ['13900139000'] });
    expect(splitPhones('138 0013 8000')).toEqual({ first: '138 0013 8000', others: [] });
    expect(splitPhones('+86 138-0013-8000；010-65001234')).toEqual({ first: '+86 138-0013-8000', others: ['010-65001234'] });
    expect(splitPhones('13800138000 13900139000')).toEqual({ first: '13800138000', others: ['13900139000'] });
    expect(splitPhones('13800138000（本人）')).toEqual({ first: '13800138000', others: [] });
  });

  it('one address column in the spellings people write', () => {
    const cases: [string, [string, string, string, string]][] = [
      ['XX小区15号楼4单元1502室', ['XX小区', '15', '4', '1502']],
      ['15号楼4单元1502', ['', '15', '4', '1502']],
      ['15-4-1502', ['', '15', '4', '1502']],
      ['15栋4单元1502', ['', '15', '4', '1502']],
      ['15幢4单元1502室', ['', '15', '4', '1502']],
      ['15座2单元301', ['', '15', '2', '301']],
      ['3幢二单元301', ['', '3', '2', '301']],
      ['7号楼602', ['', '7', '', '602']],
      ['北京市朝阳区朝阳门街道幸福里社区金色家园东区7号楼2单元602室', ['金色家园东区', '7', '2', '602']],
      ['XX路12号院3号楼1单元101', ['XX路12号院', '3', '1', '101']],
    ];
    for (const [text, [estate, building, unit, room]] of cases) expect([text, splitAddress(text)]).toEqual([text, { estate, building, unit, room }]);
    expect(splitAddress('小区门口平房')).toBeUndefined();
    expect([buildingParts('7号楼'), buildingParts('7栋'), buildingParts('金色家园7幢'), buildingParts('十二号楼')]).toEqual([
      { estate: '', number: '7' },
      { estate: '', number: '7' },
      { estate: '金色家园', number: '7' },
      { estate: '', number: '12' },
    ]);
  });

  it('the whole relation list and the nearest names for a word not on it', () => {
    expect(['长子', '次女', '儿媳', '女婿', '公公', '婆婆', '岳父', '岳母', '孙子', '外孙女', '侄子', '外甥', '兄', '嫂', '弟媳'].map((w) => codeFromText('relation', w))).toEqual([
      '22', '33', '38', '28', '53', '54', '55', '56', '41', '44', '93', '95', '71', '72', '74',
    ]);
    expect(codeFromText('education', '半文盲')).toBe('91');
    expect(codeFromText('residenceType', '人户分离')).toBe('separated');
    expect(closestCodes('relation', '干儿子')).toContain('子');
  });

  it('rows that are not people', () => {
    const headers = ['序号', '姓名', '性别'];
    const row = (...cells: (string | null)[]) => ({ rowNumber: 9, cells });
    expect(skipReason(row('合计：3户 11人', null, null), headers, 1)).toBe('summary');
    expect(skipReason(row('填表人：张三', '审核人：李四', null), headers, 1)).toBe('signOff');
    expect(skipReason(row('7号楼', '7号楼', '7号楼'), headers, 1)).toBe('title');
    expect(skipReason(row('序号', '姓名', '性别'), headers, 1)).toBe('header');
    expect(skipReason(row(null, null, null), headers, 1)).toBe('blank');
    expect(skipReason(row('1', '张三', '男'), headers, 1)).toBeUndefined();
    expect(skipReason(row(null, '张三', null), headers, 1)).toBeUndefined(); // a name alone is a person, with errors
  });
});

describe('more of the ways sheets say the same thing', () => {
  it('a date with a time of day, a grid by its number, 户主之妻', async () => {
    const { gridKey } = await import('../../main/modules/residents/importPlaces');
    expect([normaliseDate('1956-03-12 00:00:00'), normaliseDate('1956-03-12T00:00:00'), normaliseDate('1956/3/12 0:00')]).toEqual(['1956-03-12', '1956-03-12', '1956-03-12']);
    expect(['第一网格', '第1网格', '一网格', '1网格', '第十二网格', '第12网格'].map(gridKey)).toEqual(['1', '1', '1', '1', '12', '12']);
  });

  it('in a real import: 第1网格 is the ledger’s 第一网格, 户主之妻 is 妻, 1.10105E+17 is an ID Excel mangled', async () => {
    const { ok, openTempApp } = await import('../support/ledger');
    const { validId } = await import('../support/sheets');
    const app = openTempApp();
    try {
      await ok(app, 'community.setup', { streetName: '朝阳门街道', communityName: '幸福里社区', grids: [{ name: '第一网格', buildings: ['3号楼'] }] });
      const csv = [
        '姓名,公民身份号码,网格,楼栋,单元,房号,与户主关系,出生日期',
        `张三,${validId('11010519600101001')},第1网格,3号楼,1,101,户主,1960-01-01 00:00:00`,
        `李四,${validId('11010519620202002')},第1网格,3号楼,1,101,户主之妻,`,
        `王五,1.10105E+17,第1网格,3号楼,1,102,户主,`,
      ].join('\r\n');
      const report = await ok(app, 'residents.importCheck', { fileName: 'a.csv', base64: Buffer.from(csv).toString('base64'), lang: 'zh-CN' });
      expect([...new Set(report.errors.map((e) => e.row))]).toEqual([4]);
      expect(report.errors.map((e) => e.code)).toContain('id.excelMangled');
      expect([report.valid, report.newBuildings]).toEqual([2, []]);
      await ok(app, 'residents.importCommit', { token: report.token });
      const rows = (await ok(app, 'residents.search', { limit: 10 })).rows;
      expect(rows.map((r) => [r.name, r.relation, r.gridName]).sort()).toEqual([
        ['张三', '02', '第一网格'],
        ['李四', '12', '第一网格'],
      ]);
      expect((await ok(app, 'community.tree', {})).map((g) => g.name)).toEqual(['第一网格']);
    } finally {
      app.close();
    }
  });
});

describe('checked rows waiting off the heap (PackedRows)', () => {
  it('gives back every row as it was pushed, through many growths, Chinese, emoji and empty rows alike', () => {
    const rows = new PackedRows();
    const pushed: string[] = [];
    // Past the first buffer (1 MB) and the first index (4,096 rows) several times over.
    for (let i = 0; i < 30_000; i++) {
      const text = i % 7 === 0 ? '' : i % 5 === 0 ? `阿依古丽·买买提\u0000${i}\u0000😀金色家园东区7号楼2单元602室`.repeat(1 + (i % 3)) : `张三${i}\u0000110105195603120${i % 10}`;
      rows.push(text);
      pushed.push(text);
    }
    expect(rows.length).toBe(30_000);
    for (const i of [0, 1, 4095, 4096, 4097, 9999, 29_999]) expect(rows.at(i)).toBe(pushed[i]);
    expect(rows.slice(29_990, 40_000)).toEqual(pushed.slice(29_990));
    expect(rows.slice(0, 30_000).every((r, i) => r === pushed[i])).toBe(true);
    rows.clear();
    expect(rows.length).toBe(0);
    expect(rows.slice(0, 10)).toEqual([]);
  });
});
