/**
 * The archive as signatures, for the bench: /tmp/corpus/txt when extracted there, else
 * ../shared/kb-corpus.tar.gz extracted to a temporary folder. Only articles that print a
 * `module!symbol` somewhere are parsed for traces (the rest cannot hold one); their count
 * is reported so the archive-size figures say what they cover.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../src/kb/index.js';
import type { Signature } from '../src/model.js';

const ARCHIVE = fileURLToPath(new URL('../../shared/kb-corpus.tar.gz', import.meta.url));

function corpusDir(): string {
  if (existsSync('/tmp/corpus/txt')) return '/tmp/corpus';
  if (!existsSync(ARCHIVE)) throw new Error(`no archive: neither /tmp/corpus/txt nor ${ARCHIVE}`);
  const dir = mkdtempSync(join(tmpdir(), 'kbbot-bench-'));
  execFileSync('tar', ['-xzf', ARCHIVE, '-C', dir]);
  return dir;
}

export interface ArchiveSignatures {
  articles: number;
  parsed: number;
  rejected: number;
  signatures: Signature[];
}

/** A letter-or-digit, `!`, then a letter, `_`, `?` or `@`: the shape of a printed frame. */
const FRAME_SHAPE = /[A-Za-z0-9_]![A-Za-z_?@]/;

export function loadArchiveSignatures(): ArchiveSignatures {
  const root = join(corpusDir(), 'txt');
  let articles = 0;
  let rejected = 0;
  const signatures: Signature[] = [];
  for (const folder of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      articles++;
      const text = readFileSync(join(root, folder, name)).toString('latin1');
      if (!FRAME_SHAPE.test(text)) continue;
      try {
        signatures.push(parseArticle(text));
      } catch {
        rejected++;
      }
    }
  }
  return { articles, parsed: signatures.length, rejected, signatures };
}
