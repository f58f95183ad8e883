/**
 * `npm run bench:cards -- …` measures the parser against one writer per article. How far can it go? This prints
 * how often two people agree on the judgement-heavy fields: the graded set's writer against a second, independent
 * reading of a sample (test/fixtures/golden/second-reading/, written without seeing the first or the parser), beside
 * the parser against each of them on the same articles.
 * Usage: node --import tsx bench/cards-agreement.ts [--golden DIR] [--second DIR]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOLDEN_DIR, loadArticles, loadGoldens } from './cards.js';
import { optionValue } from './args.js';
import { readGolden, scoreCards, shareRight, warningSays, type Field, type Golden } from './cards-score.js';

const FIELDS_COMPARED = ['kind', 'fix kind', 'rollback'] as const satisfies readonly Field[];

/** Same warnings: as many, and each of one says what one of the other says. */
function sameWarnings(a: Golden['rollback'] = [], b: Golden['rollback'] = []): boolean {
  return a.length === b.length && a.every((w) => b.some((v) => warningSays(w.says, v.says) || warningSays(v.says, w.says)));
}

/** Whether two readings agree on a field; undefined when either leaves it out. */
export function readingsAgree(field: (typeof FIELDS_COMPARED)[number], a: Golden, b: Golden): boolean | undefined {
  if (field === 'kind') return a.kind === undefined || b.kind === undefined ? undefined : a.kind === b.kind;
  if (field === 'fix kind') return a.fix === undefined || b.fix === undefined ? undefined : a.fix.kind === b.fix.kind;
  return a.rollback === undefined || b.rollback === undefined ? undefined : sameWarnings(a.rollback, b.rollback);
}

async function main(): Promise<void> {
  const dir = optionValue('--golden') ?? GOLDEN_DIR;
  const secondDir = optionValue('--second') ?? join(dir, 'second-reading');
  const names = (await readdir(secondDir)).filter((n) => /^Q\d+\.ya?ml$/.test(n));
  const second = await Promise.all(names.map(async (n) => readGolden(await readFile(join(secondDir, n), 'utf8'), n)));
  const first = new Map((await loadGoldens(dir)).map((g) => [g.id, g]));
  const pairs = second.flatMap((s) => (first.has(s.id) ? [[first.get(s.id)!, s] as const] : []));
  const articles = await loadArticles(pairs.map(([f]) => f.id));
  const vsWriter = scoreCards(pairs.map(([f]) => f), articles);
  // The second reading scored as a graded file of its own (its half taken from the writer's).
  const vsSecond = scoreCards(pairs.map(([f, s]) => ({ ...s, stratum: f.stratum, half: f.half })), articles);
  const pct = (right: number, n: number) => (n === 0 ? '-' : `${((100 * right) / n).toFixed(1)}% (${right}/${n})`);
  console.log(`cards agreement: ${pairs.length} articles read twice\n`);
  console.log('field       writer vs second reader   parser vs writer      parser vs second reader');
  for (const field of FIELDS_COMPARED) {
    const verdicts = pairs.map(([f, s]) => readingsAgree(field, f, s)).filter((v) => v !== undefined);
    const w = shareRight(vsWriter, field);
    const r = shareRight(vsSecond, field);
    console.log(`${field.padEnd(12)}${pct(verdicts.filter(Boolean).length, verdicts.length).padEnd(26)}${pct(w.right, w.n).padEnd(22)}${pct(r.right, r.n)}`);
  }
  const disagreements = pairs.filter(([f, s]) => FIELDS_COMPARED.some((field) => readingsAgree(field, f, s) === false));
  if (disagreements.length > 0) {
    console.log('\nwhere the two readings differ:');
    for (const [f, s] of disagreements) {
      console.log(`${f.id}: kind ${f.kind}/${s.kind}; fix ${f.fix?.kind ?? '-'}/${s.fix?.kind ?? '-'}; rollback ${f.rollback?.length ?? '-'}/${s.rollback?.length ?? '-'}`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
