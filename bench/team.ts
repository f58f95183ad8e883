/**
 * What the team layer costs and whether it answers. Over the ingested archive (or the bundled signatures):
 *  - a change to the team store rebuilds only the team's index: its time per team size, against reloading
 *    and re-indexing the archive (what a change would cost if team issues were files in KBBOT_STORE);
 *  - per-query time, archive alone vs archive + team layer;
 *  - recorded crashes come back: each team signature is made from an archive trace with its symbols
 *    renamed (a crash the archive does not know); its own trace, reprinted as WinDbg `k` output with the
 *    outermost frame cut, must answer with that KI (top-1, verdict match); the archive's own traces must keep
 *    their answers (no team signature takes over).
 *
 *   node --import tsx bench/team.ts [STORE_DIR]
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildKnowledge, buildTeamLayer, layerKnowledge } from '../src/bot/index.js';
import { matchKnowledge } from '../src/bot/shared.js';
import { loadRules } from '../src/match/index.js';
import { SignatureSchema, type Signature, type Trace } from '../src/model.js';
import { loadStore } from '../src/store/index.js';
import { parseMessage } from '../src/trace/index.js';

const dir = process.argv[2] ?? fileURLToPath(new URL('../signatures', import.meta.url));
const rules = loadRules();
const t0 = performance.now();
const store = await loadStore(dir);
const loadMs = performance.now() - t0;
const t1 = performance.now();
const base = buildKnowledge(store.signatures, rules);
const baseBuildMs = performance.now() - t1;
const withTraces = [...store.signatures.values()].filter((s) => (s.traces[0]?.length ?? 0) >= 3);
console.log(`store ${dir}: ${store.signatures.size} signatures (${withTraces.length} with traces of 3+ frames); load ${loadMs.toFixed(0)} ms, archive index build ${baseBuildMs.toFixed(0)} ms`);

const print = (trace: Trace): string => trace.map((f, i) => `${String(i).padStart(2, '0')} 0012f${String(100 + i)} 77e8${String(100 + i)} ${f.module}!${f.symbol}+0x${(16 + i).toString(16)}`).join('\n');
const renamed = (trace: Trace, n: number): Trace => trace.map((f) => ({ module: `TEAM${n % 7}`, symbol: `${f.symbol}_t${n}` }));

function teamSignatures(count: number): Signature[] {
  return Array.from({ length: count }, (_, i) => {
    const source = withTraces[i % withTraces.length]!;
    return SignatureSchema.parse({ id: `KI-${i + 1}`, title: `team issue ${i + 1}`, traces: [renamed(source.traces[0]!, i)], fix: { kind: 'workaround', summary: 'x' }, source: 'curated' });
  });
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const queries = withTraces.slice(0, 200).map((s) => ({ kb: s.id, parsed: parseMessage(print(s.traces[0]!)) }));
function timeQueries(k: ReturnType<typeof layerKnowledge>): { p50: number; p99: number; kept: number } {
  const times: number[] = [];
  let kept = 0;
  for (const q of queries) {
    const start = performance.now();
    const result = matchKnowledge(k, q.parsed);
    times.push(performance.now() - start);
    if (result.candidates[0]?.kb === q.kb) kept++;
  }
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), kept };
}

const alone = timeQueries(base);
console.log(`archive alone: query p50 ${alone.p50.toFixed(3)} ms, p99 ${alone.p99.toFixed(3)} ms; archive traces answered with their own article: ${alone.kept}/${queries.length}`);
const reloadMs = loadMs + baseBuildMs;
console.log(`a change without the overlay would reload and re-index the archive: ${reloadMs.toFixed(0)} ms`);
console.log('team size | team layer rebuild ms (archive reload / it) | query p50 / p99 ms | archive traces still own article | recorded crashes answered with their KI (match)');
for (const size of [1, 100, 1000]) {
  const team = teamSignatures(size);
  const start = performance.now();
  const layer = buildTeamLayer(team, [], rules);
  const rebuildMs = performance.now() - start;
  const k = layerKnowledge(base, layer);
  const timed = timeQueries(k);
  let answered = 0;
  const misses: string[] = [];
  const probe = team.slice(0, 200);
  for (const sig of probe) {
    // Reprinted with the outermost frame cut, as pastes often are.
    const trace = sig.traces[0]!;
    const result = matchKnowledge(k, parseMessage(print(trace.length > 3 ? trace.slice(0, -1) : trace)));
    if (result.candidates[0]?.kb === sig.id && result.verdict === 'match') answered++;
    else if (misses.length < 3) misses.push(`${sig.id}→${result.candidates[0]?.kb ?? 'none'}/${result.verdict}`);
  }
  console.log(
    `${String(size).padStart(9)} | ${rebuildMs.toFixed(1).padStart(7)} (${(reloadMs / Math.max(rebuildMs, 0.01)).toFixed(0)}x) | ${timed.p50.toFixed(3)} / ${timed.p99.toFixed(3)} | ${timed.kept}/${queries.length} | ${answered}/${probe.length}${misses.length ? ` misses: ${misses.join(' ')}` : ''}`,
  );
}
