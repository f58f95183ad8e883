/**
 * One article through the parser and into the store, as a result line: what was written, or why not.
 * Shared by the worker threads and the in-thread path of `runIngest`.
 */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asKbBotError, ErrorCode, KbBotError } from '../errors.js';
import { parseArticle } from '../kb/index.js';
import type { Signature } from '../model.js';
import type { ArticleSource } from './archive.js';
import { packLine } from './pack.js';
import { checkedSignature, formatSignature } from './write.js';

export interface ArticleCounts {
  traces: number;
  /** Frames in the longest trace. */
  maxFrames: number;
  files: number;
  packages: number;
  rollback: number;
  related: number;
}

export interface ArticleResult {
  path: string;
  /** `written`: a signature file exists; `rejected`: the parser refused it; `failed`: an unexpected error. */
  status: 'written' | 'rejected' | 'failed';
  id?: string;
  counts?: ArticleCounts;
  reason?: string;
  /** Packed ingest only: the signature as a pack line, for the main thread to write (never reported). */
  line?: string;
}

export function countsOf(sig: Signature): ArticleCounts {
  return {
    traces: sig.traces.length,
    maxFrames: sig.traces.reduce((max, t) => Math.max(max, t.length), 0),
    files: sig.files.length,
    packages: sig.packages.length,
    rollback: sig.rollback.length,
    related: sig.related.length,
  };
}

/**
 * `writeSignature`'s file (same text), written synchronously: an ingest run writes 57,000 files from
 * worker threads, and a round trip through the libuv pool per file costs more than the write. Into a
 * folder that was empty when the run began nobody else is reading, so a new file is written in place;
 * otherwise through a temp file and a rename, so a loader never sees half a file. `outDir` must exist.
 */
function writeSignatureNow(outDir: string, sig: Signature, freshDir: boolean): void {
  const text = formatSignature(sig);
  const target = join(outDir, `${sig.id}.json`);
  if (freshDir && createNew(target, text)) return;
  const temp = join(outDir, `.${sig.id}.json.${process.pid}.${threadTag}.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temp file was never created
    }
    throw new KbBotError(ErrorCode.StoreUnreadable, `cannot write ${target}: ${(error as Error).message}`, { path: target }, { cause: error });
  }
}

/**
 * Writes a file that must not exist yet; false when it does (the same article twice in one run, maybe
 * on another thread at this moment), which then goes through the temp file and rename instead.
 */
function createNew(target: string, text: string): boolean {
  try {
    writeFileSync(target, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new KbBotError(ErrorCode.StoreUnreadable, `cannot write ${target}: ${(error as Error).message}`, { path: target }, { cause: error });
  }
}

const threadTag = Math.random().toString(36).slice(2, 10);

/**
 * Parses and writes one article into the existing folder `outDir`; never throws. `freshDir`: the folder
 * was empty when the run began (files are then written in place, see writeSignatureNow). With `outDir`
 * null (a packed ingest) nothing is written: the result carries the signature's pack line instead.
 */
export function ingestArticle(source: ArticleSource, outDir: string | null, freshDir = false): ArticleResult {
  let sig: Signature;
  try {
    sig = parseArticle(source.text);
  } catch (error) {
    const coded = asKbBotError(error);
    if (coded.code === ErrorCode.ArticleRejected) return { path: source.path, status: 'rejected', reason: String(coded.details.reason ?? coded.message) };
    return { path: source.path, status: 'failed', reason: `parser error: ${coded.message}` };
  }
  let line: string | undefined;
  try {
    if (outDir === null) line = packLine(checkedSignature(sig));
    else writeSignatureNow(outDir, sig, freshDir);
  } catch (error) {
    const coded = asKbBotError(error);
    const status = coded.code === ErrorCode.SignatureInvalid ? 'rejected' : 'failed';
    const reason = coded.code === ErrorCode.SignatureInvalid ? 'invalid signature' : `write error: ${coded.message}`;
    return { path: source.path, status, id: sig.id, reason };
  }
  return { path: source.path, status: 'written', id: sig.id, counts: countsOf(sig), ...(line === undefined ? {} : { line }) };
}
