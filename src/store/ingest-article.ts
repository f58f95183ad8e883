/**
 * One article through the parser and into the store, as a result line: what was written, or why not.
 * Shared by the worker threads and the in-thread path of `runIngest`.
 */
import { asKbBotError, ErrorCode } from '../errors.js';
import { parseArticle } from '../kb/index.js';
import type { Signature } from '../model.js';
import type { ArticleSource } from './archive.js';
import { writeSignature } from './write.js';

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

/** Parses and writes one article; never throws. */
export async function ingestArticle(source: ArticleSource, outDir: string): Promise<ArticleResult> {
  let sig: Signature;
  try {
    sig = parseArticle(source.text);
  } catch (error) {
    const coded = asKbBotError(error);
    if (coded.code === ErrorCode.ArticleRejected) return { path: source.path, status: 'rejected', reason: String(coded.details.reason ?? coded.message) };
    return { path: source.path, status: 'failed', reason: `parser error: ${coded.message}` };
  }
  try {
    await writeSignature(outDir, sig);
  } catch (error) {
    const coded = asKbBotError(error);
    const status = coded.code === ErrorCode.SignatureInvalid ? 'rejected' : 'failed';
    const reason = coded.code === ErrorCode.SignatureInvalid ? 'invalid signature' : `write error: ${coded.message}`;
    return { path: source.path, status, id: sig.id, reason };
  }
  return { path: source.path, status: 'written', id: sig.id, counts: countsOf(sig) };
}
