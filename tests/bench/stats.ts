/** Timing helpers for the benchmark: wall-clock milliseconds, percentiles over many runs. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  p50: number;
  p95: number;
  runs: number;
}

export function summarise(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), runs: s.length };
}

/** Runs `fn` once per input, after a warm-up pass, and summarises the times. */
export async function measure<T>(inputs: T[], fn: (input: T) => unknown | Promise<unknown>, warmup = 10): Promise<Summary> {
  for (const x of inputs.slice(0, warmup)) await fn(x);
  const times: number[] = [];
  for (const x of inputs) {
    const t = now();
    await fn(x);
    times.push(now() - t);
  }
  return summarise(times);
}

export const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(1));
