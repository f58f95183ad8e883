/**
 * Access to the shared KB archive (../shared/kb-corpus.tar.gz) for tests. The archive is never
 * committed; tests that need it call `archiveAvailable()` and skip when it is absent (fail under CI).
 */
import { execFileSync } from 'node:child_process';
import { ARCHIVE_PATH, skipWithout } from './services.js';

/** True when the archive is here; otherwise says the tests of `what` are skipped (or fails under CI). */
export function archiveAvailable(what = 'tests that read the KB archive'): boolean {
  return !skipWithout('archive', what);
}

const cache = new Map<string, string>();

/** The raw text (Latin-1 decoded) of one article, e.g. readArchiveArticle('Q272274'). */
export function readArchiveArticle(id: string): string {
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const digits = id.replace(/^Q/, '');
  // Folders group articles by thousands: Q10022 is in txt/010/, Q272274 in txt/272/.
  const member = `txt/${String(Math.floor(Number(digits) / 1000)).padStart(3, '0')}/Q${digits}.TXT`;
  const bytes = execFileSync('tar', ['-xzOf', ARCHIVE_PATH, member], { maxBuffer: 64 * 1024 * 1024 });
  const text = bytes.toString('latin1');
  cache.set(id, text);
  return text;
}
