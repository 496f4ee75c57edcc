/**
 * National code lists (GB/T 2261, GB 3304, GB/T 4761, GB/T 4762, GB/T 4658) and the ledger's own
 * short lists. Official names are data: the import matches them, print forms use them, and the
 * renderer registers them as the i18next `codes` namespace (see renderer/i18n).
 */
export interface CodeEntry {
  code: string;
  zh: string;
  en: string;
  /** Other spellings an import accepts (汉 for 汉族, 儿子 for 子). */
  aliases?: string[];
}

const e = (code: string, zh: string, en: string, aliases?: string[]): CodeEntry => (aliases ? { code, zh, en, aliases } : { code, zh, en });

export const GENDER: CodeEntry[] = [e('1', '男', 'Male', ['男性', 'M']), e('2', '女', 'Female', ['女性', 'F']), e('0', '未知', 'Unknown'), e('9', '未说明', 'Not stated')];

export const MARITAL: CodeEntry[] = [
  e('10', '未婚', 'Never married'),
  e('20', '已婚', 'Married'),
  e('21', '初婚', 'First marriage'),
  e('22', '再婚', 'Remarried'),
  e('23', '复婚', 'Remarried to former spouse'),
  e('30', '丧偶', 'Widowed'),
  e('40', '离婚', 'Divorced', ['离异']),
  e('90', '未说明', 'Not stated'),
];

const ETHNIC_NAMES: [string, string][] = [
  ['汉', 'Han'], ['蒙古', 'Mongol'], ['回', 'Hui'], ['藏', 'Tibetan'], ['维吾尔', 'Uyghur'], ['苗', 'Miao'],
  ['彝', 'Yi'], ['壮', 'Zhuang'], ['布依', 'Bouyei'], ['朝鲜', 'Korean'], ['满', 'Manchu'], ['侗', 'Dong'],
  ['瑶', 'Yao'], ['白', 'Bai'], ['土家', 'Tujia'], ['哈尼', 'Hani'], ['哈萨克', 'Kazakh'], ['傣', 'Dai'],
  ['黎', 'Li'], ['傈僳', 'Lisu'], ['佤', 'Va'], ['畲', 'She'], ['高山', 'Gaoshan'], ['拉祜', 'Lahu'],
  ['水', 'Shui'], ['东乡', 'Dongxiang'], ['纳西', 'Naxi'], ['景颇', 'Jingpo'], ['柯尔克孜', 'Kyrgyz'],
  ['土', 'Tu'], ['达斡尔', 'Daur'], ['仫佬', 'Mulao'], ['羌', 'Qiang'], ['布朗', 'Blang'], ['撒拉', 'Salar'],
  ['毛南', 'Maonan'], ['仡佬', 'Gelao'], ['锡伯', 'Xibe'], ['阿昌', 'Achang'], ['普米', 'Pumi'],
  ['塔吉克', 'Tajik'], ['怒', 'Nu'], ['乌孜别克', 'Uzbek'], ['俄罗斯', 'Russian'], ['鄂温克', 'Evenk'],
  ['德昂', "De'ang"], ['保安', 'Bonan'], ['裕固', 'Yugur'], ['京', 'Gin'], ['塔塔尔', 'Tatar'],
  ['独龙', 'Derung'], ['鄂伦春', 'Oroqen'], ['赫哲', 'Hezhen'], ['门巴', 'Monpa'], ['珞巴', 'Lhoba'], ['基诺', 'Jino'],
];
export const ETHNICITY: CodeEntry[] = [
  ...ETHNIC_NAMES.map(([zh, en], i) => e(String(i + 1).padStart(2, '0'), `${zh}族`, en, [zh])),
  e('97', '其他', 'Other'),
  e('98', '外国血统中国籍人士', 'Chinese citizen of foreign origin'),
];

export const RELATION: CodeEntry[] = [
  e('02', '户主', 'Head of household'),
  e('01', '本人', 'Self'),
  e('10', '配偶', 'Spouse'),
  e('11', '夫', 'Husband', ['丈夫']),
  e('12', '妻', 'Wife', ['妻子']),
  e('20', '子', 'Son', ['儿子']),
  e('30', '女', 'Daughter', ['女儿']),
  e('40', '孙子女', 'Grandchild', ['孙子', '孙女', '外孙', '外孙女', '孙辈']),
  e('50', '父母', 'Parent'),
  e('51', '父亲', 'Father'),
  e('52', '母亲', 'Mother'),
  e('60', '祖父母', 'Grandparent'),
  e('70', '兄弟姐妹', 'Sibling', ['兄', '弟', '姐', '妹']),
  e('97', '其他亲属', 'Other relative'),
  e('99', '非亲属', 'Not related'),
];

export const POLITICAL: CodeEntry[] = [
  e('01', '中共党员', 'CPC member', ['党员', '中国共产党党员']),
  e('02', '中共预备党员', 'CPC probationary member', ['预备党员']),
  e('03', '共青团员', 'CYL member', ['团员']),
  e('04', '民革党员', 'RCCK member'),
  e('05', '民盟盟员', 'CDL member'),
  e('06', '民建会员', 'CNDCA member'),
  e('07', '民进会员', 'CAPD member'),
  e('08', '农工党党员', 'CPWDP member'),
  e('09', '致公党党员', 'CZGP member'),
  e('10', '九三学社社员', 'Jiusan Society member'),
  e('11', '台盟盟员', 'TDSGL member'),
  e('12', '无党派人士', 'Independent'),
  e('13', '群众', 'Non-party public'),
];

export const EDUCATION: CodeEntry[] = [
  e('10', '研究生', 'Postgraduate', ['硕士', '博士', '研究生教育']),
  e('20', '大学本科', 'Bachelor', ['本科']),
  e('30', '大学专科', 'College diploma', ['大专', '专科']),
  e('40', '中专/中技', 'Technical secondary', ['中专', '中技', '中等专科']),
  e('60', '高中', 'Senior high school', ['普通高中']),
  e('70', '初中', 'Junior high school'),
  e('80', '小学', 'Primary school'),
  e('90', '其他', 'Other', ['文盲', '无']),
];

export const RESIDENCE_TYPE: CodeEntry[] = [
  e('registered', '户籍人口', 'Registered here', ['户籍']),
  e('resident', '常住人口', 'Living here 6+ months', ['常住']),
  e('floating', '流动人口', 'Floating population', ['流动']),
  e('away', '人在户不在', 'Lives here, registered elsewhere'),
  e('absent', '户在人不在', 'Registered here, lives elsewhere'),
];

/** Care groups (特殊人群). 高龄 is computed from age, never stored. */
export const CARE_TAG: CodeEntry[] = [
  e('alone', '独居/空巢老人', 'Elderly living alone', ['独居老人', '空巢老人', '独居', '空巢']),
  e('disabled', '残疾人', 'Person with disability', ['残疾']),
  e('dibao', '低保', 'Minimum living allowance'),
  e('tekun', '特困供养', 'Extreme-poverty support', ['特困']),
  e('youfu', '优抚对象', 'Entitled group (special care)', ['优抚']),
  e('veteran', '退役军人', 'Veteran'),
  e('child_hardship', '困境儿童', 'Child in hardship'),
  e('left_behind', '留守儿童', 'Left-behind child'),
];

export const RESIDENT_STATUS: CodeEntry[] = [
  e('active', '在册', 'Living here'),
  e('moved_out', '已迁出', 'Moved out'),
  e('deceased', '已故', 'Deceased'),
];

export const CODE_LISTS = {
  gender: GENDER,
  marital: MARITAL,
  ethnicity: ETHNICITY,
  relation: RELATION,
  political: POLITICAL,
  education: EDUCATION,
  residenceType: RESIDENCE_TYPE,
  careTag: CARE_TAG,
  status: RESIDENT_STATUS,
} as const;
export type CodeListName = keyof typeof CODE_LISTS;

export const HIGH_AGE = 80;
/** Personal information of children under 14 is sensitive as a whole (个人信息保护法 第28、31条). */
export const MINOR_AGE = 14;

const lookups = new Map<CodeListName, Map<string, string>>();
/** Finds the code for what a spreadsheet cell says: the code itself, the official name, or an alias. */
export function codeFromText(list: CodeListName, text: string): string | undefined {
  let map = lookups.get(list);
  if (!map) {
    map = new Map();
    for (const entry of CODE_LISTS[list]) {
      for (const key of [entry.code, entry.zh, entry.en.toLowerCase(), ...(entry.aliases ?? [])]) map.set(key, entry.code);
    }
    lookups.set(list, map);
  }
  const t = text.normalize('NFKC').trim();
  return map.get(t) ?? map.get(t.toLowerCase());
}

export function isCode(list: CodeListName, code: string): boolean {
  return CODE_LISTS[list].some((entry) => entry.code === code);
}

export function codeName(list: CodeListName, code: string | null | undefined): string {
  return CODE_LISTS[list].find((entry) => entry.code === code)?.zh ?? '';
}

// Traditional forms of the characters used in the lists above, for zh-TW labels.
const TRAD_PAIRS =
  '汉漢维維尔爾壮壯鲜鮮满滿瑶瑤萨薩东東乡鄉纳納颇頗达達锡錫乌烏兹茲别別罗羅温溫独獨龙龍门門诺諾国國统統说說离離丧喪团團预預备備员員进進农農党黨学學台臺无無众眾专專业業级級亲親属屬户戶孙孫复復龄齡残殘儿兒优優抚撫对對军軍养養动動册冊迁遷华華';
const TRAD = new Map<string, string>();
for (let i = 0; i < TRAD_PAIRS.length; i += 2) TRAD.set(TRAD_PAIRS[i]!, TRAD_PAIRS[i + 1]!);
export function toTraditional(s: string): string {
  return Array.from(s, (ch) => TRAD.get(ch) ?? ch).join('');
}
