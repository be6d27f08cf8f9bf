/** Summary statistics for latency samples, in milliseconds. */
export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentiles over a copy of `samples` (the input is not reordered). */
export function summarize(samples: number[]): LatencySummary {
  if (samples.length === 0) throw new TypeError('summarize() needs at least one sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return { samples: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), mean };
}

/** Milliseconds elapsed since `start` (from `process.hrtime.bigint()`). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
