import type { TFunction } from 'i18next';
import { moduleOf } from '../../../shared/contract';
import { recordPages } from '../../../shared/contract/links';

/**
 * The method's module in the menu's words, and the action's (`nav.volunteers` · `audit.actions.write` for
 * `teams.save`); a module's main menu entry is keyed by its name. Signing in belongs to none; a method an
 * older version had (in an old entry) is named by its prefix where the menu has that word.
 */
export function auditWhat(t: TFunction, method: string, action: string): string {
  const area = method.startsWith('auth.') ? '' : t(`nav.${moduleOf(method) ?? method.slice(0, method.indexOf('.'))}`, { defaultValue: '' });
  const done = t(`audit.actions.${action}`, { defaultValue: action });
  return area ? `${area} · ${done}` : done;
}

/** The record kind's word and its number (and its page) for `resident:12`; a kind without words is shown as it is. */
export function auditRecord(t: TFunction, record: string): { text: string; href?: string } {
  const [kind = '', id = '', ...rest] = record.split(':');
  if (!kind || !/^\d+$/.test(id)) return { text: record };
  const noun = t(`audit.kinds.${kind}`, { defaultValue: '' });
  if (!noun) return { text: record };
  const state = rest.length ? ` · ${t(`audit.states.${rest.join(':')}`, { defaultValue: rest.join(':') })}` : '';
  const page = Object.prototype.hasOwnProperty.call(recordPages, kind) ? recordPages[kind]!(id) : undefined;
  return { text: `${noun} #${id}${state}`, href: page && `#/${page}` };
}
