/**
 * Ingest benchmark: `node --import tsx bench/ingest-run.ts OUT_DIR [PATH] [--workers N]` ingests PATH
 * (default ../shared/kb-corpus.tar.gz) into OUT_DIR, keeps the output (for byte-for-byte comparisons of two
 * runs) and prints wall time, CPU user+sys of this process and its workers, and articles per second.
 */
import { fileURLToPath } from 'node:url';
import { formatSummary } from '../src/cli/commands/ingest.js';
import { runIngest } from '../src/store/ingest.js';

const ARCHIVE = fileURLToPath(new URL('../../shared/kb-corpus.tar.gz', import.meta.url));

const args = process.argv.slice(2);
const workersAt = args.indexOf('--workers');
const workers = workersAt === -1 ? 2 : Number(args.splice(workersAt, 2)[1]);
const [outDir, path = ARCHIVE] = args;
if (!outDir) throw new Error('usage: bench/ingest-run.ts OUT_DIR [PATH] [--workers N]');

const started = performance.now();
const summary = await runIngest({ paths: [path], outDir, workers });
const wall = (performance.now() - started) / 1000;
const cpu = process.resourceUsage();
process.stdout.write(formatSummary(summary));
process.stdout.write(
  `wall ${wall.toFixed(1)} s, cpu user ${(cpu.userCPUTime / 1e6).toFixed(1)} s + sys ${(cpu.systemCPUTime / 1e6).toFixed(1)} s, ` +
    `${Math.round(summary.read / wall)} articles/s (workers ${workers})\n`,
);
