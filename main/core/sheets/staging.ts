import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';

/** Checked rows wait here, under a random token, until the user confirms them (or the time passes). */
export class Staging<T> {
  private readonly staged = new Map<string, { value: T; at: number }>();
  constructor(private readonly minutes = 30) {}
  put(value: T, token = randomBytes(16).toString('hex')): string {
    const now = Date.now();
    for (const [k, s] of this.staged) if (now - s.at > this.minutes * 60_000) this.staged.delete(k);
    this.staged.set(token, { value, at: now });
    return token;
  }
  /** The rows to write; dropped only once they are written, so a failed write can be confirmed again. */
  get(token: string): T {
    const s = this.staged.get(token);
    if (!s || Date.now() - s.at > this.minutes * 60_000) throw new AppError('import.expired');
    return s.value;
  }
  drop(token: string): void {
    this.staged.delete(token);
  }
}
