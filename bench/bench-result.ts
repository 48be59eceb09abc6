/** What every benchmark module returns; `bench/run.ts` prints them as one table. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "< 5 ms median" or ">= 0.7x bare Bolt". */
  target?: string;
  /** A baseline measured in the same run (bare SDK, empty process…). */
  baseline?: { name: string; value: number };
  /** value / baseline (or as the module defines it). */
  ratio?: number;
  /** Whether the target was met; undefined when there is no target. */
  ok?: boolean;
}

/** Median and percentiles of a list of samples (milliseconds or anything else). */
export function summarize(samples: number[]): { median: number; p95: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return { median: at(0.5), p95: at(0.95), mean };
}
