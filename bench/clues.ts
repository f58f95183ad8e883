/**
 * The clue bench (run by `npm run bench`, or alone: `node --import tsx bench/clues.ts [--store DIR]`):
 * event-log entries and STOP screens from the archive's own articles pasted in every layout
 * (bench/clue-queries.ts), matched against the whole archive's clue indexes. Articles held out of
 * the store are negatives, with today's events and bug checks no article knows. The match
 * threshold is fitted on one half (articles split at random) and reported on the other.
 * Reports top-1, verdict accuracy, false `match` rate, p50/p99 latency (parse + match) and misses
 * (`--misses calibration` prints the calibration half's, to work from; `--seed N` draws another split and other
 * pastes). Each kind of paste has its own random stream (clueStreams), so `--stop-seed N` redraws only the STOP
 * screens and `--event-seed N` only the event blocks: the other kind's figures stay as they were.
 * Without --store the archive is parsed here (articles that name an event, a STOP or a crash).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../src/kb/index.js';
import { buildIndex, decideVerdict, loadRules, matchMessage, rankClueCandidates, CLUE_MATCH_THRESHOLD, CLUE_POSSIBLE, type MatchIndex } from '../src/match/index.js';
import { buildClueIndex } from '../src/match/clue-index.js';
import type { Signature, Verdict } from '../src/model.js';
import { loadStore } from '../src/store/index.js';
import { descriptionWords, sourceAgreement } from '../src/trace/events.js';
import { moduleStem } from '../src/trace/app-error.js';
import { parseMessage } from '../src/trace/index.js';
import { clueStreams, MODERN_PASTES, renderArticle, type RenderedQuery } from './clue-queries.js';
import { fmt, measureHeap, pct, percentile, timeEach } from './stats.js';
import { halfOption, optionValue, wholeNumberOption } from './args.js';
import { fitThreshold, share } from './fit-threshold.js';
import { changedAnswers, wholeAnswer } from './whole-answer.js';

const ARCHIVE = fileURLToPath(new URL('../../shared/kb-corpus.tar.gz', import.meta.url));
/** Share of articles held out of the store as negatives. */
const HELD_OUT = 0.1;
/** Goal for false `match` on negatives; the threshold is fitted for half of it on the calibration half. */
const FALSE_MATCH_GOAL = 0.02;
/**
 * Two descriptions whose template words overlap this much (Jaccard) print the same thing. Template
 * words are those found in two or more articles' event descriptions; a word one article alone prints
 * (a user, domain or server name, a message id) is an insertion string.
 */
const SAME_DESCRIPTION = 0.75;

/** Articles that may print an event, a STOP screen or a crash report. */
const MAY_HOLD_CLUES = /event|stop|bug ?check|blue screen|exception|faulting|app:|invalid page fault|instruction at/i;

function corpusTxt(): string {
  for (const dir of ['/tmp/kb/txt', '/tmp/corpus/txt']) if (existsSync(dir)) return dir;
  if (!existsSync(ARCHIVE)) throw new Error(`no archive: neither /tmp/kb/txt, /tmp/corpus/txt nor ${ARCHIVE}`);
  const dir = mkdtempSync(join(tmpdir(), 'kbbot-clue-bench-'));
  execFileSync('tar', ['-xzf', ARCHIVE, '-C', dir]);
  return join(dir, 'txt');
}

async function loadSignatures(storeDir: string | undefined): Promise<{ signatures: Signature[]; how: string }> {
  if (storeDir) {
    const store = await loadStore(storeDir);
    return { signatures: [...store.signatures.values()], how: `store ${storeDir} (${store.signatures.size} signatures, ${store.errors.length} invalid)` };
  }
  const root = corpusTxt();
  const signatures: Signature[] = [];
  let read = 0;
  for (const folder of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      read++;
      const text = readFileSync(join(root, folder, name)).toString('latin1');
      if (!MAY_HOLD_CLUES.test(text)) continue;
      try {
        signatures.push(parseArticle(text));
      } catch {
        // rejected articles are reported by `kbbot ingest`, not here
      }
    }
  }
  return { signatures, how: `${root}: ${read} articles read, ${signatures.length} that may hold clues parsed` };
}

type Kind = 'positive' | 'ambiguous' | 'held-out' | 'modern' | 'unrelated';

interface Outcome {
  kind: Kind;
  family: 'event' | 'stop' | 'other';
  kb: string;
  split: 'calibration' | 'test';
  layout: string;
  damage: string;
  group: Set<string>;
  /** Top candidates' ids and confidences, best first. */
  ids: string[];
  confidences: number[];
  /** Given by the whole answer (whole-answer.ts); the readers' is drawn from the confidences at a threshold. */
  verdict?: Verdict;
  text: string;
  /** The event a held-out paste was rendered from (what another article must print to stand for it). */
  event?: { id: number; source?: string; description?: string };
}

function jaccard(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sb = new Set(b);
  const inter = a.filter((w) => sb.has(w)).length;
  return inter / (a.length + b.length - inter || 1);
}

/** Share of `a`'s words found in `b`. */
function containment(a: string[], b: string[]): number {
  if (a.length === 0) return 1;
  const sb = new Set(b);
  return a.filter((w) => sb.has(w)).length / a.length;
}

/**
 * Articles in the store printing what this event paste still says: same id, same source (if kept),
 * same description (if kept: the same telling words; a description cut short only needs its words in the article's).
 */
function eventGroup(index: MatchIndex, id: number, source: string | undefined, q: RenderedQuery): Set<string> {
  const group = new Set<string>();
  const template = (ws: string[]) => ws.filter((w) => (templateDf.get(w) ?? 0) >= 2);
  const words = template(q.pasted ? descriptionWords(q.pasted.description) : []);
  for (const entry of index.clues.events.get(id) ?? []) {
    if (q.keeps.source && (entry.source === undefined || source === undefined || sourceAgreement(entry.source, source) === 0)) continue;
    if (q.keeps.description) {
      if (entry.words.length === 0) continue;
      const same = q.pasted?.cut ? containment(words, template(entry.words)) >= SAME_DESCRIPTION : jaccard(template(entry.words), words) >= SAME_DESCRIPTION;
      if (!same) continue;
    }
    if (!q.keeps.source && !q.keeps.description) continue;
    group.add(index.signatures[entry.sig]!.id);
  }
  return group;
}

function stopGroup(index: MatchIndex, code: string, driver: string | undefined, params: string[], q: RenderedQuery): Set<string> {
  const group = new Set<string>();
  for (const entry of index.clues.bugchecks.get(code) ?? []) {
    if (q.keeps.driver && (driver === undefined || !entry.drivers.includes(moduleStem(driver)))) continue;
    if (q.keeps.parameters && params.some((p, i) => entry.parameters[i] !== p)) continue;
    group.add(index.signatures[entry.sig]!.id);
  }
  return group;
}

/** Articles whose event descriptions hold each word (the whole archive, held-out articles included). */
const templateDf = new Map<string, number>();

function outcomeOf(index: MatchIndex, text: string): { ids: string[]; confidences: number[] } {
  const ranked = rankClueCandidates(index, parseMessage(text), 10);
  return { ids: ranked.map((r) => index.signatures[r.sig]!.id), confidences: ranked.map((r) => r.confidence) };
}

const verdictAt = (o: Outcome, t: number): Verdict => o.verdict ?? ((o.confidences[0] ?? 0) < CLUE_POSSIBLE ? 'none' : decideVerdict(o.confidences.filter((c) => c >= 0.25), t));

/** Pastes no article in the store should be named for: held-out articles', today's, an event under a source that never logs it. */
const isNegative = (o: Outcome): boolean => o.kind === 'held-out' || o.kind === 'modern' || o.kind === 'unrelated';
/** A negative answered `match` at the shipped threshold. */
const isFalseMatch = (o: Outcome): boolean => isNegative(o) && verdictAt(o, CLUE_MATCH_THRESHOLD) === 'match';

/** Right verdict: one article → `match` naming it; two → `match` naming one or `possible` with it in the tie; more → `possible` with one of them on top. */
function rightVerdict(o: Outcome, t: number): boolean {
  const v = verdictAt(o, t);
  const topRight = o.group.has(o.ids[0] ?? '');
  if (o.kind === 'positive') {
    if (o.group.size === 1) return v === 'match' && topRight;
    return topRight && (v === 'match' || (v === 'possible' && (o.confidences[0] ?? 0) >= t));
  }
  if (o.kind === 'ambiguous') return v === 'possible' && topRight;
  return v !== 'match';
}

/** False `match` allowed on the calibration half when fitting: under the goal, as a margin for a small sample. */
const FIT_FALSE_MATCH = 0.75 * FALSE_MATCH_GOAL;

function fitOnCalibration(calibration: Outcome[]): number {
  return fitThreshold({
    positives: calibration.filter((o) => o.kind === 'positive' || o.kind === 'ambiguous'),
    negatives: calibration.filter(isNegative),
    maxFalseMatch: FIT_FALSE_MATCH,
    isMatchAt: (o, t) => verdictAt(o, t) === 'match',
    isRightAt: rightVerdict,
  });
}

/** Description words two printings of one message share at least (Jaccard, all words: numbers, paths and placeholders are out already). */
const SAME_EVENT_WORDS = 0.6;

/**
 * A held-out event paste answered `match` with an article printing the same event: the same id, the same source or
 * none named, and the same description words (or none on either side: the id and source are the event). The
 * group above asks more (the same source named, template words at 0.75) and so counts such twins as false matches;
 * this looser reading is printed beside it, never instead of it.
 */
function namesSameEvent(index: MatchIndex, o: Outcome): boolean {
  const e = o.event;
  const named = index.signatures[index.sigOf.get(o.ids[0] ?? '') ?? -1];
  if (!e || !named) return false;
  const words = e.description ? descriptionWords(e.description) : [];
  return (named.events ?? []).some(
    (x) =>
      x.id === e.id &&
      (x.source === undefined || e.source === undefined || sourceAgreement(x.source, e.source) > 0) &&
      jaccard(x.description ? descriptionWords(x.description) : [], words) >= SAME_EVENT_WORDS,
  );
}

function report(label: string, outcomes: Outcome[], t: number, index?: MatchIndex): void {
  const pos = outcomes.filter((o) => o.kind === 'positive');
  const amb = outcomes.filter((o) => o.kind === 'ambiguous');
  const neg = outcomes.filter(isNegative);
  const isMatch = (o: Outcome) => verdictAt(o, t) === 'match';
  console.log(`  ${label} (match threshold ${fmt(t)}): ${pos.length} pastes pointing at 1-2 articles, ${amb.length} pointing at more, ${neg.length} negatives`);
  for (const family of ['event', 'stop'] as const) {
    const p = pos.filter((o) => o.family === family);
    console.log(`    ${family.padEnd(5)} right article first ${fmt(share(p, (o) => o.group.has(o.ids[0] ?? '')))}   right verdict ${pct(share(p, (o) => rightVerdict(o, t)))}   (${p.length})`);
  }
  console.log(`    all   right article first ${fmt(share(pos, (o) => o.group.has(o.ids[0] ?? '')))}   right verdict ${pct(share(pos, (o) => rightVerdict(o, t)))}   [goals >= 0.95, >= 90%]`);
  console.log(`    pastes pointing at 3+ articles: one of them first ${fmt(share(amb, (o) => o.group.has(o.ids[0] ?? '')))}, answered possible ${pct(share(amb, (o) => verdictAt(o, t) === 'possible'))}, match ${pct(share(amb, isMatch))}`);
  const held = neg.filter((o) => o.kind === 'held-out');
  const modern = neg.filter((o) => o.kind === 'modern');
  const unrelated = neg.filter((o) => o.kind === 'unrelated');
  const heldStop = held.filter((o) => o.family === 'stop');
  console.log(`    negatives answered match: ${pct(share(neg, isMatch))} (held-out ${pct(share(held, isMatch))} of ${held.length} — STOP screens ${pct(share(heldStop, isMatch))} of ${heldStop.length}, today's ${pct(share(modern, isMatch))} of ${modern.length}, unrelated ${pct(share(unrelated, isMatch))} of ${unrelated.length}) [goal <= 2%]; possible ${pct(share(neg, (o) => verdictAt(o, t) === 'possible'))}`);
  if (index) {
    const twins = neg.filter((o) => isMatch(o) && namesSameEvent(index, o));
    const articles = new Set(twins.map((o) => `${o.kb}->${o.ids[0]}`));
    console.log(`    of them naming an article that prints the same event (id, source or none, description words >= ${SAME_EVENT_WORDS}): ${twins.length} pastes of ${articles.size} held-out articles (${[...articles].join(', ')}); without them ${pct((neg.filter(isMatch).length - twins.length) / (neg.length || 1))} [goal <= 2%]`);
  }
}

function breakdown(outcomes: Outcome[], t: number, key: 'layout' | 'damage', of = ''): void {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes.filter((x) => x.kind === 'positive')) groups.set(`${o.family}:${o[key]}`, [...(groups.get(`${o.family}:${o[key]}`) ?? []), o]);
  const cells = [...groups.entries()].sort().map(([k, os]) => `${k} ${fmt(share(os, (o) => o.group.has(o.ids[0] ?? '')), 2)}/${fmt(share(os, (o) => rightVerdict(o, t)), 2)} (${os.length})`);
  console.log(`    by ${key}${of} (first/verdict): ${cells.join('  ')}`);
}

/** Seed of the bench's article split and renderings; another (`--seed N`) gives an unseen draw. */
const DEFAULT_SEED = 244976;

export interface ClueBenchOptions {
  seed?: number;
  /** Draw one kind of paste from another seed (`--stop-seed`, `--event-seed`); the others are drawn as with `seed`. */
  reseed?: Partial<Record<'event' | 'stop', number>>;
  /** Which half's misses and false matches to print (`--misses calibration`: read while fitting, never the test half). */
  misses?: 'calibration' | 'test';
  /** How many misses to print per family (`--limit N`). */
  limit?: number;
}

function printMisses(outcomes: Outcome[], half: string, limit: number): void {
  const line = (o: Outcome) => `${o.kb}(${o.family} ${o.layout}, ${o.damage}) -> ${verdictAt(o, CLUE_MATCH_THRESHOLD)} ${o.ids.slice(0, 3).map((id, i) => `${id} ${fmt(o.confidences[i] ?? 0, 3)}`).join(', ') || 'nothing'} [want ${[...o.group].join('/')}]`;
  const misses = outcomes.filter((o) => o.kind === 'positive' && !rightVerdict(o, CLUE_MATCH_THRESHOLD));
  for (const family of ['stop', 'event'] as const) {
    const own = misses.filter((o) => o.family === family);
    console.log(`    ${family} misses in the ${half} half (${own.length}): ${own.slice(0, limit).map(line).join('; ')}`);
  }
  const falseMatches = outcomes.filter(isFalseMatch);
  console.log(`    negatives answered match in the ${half} half (${falseMatches.length}): ${falseMatches.slice(0, limit).map((o) => `${o.kb}(${o.kind} ${o.family} ${o.layout}) -> ${o.ids[0]} ${fmt(o.confidences[0] ?? 0, 3)}`).join('; ')}`);
}

export async function runClueBench(storeDir?: string, options: ClueBenchOptions = {}): Promise<void> {
  const started = performance.now();
  const { signatures, how } = await loadSignatures(storeDir);
  const seed = options.seed ?? DEFAULT_SEED;
  const streams = clueStreams(seed, options.reseed);
  const withClues = signatures.filter((s) => (s.events?.length ?? 0) > 0 || (s.bugchecks?.length ?? 0) > 0);
  console.log(`\n(d) event-log entries and STOP screens  [${how}; ${seed === DEFAULT_SEED ? '' : `seed ${seed}; `}${Object.entries(options.reseed ?? {}).map(([kind, n]) => `${kind} seed ${n}; `).join('')}${fmt((performance.now() - started) / 1000, 1)} s]`);
  console.log(`  articles printing an event entry: ${signatures.filter((s) => (s.events?.length ?? 0) > 0).length}; a STOP: ${signatures.filter((s) => (s.bugchecks?.length ?? 0) > 0).length}; naming a faulting module: ${signatures.filter((s) => (s.faultModules?.length ?? 0) > 0).length}`);
  for (const sig of withClues) {
    const words = new Set((sig.events ?? []).flatMap((e) => (e.description !== undefined ? descriptionWords(e.description) : [])));
    for (const w of words) templateDf.set(w, (templateDf.get(w) ?? 0) + 1);
  }
  const heldOut = new Set(withClues.filter(() => streams.split() < HELD_OUT).map((s) => s.id));
  const split = new Map(withClues.map((s) => [s.id, streams.split() < 0.5 ? 'calibration' : 'test'] as const));
  const stored = signatures.filter((s) => !heldOut.has(s.id));
  const rules = loadRules();
  const built = measureHeap(() => buildIndex(stored, rules));
  const index = built.value;
  const clueOnly = measureHeap(() => buildClueIndex(stored));
  console.log(`  store: ${stored.length} signatures (${heldOut.size} articles held out); whole match index ${fmt(built.ms / 1000, 2)} s, clue indexes alone ${fmt(clueOnly.ms, 0)} ms, +${fmt(clueOnly.mb, 1)} MB`);

  const outcomes: Outcome[] = [];
  let codeOnly = 0;
  const names = index.clues.names;
  for (const sig of withClues) {
    const held = heldOut.has(sig.id);
    const half = split.get(sig.id) ?? 'test';
    const queries = renderArticle(sig, (code) => names.byCode.get(code), streams).map(({ family, clue, q }) => ({
      q,
      family,
      clue,
      group: 'code' in clue ? stopGroup(index, clue.code, clue.driver, clue.parameters, q) : eventGroup(index, clue.id, clue.source, q),
    }));
    for (const { q, family, clue, group } of queries) {
      // an event id alone, a STOP code alone (zero parameters, no driver): at best `possible` by design, not graded
      if (!q.keeps.source && !q.keeps.description && !q.keeps.driver && !q.keeps.parameters) {
        if (family === 'stop') codeOnly++;
        continue;
      }
      let kind: Kind;
      if (held) {
        // held out, but another article in the store prints the same thing: not a negative
        if (group.size > 0) continue;
        kind = 'held-out';
      } else {
        if (!group.has(sig.id)) continue;
        kind = group.size <= 2 ? 'positive' : 'ambiguous';
      }
      const event = held && !('code' in clue) ? { event: { id: clue.id, ...(clue.source ? { source: clue.source } : {}), ...(clue.description ? { description: clue.description } : {}) } } : {};
      outcomes.push({ kind, family, kb: sig.id, split: half, layout: q.layout, damage: q.damage, group, text: q.text, ...event, ...outcomeOf(index, q.text) });
    }
  }
  // unrelated: an archive event id under a source that never logs it
  const sources = [...new Set(withClues.flatMap((s) => (s.events ?? []).flatMap((e) => (e.source ? [e.source] : []))))];
  for (const sig of withClues.slice(0, 600)) {
    const e = sig.events?.[0];
    if (!e) continue;
    const source = sources[Math.floor(streams.unrelated() * sources.length)]!;
    if ((index.clues.events.get(e.id) ?? []).some((x) => x.source !== undefined && sourceAgreement(x.source, source) > 0)) continue;
    const text = `Event ID: ${e.id}\nSource: ${source}\nType: Error\nDescription: The operation completed with status ${Math.floor(streams.unrelated() * 9999)}.`;
    outcomes.push({ kind: 'unrelated', family: 'other', kb: sig.id, split: streams.unrelated() < 0.5 ? 'calibration' : 'test', layout: 'nt4', damage: 'source swapped', group: new Set(), text, ...outcomeOf(index, text) });
  }
  MODERN_PASTES.forEach((m, i) => {
    outcomes.push({ kind: 'modern', family: 'other', kb: m.what, split: i % 2 === 0 ? 'calibration' : 'test', layout: 'today', damage: '', group: new Set(), text: m.text, ...outcomeOf(index, m.text) });
  });

  console.log(`  STOP pastes saying only their code (zero parameters, no driver), not graded: ${codeOnly}`);
  const calibration = outcomes.filter((o) => o.split === 'calibration');
  const test = outcomes.filter((o) => o.split === 'test');
  const fitted = fitOnCalibration(calibration);
  if (process.env.CLUE_BENCH_DEBUG) for (const o of calibration.filter((x) => (x.kind === 'held-out' || x.kind === 'unrelated') && (x.confidences[0] ?? 0) >= 0.55)) console.log('   debug', o.kb, o.kind, o.layout, o.damage, o.ids[0], fmt(o.confidences[0] ?? 0), o.text.slice(0, 160).replace(/\n/g, ' | '));
  report('calibration half, fitted threshold', calibration, fitted);
  report('test half, threshold fitted on calibration', test, fitted);
  report('test half, shipped threshold', test, CLUE_MATCH_THRESHOLD, index);
  // what the user gets: the thresholds above are fitted on the readers alone, the words then join them
  const wholeStarted = performance.now();
  const whole = test.map((o): Outcome => ({ ...o, ...wholeAnswer(index, o.text) }));
  report(`whole answer (readers + the paste's words), test half, shipped thresholds; ${fmt((performance.now() - wholeStarted) / 1000, 1)} s`, whole, CLUE_MATCH_THRESHOLD, index);
  breakdown(whole, CLUE_MATCH_THRESHOLD, 'layout', ', whole answer, test half');
  if (options.misses !== 'calibration') {
    const pairs = test.map((o, i): [Outcome, Outcome] => [o, whole[i]!]);
    // by family: the words change events and STOP screens differently; today's and unrelated negatives by counts alone
    for (const [family, limit] of [['event', 4], ['stop', 4], ['other', 0]] as const) {
      const own = pairs.filter(([o]) => o.family === family);
      for (const line of changedAnswers(index, own, (o) => rightVerdict(o, CLUE_MATCH_THRESHOLD), (o) => verdictAt(o, CLUE_MATCH_THRESHOLD), (o) => o.text, limit, `${family}: `)) console.log(`    ${line}`);
    }
  }
  breakdown(outcomes, CLUE_MATCH_THRESHOLD, 'layout');
  breakdown(outcomes, CLUE_MATCH_THRESHOLD, 'damage');
  const bands = [0.25, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0001];
  const cells: string[] = [];
  for (let b = 0; b + 1 < bands.length; b++) {
    const inBand = outcomes.filter((o) => (o.confidences[0] ?? 0) >= bands[b]! && (o.confidences[0] ?? 0) < bands[b + 1]!);
    const right = inBand.filter((o) => (o.kind === 'positive' || o.kind === 'ambiguous') && o.group.has(o.ids[0] ?? '')).length;
    cells.push(`[${bands[b]}, ${Math.min(1, bands[b + 1]!)}) ${inBand.length} pastes, top right ${pct(inBand.length ? right / inBand.length : NaN)}`);
  }
  console.log(`    top confidence vs share right: ${cells.join(';  ')}`);
  const modern = outcomes.filter((o) => o.kind === 'modern');
  console.log(`    today's events and bug checks (shipped threshold): ${modern.map((o) => `${o.kb} -> ${verdictAt(o, CLUE_MATCH_THRESHOLD)}${o.ids[0] ? ` ${o.ids[0]} ${fmt(o.confidences[0] ?? 0, 2)}` : ''}`).join('; ')}`);
  if (options.misses) {
    const half = options.misses === 'calibration' ? calibration : test;
    printMisses(half, options.misses, options.limit ?? 15);
    // the whole answer's own false matches: the words and the message route join after the readers
    const wholeHalf = options.misses === 'calibration' ? calibration.map((o): Outcome => ({ ...o, ...wholeAnswer(index, o.text) })) : whole;
    const wholeFalse = wholeHalf.filter(isFalseMatch);
    console.log(`    negatives the whole answer matches in the ${options.misses} half (${wholeFalse.length}): ${wholeFalse.slice(0, 3 * (options.limit ?? 15)).map((o) => `${o.kb}(${o.kind} ${o.family} ${o.layout}) -> ${o.ids[0]} ${fmt(o.confidences[0] ?? 0, 2)}`).join('; ')}`);
  }
  // fitting on calibration (--misses calibration) does not show the test half's pastes
  const showTest = options.misses !== 'calibration';
  const misses = test.filter((o) => o.kind === 'positive' && !rightVerdict(o, CLUE_MATCH_THRESHOLD));
  if (showTest) console.log(`    misses in the test half (${misses.length}): ${misses.slice(0, 15).map((o) => `${o.kb}(${o.family} ${o.layout}, ${o.damage}) -> ${verdictAt(o, CLUE_MATCH_THRESHOLD)} ${o.ids.slice(0, 2).map((id, i) => `${id} ${fmt(o.confidences[i] ?? 0, 2)}`).join(', ') || 'nothing'} [want ${[...o.group].join('/')}]`).join('; ')}`);
  const falseMatches = test.filter(isFalseMatch);
  if (showTest) console.log(`    negatives answered match in the test half (${falseMatches.length}): ${falseMatches.slice(0, 12).map((o) => `${o.kb}(${o.kind} ${o.layout}) -> ${o.ids[0]} ${fmt(o.confidences[0] ?? 0, 2)}`).join('; ')}`);

  // speed: the whole answer path, parse + match, on the whole store
  const texts = outcomes.map((o) => o.text);
  // a collection first: the bench's own garbage (every answer above) is not the bot's, and paid for in this loop it
  // was a quarter of the tail
  (globalThis as { gc?: () => void }).gc?.();
  const times = timeEach(texts, (t) => matchMessage(index, parseMessage(t)));
  console.log(`  speed per paste (parse + match, ${texts.length} pastes): p50 ${fmt(percentile(times.wall, 50))} ms, p99 ${fmt(percentile(times.wall, 99))} ms wall; p99 CPU ${fmt(percentile(times.cpu, 99))} ms; max ${fmt(times.wall[times.wall.length - 1] ?? NaN)} ms [goal p99 < 5 ms]`);
  console.log(`  clue bench done in ${fmt((performance.now() - started) / 1000, 1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seed = wholeNumberOption('--seed');
  const stop = wholeNumberOption('--stop-seed');
  const event = wholeNumberOption('--event-seed');
  const reseed = { ...(stop !== undefined ? { stop } : {}), ...(event !== undefined ? { event } : {}) };
  const misses = halfOption();
  const limit = wholeNumberOption('--limit', 6);
  await runClueBench(optionValue('--store'), { ...(seed !== undefined ? { seed } : {}), reseed, ...(misses ? { misses } : {}), ...(limit !== undefined ? { limit } : {}) });
}
