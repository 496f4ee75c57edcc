import type { KeyboardEvent } from 'react';

// A select without a search box has a read-only input: it is a field all the same (来源, 申请人/被申请人).
const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]):not([readonly]), .ant-select:not(.ant-select-disabled) input[readonly], textarea:not([disabled]), button[type=submit]';

const visibleFields = (form: HTMLElement) => Array.from(form.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter((el) => el.offsetParent !== null && !el.closest('.ant-select-clear'));

/** The form element itself (an antd Form renders one), so that a save key can submit it. */
const formOf = (el: HTMLElement): HTMLFormElement | null => (el.tagName === 'FORM' ? (el as HTMLFormElement) : el.querySelector('form'));

/** Focus the field after `from`; with none left, a form without its own save button (a dialog's) is submitted. */
function moveNext(form: HTMLElement, from: HTMLElement): void {
  const fields = visibleFields(form);
  const next = fields[fields.indexOf(from) + 1];
  // A short form (sign-in, unlock, a password) is sent by Enter in its last field, not Enter twice.
  if (next?.tagName === 'BUTTON' && fields.length <= 4) formOf(form)?.requestSubmit();
  else if (next) next.focus();
  else if (!form.querySelector('button[type=submit]')) formOf(form)?.requestSubmit();
}

/**
 * A pick can change the form after the cursor has moved on (a linked resident hides the typed-in
 * fields, and antd tells the fields that watch in a timer of its own): where the field the cursor went
 * to is gone a moment later, it goes on from the select again, to the field that is there now.
 */
function moveOnAfterPick(form: HTMLElement, select: HTMLElement): void {
  moveNext(form, select);
  const landed = document.activeElement;
  let tries = 8;
  const check = () => {
    if (landed && !landed.isConnected && select.isConnected && form.contains(select)) moveNext(form, select);
    else if (tries-- > 0) setTimeout(check, 50);
  };
  setTimeout(check, 50);
}

/** Sets a textarea's text so that React (and so the form) hears of it. */
function setText(el: HTMLTextAreaElement, text: string): void {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, text);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The keyboard path through a form, as in the spreadsheets staff know (attach as onKeyDownCapture, so
 * it sees a key before the field does):
 * - Enter moves to the next field; on the save button it saves.
 * - In a select: closed, Enter moves on without opening it; open, Enter takes the highlighted option and
 *   moves on with the list closed (a multiple select stays, for the next pick).
 * - In a text area Enter is a new line; Enter on an empty last line (Enter twice) leaves it and goes on.
 * - Ctrl+S or Ctrl+Enter saves from any field.
 */
export function enterToNext(e: KeyboardEvent<HTMLElement>): void {
  if (e.nativeEvent.isComposing) return;
  const target = e.target as HTMLElement;
  const form = e.currentTarget;
  if ((e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key.toLowerCase() === 's')) {
    e.preventDefault();
    e.stopPropagation();
    formOf(form)?.requestSubmit();
    return;
  }
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || target.tagName === 'BUTTON') return;
  const select = target.closest('.ant-select');
  if (select) {
    const open = target.getAttribute('aria-expanded') === 'true';
    if (!open) {
      e.preventDefault();
      e.stopPropagation();
      moveNext(form, target);
    } else if (!select.classList.contains('ant-select-multiple')) {
      // The select picks first (this runs before it), then the focus moves on — unless a quick second
      // Enter has already moved it (on a busy PC the timer can come after the next key).
      setTimeout(() => document.activeElement === target && moveOnAfterPick(form, target), 0);
    }
    return;
  }
  if (target.tagName === 'TEXTAREA') {
    const area = target as HTMLTextAreaElement;
    const atEnd = area.selectionStart === area.value.length && area.selectionEnd === area.value.length;
    if (!atEnd || !(area.value === '' || area.value.endsWith('\n'))) return;
    e.preventDefault();
    if (area.value.endsWith('\n')) setText(area, area.value.replace(/\n+$/, ''));
    moveNext(form, target);
    return;
  }
  if (target.getAttribute('aria-expanded') === 'true') return; // another list is open: Enter picks in it
  e.preventDefault();
  moveNext(form, target);
}

/**
 * The × that clears a select or an input is for the mouse: out of the Tab order (typing on it went
 * into the select's search), and named in the user's language.
 */
export function keepClearButtonsOutOfTabOrder(label: () => string): () => void {
  const fix = (root: ParentNode) => {
    for (const b of root.querySelectorAll<HTMLElement>('.ant-select-clear, .ant-input-clear-icon, .ant-picker-clear')) {
      if (b.tabIndex !== -1) b.tabIndex = -1;
      if (b.getAttribute('aria-label') !== label()) b.setAttribute('aria-label', label());
    }
  };
  fix(document);
  const observer = new MutationObserver(() => fix(document));
  observer.observe(document.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** A dialog opens with the cursor in its first field, not on its ×. */
export function focusFirstFieldInDialogs(): () => void {
  const seen = new WeakSet<Element>();
  const openedAt = new WeakMap<Element, number>();
  const firstField = (modal: Element) =>
    modal.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]):not([type=checkbox]):not([type=radio]), textarea:not([disabled])');
  // The dialog's own focus (on its × or on itself) is not a place to type: the first field is.
  const misplaced = (el: Element | null) => !!el && (el.classList.contains('ant-modal-close') || el.closest('.ant-modal-close') !== null || (el.tagName === 'DIV' && el.closest('.ant-modal-wrap') !== null));
  const observer = new MutationObserver(() => {
    // antd 6 names the dialog's box .ant-modal (with .ant-modal-container inside), antd 5 .ant-modal-content.
    for (const modal of document.querySelectorAll('.ant-modal')) {
      if (seen.has(modal)) continue;
      seen.add(modal);
      openedAt.set(modal, Date.now());
      setTimeout(() => {
        const active = document.activeElement;
        if (active && modal.contains(active) && !misplaced(active)) return;
        firstField(modal)?.focus();
      }, 80);
    }
  });
  // antd places its focus once the opening animation ends, which on a busy PC can be after the 80 ms
  // above: focus arriving on the × within a second of opening goes on to the first field.
  const onFocusIn = (e: FocusEvent) => {
    const target = e.target as Element | null;
    if (!misplaced(target)) return;
    const modal = target!.closest('.ant-modal-wrap')?.querySelector('.ant-modal');
    const at = modal && openedAt.get(modal);
    if (modal && at && Date.now() - at < 1000) firstField(modal)?.focus();
  };
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
  };
}

/**
 * When the focused control goes away (审批通过 replaced by the next step, 开具并编号 by the number, a
 * saved form by its record), the browser drops focus to the page body and the next Tab starts again at
 * the top of the window. Instead the focus goes to the page's title, so Tab continues on the page.
 */
export function keepFocusOnThePage(): () => void {
  const onFocusOut = (e: FocusEvent) => {
    const left = e.target as HTMLElement | null;
    if (e.relatedTarget || !left) return;
    // Wait for the render (and a closing dialog's own focus return) to finish; a page still loading gets a second of tries.
    const attempt = (tries: number) => {
      if (left.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal')) return;
      const title = document.querySelector<HTMLElement>('.page-card .ant-card-head-title');
      if (!title) return void (tries > 0 && setTimeout(() => attempt(tries - 1), 100));
      title.tabIndex = -1;
      title.focus({ preventScroll: true });
    };
    setTimeout(() => attempt(10), 150);
  };
  document.addEventListener('focusout', onFocusOut);
  return () => document.removeEventListener('focusout', onFocusOut);
}
