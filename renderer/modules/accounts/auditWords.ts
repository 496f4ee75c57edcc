import type { TFunction } from 'i18next';
import { links } from '../../../shared/contract/links';

/** Which part of Linli a method belongs to, by its prefix: the menu's own words say it (signing in belongs to none). */
const AREA: Record<string, string> = {
  app: 'home',
  audit: 'audit',
  users: 'users',
  roles: 'users',
  backups: 'backups',
  certificates: 'certificates',
  certs: 'certificates',
  templates: 'certificates',
  community: 'community',
  desk: 'todo',
  reminders: 'todo',
  hosting: 'hosting',
  households: 'residents',
  residents: 'residents',
  lists: 'lists',
  mediation: 'mediation',
  party: 'party',
  problems: 'visits',
  visits: 'visits',
  records: 'retention',
  retention: 'retention',
  reports: 'reports',
  sheets: 'sheets',
  consultation: 'consultation',
  volunteers: 'volunteers',
  teams: 'volunteers',
  activities: 'volunteers',
  patrols: 'volunteers',
};

/** Records that have a page of their own: the log links to it. */
const PAGE: Record<string, (id: string) => string> = {
  resident: (id) => `#/${links.resident(id)}`,
  household: (id) => `#/${links.household(id)}`,
  mediation_case: (id) => `#/${links.mediationCase(id)}`,
  list_need: (id) => `#/${links.need(id)}`,
  problem: (id) => `#/${links.problem(id)}`,
  consult_matter: (id) => `#/${links.matter(id)}`,
  volunteer: (id) => `#/${links.volunteer(id)}`,
  volunteer_activity: (id) => `#/${links.activity(id)}`,
};

/** The menu's name of the area and the action's words (`nav.residents` · `audit.actions.write` for `residents.update`). */
export function auditWhat(t: TFunction, method: string, action: string): string {
  const area = AREA[method.split('.')[0] ?? ''];
  const done = t(`audit.actions.${action}`, { defaultValue: action });
  return area ? `${t(`nav.${area}`)} · ${done}` : done;
}

/** The record kind's word and its number (and its page) for `resident:12`; a kind without words is shown as it is. */
export function auditRecord(t: TFunction, record: string): { text: string; href?: string } {
  const [kind = '', id = '', ...rest] = record.split(':');
  if (!kind || !/^\d+$/.test(id)) return { text: record };
  const noun = t(`audit.kinds.${kind}`, { defaultValue: '' });
  if (!noun) return { text: record };
  const state = rest.length ? ` · ${t(`audit.states.${rest.join(':')}`, { defaultValue: rest.join(':') })}` : '';
  return { text: `${noun} #${id}${state}`, href: PAGE[kind]?.(id) };
}
