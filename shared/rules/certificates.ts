/**
 * What a community committee may not certify (民发〔2020〕20号, batch 1), how a request is matched
 * against that list, the certificate number, and the template language (../shared/domain/certificates.md).
 */

export interface AbolishedItem {
  key: string;
  /** The name on the national (or the province's) list. */
  name: string;
  /** Words people use for it at the counter; a local kind has only these. */
  synonyms: string[];
  /** What the request is about, whatever the words: a relation between two people, being alive … */
  topics: RegExp[];
  /** Who issues it instead, or that nobody does any more. */
  instead: string;
  /** The document that says the committee must not issue it. */
  basis: string;
  /** On the national list: kept whatever the administrator does; a local kind can be removed. */
  shipped: boolean;
}

const NATIONAL = '民发〔2020〕20号《关于开展村级组织工作事务、机制牌子和证明事项专项清理工作的通知》（第一批取消的证明事项）';
const item = (key: string, name: string, synonyms: string[], topics: RegExp[], instead: string): AbolishedItem => ({ key, name, synonyms, topics, instead, basis: NATIONAL, shipped: true });

/** Kin words: two of them before 关系 (母女关系, 爷孙关系, 叔侄关系) is a relation between two people. */
const KIN = '父母爸妈爹娘子女儿夫妻兄弟姐妹哥爷奶姥外孙婆媳婿叔伯姑舅姨侄甥祖公岳翁';

/**
 * The national list of batch 1, recognised by what a request is about rather than by a list of
 * phrasings. Order matters where topics overlap: the more particular kind comes first (a lost ID card
 * is 证件遗失, not 身份信息; 社区戒毒康复人员表现 is not 无犯罪记录).
 */
export const ABOLISHED: AbolishedItem[] = [
  item('lost', '证件遗失证明', ['证件遗失'], [/遗失|丢失|丢了|弄丢|掉了|被盗|被偷|挂失|补办/], '已取消，由申请人向发证机关申请补办，不需要社区证明'),
  item('hukouChange', '户口登记项目内容变更申请证明', ['户口登记项目'], [/(户口|户籍|身份证).{0,6}(变更|更正|更改|修改|改动|迁移|迁出|迁入|注销)/, /(变更|更正|更改|修改|改)(姓名|名字|出生日期|生日|民族|性别|身份证号)/, /改名|曾用名/], '向公安机关户籍管理部门申请，社区不再出具'),
  item('rehab', '社区戒毒康复人员表现证明', ['社区戒毒'], [/戒毒|吸毒|涉毒|禁毒|康复人员/], '由禁毒部门或社区戒毒社区康复工作机构出具'),
  item('criminal', '无犯罪记录证明', ['无犯罪记录', '政审'], [/犯罪|违法|违纪|前科|案底|良民|政审|品行|品德|表现良好|一贯表现|现实表现|不良记录|治安|刑事|服刑|刑满|守法/], '由公安机关出具'),
  item('missing', '人员失踪证明', ['失踪'], [/失踪|下落不明|走失|失联|离家出走|联系不上|找不到人/], '由公安机关或人民法院出具'),
  item('fertility', '婚育证明', ['婚育'], [/婚育|生育|计划生育|计生|独生|未育|节育|结扎|上环|二孩|三孩|二胎|三胎|准生|超生|生小孩|生孩子/], '已取消，由申请人书面承诺或卫生健康部门查询'),
  item('kinship', '亲属关系证明', ['亲属关系', '直系亲属'], [new RegExp(`[${KIN}]{2,}(之间)?(的)?关系`), new RegExp(`[${KIN}]{1,3}(和|与|跟|同)[${KIN}]{1,3}.{0,3}关系`), /亲属|亲戚|直系|旁系|血缘|血亲|亲子|收养|抚养|赡养|扶养|监护|父子|父女|母子|母女|兄弟|姐妹|兄妹|姐弟|祖孙|婆媳|翁婿|继父|继母|养父|养母|是(我|他|她|其)的?(父亲|母亲|儿子|女儿|孩子|孙子|孙女|哥哥|姐姐|弟弟|妹妹)/], '由申请人提供户口簿、结婚证、出生医学证明等材料，或由公安机关、公证机构出具'),
  item('marital', '婚姻状况证明', ['婚姻状况'], [/婚姻|婚史|未婚|已婚|离婚|离异|丧偶|再婚|复婚|单身|分居|结婚|无配偶|有配偶|配偶|初婚|夫妻/], '已取消，由申请人书面承诺或由民政部门婚姻登记机关查询'),
  item('birth', '出生证明', ['出生证'], [/出生|新生儿|生日/], '由助产机构出具《出生医学证明》'),
  item('alive', '健在证明', ['健在', '生存证明'], [/健在|在世|生存|活着|存活|还活|人还在|资格认证|领取养老金/], '已取消，由社保等部门通过信息比对或本人认证'),
  item('death', '死亡证明', ['死亡'], [/死亡|去世|过世|病故|身故|亡故|已故|逝世|离世|殡葬|火化|丧葬/], '由医疗机构、公安机关出具《居民死亡医学证明（推断）书》'),
  item('disability', '残疾证明', ['残疾'], [/残疾|伤残|残障|失能|瘫痪|智障|聋哑|失明|盲人/], '由残联核发残疾人证，或医疗机构出具'),
  item('illness', '疾病证明', ['急诊', '意外伤害'], [/疾病|病情|患病|生病|病史|得病|急诊|意外|伤害|受伤|工伤|住院|病假|病危|大病|重病|身体状况|健康状况|身体不好|精神病|看病|就医/], '由医疗机构出具'),
  item('employment', '就业状况证明', ['就业状况'], [/就业|失业|无业|待业|在职|在岗|工作证明|无工作|没有工作|没工作|未工作|无固定工作|工作单位|离职|辞职|下岗|退休|务工|务农|打工|灵活就业|工作经历|从业/], '由人力资源社会保障部门或用人单位出具'),
  item('archive', '个人档案证明', ['个人档案'], [/档案/], '由档案保管单位出具'),
  item('inheritance', '遗产继承权证明', ['继承权'], [/遗产|继承|遗嘱/], '由公证机构或人民法院办理'),
  item('premises', '市场主体住所证明', ['住改商', '无扰民'], [/经营|营业|住所|住改商|扰民|注册地|办公场所|商铺|门面|开店|店铺|工商|公司地址|生产场地/], '已取消，由申请人提交住所（经营场所）信息申报承诺'),
  item('property', '财产证明', ['经济状况', '偿还能力'], [/财产|资产|经济|收入|工资|薪水|偿还|还款|债务|欠款|房产|房屋|住房|有无房|无房|名下|存款|储蓄|投资|股票|车辆|汽车|贫困|困难|家境|家庭条件/], '由不动产登记、金融、车管等部门出具，或由申请人书面承诺'),
  item('identity', '居民身份信息证明', ['身份信息'], [/户口|户籍|身份信息|身份证明|身份证号|户口本|户口簿|籍贯|本地户|常住人口|同一人|是同一个人|是本人|我是我/], '由公安机关户籍管理部门出具或通过户口簿、身份证核验'),
  item('dog', '养犬证明', ['养犬'], [/养犬|犬|养狗|狗|宠物/], '已取消，由公安机关或养犬管理部门办理登记'),
];

/** What the administrator adds for the province or city: kinds of their own, and more words for any kind. */
export interface LocalRefusals {
  kinds: { key: string; name: string; instead: string; basis: string; synonyms: string[] }[];
  /** Extra words by kind key (national or local). */
  words: Record<string, string[]>;
}
export const NO_LOCAL_REFUSALS: LocalRefusals = { kinds: [], words: {} };

/** The national kinds and the local ones, each with the administrator's extra words. */
export function refusalKinds(local: LocalRefusals = NO_LOCAL_REFUSALS): AbolishedItem[] {
  const withWords = (k: AbolishedItem): AbolishedItem => ({ ...k, synonyms: [...k.synonyms, ...(local.words[k.key] ?? [])] });
  return [...ABOLISHED, ...local.kinds.map((k) => ({ ...k, topics: [], shipped: false }))].map(withWords);
}

/** A kind's own name, when it is long enough to mean only that kind (出生 alone is in 更正出生日期 too). */
const longName = (k: AbolishedItem) => [clean(k.name).replace(/证明$/, '')].filter((n) => n.length >= 4);
const clean = (s: string) => s.normalize('NFKC').replace(/[\s·•,，、.。;；:：()（）《》“”"'‘’\-—_/]+/g, '').toLowerCase();

/**
 * The abolished kind a request is about, if any: by what it is about (the topics), by its name, or by a
 * word the administrator added. A request that names an allowed matter and an abolished one (居住及收入证明)
 * is about the abolished one. NFKC, spaces and punctuation ignored.
 */
export function abolishedMatch(request: string, local: LocalRefusals = NO_LOCAL_REFUSALS): AbolishedItem | undefined {
  const s = clean(request);
  if (!s) return undefined;
  const kinds = refusalKinds(local);
  // Words the administrator gave win: they are the office's own reading of a request.
  return (
    kinds.find((k) => !k.shipped && (s.includes(clean(k.name).replace(/证明$/, '')) || k.synonyms.some((w) => clean(w) && s.includes(clean(w))))) ??
    kinds.find((k) => k.synonyms.some((w) => clean(w) && s.includes(clean(w))) || longName(k).some((n) => s.includes(n))) ??
    kinds.find((k) => k.topics.some((t) => t.test(s)))
  );
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

/** Does the template state since when the person has lived here (so a true date must be known)? */
export const needsLivingSince = (template: string) => /\{\{\s*居住起始日期\s*\}\}/.test(template);

/** Placeholders a template uses that are not fields: shown to the administrator when the template is saved. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(TEMPLATE_FIELDS);
  return [...template.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1]!).filter((n) => !known.has(n));
}

