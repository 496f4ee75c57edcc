import v8 from 'node:v8';
import vm from 'node:vm';

/** Rows between collections in a bulk job: often enough to keep a 100,000-row import under 300 MB, rarely enough to cost little. */
export const COLLECT_EVERY_ROWS = 20_000;

let collect: (() => void) | undefined;

/**
 * A bulk job (a 100,000-row import) leaves its garbage in the old generation, and V8, tuned for
 * throughput, lets the heap grow to several times what is alive before it collects: 440 MB for ~100 MB
 * live. Between batches the job knows that what it made is garbage; a full collection then keeps the
 * peak near what is alive, at ~50 ms a time (tests/bench/RESULTS.md). V8 offers no other way to say
 * so from JavaScript: its collector is reached as `gc` once exposed. Where that is refused, the job
 * simply runs with the larger peak.
 */
export function collectGarbage(): void {
  if (!collect) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = () => undefined;
    }
  }
  collect();
}
