/**
 * Before/after check for file-table changes: dumps the rows kbbot reads from every article in
 * research/filetable-articles.txt (or --list FILE) to a JSON file, and compares two dumps, printing per
 * article what changed (rows added or lost, versions, sizes, dates, platforms, languages, products).
 *
 *   node --import tsx bench/filetable-diff.ts dump OUT.json [--list FILE] [--exclude LIST.txt]
 *   node --import tsx bench/filetable-diff.ts compare BEFORE.json AFTER.json
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseFileTables } from '../src/kb/file-table.js';
import type { FileRow } from '../src/model.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

function articlePath(id: string): string {
  const n = Number(id.slice(1));
  return `/tmp/kb/txt/${String(Math.floor(n / 1000)).padStart(3, '0')}/${id}.TXT`;
}

const rowText = (r: FileRow): string =>
  [r.name, r.version, r.sizeText ?? r.size, r.date, r.time, r.platform && `[${r.platform}]`, r.language && `{${r.language}}`, r.product && `<${r.product}>`, r.component && `(${r.component})`]
    .filter((v) => v !== undefined && v !== '').join(' ');

type Dump = Record<string, { files: string[]; packages: string[] }>;

function dump(out: string): void {
  const list = opt('--list') ?? new URL('../../shared/research/filetable-articles.txt', import.meta.url).pathname;
  const exclude = new Set(opt('--exclude') ? readFileSync(opt('--exclude')!, 'utf8').split(/\s+/).filter((s) => /^Q\d+$/.test(s)) : []);
  const ids = readFileSync(list, 'utf8').split(/\s+/).filter((s) => /^Q\d+$/.test(s) && !exclude.has(s));
  const result: Dump = {};
  for (const id of ids) {
    const path = articlePath(id);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'latin1').replace(/\r\n?/g, '\n');
    const { files, packages } = parseFileTables(text);
    result[id] = { files: files.map(rowText), packages: packages.map(rowText) };
  }
  writeFileSync(out, JSON.stringify(result, null, 1));
  console.log(`${Object.keys(result).length} articles dumped to ${out}`);
}

function compare(a: string, b: string): void {
  const before = JSON.parse(readFileSync(a, 'utf8')) as Dump;
  const after = JSON.parse(readFileSync(b, 'utf8')) as Dump;
  let changed = 0;
  const counts = { more: 0, fewer: 0, sameCount: 0 };
  for (const id of Object.keys(after)) {
    const x = before[id];
    const y = after[id]!;
    if (!x) continue;
    const xs = [...x.files, ...x.packages.map((p) => `PKG ${p}`)];
    const ys = [...y.files, ...y.packages.map((p) => `PKG ${p}`)];
    if (JSON.stringify(xs) === JSON.stringify(ys)) continue;
    changed++;
    if (ys.length > xs.length) counts.more++;
    else if (ys.length < xs.length) counts.fewer++;
    else counts.sameCount++;
    const gone = xs.filter((r) => !ys.includes(r));
    const added = ys.filter((r) => !xs.includes(r));
    console.log(`${id}: ${xs.length} -> ${ys.length} rows`);
    for (const r of gone.slice(0, 6)) console.log(`   - ${r}`);
    if (gone.length > 6) console.log(`   - … ${gone.length - 6} more`);
    for (const r of added.slice(0, 6)) console.log(`   + ${r}`);
    if (added.length > 6) console.log(`   + … ${added.length - 6} more`);
  }
  console.log(`\n${changed} of ${Object.keys(after).length} articles changed: ${counts.more} gained rows, ${counts.fewer} lost rows, ${counts.sameCount} same count`);
}

if (args[0] === 'dump' && args[1]) dump(args[1]);
else if (args[0] === 'compare' && args[1] && args[2]) compare(args[1], args[2]);
else {
  console.error('usage: filetable-diff.ts dump OUT.json [--list FILE] [--exclude LIST.txt] | compare BEFORE.json AFTER.json');
  process.exit(2);
}
