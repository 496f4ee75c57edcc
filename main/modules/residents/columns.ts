import { translate } from '../../../shared/i18n/resources';
import { LANGUAGES } from '../../../shared/i18n/languages';
import type { Fragments, Vocabulary } from '../../core/sheets';

/**
 * The resident sheet's columns: the template's header first, then the words committees' own 台账
 * use for it, and Linli's own export headers in every language (so an export comes back in).
 */
const WORDS = {
  name: ['姓名', '名字', '居民姓名', '人员姓名', '成员姓名'],
  idNumber: ['公民身份号码', '身份证号', '身份证号码', '身份证', '证件号码', '证件号', '公民身份证号码', '身份证件号码'],
  gender: ['性别'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', '出生时间'],
  ethnicity: ['民族'],
  phone: ['联系电话', '手机号', '手机号码', '电话', '联系方式', '手机', '电话号码', '联系电话(手机)'],
  grid: ['网格', '所属网格', '网格名称', '网格号'],
  estate: ['小区', '小区名称', '所在小区', '小区(院落)', '院落'],
  address: ['现住址', '居住地址', '家庭住址', '住址', '现居住地址', '现居住地', '详细地址', '地址', '居住地', '房屋地址'],
  building: ['楼栋', '楼号', '楼栋号', '楼', '幢', '栋', '楼幢', '所属楼栋'],
  unit: ['单元', '单元号'],
  room: ['房号', '门牌号', '房间号', '室号', '户室号', '室', '房屋号'],
  householdNumber: ['户号', '户编号', '户籍编号', '家庭编号', '户档案号'],
  relation: ['与户主关系', '关系', '家庭关系', '户主关系', '与户主的关系', '亲属关系'],
  residenceType: ['人员类型', '人员类别', '户籍类型', '人口类型', '居住类型', '人口属性', '人口类别', '户籍性质', '居住状态'],
  hukouAddress: ['户籍地址', '户籍地', '户籍所在地', '户口所在地', '户籍详细地址'],
  political: ['政治面貌'],
  education: ['文化程度', '学历'],
  marital: ['婚姻状况', '婚姻', '婚姻状态'],
  occupation: ['工作单位/职业', '工作单位', '职业', '工作单位及职务', '工作单位或职业', '就业情况'],
  tags: ['特殊人群', '特殊人群标签', '标签', '人群类别', '重点人群'],
  note: ['备注', '说明'],
  // Known so that they are not offered as unknown, but not read: the ledger works them out itself.
  serial: ['序号', '编号'],
  age: ['年龄', '周岁'],
  status: ['状态', '人员状态'],
  // The head's name on every member's row: the household is formed from the rows, not from this.
  headName: ['户主姓名', '户主名'],
} as const;
export type ColumnKey = keyof typeof WORDS;

/** Columns read as known words only, never written into a resident. */
export const INFORMATIONAL: readonly ColumnKey[] = ['serial', 'age', 'status', 'headName'];

export const RESIDENT_COLUMNS: Vocabulary<ColumnKey> = Object.fromEntries(
  Object.entries(WORDS).map(([key, words]) => {
    const exportKey = key === 'serial' ? 'index' : key;
    const labels = LANGUAGES.map((lang) => translate(lang, `residents:fields.${exportKey}`)).filter((l) => l && !l.includes('fields.'));
    return [key, [...words, ...labels]];
  }),
) as unknown as Vocabulary<ColumnKey>;

/** The template's columns, in its order. */
export const TEMPLATE_COLUMNS: ColumnKey[] = ['name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'phone', 'grid', 'building', 'unit', 'room', 'householdNumber', 'relation', 'residenceType', 'hukouAddress', 'political', 'education', 'marital', 'occupation', 'tags', 'note'];
export const headerOf = (k: ColumnKey) => RESIDENT_COLUMNS[k][0]!;

/** Inside longer headers ("户籍人员姓名", "现居住详细地址", "手机号码（本人）"): what the column still says. */
export const RESIDENT_FRAGMENTS: Fragments<ColumnKey> = [
  { part: '身份证', key: 'idNumber' },
  { part: '证件号', key: 'idNumber' },
  { part: '户主关系', key: 'relation' },
  { part: '关系', key: 'relation' },
  { part: '姓名', key: 'name' },
  { part: '出生', key: 'birthDate', unless: '地' },
  { part: '电话', key: 'phone' },
  { part: '手机', key: 'phone' },
  { part: '户籍地', key: 'hukouAddress' },
  { part: '户口所在', key: 'hukouAddress' },
  { part: '住址', key: 'address' },
  { part: '地址', key: 'address' },
  { part: '户号', key: 'householdNumber' },
  { part: '户编号', key: 'householdNumber' },
  { part: '楼栋', key: 'building' },
  { part: '单元', key: 'unit' },
  { part: '房号', key: 'room' },
  { part: '门牌', key: 'room' },
  { part: '民族', key: 'ethnicity' },
  { part: '性别', key: 'gender' },
  { part: '政治面貌', key: 'political' },
  { part: '文化', key: 'education' },
  { part: '学历', key: 'education' },
  { part: '婚姻', key: 'marital' },
  { part: '人员类', key: 'residenceType' },
  { part: '人口类', key: 'residenceType' },
  { part: '工作单位', key: 'occupation' },
  { part: '职业', key: 'occupation' },
  { part: '网格', key: 'grid', unless: '员' },
  { part: '小区', key: 'estate' },
];
