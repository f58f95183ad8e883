/**
 * `runIngest`: every article under the given paths → one signature file each in `outDir`. Parsing runs on
 * worker threads (the archive has 57,000 articles); the main thread only reads and hands out batches.
 * One bad article never stops the run: it becomes a `rejected` or `failed` result with its reason.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readArticles, type ArticleSource, type ReadProgress } from './archive.js';
import { ingestArticle, type ArticleResult } from './ingest-article.js';
import { isPackPath, writePackLines } from './pack.js';

export interface IngestOptions {
  paths: readonly string[];
  /** A folder (one file per signature), or a pack file `*.jsonl` / `*.jsonl.gz` (pack.ts), written at the end. */
  outDir: string;
  /** Worker threads; 0 parses on the calling thread (tests, tiny inputs). Default 2. */
  workers?: number;
  /** Called once per article, in completion order. */
  onResult?: (result: ArticleResult) => void;
  /** Called as an archive's bytes are read (a download's progress). */
  onProgress?: (progress: ReadProgress) => void;
}

export interface IngestSummary {
  read: number;
  written: number;
  /** Signatures with at least one trace of >= 1 frame / >= 2 frames. */
  withTrace: number;
  withTrace2: number;
  withFiles: number;
  withRollback: number;
  rejected: number;
  failed: number;
  /** Count per reason, rejected and failed articles together. */
  reasons: Record<string, number>;
  seconds: number;
}

const BATCH = 64;
const IN_FLIGHT_PER_WORKER = 4;

function emptySummary(): IngestSummary {
  return { read: 0, written: 0, withTrace: 0, withTrace2: 0, withFiles: 0, withRollback: 0, rejected: 0, failed: 0, reasons: {}, seconds: 0 };
}

function tally(summary: IngestSummary, result: ArticleResult): void {
  summary.read++;
  if (result.status === 'written') {
    summary.written++;
    const c = result.counts;
    if (c && c.maxFrames >= 1) summary.withTrace++;
    if (c && c.maxFrames >= 2) summary.withTrace2++;
    if (c && c.files > 0) summary.withFiles++;
    if (c && c.rollback > 0) summary.withRollback++;
    return;
  }
  if (result.status === 'rejected') summary.rejected++;
  else summary.failed++;
  const reason = result.reason ?? 'unknown';
  summary.reasons[reason] = (summary.reasons[reason] ?? 0) + 1;
}

/**
 * The worker script beside this module. Built (`.js`) it runs as is; from source (tsx, vitest) a tiny
 * bootstrap registers tsx in the worker first, since loader hooks do not carry over into worker threads.
 */
function startWorker(outDir: string | null, freshDir: boolean): Worker {
  const workerData = { outDir, freshDir };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./ingest-worker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./ingest-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

async function ingestInThread(articles: AsyncIterable<ArticleSource>, outDir: string | null, freshDir: boolean, record: (r: ArticleResult) => void): Promise<void> {
  for await (const source of articles) record(ingestArticle(source, outDir, freshDir));
}

async function ingestOnWorkers(
  articles: AsyncIterable<ArticleSource>, outDir: string | null, freshDir: boolean, count: number, record: (r: ArticleResult) => void,
): Promise<void> {
  const workers = Array.from({ length: count }, () => ({ worker: startWorker(outDir, freshDir), inFlight: 0 }));
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  for (const w of workers) {
    w.worker.on('message', (results: ArticleResult[]) => {
      w.inFlight--;
      results.forEach(record);
      wake?.();
    });
    w.worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
  }
  const idle = () => workers.reduce((best, w) => (w.inFlight < best.inFlight ? w : best));
  const waitForRoom = async (limit: number) => {
    while (!failure && workers.some((w) => w.inFlight > 0) && idle().inFlight >= limit) {
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw failure;
  };
  const send = async (batch: ArticleSource[]) => {
    await waitForRoom(IN_FLIGHT_PER_WORKER);
    const w = idle();
    w.inFlight++;
    w.worker.postMessage(batch);
  };
  try {
    let batch: ArticleSource[] = [];
    for await (const source of articles) {
      batch.push(source);
      if (batch.length === BATCH) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
    while (!failure && workers.some((w) => w.inFlight > 0)) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const summary = emptySummary();
  const packed = isPackPath(options.outDir);
  // A pack is written once, at the end, sorted by id: the same articles always give the same bytes.
  const lines = new Map<string, string>();
  const record = (result: ArticleResult) => {
    if (result.line !== undefined) {
      lines.set(result.id ?? '', result.line);
      delete result.line;
    }
    tally(summary, result);
    options.onResult?.(result);
  };
  let outDir: string | null = null;
  let freshDir = false;
  if (packed) await mkdir(dirname(options.outDir), { recursive: true });
  else {
    outDir = options.outDir;
    await mkdir(outDir, { recursive: true });
    // An empty folder needs no temp file + rename per signature (57,000 renames are seconds of system time).
    freshDir = (await readdir(outDir)).length === 0;
  }
  const articles = readArticles(options.paths, options.onProgress ? { onProgress: options.onProgress } : {});
  const workers = options.workers ?? 2;
  if (workers <= 0) await ingestInThread(articles, outDir, freshDir, record);
  else await ingestOnWorkers(articles, outDir, freshDir, workers, record);
  if (packed) {
    const ids = [...lines.keys()].sort();
    await writePackLines(options.outDir, (function* () {
      for (const id of ids) yield lines.get(id) as string;
    })());
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
