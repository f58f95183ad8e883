/**
 * Scale bench (issue 12, item 6): the same store as a folder (one file per signature), as a pack
 * (`*.jsonl`, `*.jsonl.gz`) and as the obvious alternative, one JSON array in one file read whole,
 * each loaded, indexed and queried in a fresh process, side by side in one run.
 *
 *   npm run build && npm run bench:scale [-- --size 100000] [--queries 2000] [--archive /tmp/ingested] [--repeat 2]
 *
 * Goals: 100,000 trace signatures loaded, indexed and 2,000 queries answered in <= 10 s and <= 600 MB;
 * the archive (57,000 signatures, --archive: an ingested folder) ready in <= 2 s and <= 250 MB.
 * Rows "kbbot CLI" run `node dist/cli/main.js match --batch` exactly as a user would (wall, CPU of the
 * whole process, peak RSS); rows "in-process" split the time into load / index / queries.
 * Wall time on the shared 2-core machine counts other people's work too: read CPU time beside it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex, loadRules, matchMessage } from '../src/match/index.js';
import type { KbId, Signature } from '../src/model.js';
import { formatSignature, loadStore, validateSignatureData, writePack } from '../src/store/index.js';
import { parseMessage } from '../src/trace/index.js';
import { DAMAGES, PRINTERS, damage, pick, printTrace, seededRng, unrelatedTrace } from './eval-queries.js';
import { fmt } from './stats.js';
import { syntheticStore } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');

interface Usage {
  wall: number;
  cpu: number;
  peakMb: number;
  phases?: Record<string, { wall: number; cpu: number }>;
  signatures?: number;
  answered?: number;
}

const cpuSeconds = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

/** The obvious alternative: one JSON array, read whole and parsed at once, each entry validated. */
async function loadJsonArray(path: string): Promise<Map<KbId, Signature>> {
  const all = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
  const out = new Map<KbId, Signature>();
  all.forEach((data, i) => {
    const result = validateSignatureData(`${path}#${i}`, data);
    if (result.ok) out.set(result.signature.id, result.signature);
  });
  return out;
}

/** Child: load, index, answer every query; print one JSON line of figures. */
async function measure(store: string, queriesPath: string): Promise<void> {
  const started = performance.now();
  const cpu0 = cpuSeconds();
  const phases: Usage['phases'] = {};
  let t = started;
  let c = cpu0;
  const lap = (name: string): void => {
    const now = performance.now();
    const cpu = cpuSeconds();
    phases[name] = { wall: (now - t) / 1000, cpu: cpu - c };
    t = now;
    c = cpu;
  };
  const signatures = store.endsWith('.json') ? await loadJsonArray(store) : (await loadStore(store)).signatures;
  lap('load');
  const index = buildIndex([...signatures.values()], loadRules());
  lap('index');
  let answered = 0;
  const lines = existsSync(queriesPath) ? readFileSync(queriesPath, 'utf8').split('\n').filter(Boolean) : [];
  for (const line of lines) {
    const { text } = JSON.parse(line) as { text: string };
    if (matchMessage(index, parseMessage(text)).verdict !== 'none') answered++;
  }
  lap('queries');
  const usage: Usage = { wall: (performance.now() - started) / 1000, cpu: cpuSeconds() - cpu0, peakMb: process.resourceUsage().maxRSS / 1024, phases, signatures: signatures.size, answered };
  process.stdout.write(`${JSON.stringify(usage)}\n`);
}

/** Runs a child and reads its own figures: a preload writes process.resourceUsage() on exit. */
const PASTE = 'STORE!PUSH_NOTIFY::PushToClient+0xb0\nSTORE!ScanForOutstandingNotifications+0x104\nSTORE!EcProcessTask+0x1b4\n';

function runChild(args: string[], usageFile: string, execArgv: string[] = []): Usage & { stdout: string } {
  rmSync(usageFile, { force: true });
  const preload = `data:text/javascript,${encodeURIComponent(
    `import { writeFileSync } from 'node:fs'; process.on('exit', () => { const r = process.resourceUsage(); writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ cpu: (r.userCPUTime + r.systemCPUTime) / 1e6, peakMb: r.maxRSS / 1024 })); });`,
  )}`;
  const started = performance.now();
  const child = spawnSync(process.execPath, [...execArgv, '--import', preload, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, input: PASTE });
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`child failed (${child.status}): ${child.stderr.slice(0, 2000)}`);
  const own = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpu: number; peakMb: number };
  return { wall, cpu: own.cpu, peakMb: own.peakMb, stdout: child.stdout };
}

function queryLines(store: Signature[], count: number): string {
  const rng = seededRng(2000);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const format = pick(rng, Object.keys(PRINTERS));
    const trace = i % 5 === 4 ? unrelatedTrace(rng, []) : damage(pick(rng, store).traces[0] ?? [], pick(rng, DAMAGES), rng, () => unrelatedTrace(rng, []));
    lines.push(JSON.stringify({ id: i, text: printTrace(trace, format, rng) }));
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the store in every form once (cached in the temp folder; delete it to rebuild). */
async function prepare(dir: string, signatures: () => Promise<Signature[]> | Signature[], folderGiven?: string): Promise<Record<string, string>> {
  mkdirSync(dir, { recursive: true });
  const forms = {
    folder: folderGiven ?? join(dir, 'folder'),
    'pack .jsonl': join(dir, 'store.jsonl'),
    'pack .jsonl.gz': join(dir, 'store.jsonl.gz'),
    'one JSON array': join(dir, 'store.json'),
  };
  if (existsSync(join(dir, 'ready'))) return forms;
  const sigs = await signatures();
  if (!folderGiven) {
    mkdirSync(forms.folder, { recursive: true });
    for (const sig of sigs) writeFileSync(join(forms.folder, `${sig.id}.json`), formatSignature(sig));
  }
  await writePack(forms['pack .jsonl'], sigs);
  await writePack(forms['pack .jsonl.gz'], sigs);
  writeFileSync(forms['one JSON array'], JSON.stringify(sigs));
  writeFileSync(join(dir, 'ready'), '');
  return forms;
}

function row(label: string, runs: Usage[]): string {
  const span = (f: (u: Usage) => number, d = 2): string => {
    const values = runs.map(f).sort((a, b) => a - b);
    return values.length > 1 ? `${fmt(values[0] ?? NaN, d)}-${fmt(values[values.length - 1] ?? NaN, d)}` : fmt(values[0] ?? NaN, d);
  };
  const phases = runs[0]?.phases ? `   load ${span((u) => u.phases?.load?.cpu ?? NaN)} / index ${span((u) => u.phases?.index?.cpu ?? NaN)} / queries ${span((u) => u.phases?.queries?.cpu ?? NaN)} s CPU` : '';
  return `  ${label.padEnd(34)} wall ${span((u) => u.wall).padStart(11)} s   CPU ${span((u) => u.cpu).padStart(11)} s   peak RSS ${span((u) => u.peakMb, 0).padStart(9)} MB${phases}`;
}

async function compare(title: string, forms: Record<string, string>, queries: string, repeat: number, cliForms: string[]): Promise<void> {
  console.log(`\n${title}   [load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}]`);
  const usageFile = join(os.tmpdir(), `kbbot-bench-usage-${process.pid}.json`);
  const self = fileURLToPath(import.meta.url);
  for (const form of cliForms) {
    if (!existsSync(CLI)) {
      console.log('  (kbbot CLI rows skipped: run npm run build first)');
      break;
    }
    const path = forms[form] as string;
    const args = existsSync(queries) ? ['match', '--batch', queries, '--store', path] : ['match', '--store', path, '-'];
    const runs = Array.from({ length: repeat }, () => runChild([CLI, ...args], usageFile));
    console.log(row(`kbbot CLI, ${form}`, runs));
  }
  for (const [form, path] of Object.entries(forms)) {
    const runs = Array.from({ length: repeat }, () => {
      const child = runChild([self, '--measure', path, queries], usageFile, process.execArgv);
      return { ...(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Usage), wall: child.wall, cpu: child.cpu, peakMb: child.peakMb };
    });
    console.log(row(`in-process (tsx), ${form}`, runs));
  }
  rmSync(usageFile, { force: true });
}

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => (argv.includes(name) ? (argv[argv.indexOf(name) + 1] ?? fallback) : fallback);

if (argv[0] === '--measure') {
  await measure(argv[1] as string, argv[2] as string);
} else {
  const size = Number(option('--size', '100000'));
  const count = Number(option('--queries', '2000'));
  const repeat = Number(option('--repeat', '2'));
  const archive = option('--archive', '');
  console.log(`kbbot scale bench (node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString()})`);
  const base = join(os.tmpdir(), 'kbbot-bench-scale');
  const synthDir = join(base, `synthetic-${size}`);
  let store: Signature[] | undefined;
  const synthetic = (): Signature[] => (store ??= syntheticStore(size, seededRng(100000)));
  const forms = await prepare(synthDir, synthetic);
  const queries = join(synthDir, `queries-${count}.jsonl`);
  if (!existsSync(queries)) writeFileSync(queries, queryLines(synthetic(), count));
  await compare(`synthetic store: ${size.toLocaleString('en-US')} signatures, all with traces; ${count} queries (kbbot match --batch)`, forms, queries, repeat, ['folder', 'pack .jsonl.gz', 'pack .jsonl']);
  if (archive) {
    const archiveForms = await prepare(join(base, 'archive'), async () => [...(await loadStore(archive)).signatures.values()], archive);
    await compare(`archive: ${archive}; one pasted trace (kbbot match, one-shot)`, archiveForms, join(base, 'archive', 'no-queries'), repeat, ['folder', 'pack .jsonl.gz', 'pack .jsonl']);
  }
}
