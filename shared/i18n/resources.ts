import zhCNcommon from './locales/zh-CN/common.json';
import zhCNerrors from './locales/zh-CN/errors.json';
import zhCNresidents from './locales/zh-CN/residents.json';
import zhCNparty from './locales/zh-CN/party.json';
import zhCNcertificates from './locales/zh-CN/certificates.json';
import zhCNmediation from './locales/zh-CN/mediation.json';
import zhCNlists from './locales/zh-CN/lists.json';
import zhCNvisits from './locales/zh-CN/visits.json';
import zhCNhome from './locales/zh-CN/home.json';
import zhCNreports from './locales/zh-CN/reports.json';
import zhCNconsultation from './locales/zh-CN/consultation.json';
import zhCNvolunteers from './locales/zh-CN/volunteers.json';
import zhCNretention from './locales/zh-CN/retention.json';
import zhTWcommon from './locales/zh-TW/common.json';
import zhTWerrors from './locales/zh-TW/errors.json';
import zhTWresidents from './locales/zh-TW/residents.json';
import zhTWparty from './locales/zh-TW/party.json';
import zhTWcertificates from './locales/zh-TW/certificates.json';
import zhTWmediation from './locales/zh-TW/mediation.json';
import zhTWlists from './locales/zh-TW/lists.json';
import zhTWvisits from './locales/zh-TW/visits.json';
import zhTWhome from './locales/zh-TW/home.json';
import zhTWreports from './locales/zh-TW/reports.json';
import zhTWconsultation from './locales/zh-TW/consultation.json';
import zhTWvolunteers from './locales/zh-TW/volunteers.json';
import zhTWretention from './locales/zh-TW/retention.json';
import enUScommon from './locales/en-US/common.json';
import enUSerrors from './locales/en-US/errors.json';
import enUSresidents from './locales/en-US/residents.json';
import enUSparty from './locales/en-US/party.json';
import enUScertificates from './locales/en-US/certificates.json';
import enUSmediation from './locales/en-US/mediation.json';
import enUSlists from './locales/en-US/lists.json';
import enUSvisits from './locales/en-US/visits.json';
import enUShome from './locales/en-US/home.json';
import enUSreports from './locales/en-US/reports.json';
import enUSconsultation from './locales/en-US/consultation.json';
import enUSvolunteers from './locales/en-US/volunteers.json';
import enUSretention from './locales/en-US/retention.json';
import { CODE_LISTS, toTraditional } from '../rules/codes';

import { LANGUAGES, type Language } from './languages';

export * from './languages';
export const NAMESPACES = ['common', 'errors', 'residents', 'party', 'certificates', 'mediation', 'lists', 'visits', 'home', 'reports', 'consultation', 'volunteers', 'retention', 'codes'] as const;

type Tree = { [key: string]: string | Tree };

/** The code lists' names, as an i18next namespace: codes:ethnicity.01 → 汉族 / 漢族 / Han. */
function codeResources(lang: Language): Tree {
  const out: Tree = {};
  for (const [list, entries] of Object.entries(CODE_LISTS)) {
    const names: Tree = {};
    for (const entry of entries) names[entry.code] = lang === 'en-US' ? entry.en : lang === 'zh-TW' ? toTraditional(entry.zh) : entry.zh;
    out[list] = names;
  }
  return out;
}

const written: Record<Language, Record<(typeof NAMESPACES)[number], Tree>> = {
  'zh-CN': { common: zhCNcommon, errors: zhCNerrors, residents: zhCNresidents, party: zhCNparty, certificates: zhCNcertificates, mediation: zhCNmediation, lists: zhCNlists, visits: zhCNvisits, home: zhCNhome, reports: zhCNreports, consultation: zhCNconsultation, volunteers: zhCNvolunteers, retention: zhCNretention, codes: codeResources('zh-CN') },
  'zh-TW': { common: zhTWcommon, errors: zhTWerrors, residents: zhTWresidents, party: zhTWparty, certificates: zhTWcertificates, mediation: zhTWmediation, lists: zhTWlists, visits: zhTWvisits, home: zhTWhome, reports: zhTWreports, consultation: zhTWconsultation, volunteers: zhTWvolunteers, retention: zhTWretention, codes: codeResources('zh-TW') },
  'en-US': { common: enUScommon, errors: enUSerrors, residents: enUSresidents, party: enUSparty, certificates: enUScertificates, mediation: enUSmediation, lists: enUSlists, visits: enUSvisits, home: enUShome, reports: enUSreports, consultation: enUSconsultation, volunteers: enUSvolunteers, retention: enUSretention, codes: codeResources('en-US') },
};

const copy = (tree: Tree): Tree => JSON.parse(JSON.stringify(tree)) as Tree;

/** Copies `from` into `into`, refusing a key both have: two modules' words for one thing are a mistake found at start. */
function mergeInto(into: Tree, from: Tree, where: string): void {
  for (const [key, value] of Object.entries(from)) {
    const there = into[key];
    if (there === undefined) into[key] = typeof value === 'string' ? value : copy(value);
    else if (typeof there === 'object' && typeof value === 'object') mergeInto(there, value, `${where}.${key}`);
    else throw new Error(`two words for ${where}.${key}`);
  }
}

/**
 * A module keeps all its words in its own namespace, those the shared screens say for it too: its
 * refusals under `errors`, its menu words under `nav`, its permissions' under `permissions` and the
 * kinds of its records (in the activity log) under `recordKinds`. They are folded in here, into
 * errors:, common:nav, common:roles.permissions and common:audit.kinds, where the main process, the
 * forms, the menu, the roles matrix and the log look for them (consultation.json and volunteers.json
 * do so; the older modules' words are still in errors.json and common.json).
 */
function folded(lang: Language, byNamespace: Record<(typeof NAMESPACES)[number], Tree>): Record<(typeof NAMESPACES)[number], Tree> {
  const out = { ...byNamespace, errors: copy(byNamespace.errors), common: copy(byNamespace.common) };
  const roles = out.common.roles as Tree;
  const audit = out.common.audit as Tree;
  const into: Record<string, [Tree, string]> = {
    errors: [out.errors, 'errors'],
    nav: [out.common.nav as Tree, 'common:nav'],
    permissions: [roles.permissions as Tree, 'common:roles.permissions'],
    recordKinds: [audit.kinds as Tree, 'common:audit.kinds'],
  };
  for (const ns of NAMESPACES) {
    if (ns === 'errors' || ns === 'common') continue;
    const own: Tree = { ...byNamespace[ns] };
    for (const [section, [target, where]] of Object.entries(into)) {
      const words = own[section];
      if (typeof words !== 'object') continue;
      mergeInto(target, words, `${lang} ${where}`);
      delete own[section];
    }
    out[ns] = own;
  }
  return out;
}

export const resources = Object.fromEntries(LANGUAGES.map((lang) => [lang, folded(lang, written[lang])])) as Record<Language, Record<(typeof NAMESPACES)[number], Tree>>;

export function isLanguage(s: unknown): s is Language {
  return typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);
}

/**
 * A message's parameters that are themselves words to translate: "@ns:key|@ns:key" (the main process
 * names things, the reader's language says them), joined as a list.
 */
export function translatedParams(params: Record<string, string | number>, t: (key: string) => string, sep = '、'): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('@') ? v.split('|').map((w) => t(w.replace(/^@/, ''))).join(sep) : v]),
  );
}

/** For the main process (CLI output, report files): the same resources, without i18next. */
export function translate(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
  let node: string | Tree | undefined = resources[lang][ns as (typeof NAMESPACES)[number]];
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') return key;
  const words = translatedParams(params, (k) => translate(lang, k), lang === 'en-US' ? ', ' : '、');
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(words[name] ?? ''));
}
