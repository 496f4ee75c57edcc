/**
 * What a community committee may not certify (民发〔2020〕20号, batch 1), how a request is matched
 * against that list, the certificate number, and the template language (../shared/domain/certificates.md).
 */

export interface AbolishedItem {
  key: string;
  /** The name on the national list. */
  name: string;
  /** What people ask for at the counter. */
  synonyms: string[];
  /** Who issues it instead, or that nobody does any more. */
  instead: string;
}

const item = (key: string, name: string, synonyms: string[], instead: string): AbolishedItem => ({ key, name, synonyms, instead });

export const ABOLISHED: AbolishedItem[] = [
  item('kinship', '亲属关系证明', ['亲属关系', '直系亲属', '父子关系', '母子关系', '夫妻关系', '亲属'], '由申请人提供户口簿、结婚证、出生医学证明等材料，或由公安机关、公证机构出具'),
  item('identity', '居民身份信息证明', ['身份信息', '户籍证明', '户籍', '身份证明', '居民身份'], '由公安机关户籍管理部门出具或通过户口簿、身份证核验'),
  item('hukouChange', '户口登记项目内容变更申请证明', ['户口变更', '户口登记项目', '户口更正', '户口信息变更'], '向公安机关户籍管理部门申请，社区不再出具'),
  item('dog', '养犬证明', ['养犬', '犬只', '养狗'], '已取消，由公安机关或养犬管理部门办理登记'),
  item('criminal', '无犯罪记录证明', ['无犯罪记录', '无犯罪', '犯罪记录', '无违法犯罪', '政审'], '由公安机关出具'),
  item('rehab', '社区戒毒康复人员表现证明', ['戒毒', '康复人员表现', '社区戒毒'], '由禁毒部门或社区戒毒社区康复工作机构出具'),
  item('missing', '人员失踪证明', ['失踪', '下落不明'], '由公安机关或人民法院出具'),
  item('marital', '婚姻状况证明', ['婚姻状况', '未婚', '单身', '婚姻关系', '分居', '离婚', '已婚'], '已取消，由申请人书面承诺或由民政部门婚姻登记机关查询'),
  item('birth', '出生证明', ['出生', '出生证'], '由助产机构出具《出生医学证明》'),
  item('alive', '健在证明', ['健在', '生存证明', '活着', '生存认证'], '已取消，由社保等部门通过信息比对或本人认证'),
  item('death', '死亡证明', ['死亡', '去世', '过世', '病故'], '由医疗机构、公安机关出具《居民死亡医学证明（推断）书》'),
  item('illness', '疾病证明', ['疾病', '急诊', '意外伤害', '病情', '患病'], '由医疗机构出具'),
  item('disability', '残疾证明', ['残疾', '伤残'], '由残联核发残疾人证，或医疗机构出具'),
  item('fertility', '婚育证明', ['婚育', '生育', '计划生育', '独生子女', '未育'], '已取消，由申请人书面承诺或卫生健康部门查询'),
  item('employment', '就业状况证明', ['就业', '失业', '无业', '待业', '在职证明'], '由人力资源社会保障部门或用人单位出具'),
  item('archive', '个人档案证明', ['个人档案', '档案'], '由档案保管单位出具'),
  item('property', '财产证明', ['财产', '经济状况', '经济困难', '收入', '偿还能力', '房产', '存款', '投资', '车辆', '贫困'], '由不动产登记、金融、车管等部门出具，或由申请人书面承诺'),
  item('inheritance', '遗产继承权证明', ['遗产', '继承', '继承权'], '由公证机构或人民法院办理'),
  item('premises', '市场主体住所证明', ['经营场所', '住所证明', '住改商', '无扰民', '营业场所', '注册地址'], '已取消，由申请人提交住所（经营场所）信息申报承诺'),
  item('lost', '证件遗失证明', ['证件遗失', '遗失', '丢失', '补办证件'], '已取消，由申请人向发证机关申请补办，不需要社区证明'),
];

/** The abolished item a request names, by its name or a synonym found anywhere in the request; NFKC, case-insensitive. */
export function abolishedMatch(request: string): AbolishedItem | undefined {
  const s = request.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!s) return undefined;
  return ABOLISHED.find((a) => s.includes(a.name.replace(/证明$/, '')) || a.synonyms.some((w) => s.includes(w)));
}

/** 〔2026〕第0001号: one sequence per committee per year, four digits at least. */
export const certificateNumber = (year: number, serial: number) => `〔${year}〕第${String(serial).padStart(4, '0')}号`;

/** The fields a template may name: {{姓名}} and so on. Anything else stays as written. */
export const TEMPLATE_FIELDS = ['姓名', '性别', '身份证号', '出生日期', '民族', '住址', '居住起始日期', '用途', '社区', '居委会', '街道', '日期', '编号'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/**
 * Fills {{字段}} placeholders in one pass. The values are inserted as text and never scanned again, so a
 * name that itself looks like {{用途}} or <b>markup</b> prints exactly as it is; nothing is evaluated.
 */
export function fillTemplate(template: string, values: Partial<Record<TemplateField, string>>): string {
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) => {
    const v = (values as Record<string, string | undefined>)[name];
    return v === undefined ? whole : v;
  });
}

/** Placeholders a template uses that are not fields: shown to the administrator when the template is saved. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(TEMPLATE_FIELDS);
  return [...template.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1]!).filter((n) => !known.has(n));
}

export const RESIDENCE_TEMPLATE =
  '兹证明{{姓名}}（性别：{{性别}}，公民身份号码：{{身份证号}}）自{{居住起始日期}}起居住在本社区{{住址}}，至今仍在此居住。\n\n此证明仅用于{{用途}}，不作他用。\n\n特此证明。';
