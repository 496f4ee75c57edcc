import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources, translate } from '../../shared/i18n/resources';
import type { IdProblem } from '../../shared/rules/idNumber';
import { PERMISSIONS } from '../../shared/contract';
import { BRANCH_KINDS, MEETING_KINDS, MEMBER_CATEGORIES, MEMBER_STATUSES } from '../../shared/contract/party';
import { DUES_KINDS, STAGES, STEP_COUNT } from '../../shared/rules/party';
import { CERT_STATUSES } from '../../shared/contract/certificates';
import { CASE_SOURCES, CASE_STATES, DUTIES, FILE_ITEMS, RIGHTS, ROUTES } from '../../shared/rules/mediation';

/** Every rule a development step can break: rules.ts and the main process build the key from these. */
const RULES = ['order', 'future', 'beforePrevious', 'birthDateNeeded', 'tooYoung', 'twoPeople', 'activistYear', 'training', 'voteCounts', 'noQuorum', 'rejected', 'probationRunning', 'approvalTooLate', 'extensionWhen', 'extensionOnce'];

const ROOT = path.resolve(__dirname, '..', '..');

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx)$/.test(d.name))
    .map((d) => fs.readFileSync(path.join(d.parentPath, d.name), 'utf8'));
}

/** English puts nothing after the page count ("Page 1 of 3"). */
const MAY_BE_EMPTY = ['common:print.pageAfter'];
const has = (lang: (typeof LANGUAGES)[number], key: string) => translate(lang, key) !== key;

describe('translations', () => {
  it('every language has exactly the keys of zh-CN, none empty', () => {
    for (const ns of Object.keys(resources['zh-CN']) as (keyof (typeof resources)['zh-CN'])[]) {
      const reference = keys(resources['zh-CN'][ns]).sort();
      for (const lang of LANGUAGES) {
        expect(keys(resources[lang][ns]).sort(), `${lang}/${ns}`).toEqual(reference);
        for (const k of keys(resources[lang][ns]).filter((k) => !MAY_BE_EMPTY.includes(`${ns}:${k}`))) expect(translate(lang, `${ns}:${k}`).trim(), `${lang} ${ns}:${k}`).not.toBe('');
      }
    }
  });

  it("a module's refusals and menu words, kept in its own namespace, are said where the app looks for them", () => {
    for (const lang of LANGUAGES) {
      expect(translate(lang, 'errors:volunteers.notFound', { id: 3 })).toMatch(/3/);
      expect(translate(lang, 'errors:consultation.participantName')).not.toBe('errors:consultation.participantName');
      expect(translate(lang, 'nav.volunteers')).not.toBe('nav.volunteers');
      expect(resources[lang].volunteers.errors, `${lang}: folded, not left in the module's namespace`).toBeUndefined();
    }
    expect(translate('zh-CN', 'nav.consultation')).toBe('议事协商');
    expect(translate('zh-CN', 'roles.permissions.volunteers.edit')).toContain('志愿者');
    expect(translate('zh-TW', 'audit.kinds.volunteer_activity')).toBe('志願活動');
  });

  it('every literal key the renderer asks for exists in every language', () => {
    const used = new Set<string>();
    for (const src of sources('renderer')) {
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z]+:)?([a-zA-Z][\w.-]*)'/g)) used.add(`${m[1] ?? 'common:'}${m[2]}`);
    }
    expect(used.size).toBeGreaterThan(100);
    for (const key of used) for (const lang of LANGUAGES) expect(has(lang, key), `${lang} ${key}`).toBe(true);
  });

  it('every message key the main process and the schemas can send exists in every language', () => {
    const used = new Set<string>();
    for (const src of [...sources('main'), ...sources('shared')]) {
      for (const m of src.matchAll(/(?:AppError\(|error: |message: |messageKey: |problem: )'([a-z]+\.[a-zA-Z.]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/code: '([a-z]+\.[a-zA-Z]+)'/g)) used.add(m[1]!);
    }
    const problems: IdProblem[] = ['id.empty', 'id.excelMangled', 'id.badLength', 'id.badChars', 'id.badDate', 'id.futureDate', 'id.badCheck'];
    for (const p of problems) used.add(p);
    for (const k of ['validation.type', 'validation.unknownField', 'validation.invalid', 'call.network']) used.add(k);
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) for (const lang of LANGUAGES) expect(has(lang, `errors:${key}`), `${lang} errors:${key}`).toBe(true);
  });

  it('the dynamic families the screens build have every member', () => {
    const families: [string, string[]][] = [
      ['residents:events.kind', ['moved_in', 'moved_out', 'died', 'updated', 'imported', 'household_changed']],
      ['residents:events.title', ['moveOut', 'recordDeath', 'moveBackIn', 'moveMember']],
      ['residents:events.done', ['moveOut', 'recordDeath', 'moveBackIn', 'moveMember']],
      ['residents:events.action', ['moveOut', 'recordDeath', 'moveBackIn', 'moveMember']],
      ['residents:events.reasonPlaceholder', ['moveOut', 'recordDeath', 'moveBackIn']],
      ['residents:sort', ['address_asc', 'name_asc', 'age_desc', 'age_asc', 'entry_desc']],
      ['residents:fields', ['name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'phone', 'hukouAddress', 'residenceType', 'political', 'education', 'marital', 'occupation', 'note', 'tags', 'relation', 'household']],
      ['residents:import.report', ['error', 'warning']],
      ['common:language', LANGUAGES as unknown as string[]],
      ['common:roles.permissions', PERMISSIONS as unknown as string[]],
      ['common:backups.reasons', ['daily', 'auto', 'manual', 'before-import', 'before-restore', 'other']],
      ['party:category', [...MEMBER_CATEGORIES]],
      ['party:status', [...MEMBER_STATUSES]],
      ['party:branchKind', [...BRANCH_KINDS]],
      ['party:duesKind', [...DUES_KINDS]],
      ['party:stage', [...STAGES]],
      ['party:steps', Array.from({ length: STEP_COUNT }, (_, i) => String(i + 1))],
      ['party:meetingKind', Object.keys(MEETING_KINDS)],
      ['party:every', ['month', 'quarter', 'year']],
      ['party:meetings.state', ['held', 'missing', 'open']],
      ['party:meetings.mark', ['held', 'missing', 'open']],
      ['party:events', ['joined', 'full', 'status', 'extended', 'branch']],
      ['party:tabs', ['roster', 'development', 'meetings', 'dues', 'reporting', 'branches']],
      ['party:import', ['error', 'warning']],
      ['certificates:status', [...CERT_STATUSES]],
      ['mediation:state', [...CASE_STATES]],
      ['mediation:source', [...CASE_SOURCES]],
      ['mediation:route', [...ROUTES]],
      ['mediation:file', FILE_ITEMS.map((i) => i.key)],
      ['mediation:outcome', ['written', 'oral', 'failed']],
      ['mediation:role', ['applicant', 'respondent']],
      ['mediation:case.conflict', ['household', 'building']],
      ['mediation:print.rights', [...RIGHTS]],
      ['mediation:print.duties', [...DUTIES]],
      ['certificates:register.columns', ['number', 'date', 'item', 'person', 'purpose', 'handler', 'approver', 'status', 'remark']],
      ['party:print.summaryColumns', ['name', 'posts', 'date', 'post', 'content', 'hours']],
      ['party:member', ['hostOrganisation', 'destination']],
      ['errors:party.rule', RULES],
    ];
    for (const [prefix, members] of families) for (const m of members) for (const lang of LANGUAGES) expect(has(lang, `${prefix}.${m}`), `${lang} ${prefix}.${m}`).toBe(true);
  });
});
