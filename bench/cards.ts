/**
 * `npm run bench:cards`: how often the card kbbot builds from a real article says what the article says, per
 * field, on the graded set (test/fixtures/golden/*.yml, written by hand). Prints the share right per half (fit:
 * may be looked at while tuning the parser; report: only scored) and overall, then the misses.
 * Options: --golden DIR (default test/fixtures/golden), --misses fit|report|all|none (default all), --batch N (only
 * the articles of batch N in the folder's LIST.txt, e.g. 3 for the batch written blind after the last tuning).
 * Article texts come from /tmp/kb/txt when present, else from ../shared/kb-corpus.tar.gz (streamed, only the
 * members needed are kept).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTarGz } from '../src/store/tar.js';
import { optionValue } from './args.js';
import { FIELDS, readGolden, scoreCards, shareRight, type Golden, type Scored } from './cards-score.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GOLDEN_DIR = join(ROOT, 'test/fixtures/golden');
export const ARCHIVE = resolve(ROOT, '../shared/kb-corpus.tar.gz');
const UNPACKED = '/tmp/kb';

/** Every `Q*.yml` of the graded set. */
export async function loadGoldens(dir = GOLDEN_DIR): Promise<Golden[]> {
  const names = (await readdir(dir)).filter((n) => /^Q\d+\.ya?ml$/.test(n)).sort();
  return Promise.all(names.map(async (n) => readGolden(await readFile(join(dir, n), 'utf8'), n)));
}

/** Batch number of each id in a graded set's LIST.txt: ids before the first `# batch N` header are batch 1. */
export function batchesOf(list: string): Map<string, number> {
  const out = new Map<string, number>();
  let batch = 1;
  for (const line of list.split('\n')) {
    const header = /^#\s*batch\s+(\d+)/i.exec(line);
    if (header) batch = Number(header[1]);
    else if (/^Q\d+\s/.test(line)) out.set(line.split(/\s+/)[0]!, batch);
  }
  return out;
}

function memberOf(id: string): string {
  const digits = id.slice(1);
  return `txt/${String(Math.floor(Number(digits) / 1000)).padStart(3, '0')}/Q${digits}.TXT`;
}

/** The article texts (Latin-1) of `ids`, from the unpacked corpus or the archive. */
export async function loadArticles(ids: readonly string[], archive = ARCHIVE, unpacked = UNPACKED): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = new Map(ids.map((id) => [memberOf(id), id]));
  if (existsSync(join(unpacked, 'txt'))) {
    for (const [member, id] of wanted) {
      const path = join(unpacked, member);
      if (existsSync(path)) out.set(id, (await readFile(path)).toString('latin1'));
    }
  }
  if (out.size < ids.length) {
    for await (const m of readTarGz(archive)) {
      const name = m.name.replace(/^\.\//, '');
      const id = wanted.get(name);
      if (id !== undefined && !out.has(id)) out.set(id, m.data.toString('latin1'));
      if (out.size === ids.length) break;
    }
  }
  return out;
}

const pct = ({ n, right }: { n: number; right: number }): string => (n === 0 ? '     -' : `${((100 * right) / n).toFixed(1).padStart(5)}%`);

export function formatScores(scored: Scored, show: 'fit' | 'report' | 'all' | 'none'): string {
  const lines = ['field               fit (n)        report (n)     all (n)'];
  for (const f of FIELDS) {
    const cell = (half?: 'fit' | 'report') => {
      const s = shareRight(scored, f, half);
      return `${pct(s)} (${s.right}/${s.n})`.padEnd(15);
    };
    lines.push(`${f.padEnd(20)}${cell('fit')}${cell('report')}${cell()}`);
  }
  const misses = scored.misses.filter((m) => show === 'all' || m.half === show);
  if (show !== 'none') {
    lines.push('', `misses (${show}): ${misses.length}`);
    for (const m of misses) lines.push(`${m.id} [${m.half}] ${m.field}: expected ${m.expected} — got ${m.got}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const show = (optionValue('--misses') ?? 'all') as 'fit' | 'report' | 'all' | 'none';
  const dir = optionValue('--golden') ?? GOLDEN_DIR;
  let goldens = await loadGoldens(dir);
  const batch = optionValue('--batch');
  if (batch !== undefined) {
    const batches = batchesOf(await readFile(join(dir, 'LIST.txt'), 'utf8'));
    goldens = goldens.filter((g) => batches.get(g.id) === Number(batch));
  }
  if (goldens.length === 0) throw new Error(`no golden files in ${dir}${batch === undefined ? '' : ` for batch ${batch}`}`);
  const articles = await loadArticles(goldens.map((g) => g.id));
  const scored = scoreCards(goldens, articles);
  const halves = { fit: goldens.filter((g) => g.half === 'fit').length, report: goldens.filter((g) => g.half === 'report').length };
  console.log(`cards bench: ${goldens.length} graded articles${batch === undefined ? '' : ` of batch ${batch}`} (fit ${halves.fit}, report ${halves.report})\n`);
  console.log(formatScores(scored, show));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
