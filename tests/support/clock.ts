import { vi } from 'vitest';

/** The clock (Date only: timers still run) at nine in the morning of a day. */
export function at(day: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T09:00:00`));
}
