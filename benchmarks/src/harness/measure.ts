import { Bench } from 'tinybench';

export interface MeasureOptions {
  /** Units (consignments) one call of `fn` processes. */
  units: number;
  /** Bytes one call of `fn` reads, for MB/s. */
  bytes?: number;
  /** Time budget in ms for the measured phase (tinybench runs at least `minIterations` too). */
  timeMs: number;
  /** @default 5 */
  minIterations?: number;
  /** @default timeMs / 4 */
  warmupMs?: number;
  /** @default 2 */
  warmupIterations?: number;
}

export interface Measurement {
  /** Median over the iterations of units per second. */
  unitsPerSec: number;
  mbPerSec?: number;
  /** Median ms per call. */
  medianMs: number;
  /** Relative median absolute deviation of the latency samples (noise). */
  relMad: number;
  iterations: number;
}

/**
 * Times `fn` with tinybench (warm-up first, then at least `minIterations` calls and `timeMs` of
 * them) and reports the median: on a shared two-core machine the mean is dragged by the odd
 * descheduled iteration, the median is not.
 */
export async function measure(name: string, fn: () => unknown, options: MeasureOptions): Promise<Measurement> {
  const bench = new Bench({
    name,
    time: options.timeMs,
    iterations: options.minIterations ?? 5,
    warmupTime: options.warmupMs ?? options.timeMs / 4,
    warmupIterations: options.warmupIterations ?? 2,
    throws: true,
  });
  bench.add(name, fn);
  const [task] = await bench.run();
  const result = task?.result;
  if (result === undefined || !('latency' in result)) {
    throw new Error(`benchmark ${name} did not complete (${result?.state ?? 'no result'})`);
  }
  const medianMs = result.latency.p50;
  const perSec = 1000 / medianMs;
  return {
    unitsPerSec: options.units * perSec,
    ...(options.bytes === undefined ? {} : { mbPerSec: (options.bytes / 1e6) * perSec }),
    medianMs,
    relMad: medianMs > 0 ? result.latency.mad / medianMs : 0,
    iterations: result.latency.samplesCount,
  };
}

/** Median of a list of numbers (for the hand-timed runs: e2e, memory). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
