/**
 * The speed half of the bench: per-query latency and memory of the kbbot index beside the
 * obvious design, a fuse.js scan over every signature's trace text.
 */
import Fuse from 'fuse.js';
import { buildIndex, matchMessage, type Rules } from '../src/match/index.js';
import type { ParsedMessage, Signature } from '../src/model.js';
import { normalizeFrame } from '../src/trace/index.js';
import { DAMAGES, PRINTERS, damage, pick, printTrace, unrelatedTrace, type Rng } from './eval-queries.js';
import { parseMessage } from './parse.js';
import { fmt, measureHeap, percentile, timeEach, timeWithin } from './stats.js';

const keyText = (frames: { module: string; symbol: string }[]): string => frames.map((f) => normalizeFrame(f).key).join(' ');

/** Queries printed and damaged from random signatures of a (synthetic) store, plus unrelated traces. */
export function syntheticQueries(store: Signature[], rng: Rng, count: number): ParsedMessage[] {
  const out: ParsedMessage[] = [];
  for (let i = 0; i < count; i++) {
    const format = pick(rng, Object.keys(PRINTERS));
    const trace = i % 5 === 4 ? unrelatedTrace(rng, []) : damage(pick(rng, store).traces[0] ?? [], pick(rng, DAMAGES), rng, () => unrelatedTrace(rng, []));
    out.push(parseMessage(printTrace(trace, format, rng)));
  }
  return out;
}

/** `fuseBudgetMs`: how long the fuse.js scan may run (it is sampled, at least `fuseMin` queries). */
export function compareWithFuse(label: string, signatures: Signature[], rules: Rules, queries: ParsedMessage[], fuseBudgetMs: number, fuseMin = 3): void {
  const built = measureHeap(() => buildIndex(signatures, rules));
  const index = built.value;
  const ours = timeEach(queries, (q) => matchMessage(index, q));
  const p50 = percentile(ours.wall, 50);
  console.log(`  ${label}: ${signatures.length.toLocaleString('en-US')} signatures, ${index.traces.length.toLocaleString('en-US')} traces, ${index.keys.length.toLocaleString('en-US')} distinct frames`);
  console.log(`    kbbot index : build ${fmt(built.ms, 0)} ms, heap +${fmt(built.mb, 1)} MB; ${ours.wall.length} queries: wall p50 ${fmt(p50)} ms, p99 ${fmt(percentile(ours.wall, 99))} ms; CPU p50 ${fmt(percentile(ours.cpu, 50))} ms, p99 ${fmt(percentile(ours.cpu, 99))} ms, max ${fmt(ours.cpu[ours.cpu.length - 1] ?? NaN)} ms`);
  const docs = signatures.flatMap((s) => s.traces.filter((t) => t.length > 0).map((t) => ({ kb: s.id, text: keyText(t) })));
  const fuseBuilt = measureHeap(() => new Fuse(docs, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 }));
  const sample = queries.filter((q) => q.traces.length > 0);
  const theirs = timeWithin(sample, (q) => fuseBuilt.value.search(keyText((q.traces[0] ?? []).slice(0, 4)), { limit: 5 }), fuseBudgetMs, fuseMin);
  const fuse50 = percentile(theirs, 50);
  console.log(`    fuse.js scan: build ${fmt(fuseBuilt.ms, 0)} ms, heap +${fmt(fuseBuilt.mb, 1)} MB; ${theirs.length} sampled queries p50 ${fmt(fuse50)} ms, p99 ${fmt(percentile(theirs, 99))} ms`);
  console.log(`    speed-up at p50: ${fmt(fuse50 / p50, 0)}x`);
}
