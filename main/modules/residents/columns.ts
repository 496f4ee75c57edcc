/** Spreadsheet columns: the template's header, and the other names staff's own sheets use. */
export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', aliases: ['名字', '居民姓名'] },
  { key: 'idNumber', header: '公民身份号码', aliases: ['身份证号', '身份证号码', '身份证', '证件号码', '证件号'] },
  { key: 'gender', header: '性别', aliases: [] },
  { key: 'birthDate', header: '出生日期', aliases: ['出生年月', '生日'] },
  { key: 'ethnicity', header: '民族', aliases: [] },
  { key: 'phone', header: '联系电话', aliases: ['手机号', '手机号码', '电话', '联系方式', '手机'] },
  { key: 'grid', header: '网格', aliases: ['所属网格', '网格名称'] },
  { key: 'building', header: '楼栋', aliases: ['楼号', '楼栋号', '楼'] },
  { key: 'unit', header: '单元', aliases: ['单元号'] },
  { key: 'room', header: '房号', aliases: ['门牌号', '房间号', '室号', '户室号'] },
  { key: 'householdNumber', header: '户号', aliases: ['户编号'] },
  { key: 'relation', header: '与户主关系', aliases: ['关系', '家庭关系'] },
  { key: 'residenceType', header: '人员类型', aliases: ['人口类型', '居住类型', '人口属性'] },
  { key: 'hukouAddress', header: '户籍地址', aliases: ['户籍地', '户籍所在地'] },
  { key: 'political', header: '政治面貌', aliases: [] },
  { key: 'education', header: '文化程度', aliases: ['学历'] },
  { key: 'marital', header: '婚姻状况', aliases: ['婚姻'] },
  { key: 'occupation', header: '工作单位/职业', aliases: ['工作单位', '职业', '工作单位及职务'] },
  { key: 'tags', header: '特殊人群', aliases: ['特殊人群标签', '标签', '人群类别'] },
  { key: 'note', header: '备注', aliases: [] },
] as const;
export type ColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

const byName = new Map<string, ColumnKey>();
for (const c of IMPORT_COLUMNS) for (const n of [c.header, ...c.aliases]) byName.set(n, c.key);

export function columnForHeader(text: string): ColumnKey | undefined {
  return byName.get(text.normalize('NFKC').replace(/[\s*＊:：]/g, ''));
}
