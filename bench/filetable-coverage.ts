/**
 * File-table coverage over the KB archive: how many articles yield file rows, how complete the
 * rows are, which listed file-table articles yield nothing, and which articles outside the list
 * yield rows (false-positive candidates to spot-check). Also checks that every listed article
 * gives the same rows with its line breaks collapsed into spaces.
 *
 *   node --import tsx bench/filetable-coverage.ts [--corpus DIR | --archive FILE] [--list FILE] [--only-list] [--show N]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { parseFileTables } from '../src/kb/file-table.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const k = args.indexOf(name);
  return k >= 0 && args[k + 1] ? args[k + 1]! : fallback;
};
const corpusDir = opt('--corpus', '/tmp/corpus/txt');
const archive = opt('--archive', new URL('../../shared/kb-corpus.tar.gz', import.meta.url).pathname);
const listPath = opt('--list', new URL('../../shared/research/filetable-articles.txt', import.meta.url).pathname);
const onlyList = args.includes('--only-list');
const show = Number(opt('--show', '40'));

const listed = new Set(readFileSync(listPath, 'utf8').split(/\s+/).filter((s) => /^Q\d+$/.test(s)));

/** Every article as [id, text], from the extracted corpus when present, else from the archive. */
async function* articles(): AsyncGenerator<[string, string]> {
  if (existsSync(corpusDir)) {
    for (const folder of readdirSync(corpusDir).sort()) {
      for (const file of readdirSync(join(corpusDir, folder)).sort()) {
        const id = file.replace(/\.TXT$/i, '');
        if (onlyList && !listed.has(id)) continue;
        yield [id, readFileSync(join(corpusDir, folder, file), 'latin1')];
      }
    }
    return;
  }
  // Minimal tar reader: 512-byte headers, name at 0..100, octal size at 124..136.
  let buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(archive).pipe(createGunzip())) {
    buffer = Buffer.concat([buffer, chunk as Buffer]);
    for (;;) {
      if (buffer.length < 512) break;
      const name = buffer.toString('latin1', 0, 100).replace(/\0.*$/s, '');
      if (name === '') { buffer = Buffer.alloc(0); break; }
      const size = parseInt(buffer.toString('latin1', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
      const total = 512 + Math.ceil(size / 512) * 512;
      if (buffer.length < total) break;
      const m = /(Q\d+)\.TXT$/i.exec(name);
      if (m && (!onlyList || listed.has(m[1]!))) yield [m[1]!.toUpperCase(), buffer.toString('latin1', 512, 512 + size)];
      buffer = buffer.subarray(total);
    }
  }
}

const stats = { articles: 0, withFiles: 0, withPackages: 0, rows: 0, packages: 0, noVersion: 0, noSize: 0, noDate: 0, listedWithFiles: 0, flatMismatch: 0 };
const listedEmpty: string[] = [];
const unlisted: string[] = [];
const mismatched: string[] = [];
const started = process.hrtime.bigint();
let parseNs = 0n;

for await (const [id, raw] of articles()) {
  const text = raw.replace(/\r\n?/g, '\n');
  stats.articles++;
  const t0 = process.hrtime.bigint();
  const { files, packages } = parseFileTables(text);
  parseNs += process.hrtime.bigint() - t0;
  if (files.length > 0) stats.withFiles++;
  if (packages.length > 0) stats.withPackages++;
  stats.rows += files.length;
  stats.packages += packages.length;
  for (const f of files) {
    if (f.version === undefined) stats.noVersion++;
    if (f.size === undefined) stats.noSize++;
    if (f.date === undefined) stats.noDate++;
  }
  if (listed.has(id)) {
    if (files.length > 0) stats.listedWithFiles++;
    else listedEmpty.push(id);
    const flat = parseFileTables(text.replace(/\s+/g, ' '));
    if (JSON.stringify(flat) !== JSON.stringify({ files, packages })) {
      stats.flatMismatch++;
      mismatched.push(id);
    }
  } else if (files.length > 0) unlisted.push(`${id}(${files.length})`);
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`articles read:                     ${stats.articles}`);
console.log(`articles with >=1 files row:       ${stats.withFiles}`);
console.log(`  of the ${listed.size} listed file-table articles: ${stats.listedWithFiles}`);
console.log(`  not in the list (spot-check):    ${unlisted.length}`);
console.log(`articles with >=1 package row:     ${stats.withPackages}`);
console.log(`files rows: ${stats.rows}  (no version ${stats.noVersion}, no size ${stats.noSize}, no date ${stats.noDate}); package rows: ${stats.packages}`);
console.log(`listed articles whose flattened text reads differently: ${stats.flatMismatch} ${mismatched.slice(0, 15).join(' ')}`);
console.log(`listed articles with no files row (${listedEmpty.length}), sample: ${listedEmpty.slice(0, show).join(' ')}`);
console.log(`unlisted articles with files rows, sample: ${unlisted.slice(0, show).join(' ')}`);
console.log(`time: ${seconds.toFixed(1)} s total, ${(Number(parseNs) / 1e9).toFixed(1)} s in parseFileTables`);
