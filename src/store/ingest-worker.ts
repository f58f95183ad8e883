/** Worker thread for `runIngest`: parses and writes each batch of articles it is sent, answers with the results. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ArticleSource } from './archive.js';
import { ingestArticle } from './ingest-article.js';

const { outDir, freshDir } = workerData as { outDir: string | null; freshDir: boolean };

parentPort?.on('message', (batch: ArticleSource[]) => {
  parentPort?.postMessage(batch.map((source) => ingestArticle(source, outDir, freshDir)));
});
