/** Small statistics for the bench: percentiles, timing, heap use. */
import { performance } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/**
 * Per-call latency in ms of `fn` over `inputs` (after `warmup` untimed calls), sorted
 * ascending: wall clock, and CPU time of this process (on a shared, overloaded machine the
 * wall clock's tail is mostly time spent waiting for a core).
 */
export function timeEach<T>(inputs: T[], fn: (input: T) => unknown, warmup = 100): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i] as T);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const input of inputs) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn(input);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

/** Like timeEach, but stops once `budgetMs` is spent (after at least `min` calls): for the slow baseline. */
export function timeWithin<T>(inputs: T[], fn: (input: T) => unknown, budgetMs: number, min = 3): number[] {
  const times: number[] = [];
  const started = performance.now();
  for (const input of inputs) {
    if (times.length >= min && performance.now() - started > budgetMs) break;
    const start = performance.now();
    fn(input);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `build` and reports the retained heap growth in MB (needs --expose-gc to be exact). */
export function measureHeap<T>(build: () => T): { value: T; mb: number; ms: number } {
  collect();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const value = build();
  const ms = performance.now() - start;
  collect();
  return { value, mb: (process.memoryUsage().heapUsed - before) / 1048576, ms };
}

export const fmt = (n: number, digits = 3): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const pct = (n: number): string => (Number.isFinite(n) ? `${(100 * n).toFixed(1)}%` : 'n/a');
