/**
 * `node --import tsx bench/pastes.ts --store DIR [--set FILE] [--misses]`: the hand-written paste set
 * (test/fixtures/pastes/hand-written.yml: event entries, STOP screens, application errors and error messages a
 * writer pasted as people do, from the article text alone, without seeing kbbot's readers or the benches'
 * renderers, plus negatives no 1990s-2003 article knows), answered against a store as a paste in a channel is.
 * The set is never tuned on: it measures the readers and matchers on layouts nobody fitted them to. `--misses`
 * lists the misses (read them only to report, after a round of work).
 *
 * Per category: right article first; answered with it (`match` naming it, or `possible` listing it among the
 * five shown); `match` naming it; `match` naming another article. Negatives: answered `match` / `possible`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { buildKnowledge, matchKnowledge } from '../src/bot/index.js';
import { warmIndex } from '../src/match/index.js';
import { loadStore } from '../src/store/index.js';
import { parseMessage } from '../src/trace/index.js';
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

async function main(): Promise<void> {
  const storeDir = optionValue('--store');
  if (!storeDir) throw new Error('usage: bench/pastes.ts --store DIR [--set FILE] [--misses]');
  const setPath = optionValue('--set') ?? DEFAULT_SET;
  const pastes = readPasteSet(readFileSync(setPath, 'utf8'), setPath);
  const store = await loadStore(storeDir);
  const k = buildKnowledge(store.signatures);
  warmIndex(k.index);
  const tallies = new Map<string, Tally>();
  const misses: string[] = [];
  for (const p of pastes) {
    const result = matchKnowledge(k, parseMessage(p.paste));
    const t = tallies.get(p.category) ?? { n: 0, first: 0, answered: 0, matched: 0, wrongMatch: 0, possible: 0 };
    tallies.set(p.category, t);
    t.n++;
    const top = result.candidates[0]?.kb;
    const shown = result.verdict === 'match' ? [top] : result.verdict === 'possible' ? result.candidates.slice(0, SHOWN).map((c) => c.kb) : [];
    const said = `${result.verdict}${shown.length ? ` ${shown.join(',')}` : ''}`;
    if (p.article === undefined) {
      if (result.verdict === 'match') t.matched++;
      if (result.verdict === 'possible') t.possible++;
      if (result.verdict === 'match') misses.push(`${p.id} negative: ${said}`);
      continue;
    }
    const first = top === p.article;
    if (first) t.first++;
    if (shown.includes(p.article)) t.answered++;
    if (result.verdict === 'match') (first ? t.matched++ : t.wrongMatch++);
    if (!first || result.verdict !== 'match') misses.push(`${p.id} ${p.category} ${p.article}: ${said}`);
  }
  console.log(`hand-written pastes: ${pastes.length} from ${setPath}, store ${storeDir} (${store.signatures.size} signatures)\n`);
  console.log('category      n   right first   answered with it   match naming it   match naming another');
  for (const [category, t] of [...tallies].sort()) {
    if (category === 'negative') continue;
    console.log(`${category.padEnd(12)}${String(t.n).padStart(3)}   ${pct(t.first / t.n).padStart(11)}   ${pct(t.answered / t.n).padStart(16)}   ${pct(t.matched / t.n).padStart(15)}   ${pct(t.wrongMatch / t.n).padStart(20)}`);
  }
  const neg = tallies.get('negative');
  if (neg) console.log(`\nnegatives ${neg.n}: answered match ${pct(neg.matched / neg.n)}, possible ${pct(neg.possible / neg.n)}`);
  if (process.argv.includes('--misses')) console.log(`\nmisses (not \`match\` naming the article; negatives answered \`match\`):\n${misses.join('\n')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
