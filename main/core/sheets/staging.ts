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

/**
 * Many short strings kept as UTF-8 in one growing buffer, off the JavaScript heap: a 100,000-row
 * sheet's checked rows then take ~13 MB that the collector never walks, instead of ~32 MB of strings
 * it marks at every full collection (tests/bench/RESULTS.md).
 */
export class PackedRows {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private ends = new Int32Array(1 << 12);
  private used = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (this.used + text.length * 3 > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + text.length * 3));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count === this.ends.length) {
      const grown = new Int32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
    this.ends[this.count++] = this.used;
  }

  at(i: number): string {
    return this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }

  /** Rows from…to (not included), as strings. */
  slice(from: number, to: number): string[] {
    const out: string[] = [];
    for (let i = from; i < Math.min(to, this.count); i++) out.push(this.at(i));
    return out;
  }

  /** Gives the memory back once the rows are written. */
  clear(): void {
    this.bytes = Buffer.alloc(0);
    this.ends = new Int32Array(0);
    this.used = this.count = 0;
  }
}
