/**
 * `node --import tsx bench/pastes.ts --store DIR [--set FILE | --set all] [--misses]` (and `npm run bench --
 * --clue-store DIR`, all sets): the hand-written paste sets (test/fixtures/pastes/hand-written*.yml, one per writer: event entries, STOP screens, application errors and error messages a
 * writer pasted as people do, from the article text alone, without seeing kbbot's readers or the benches'
 * renderers, plus negatives no 1990s-2003 article knows), answered against a store as a paste in a channel is.
 * A set is sealed while a round of work is measured on it, then read (`--misses`) and kept as a fit set.
 *
 * Per category: right article first; answered with it (`match` naming it, or `possible` listing it among the
 * five shown); `match` naming it; `match` naming another article. Negatives: answered `match` / `possible`. Each figure
 * is printed for the readers alone (the paste's words left out) and for the whole answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { buildKnowledge, matchKnowledge } from '../src/bot/index.js';
import { warmIndex } from '../src/match/index.js';
import { loadStore } from '../src/store/index.js';
import { parseMessage } from '../src/trace/index.js';
import type { MatchResult } from '../src/model.js';
import { optionValue } from './args.js';
import { pct } from './stats.js';

export const DEFAULT_SET = fileURLToPath(new URL('../test/fixtures/pastes/hand-written.yml', import.meta.url));
const SHOWN = 5;
const CATEGORIES = ['event', 'stop', 'app-error', 'message', 'negative'];

interface HandPaste {
  id: string;
  category: string;
  article?: string;
  paste: string;
}

export function readPasteSet(text: string, source: string): HandPaste[] {
  const items = parseYaml(text) as unknown;
  if (!Array.isArray(items)) throw new Error(`${source}: not a list of pastes`);
  return items.map((item, i) => {
    const p = item as Partial<HandPaste>;
    if (typeof p.id !== 'string' || typeof p.category !== 'string' || typeof p.paste !== 'string') {
      throw new Error(`${source}: item ${i + 1}: needs id, category and paste`);
    }
    if (!CATEGORIES.includes(p.category)) throw new Error(`${source}: ${p.id}: category ${p.category} is not one of ${CATEGORIES.join(', ')}`);
    if ((p.category === 'negative') !== (p.article === undefined)) throw new Error(`${source}: ${p.id}: an article for every paste but negatives`);
    if (p.article !== undefined && !/^Q\d+$/.test(String(p.article))) throw new Error(`${source}: ${p.id}: article ${p.article} is not a KB id`);
    return { id: p.id, category: p.category, paste: p.paste, ...(p.article ? { article: String(p.article) } : {}) };
  });
}

interface Tally {
  n: number;
  first: number;
  answered: number;
  matched: number;
  wrongMatch: number;
  possible: number;
}

/** Every writer's set in the fixtures folder (`hand-written.yml`, `hand-written-2.yml`, ...). */
export function allSets(): string[] {
  const dir = dirname(DEFAULT_SET);
  return readdirSync(dir)
    .filter((f) => /^hand-written(-\d+)?\.yml$/.test(f))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .map((f) => join(dir, f));
}

const emptyTally = (): Tally => ({ n: 0, first: 0, answered: 0, matched: 0, wrongMatch: 0, possible: 0 });

/** Adds one answer to the tally of its category; returns what was said, for the misses. */
function tallyAnswer(t: Tally, p: HandPaste, result: MatchResult): string {
  t.n++;
  const top = result.candidates[0]?.kb;
  const shown = result.verdict === 'match' ? [top] : result.verdict === 'possible' ? result.candidates.slice(0, SHOWN).map((c) => c.kb) : [];
  const said = `${result.verdict}${shown.length ? ` ${shown.join(',')}` : ''}`;
  if (p.article === undefined) {
    if (result.verdict === 'match') t.matched++;
    if (result.verdict === 'possible') t.possible++;
    return said;
  }
  if (top === p.article) t.first++;
  if (shown.includes(p.article)) t.answered++;
  if (result.verdict === 'match') (top === p.article ? t.matched++ : t.wrongMatch++);
  return said;
}

const isMiss = (p: HandPaste, result: MatchResult): boolean =>
  p.article === undefined ? result.verdict === 'match' : result.verdict !== 'match' || result.candidates[0]?.kb !== p.article;

/**
 * Answers every paste of the sets as a channel would (the whole answer), and beside it the readers' answer alone (the
 * paste's words left out: the obvious alternative, and the answer before the text route).
 */
export async function runPasteBench(storeDir: string, setPaths: string[], options: { misses?: boolean } = {}): Promise<void> {
  const store = await loadStore(storeDir);
  const k = buildKnowledge(store.signatures);
  warmIndex(k.index);
  const whole = new Map<string, Tally>();
  const readers = new Map<string, Tally>();
  const perSet: string[] = [];
  const misses: string[] = [];
  let total = 0;
  for (const setPath of setPaths) {
    const pastes = readPasteSet(readFileSync(setPath, 'utf8'), setPath);
    total += pastes.length;
    let right = 0;
    let positives = 0;
    for (const p of pastes) {
      const parsed = parseMessage(p.paste);
      const result = matchKnowledge(k, parsed);
      const alone = matchKnowledge(k, { ...parsed, words: [] });
      const said = tallyAnswer(getTally(whole, p.category), p, result);
      tallyAnswer(getTally(readers, p.category), p, alone);
      if (p.article !== undefined) {
        positives++;
        if (result.candidates[0]?.kb === p.article) right++;
      }
      if (isMiss(p, result)) misses.push(`${basename(setPath)} ${p.id} ${p.category}${p.article ? ` ${p.article}` : ''}: ${said}`);
    }
    perSet.push(`${basename(setPath)} ${pct(right / (positives || 1))}`);
  }
  console.log(`hand-written pastes: ${total} from ${setPaths.length} set(s), store ${storeDir} (${store.signatures.size} signatures)`);
  console.log('readers alone -> whole answer (readers + the paste\'s words)\n');
  console.log('category      n   right first       answered with it   match naming it   match naming another');
  const arrow = (a: number, b: number, n: number): string => `${pct(a / n)} -> ${pct(b / n)}`;
  for (const [category, t] of [...whole].sort()) {
    if (category === 'negative') continue;
    const r = readers.get(category) ?? emptyTally();
    console.log(`${category.padEnd(12)}${String(t.n).padStart(3)}   ${arrow(r.first, t.first, t.n).padStart(15)}   ${arrow(r.answered, t.answered, t.n).padStart(16)}   ${arrow(r.matched, t.matched, t.n).padStart(15)}   ${arrow(r.wrongMatch, t.wrongMatch, t.n).padStart(20)}`);
  }
  const neg = whole.get('negative');
  const negAlone = readers.get('negative');
  if (neg && negAlone) console.log(`\nnegatives ${neg.n}: answered match ${arrow(negAlone.matched, neg.matched, neg.n)}, possible ${arrow(negAlone.possible, neg.possible, neg.n)}`);
  if (setPaths.length > 1) console.log(`right first per set (whole answer): ${perSet.join('; ')}`);
  if (options.misses) console.log(`\nmisses (not \`match\` naming the article; negatives answered \`match\`):\n${misses.join('\n')}`);
}

function getTally(tallies: Map<string, Tally>, category: string): Tally {
  let t = tallies.get(category);
  if (!t) tallies.set(category, (t = emptyTally()));
  return t;
}

async function main(): Promise<void> {
  const storeDir = optionValue('--store');
  if (!storeDir) throw new Error('usage: bench/pastes.ts --store DIR [--set FILE | --set all] [--misses]');
  const set = optionValue('--set') ?? DEFAULT_SET;
  await runPasteBench(storeDir, set === 'all' ? allSets() : [set], { misses: process.argv.includes('--misses') });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
