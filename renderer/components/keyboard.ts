import type { KeyboardEvent } from 'react';

const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button[type=submit]';

/**
 * Enter moves to the next field, as in the spreadsheets staff know; on the submit button it submits.
 * Not inside a textarea (Enter is a new line there) nor while a dropdown is open (Enter picks).
 */
export function enterToNext(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.nativeEvent.isComposing) return;
  const target = e.target as HTMLElement;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  const fields = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter((el) => el.offsetParent !== null);
  const next = fields[fields.indexOf(target) + 1];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}
