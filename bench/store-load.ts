/**
 * How long the full store takes to load, and how much memory it holds.
 * Goal (issue 2): the ingested archive (~57,000 files) in under 3 s and under 400 MB.
 *
 *   node --expose-gc --import tsx bench/store-load.ts [STORE_DIR]
 *
 * With STORE_DIR (e.g. the output of `kbbot ingest ../shared/kb-corpus.tar.gz --out DIR`) it loads that;
 * without, it first writes a synthetic store of 57,000 signatures shaped like ingested ones
 * (text sections of article length, ~4% with file tables, ~0.5% with traces) to a temp folder.
 * The load is measured in a fresh child process so that generating the store does not inflate the figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { SignatureInput } from '../src/model.js';
import { loadStore, writeSignature } from '../src/store/index.js';
import { seededRng as makeRandom } from '../test/support/seeded-random.js';

const ARTICLES = 57_000;
const SYNTHETIC_DIR = join(tmpdir(), 'kbbot-bench-store-57000');


const WORDS = 'the information store server may stop responding when a message with an attachment is delivered to a mailbox because of a problem in the service pack hotfix file version database upgrade client connector access violation'.split(' ');

function words(random: () => number, chars: number): string {
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const w = WORDS[Math.floor(random() * WORDS.length)] ?? 'x';
    out.push(w);
    length += w.length + 1;
  }
  return out.join(' ');
}

function syntheticSignature(n: number, random: () => number): SignatureInput {
  const id = `Q${100_000 + n}`;
  const sig: SignatureInput = {
    id,
    title: `XADM: ${words(random, 50)}`,
    product: 'Microsoft Exchange',
    versions: ['5.5', '5.5 SP3'],
    published: '2001-07-16',
    keywords: ['exc55', 'kbExchange550preSP4fix'],
    symptoms: words(random, 300 + Math.floor(random() * 900)),
    cause: words(random, 150 + Math.floor(random() * 500)),
    status: words(random, 120),
    fix: { kind: 'service-pack', summary: words(random, 80), servicePack: 'Exchange Server 5.5 Service Pack 4' },
    related: [`Q${190_000 + (n % 5000)}`, 'Q191014'],
    source: 'ingest',
  };
  if (random() < 0.04) {
    sig.files = Array.from({ length: 4 }, (_, i) => ({
      name: `File${i}.dll`,
      version: `5.5.2654.${i}`,
      size: 500_000 + i * 1000,
      date: '2000-09-16',
      time: '6:26:35',
      platform: i % 2 === 0 ? 'i386' : 'alpha',
    }));
    sig.rollback = random() < 0.1 ? [{ text: words(random, 200), file: 'Store.exe', minVersion: '5.5.2652.68' }] : [];
  }
  if (random() < 0.005) {
    sig.traces = [Array.from({ length: 10 }, (_, i) => ({ module: 'STORE', symbol: `Function${i}::Method`, offset: `0x${(i * 37).toString(16)}` }))];
  }
  return sig;
}

async function generate(dir: string): Promise<void> {
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0;
  if (present >= ARTICLES) return;
  process.stdout.write(`writing ${ARTICLES} synthetic signatures to ${dir} ...\n`);
  const random = makeRandom(272_274);
  const batch = 256;
  for (let start = 0; start < ARTICLES; start += batch) {
    const sigs = Array.from({ length: Math.min(batch, ARTICLES - start) }, (_, i) => syntheticSignature(start + i, random));
    await Promise.all(sigs.map((sig) => writeSignature(dir, sig)));
  }
}

async function measure(dir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const store = await loadStore(dir);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  gc?.();
  const after = process.memoryUsage();
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const withTraces = [...store.signatures.values()].filter((s) => s.traces.length > 0).length;
  const lines = [
    `store: ${dir}`,
    `signatures: ${store.signatures.size} (${withTraces} with traces), invalid files: ${new Set(store.errors.map((e) => e.path)).size}`,
    `load time: ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (goal < 3 s; wall time counts other work on the machine too)`,
    `heap held by the store: ${mb(after.heapUsed - before.heapUsed)}; rss after load: ${mb(after.rss)}; peak rss: ${mb(peakRss)} (goal < 400 MB)`,
    gc ? '' : '(run with --expose-gc for steadier heap figures)',
  ];
  process.stdout.write(`${lines.filter(Boolean).join('\n')}\n`);
}

const [mode, dirArg] = process.argv.slice(2);
if (mode === '--measure' && dirArg) {
  await measure(dirArg);
} else {
  const dir = mode ?? SYNTHETIC_DIR;
  if (mode === undefined) await generate(dir);
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure', dir], { stdio: 'inherit' });
  process.exitCode = child.status ?? 1;
}
