import type { HTMLAttributes, KeyboardEvent } from 'react';

/**
 * A table row that opens its record by click, or from the keyboard: Tab reaches it, Enter (or Space)
 * opens it, ↑ and ↓ go to the row above and below, as in a spreadsheet.
 */
export function openableRow(open: () => void): HTMLAttributes<HTMLElement> {
  return {
    onClick: open,
    tabIndex: 0,
    className: 'openable-row',
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget) return; // a link or button inside the row keeps its own keys
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const next = (e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null;
        if (next?.classList.contains('openable-row')) {
          e.preventDefault();
          next.focus();
        }
      }
    },
  };
}

/** For a search box above such rows: ↓ goes to the first row found, as in any search list. */
export function downToFirstRow(tableTestId: string) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown') return;
    const first = document.querySelector<HTMLElement>(`[data-testid="${tableTestId}"] .openable-row`);
    if (!first) return;
    e.preventDefault();
    first.focus();
  };
}
