/**
 * `npm run bench`: (a) accuracy of matching on queries made from the archive's real traces,
 * with held-out articles and unrelated software as negatives, thresholds fitted on one
 * half and reported on the other; (b) speed and memory beside a plain fuse.js scan, at the
 * archive's size and on a synthetic store of 100,000 trace signatures.
 * Options: --no-synthetic (skip the 100k store), --synthetic N (its size), --accuracy-only (section a alone), --queries-v1 (section a's queries as
 * drawn before typos, wrapped lines and other traces were added, to compare with older figures).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { decideVerdict, loadRules, MATCH_THRESHOLD, POSSIBLE_THRESHOLD } from '../src/match/index.js';
import type { Signature } from '../src/model.js';
import { loadArchiveSignatures } from './corpus.js';
import { evaluateAccuracy, type Outcome } from './accuracy.js';
import { seededRng } from './eval-queries.js';
import { compareWithFuse, syntheticQueries } from './speed.js';
import { syntheticStore } from './synthetic.js';
import { fmt, pct } from './stats.js';
import { runClueBench } from './clues.js';
import { runTraceBench } from './traces.js';
import { runMessageBench } from './messages.js';

const args = process.argv.slice(2);
const syntheticSize = args.includes('--no-synthetic') ? 0 : Number(args[args.indexOf('--synthetic') + 1] ?? 0) || 100_000;

function share(outcomes: Outcome[], test: (o: Outcome) => boolean): number {
  return outcomes.length === 0 ? NaN : outcomes.filter(test).length / outcomes.length;
}

/**
 * Lowest threshold that answers `match` on at most 0.5% of the calibration negatives (twins
 * excluded: they are the same crash): half the 1% goal, as a margin for a small sample. A
 * negative the shared-crash-site check answers `possible` is never a `match`, at any threshold.
 */
function fitThreshold(negatives: Outcome[]): number {
  const scores = negatives.map((o) => (o.siteList ? 0 : o.confidence)).sort((a, b) => b - a);
  const allowed = Math.floor(0.005 * scores.length);
  return (scores[allowed] ?? 0) + 1e-6;
}

/**
 * The verdict kbbot gives at this match threshold (matchMessage): a tie at the top is
 * `possible`, and so is a best candidate on a shared crash site (crashSiteAnswer).
 */
function verdictAt(o: Outcome, threshold: number): ReturnType<typeof decideVerdict> {
  const verdict = decideVerdict(o.confidences, threshold);
  return verdict === 'match' && o.siteList ? 'possible' : verdict;
}

/**
 * The right verdict for a positive, read as a user would. Strict: `match` naming the queried
 * article. Twin-aware: also `match` naming its twin (the very same stack), a tie offered as
 * `possible` with it among the tied, or `possible` with the shared-crash-site short list when
 * the list holds it and its crash site truly overlaps every other listed article's.
 */
function rightStrict(o: Outcome, threshold: number): boolean {
  return verdictAt(o, threshold) === 'match' && o.rank === 1;
}
function rightTwinAware(o: Outcome, threshold: number): boolean {
  const verdict = verdictAt(o, threshold);
  if (verdict === 'match') return o.rank === 1 || o.twin;
  if (verdict !== 'possible' || o.confidence < threshold) return false;
  return o.siteList ? o.siteRight : o.inTopTie;
}

/**
 * Two readings of each figure. Strict: only the queried article counts as right, and a tie
 * between it and its twin (two articles printing the same stack) counts as wrong. Twin-aware:
 * a twin article on top is right (the same crash; no trace can tell them apart), and so is a
 * `possible` short list holding the right article (a tie, or a shared crash site: rightTwinAware).
 */
function report(label: string, outcomes: Outcome[], threshold: number): void {
  const pos = outcomes.filter((o) => o.kind === 'positive' && !o.genericOnly);
  const loo = outcomes.filter((o) => o.kind === 'held-out');
  const unrelated = outcomes.filter((o) => o.kind === 'unrelated');
  const mrr = pos.reduce((s, o) => s + (o.rank > 0 ? 1 / o.rank : 0), 0) / pos.length;
  const dropped = outcomes.filter((o) => o.kind === 'positive' && o.genericOnly).length;
  const isMatch = (o: Outcome) => verdictAt(o, threshold) === 'match';
  const onSite = (o: Outcome) => verdictAt(o, threshold) === 'possible' && o.siteList !== undefined && o.confidence >= threshold;
  console.log(`  ${label} (match threshold ${fmt(threshold)}): ${pos.length} positives (+${dropped} left with only generic frames by the damage, not counted), ${loo.length} held-out, ${unrelated.length} unrelated`);
  console.log(`    top-1 accuracy: strict ${fmt(share(pos, (o) => o.rank === 1))}, twin-aware ${fmt(share(pos, (o) => o.rank === 1 || o.twin || o.inTopTie || (o.siteList !== undefined && o.siteRight)))}   MRR ${fmt(mrr)}`);
  console.log(
    `    positives given the right verdict: strict ${pct(share(pos, (o) => rightStrict(o, threshold)))} (match naming the article)` +
      `; twin-aware ${pct(share(pos, (o) => rightTwinAware(o, threshold)))} (also its twin, or a possible short list holding it: tied ${pct(share(pos, (o) => !o.siteList && verdictAt(o, threshold) === 'possible' && o.confidence >= threshold && o.inTopTie))}, shared crash site ${pct(share(pos, (o) => onSite(o) && o.siteRight))})`,
  );
  console.log(`    positives answered match: ${pct(share(pos, isMatch))}; answered possible on a shared crash site: ${pct(share(pos, onSite))}`);
  const negatives = [...loo, ...unrelated];
  const noTwins = negatives.filter((o) => !o.twin);
  console.log(
    `    negatives answered match: strict ${pct(share(negatives, isMatch))} (held-out ${pct(share(loo, isMatch))}, unrelated ${pct(share(unrelated, isMatch))})` +
      `; possible or better ${pct(share(negatives, (o) => o.confidence >= POSSIBLE_THRESHOLD))}`,
  );
  console.log(`    negatives answered match, twin-aware (leaving out the ${negatives.length - noTwins.length} held-out queries whose article has a twin in the store, which rightly answer with the twin): ${pct(share(noTwins, isMatch))} (held-out ${pct(share(loo.filter((o) => !o.twin), isMatch))})`);
}

/** The test half's misses at the threshold: positives given a wrong verdict (twin-aware) and negatives answered match. */
function misses(outcomes: Outcome[], threshold: number): void {
  const show = (o: Outcome) => `${o.kb}(${o.damage},${o.format})->${verdictAt(o, threshold)} ${o.siteList ? `[${o.siteList.join(' ')}]` : (o.top ?? 'none')} ${fmt(o.confidence, 2)}`;
  const wrong = outcomes.filter((o) => o.kind === 'positive' && !o.genericOnly && !rightTwinAware(o, threshold));
  console.log(`    positives given a wrong verdict, twin-aware (${wrong.length}): ${wrong.map(show).join('  ') || 'none'}`);
  const strictOnly = outcomes.filter((o) => o.kind === 'positive' && !o.genericOnly && rightTwinAware(o, threshold) && !rightStrict(o, threshold));
  console.log(`    right only twin-aware (${strictOnly.length}): ${strictOnly.map(show).join('  ') || 'none'}`);
  const falseMatches = outcomes.filter((o) => o.kind !== 'positive' && verdictAt(o, threshold) === 'match');
  console.log(`    negatives answered match (${falseMatches.length}): ${falseMatches.map((o) => `${o.kb}${o.twin ? '(twin in store)' : ''}->${o.top}(${fmt(o.confidence, 2)})`).join(' ') || 'none'}`);
}

function breakdown(outcomes: Outcome[], key: 'damage' | 'format'): void {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes.filter((x) => x.kind === "positive" && !x.genericOnly)) groups.set(o[key], [...(groups.get(o[key]) ?? []), o]);
  const cells = [...groups.entries()].map(([k, os]) => `${k} ${fmt(share(os, (o) => o.rank === 1), 2)}/${fmt(share(os, (o) => rightTwinAware(o, MATCH_THRESHOLD)), 2)}`);
  console.log(`    by ${key} (top-1 strict / right verdict twin-aware): ${cells.join('  ')}`);
}

/**
 * How often the top candidate is right at each confidence level (positives right when the
 * article or a twin is on top; a negative's top candidate is always wrong). This is over
 * the bench's own mix of queries, so it shows calibration, not an absolute precision.
 */
function reliability(outcomes: Outcome[]): void {
  const bins = [0.25, 0.5, 0.7, 0.9, 1.0001];
  const cells: string[] = [];
  let low = 0.05;
  for (const high of bins) {
    const inBin = outcomes.filter((o) => !o.genericOnly && o.confidence >= low && o.confidence < high);
    const right = inBin.filter((o) => o.kind === 'positive' && (o.rank === 1 || o.twin)).length;
    cells.push(`[${low.toFixed(2)}, ${Math.min(high, 1).toFixed(2)}${high > 1 ? ']' : ')'} ${inBin.length} answers, ${pct(inBin.length ? right / inBin.length : NaN)} right`);
    low = high;
  }
  console.log(`    confidence vs share right: ${cells.join(';  ')}`);
}

const started = performance.now();
const archive = loadArchiveSignatures();
const withTraces: Signature[] = archive.signatures.filter((s) => s.traces.some((t) => t.length >= 2));
console.log(`kbbot bench  (node ${process.version}, ${new Date().toISOString()})`);
console.log(`archive: ${archive.articles} articles, ${archive.parsed} with a module!symbol shape parsed (${archive.rejected} rejected), ${withTraces.length} with a trace of >= 2 frames  [${fmt((performance.now() - started) / 1000, 1)} s]`);

const rules = loadRules();
const accuracy = evaluateAccuracy(withTraces, rules, seededRng(272274), { extended: !args.includes('--queries-v1') });
console.log(`\n(a) accuracy: ${accuracy.articles} articles queried (${accuracy.genericOnly} more have only generic frames: 'none' by design, not counted)`);
const twinPairs = [...new Set(accuracy.outcomes.filter((o) => o.kind === 'positive' && o.twin && o.top).map((o) => [o.kb, o.top].sort().join('/')))];
console.log(`  twins (articles printing the same stack: one's informative frames contiguous in the other's) that took the top place from the queried article: ${twinPairs.join(' ') || 'none'}.`);
console.log('  "strict" counts only the queried article as right; "twin-aware" also counts its twin on top, or a tie offered as `possible` with it among the tied (a trace cannot tell twins apart).');
const calibration = accuracy.outcomes.filter((o) => o.split === 'calibration');
const test = accuracy.outcomes.filter((o) => o.split === 'test');
const fitted = fitThreshold(calibration.filter((o) => o.kind !== 'positive' && !o.twin));
report('calibration half, fitted threshold', calibration, fitted);
report('test half, threshold fitted on calibration', test, fitted);
misses(test, fitted);
report('test half, shipped threshold', test, MATCH_THRESHOLD);
report('all, shipped threshold', accuracy.outcomes, MATCH_THRESHOLD);
const systemRight = accuracy.systemOnly.filter((o) => o.top === o.kb && decideVerdict(o.confidences, MATCH_THRESHOLD) === 'possible');
console.log(`  articles printing only system frames, queried with their own stack (possible with the article first is right; never match): ${systemRight.length}/${accuracy.systemOnly.length} right${accuracy.systemOnly.length > systemRight.length ? ` (wrong: ${accuracy.systemOnly.filter((o) => !systemRight.includes(o)).map((o) => `${o.kb}->${o.top ?? 'none'} ${fmt(o.confidence, 2)}`).join(' ')})` : ''}`);
breakdown(accuracy.outcomes, 'damage');
breakdown(accuracy.outcomes, 'format');
reliability(accuracy.outcomes);

if (args.includes('--accuracy-only')) process.exit(0);
console.log('\n(b) speed: kbbot index vs a plain fuse.js scan over the same traces (per query, message already parsed; fuse.js time-boxed)');
console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (shared)`);
compareWithFuse('archive', archive.signatures, rules, accuracy.queries, 30_000);
if (syntheticSize > 0) {
  const rng = seededRng(100000);
  const store = syntheticStore(syntheticSize, rng);
  compareWithFuse(`synthetic ${syntheticSize.toLocaleString('en-US')}`, store, rules, syntheticQueries(store, rng, 1000), 60_000, 1);
}
console.log('\n(c) other ecosystems: real pastes from public bug trackers (bench/traces.ts)');
await runTraceBench();
await runClueBench(args.includes('--clue-store') ? args[args.indexOf('--clue-store') + 1] : undefined);
await runMessageBench(args.includes('--message-store') ? args[args.indexOf('--message-store') + 1] : args.includes('--clue-store') ? args[args.indexOf('--clue-store') + 1] : undefined);
console.log(`\ndone in ${fmt((performance.now() - started) / 1000, 1)} s`);
