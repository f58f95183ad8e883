/**
 * Non-Windows stack traces on real pastes (test/fixtures/traces/<format>/, each citing its public
 * bug report): (1) parse coverage per format: pastes read with at least two frames; (2) duplicates:
 * a known issue recorded from the first report of a crash (`<name>.a.txt`) with kbbot add's code
 * (identifyingTraces + knownIssueSignature), queried with the other reports of it (`.b`, `.c`, ...):
 * top-1 and `match`; (3) false matches: every paste queried against the store (the bundled Windows
 * signatures and every other crash's known issue) without its own crash's issue: any `match` is false.
 * `npm run bench` runs it after the Windows figures; `node --import tsx bench/traces.ts` alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex, identifyingTraces, loadRules, matchMessage, type Rules } from '../src/match/index.js';
import type { Signature, SignatureInput } from '../src/model.js';
import { SignatureSchema } from '../src/model.js';
import { knownIssueSignature, loadStore } from '../src/store/index.js';
import { parseMessage } from '../src/trace/index.js';

const ROOT = fileURLToPath(new URL('../test/fixtures/traces/', import.meta.url));
/** Pastes collected after the readers and rules were written and never used to tune them. */
const HELD_OUT = fileURLToPath(new URL('../test/fixtures/traces-heldout/', import.meta.url));

export interface TraceFixture {
  format: string;
  /** The crash: the file name without `.a` / `.b` / `.txt`. */
  group: string;
  /** `a`, `b`, ... for reports of one crash; undefined for a paste with no other report. */
  member?: string;
  file: string;
  source: string;
  text: string;
}

/** Every fixture, its `# source:` line taken off the text. */
export function loadTraceFixtures(root = ROOT): TraceFixture[] {
  const out: TraceFixture[] = [];
  for (const format of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(root, format)).filter((f) => f.endsWith('.txt')).sort()) {
      const raw = readFileSync(join(root, format, file), 'utf8');
      const first = raw.split('\n', 1)[0] ?? '';
      const m = /^(.*?)(?:\.([a-z]))?\.txt$/.exec(file)!;
      out.push({
        format,
        group: `${format}/${m[1]}`,
        member: m[2],
        file: `${format}/${file}`,
        source: first.replace(/^#\s*source:\s*/, ''),
        text: first.startsWith('# source:') ? raw.slice(first.length + 1) : raw,
      });
    }
  }
  return out;
}

/** The known issue `kbbot add` would record from a paste (undefined when the paste has nothing to record). */
export function recordKnownIssue(id: string, fixture: TraceFixture, rules: Rules): Signature | undefined {
  const traces = identifyingTraces(parseMessage(fixture.text).traces, rules);
  if (traces.length === 0) return undefined;
  const input: SignatureInput = knownIssueSignature(id as Signature['id'], { title: fixture.group, traces });
  return SignatureSchema.parse(input);
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

export async function runTraceBench(): Promise<void> {
  const rules = loadRules();
  const fixtures = loadTraceFixtures();
  const windows = [...(await loadStore(fileURLToPath(new URL('../signatures/', import.meta.url)))).signatures.values()];

  console.log(`real pastes: ${fixtures.length} in ${new Set(fixtures.map((f) => f.format)).size} formats (test/fixtures/traces/), ${new Set(fixtures.map((f) => f.group)).size} distinct crashes`);
  console.log('  (1) parse coverage: pastes read with >= 2 frames / pastes, mean frames read');
  const formats = [...new Set(fixtures.map((f) => f.format))];
  const thin: string[] = [];
  for (const format of formats) {
    const of = fixtures.filter((f) => f.format === format);
    const frames = of.map((f) => parseMessage(f.text).traces.reduce((n, t) => n + t.length, 0));
    of.forEach((f, i) => {
      if ((frames[i] ?? 0) < 2) thin.push(`${f.file} (${frames[i]})`);
    });
    console.log(`      ${format.padEnd(9)} ${frames.filter((n) => n >= 2).length}/${of.length}   mean ${(frames.reduce((a, b) => a + b, 0) / of.length).toFixed(1)} frames`);
  }
  if (thin.length > 0) console.log(`      fewer than 2 frames: ${thin.join(', ')}`);

  // One known issue per crash, from its first report (`.a`, or the only paste).
  const recorded = new Map<string, Signature>();
  let next = 1;
  for (const f of fixtures) {
    if (recorded.has(f.group) || (f.member !== undefined && f.member !== 'a')) continue;
    const sig = recordKnownIssue(`KI-${next}`, f, rules);
    if (sig) {
      recorded.set(f.group, sig);
      next++;
    }
  }
  const all = [...windows, ...recorded.values()];
  const fullIndex = buildIndex(all, rules);

  console.log(`  (2) duplicates: known issue recorded from the first report, queried with the others (store: ${windows.length} bundled Windows signatures + ${recorded.size} recorded issues)`);
  // A crash whose first report holds only generic frames cannot be recorded (kbbot add refuses it): reported apart.
  const unrecordable = fixtures.filter((f) => f.member !== undefined && f.member !== 'a' && !recorded.has(f.group));
  if (unrecordable.length > 0) console.log(`      not recordable (kbbot add refuses the first report: only generic frames): ${unrecordable.map((f) => f.file).join(', ')}`);
  const dupes = fixtures.filter((f) => f.member !== undefined && f.member !== 'a' && recorded.has(f.group));
  let top1 = 0;
  let matched = 0;
  const dupeMisses: string[] = [];
  for (const f of dupes) {
    const expected = recorded.get(f.group)?.id;
    const result = matchMessage(fullIndex, parseMessage(f.text));
    const top = result.candidates[0];
    if (top && top.kb === expected) top1++;
    if (top && top.kb === expected && result.verdict === 'match') matched++;
    else dupeMisses.push(`${f.file} -> ${top ? `${top.kb} ${top.score} ${result.verdict}` : 'none'} (expected ${expected ?? 'nothing recorded'})`);
  }
  console.log(`      ${dupes.length} reports of ${new Set(dupes.map((d) => d.group)).size} crashes: top-1 ${top1}/${dupes.length} (${pct(top1, dupes.length)}), answered match with the right issue ${matched}/${dupes.length} (${pct(matched, dupes.length)})`);
  for (const m of dupeMisses) console.log(`      miss: ${m}`);

  console.log('  (3) false matches: every paste against the store without its own crash\'s issue (Windows signatures + the other crashes)');
  let falseMatch = 0;
  let possible = 0;
  let windowsHits = 0;
  const falses: string[] = [];
  const indexWithout = new Map<string, ReturnType<typeof buildIndex>>();
  for (const f of fixtures) {
    let index = indexWithout.get(f.group);
    if (!index) {
      const own = recorded.get(f.group);
      index = buildIndex(all.filter((s) => s !== own), rules);
      indexWithout.set(f.group, index);
    }
    const result = matchMessage(index, parseMessage(f.text));
    if (result.verdict === 'match') {
      falseMatch++;
      falses.push(`${f.file} -> ${result.candidates[0]?.kb} ${result.candidates[0]?.score}`);
    } else if (result.verdict === 'possible') possible++;
    if (result.candidates.some((c) => c.kb.startsWith('Q'))) windowsHits++;
  }
  console.log(`      ${fixtures.length} queries: answered match ${falseMatch} (${pct(falseMatch, fixtures.length)}), possible ${possible} (${pct(possible, fixtures.length)}); a Windows KB signature among the candidates: ${windowsHits}`);
  for (const m of falses) console.log(`      false match: ${m}`);

  const heldOut = loadTraceFixtures(HELD_OUT);
  // each held-out paste recorded too, and queried against the store without its own issue (so they meet each other)
  const heldRecorded = new Map<string, Signature>();
  for (const f of heldOut) {
    const sig = recordKnownIssue(`KI-${next}`, f, rules);
    if (sig) {
      heldRecorded.set(f.file, sig);
      next++;
    }
  }
  let heldMatch = 0;
  const heldThin: string[] = [];
  const heldFalse: string[] = [];
  for (const f of heldOut) {
    const parsed = parseMessage(f.text);
    const frames = parsed.traces.reduce((n, t) => n + t.length, 0);
    if (frames < 2) heldThin.push(`${f.file} (${frames})`);
    const others = [...heldRecorded.entries()].filter(([file]) => file !== f.file).map(([, sig]) => sig);
    const result = matchMessage(buildIndex([...all, ...others], rules), parsed);
    if (result.verdict === 'match') {
      heldMatch++;
      heldFalse.push(`${f.file} -> ${result.candidates[0]?.kb} ${result.candidates[0]?.score}`);
    }
  }
  console.log(`  (4) held out (test/fixtures/traces-heldout/, not used to write readers or rules): ${heldOut.length} pastes, ${heldOut.length - heldThin.length} read with >= 2 frames; each (${heldRecorded.size} recordable) queried against the store plus the other held-out issues: answered match ${heldMatch}`);
  for (const m of heldThin) console.log(`      fewer than 2 frames: ${m}`);
  for (const m of heldFalse) console.log(`      false match: ${m}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runTraceBench();
