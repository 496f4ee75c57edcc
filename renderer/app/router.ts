import { useEffect, useRef, useState } from 'react';

/** Hash routes (#/residents/12?q=…): they work from file://, http:// and Electron alike. */
export interface Route {
  path: string[];
  query: URLSearchParams;
}

/**
 * What people type to find someone (a name, an ID number, a phone) never goes into the address: the
 * browser keeps addresses in its history on disk. The address holds a reference (q=~3) to the term,
 * kept in this window's memory only; after a reload the search box starts empty.
 */
const PRIVATE_KEYS = new Set(['q']);
const typed: string[] = [];

function parse(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [p = '', q = ''] = hash.split('?');
  const query = new URLSearchParams(q);
  for (const key of PRIVATE_KEYS) {
    const ref = query.get(key);
    if (ref === null) continue;
    const term = /^~\d+$/.test(ref) ? typed[Number(ref.slice(1))] : undefined;
    if (term === undefined) query.delete(key);
    else query.set(key, term);
  }
  return { path: p.split('/').filter(Boolean), query };
}

/** A page with typing not yet saved: asked before the menu (or a link, or Back) takes the user away. */
interface LeaveGuard {
  unsaved: () => boolean;
  ask: (leave: () => void) => void;
}
let guard: LeaveGuard | null = null;
let shownHash = window.location.hash;

/** Guards the page while it is mounted; `release` before a navigation the page makes itself (after saving). */
export function useLeaveGuard(unsaved: () => boolean, ask: (leave: () => void) => void): { release: () => void } {
  const own = useRef<LeaveGuard>({ unsaved, ask });
  own.current.unsaved = unsaved;
  own.current.ask = ask;
  useEffect(() => {
    const g = own.current;
    guard = g;
    return () => {
      if (guard === g) guard = null;
    };
  }, []);
  return { release: () => void (guard === own.current && (guard = null)) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const on = () => {
      const next = window.location.hash;
      if (next === shownHash) return; // the address put back after a leave that was not confirmed
      if (guard?.unsaved()) {
        const g = guard;
        // The address goes back to the page being typed in until the user says to leave.
        history.replaceState(history.state, '', shownHash || '#/');
        g.ask(() => {
          if (guard === g) guard = null;
          window.location.hash = next;
        });
        return;
      }
      shownHash = next;
      setRoute(parse());
      // A new page opens at its top, not at the scroll position of the page before.
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(path: string, query?: Record<string, string | number | undefined>): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === '') continue;
    q.set(k, PRIVATE_KEYS.has(k) ? `~${typed.push(String(v)) - 1}` : String(v));
  }
  const s = q.toString();
  window.location.hash = `#/${path}${s ? `?${s}` : ''}`;
}

export const href = (path: string) => `#/${path}`;
