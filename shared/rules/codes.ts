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
  e('10', '未婚', 'Never married', ['单身']),
  e('20', '已婚', 'Married', ['有配偶']),
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

/** GB/T 4761-2008 家庭关系代码, whole, with the words people write in their sheets. */
export const RELATION: CodeEntry[] = [
  e('02', '户主', 'Head of household', ['本户', '户主本人']),
  e('01', '本人', 'Self'),
  e('10', '配偶', 'Spouse', ['爱人', '夫妻']),
  e('11', '夫', 'Husband', ['丈夫', '之夫']),
  e('12', '妻', 'Wife', ['妻子', '之妻', '老婆']),
  e('20', '子', 'Son', ['儿子', '之子']),
  e('21', '独生子', 'Only son'),
  e('22', '长子', 'Eldest son', ['大儿子']),
  e('23', '次子', 'Second son', ['二儿子', '二子']),
  e('24', '三子', 'Third son', ['三儿子']),
  e('25', '四子', 'Fourth son', ['四儿子']),
  e('26', '五子', 'Fifth son', ['五儿子']),
  e('27', '养子或继子', 'Adopted son or stepson', ['养子', '继子']),
  e('28', '女婿', 'Son-in-law', ['之婿']),
  e('29', '其他儿子', 'Other son', ['六子', '小儿子']),
  e('30', '女', 'Daughter', ['女儿', '之女']),
  e('31', '独生女', 'Only daughter'),
  e('32', '长女', 'Eldest daughter', ['大女儿']),
  e('33', '次女', 'Second daughter', ['二女儿', '二女']),
  e('34', '三女', 'Third daughter', ['三女儿']),
  e('35', '四女', 'Fourth daughter', ['四女儿']),
  e('36', '五女', 'Fifth daughter', ['五女儿']),
  e('37', '养女或继女', 'Adopted daughter or stepdaughter', ['养女', '继女']),
  e('38', '儿媳', 'Daughter-in-law', ['儿媳妇', '媳妇']),
  e('39', '其他女儿', 'Other daughter', ['六女', '小女儿']),
  e('40', '孙子、孙女或外孙子、外孙女', 'Grandchild', ['孙子女', '孙辈', '孙子女或外孙子女']),
  e('41', '孙子', 'Grandson (son\'s son)'),
  e('42', '孙女', 'Granddaughter (son\'s daughter)'),
  e('43', '外孙子', 'Grandson (daughter\'s son)', ['外孙']),
  e('44', '外孙女', 'Granddaughter (daughter\'s daughter)'),
  e('45', '孙媳妇或外孙媳妇', 'Grandson\'s wife', ['孙媳妇', '孙媳', '外孙媳妇']),
  e('46', '孙女婿或外孙女婿', 'Granddaughter\'s husband', ['孙女婿', '外孙女婿']),
  e('47', '曾孙子或外曾孙子', 'Great-grandson', ['曾孙子', '曾孙', '外曾孙子']),
  e('48', '曾孙女或外曾孙女', 'Great-granddaughter', ['曾孙女', '外曾孙女']),
  e('49', '其他孙子、孙女或外孙子、外孙女', 'Other grandchild', ['其他孙子女']),
  e('50', '父母', 'Parent', ['父母亲']),
  e('51', '父亲', 'Father', ['父', '爸爸']),
  e('52', '母亲', 'Mother', ['母', '妈妈']),
  e('53', '公公', 'Father-in-law (husband\'s father)'),
  e('54', '婆婆', 'Mother-in-law (husband\'s mother)'),
  e('55', '岳父', 'Father-in-law (wife\'s father)'),
  e('56', '岳母', 'Mother-in-law (wife\'s mother)'),
  e('57', '继父或养父', 'Stepfather or adoptive father', ['继父', '养父']),
  e('58', '继母或养母', 'Stepmother or adoptive mother', ['继母', '养母']),
  e('59', '其他父母关系', 'Other parent'),
  e('60', '祖父母或外祖父母', 'Grandparent', ['祖父母', '外祖父母']),
  e('61', '祖父', 'Grandfather (father\'s father)', ['爷爷']),
  e('62', '祖母', 'Grandmother (father\'s mother)', ['奶奶']),
  e('63', '外祖父', 'Grandfather (mother\'s father)', ['外公', '姥爷']),
  e('64', '外祖母', 'Grandmother (mother\'s mother)', ['外婆', '姥姥']),
  e('65', '配偶的祖父母或外祖父母', 'Spouse\'s grandparent'),
  e('66', '曾祖父', 'Great-grandfather'),
  e('67', '曾祖母', 'Great-grandmother'),
  e('68', '配偶的曾祖父母或外曾祖父母', 'Spouse\'s great-grandparent'),
  e('69', '其他祖父母或外祖父母关系', 'Other grandparent'),
  e('70', '兄弟姐妹', 'Sibling', ['兄弟', '姐妹']),
  e('71', '兄', 'Elder brother', ['哥哥', '哥']),
  e('72', '嫂', 'Elder brother\'s wife', ['嫂子']),
  e('73', '弟', 'Younger brother', ['弟弟']),
  e('74', '弟媳', 'Younger brother\'s wife', ['弟妹']),
  e('75', '姐姐', 'Elder sister', ['姐']),
  e('76', '姐夫', 'Elder sister\'s husband'),
  e('77', '妹妹', 'Younger sister', ['妹']),
  e('78', '妹夫', 'Younger sister\'s husband'),
  e('79', '其他兄弟姐妹', 'Other sibling'),
  e('80', '其他', 'Other'),
  e('81', '伯父', 'Uncle (father\'s elder brother)'),
  e('82', '伯母', 'Aunt (father\'s elder brother\'s wife)'),
  e('83', '叔父', 'Uncle (father\'s younger brother)', ['叔叔']),
  e('84', '婶母', 'Aunt (father\'s younger brother\'s wife)', ['婶婶']),
  e('85', '舅父', 'Uncle (mother\'s brother)', ['舅舅']),
  e('86', '舅母', 'Aunt (mother\'s brother\'s wife)', ['舅妈']),
  e('87', '姨父', 'Uncle (mother\'s sister\'s husband)'),
  e('88', '姨母', 'Aunt (mother\'s sister)', ['姨妈', '阿姨']),
  e('89', '姑父', 'Uncle (father\'s sister\'s husband)'),
  e('90', '姑母', 'Aunt (father\'s sister)', ['姑妈', '姑姑']),
  e('91', '堂兄弟、堂姐妹', 'Cousin (father\'s brother\'s child)', ['堂兄', '堂弟', '堂姐', '堂妹']),
  e('92', '表兄弟、表姐妹', 'Cousin (other)', ['表兄', '表弟', '表姐', '表妹']),
  e('93', '侄子', 'Nephew (brother\'s son)', ['侄儿']),
  e('94', '侄女', 'Niece (brother\'s daughter)'),
  e('95', '外甥', 'Nephew (sister\'s son)'),
  e('96', '外甥女', 'Niece (sister\'s daughter)'),
  e('97', '其他亲属', 'Other relative', ['亲属', '亲戚']),
  e('99', '非亲属', 'Not related', ['保姆', '租户', '租客', '借住', '朋友', '同事']),
];

/** 子女 says child but not which: the import takes 子 or 女 from the ID number's gender. */
export const CHILD_WORDS = new Set(['子女', '儿女', '孩子', '小孩']);

export const POLITICAL: CodeEntry[] = [
  e('01', '中共党员', 'CPC member', ['党员', '中国共产党党员', '共产党员', '中共']),
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
  e('13', '群众', 'Non-party public', ['无', '普通群众']),
];

export const EDUCATION: CodeEntry[] = [
  e('10', '研究生', 'Postgraduate', ['硕士', '博士', '研究生教育', '硕士研究生', '博士研究生']),
  e('20', '大学本科', 'Bachelor', ['本科']),
  e('30', '大学专科', 'College diploma', ['大专', '专科']),
  e('40', '中专/中技', 'Technical secondary', ['中专', '中技', '中等专科', '技校', '职高', '中等职业教育']),
  e('60', '高中', 'Senior high school', ['普通高中', '高中毕业']),
  e('70', '初中', 'Junior high school'),
  e('80', '小学', 'Primary school'),
  e('90', '其他', 'Other', ['无']),
  // GB/T 4658-1984's 90, dropped in 2006 but still the word on every elderly roster: kept apart, not as 其他.
  e('91', '文盲或半文盲', 'Illiterate or semi-literate', ['文盲', '半文盲', '不识字']),
];

export const RESIDENCE_TYPE: CodeEntry[] = [
  e('registered', '户籍人口', 'Registered here', ['户籍', '本地户籍', '户籍居民', '本地']),
  e('resident', '常住人口', 'Living here 6+ months', ['常住', '常住居民']),
  e('floating', '流动人口', 'Floating population', ['流动', '外来人口', '暂住人口', '暂住', '外地户籍', '外来']),
  e('away', '人在户不在', 'Lives here, registered elsewhere', ['人在户不在人口']),
  e('absent', '户在人不在', 'Registered here, lives elsewhere', ['空挂户', '户在人不在人口']),
  // A sheet that says only 人户分离 does not say which way: kept as that, for staff to settle.
  e('separated', '人户分离', 'Registration and residence apart', ['人户分离人口']),
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
  const t = text.normalize('NFKC').trim().replace(/\s+/g, '');
  return map.get(t) ?? map.get(t.toLowerCase()) ?? map.get(toSimplified(t));
}

/** For a value no list entry has: the three official names that share the most characters with it. */
export function closestCodes(list: CodeListName, text: string): string[] {
  const chars = new Set(text.normalize('NFKC'));
  const scored = CODE_LISTS[list].map((entry) => {
    const best = Math.max(...[entry.zh, ...(entry.aliases ?? [])].map((w) => {
      const shared = [...new Set(w)].filter((c) => chars.has(c)).length;
      return (2 * shared) / (new Set(w).size + chars.size);
    }));
    return { name: entry.zh, best };
  });
  return scored.filter((s) => s.best > 0).sort((a, b) => b.best - a.best).slice(0, 3).map((s) => s.name);
}

export function isCode(list: CodeListName, code: string): boolean {
  return CODE_LISTS[list].some((entry) => entry.code === code);
}

export function codeName(list: CodeListName, code: string | null | undefined): string {
  return CODE_LISTS[list].find((entry) => entry.code === code)?.zh ?? '';
}

// Traditional forms of the characters used in the lists above, for zh-TW labels.
const TRAD_PAIRS =
  '汉漢维維长長侄姪继繼婶嬸关關识識妈媽爷爺尔爾壮壯鲜鮮满滿瑶瑤萨薩东東乡鄉纳納颇頗达達锡錫乌烏兹茲别別罗羅温溫独獨龙龍门門诺諾国國统統说說离離丧喪团團预預备備员員进進农農党黨学學台臺无無众眾专專业業级級亲親属屬户戶孙孫复復龄齡残殘儿兒优優抚撫对對军軍养養动動册冊迁遷华華';
const TRAD = new Map<string, string>();
for (let i = 0; i < TRAD_PAIRS.length; i += 2) TRAD.set(TRAD_PAIRS[i]!, TRAD_PAIRS[i + 1]!);
export function toTraditional(s: string): string {
  return Array.from(s, (ch) => TRAD.get(ch) ?? ch).join('');
}
const SIMP = new Map([...TRAD].map(([s, t]) => [t, s]));
/** A zh-TW export's values read back: the traditional forms of the lists' characters made simplified. */
function toSimplified(s: string): string {
  return Array.from(s, (ch) => SIMP.get(ch) ?? ch).join('');
}
