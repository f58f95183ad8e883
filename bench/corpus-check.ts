/**
 * Corpus check (run by `npm run corpus-check` and .ci/run): ingests all of ../shared/kb-corpus.tar.gz into a
 * temp folder and fails unless nothing crashed, >= 56,900 signatures were written, >= 220 articles have a
 * trace of 2+ frames, >= 1,800 have a files table, and Q272274 from the archive equals the flattened seed
 * field by field. Prints its figures.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSummary } from '../src/cli/commands/ingest.js';
import { parseArticle } from '../src/kb/index.js';
import { SignatureSchema } from '../src/model.js';
import { runIngest } from '../src/store/ingest.js';
import { formatSignature } from '../src/store/write.js';

const ARCHIVE = fileURLToPath(new URL('../../shared/kb-corpus.tar.gz', import.meta.url));
const SEED = fileURLToPath(new URL('../test/fixtures/Q272274-flattened.txt', import.meta.url));

const MIN_WRITTEN = 56_900;
const MIN_TRACE2 = 220;
const MIN_FILES = 1_800;

/** Fields of the two signatures whose JSON differs. */
async function seedDifferences(outDir: string): Promise<string[]> {
  const fromArchive = JSON.parse(await readFile(join(outDir, 'Q272274.json'), 'utf8')) as Record<string, unknown>;
  const fromPaste = JSON.parse(formatSignature(parseArticle(await readFile(SEED, 'latin1')))) as Record<string, unknown>;
  return Object.keys(SignatureSchema.shape).filter((key) => JSON.stringify(fromArchive[key]) !== JSON.stringify(fromPaste[key]));
}

async function main(): Promise<number> {
  if (!existsSync(ARCHIVE)) {
    process.stderr.write(`corpus-check: ${ARCHIVE} is missing\n`);
    return 1;
  }
  const outDir = await mkdtemp(join(tmpdir(), 'kbbot-corpus-'));
  try {
    const summary = await runIngest({ paths: [ARCHIVE], outDir, workers: 2 });
    process.stdout.write(`corpus-check: ingested ${ARCHIVE}\n${formatSummary(summary)}`);
    const failures: string[] = [];
    if (summary.failed > 0) failures.push(`${summary.failed} articles crashed the parser or the writer`);
    if (summary.written < MIN_WRITTEN) failures.push(`${summary.written} signatures written, need >= ${MIN_WRITTEN}`);
    if (summary.withTrace2 < MIN_TRACE2) failures.push(`${summary.withTrace2} articles with a 2+ frame trace, need >= ${MIN_TRACE2}`);
    if (summary.withFiles < MIN_FILES) failures.push(`${summary.withFiles} articles with a files table, need >= ${MIN_FILES}`);
    const differences = existsSync(join(outDir, 'Q272274.json')) ? await seedDifferences(outDir) : ['(Q272274.json not written)'];
    process.stdout.write(`seed Q272274 archive vs flattened: ${differences.length === 0 ? 'identical' : `differs in ${differences.join(', ')}`}\n`);
    if (differences.length > 0) failures.push(`Q272274 differs between archive and flattened seed: ${differences.join(', ')}`);
    for (const f of failures) process.stderr.write(`corpus-check FAILED: ${f}\n`);
    if (failures.length === 0) process.stdout.write('corpus-check passed\n');
    return failures.length === 0 ? 0 : 1;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`corpus-check crashed: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
