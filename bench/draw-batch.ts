/**
 * `node --import tsx bench/draw-batch.ts --seed S --batch N --writers A,B`: draws a new batch of the graded set
 * (test/fixtures/golden) from the archive, reproducibly: within each stratum, articles are ordered by
 * sha256(seed|stratum|id) and the first ones that fit the stratum and are in no earlier batch (nor in the second
 * reading) are taken. Halves alternate within a stratum; writers alternate in pairs. Prints LIST.txt lines.
 * Strata and sizes are those of batches 3 and 4 (they weigh the fields with the fewest articles).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optionValue } from './args.js';
import { ARCHIVE, GOLDEN_DIR } from './cards.js';
import { readTarGz } from '../src/store/tar.js';

const RESEARCH = join(ARCHIVE, '..', 'research');
const ROLLBACK =
  /cannot be (uninstalled|removed)|(reapply|re-apply)(ing)? (the )?service pack|(older|earlier|previous) version of (the )?(file|binar)|(roll|rolling) back|uninstall(ing)? (the|this) (hotfix|fix|update|service pack)/i;
const idsIn = (file: string): Set<string> => new Set(readFileSync(join(RESEARCH, file), 'utf8').split(/\s+/).filter(Boolean));

async function main(): Promise<void> {
  const seed = optionValue('--seed');
  const batch = optionValue('--batch');
  const writers = (optionValue('--writers') ?? 'A,B').split(',');
  if (!seed || !batch) throw new Error('usage: draw-batch --seed S --batch N [--writers A,B]');
  const list = readFileSync(join(GOLDEN_DIR, 'LIST.txt'), 'utf8');
  const taken = new Set(list.split('\n').filter((l) => /^Q\d+\s/.test(l)).map((l) => l.split(/\s+/)[0]!));
  for (const f of readdirSync(join(GOLDEN_DIR, 'second-reading'))) taken.add(f.replace(/\.yml$/, ''));
  const fileTable = idsIn('filetable-articles.txt');
  const trace = idsIn('trace-articles.txt');
  const strata: [string, number, (id: string, text: string) => boolean][] = [
    ['file-table', 14, (id) => fileTable.has(id)],
    ['rollback', 14, (_, t) => ROLLBACK.test(t)],
    ['event-id', 6, (_, t) => /Event ID:?\s*\d+/i.test(t)],
    ['stop-code', 4, (_, t) => /STOP:?\s*0x[0-9a-f]+/i.test(t)],
    ['trace', 4, (id) => trace.has(id)],
    ['any', 18, () => true],
  ];
  const texts = new Map<string, string>();
  for await (const m of readTarGz(ARCHIVE)) {
    const id = /(Q\d+)\.TXT$/i.exec(m.name)?.[1];
    if (id) texts.set(id.toUpperCase(), m.data.toString('latin1'));
  }
  const rank = (id: string, stratum: string): string => createHash('sha256').update(`${seed}|${stratum}|${id}`).digest('hex');
  console.log(`# batch ${batch}: drawn with seed '${seed}', excluding earlier batches and the second reading, writers ${writers.join(' and ')}`);
  for (const [name, size, fits] of strata) {
    const order = [...texts.keys()].filter((id) => !taken.has(id)).map((id) => [rank(id, name), id] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    let k = 0;
    for (const [, id] of order) {
      if (k >= size) break;
      if (!fits(id, texts.get(id)!)) continue;
      taken.add(id);
      console.log(`${id} ${name} ${k % 2 ? 'report' : 'fit'} ${writers[Math.floor(k / 2) % writers.length]}`);
      k++;
    }
  }
}

await main();
