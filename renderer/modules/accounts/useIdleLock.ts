import { useEffect } from 'react';
import { call } from '../../api/client';

/**
 * Locks the session after the idle period and on Ctrl+L, so a shared office PC left alone shows nothing.
 * The main process locks on its own clock too; this makes the screen follow at once.
 */
export function useIdleLock(minutes: number, onLocked: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const lock = () => void call('auth.lock', {}).finally(onLocked);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && (e.key === 'l' || e.key === 'L')) {
        e.preventDefault();
        lock();
      } else reset();
    };
    const events = ['mousemove', 'mousedown', 'wheel', 'touchstart'] as const;
    events.forEach((ev) => window.addEventListener(ev, reset, { passive: true }));
    window.addEventListener('keydown', onKey);
    reset();
    return () => {
      clearTimeout(timer);
      events.forEach((ev) => window.removeEventListener(ev, reset));
      window.removeEventListener('keydown', onKey);
    };
  }, [minutes, onLocked]);
}
