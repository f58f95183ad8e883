/**
 * Answering speed on the whole archive: every ingested signature indexed (traces, events,
 * STOP screens, faulting modules: 56,989 articles), and the accuracy bench's kind of pastes
 * (each trace article's longest trace printed and damaged every way, unrelated software, and
 * pastes with no trace that go to the clue indexes) answered by matchMessage, one at a time.
 * Prints wall and CPU time per paste (p50 / p99 / max) and the load average (the machine is shared).
 * `node --expose-gc --import tsx bench/archive-speed.ts STORE` (a folder or a pack from `kbbot ingest`).
 */
import os from 'node:os';
import { buildIndex, loadRules, matchMessage, type MatchIndex } from '../src/match/index.js';
import type { ParsedMessage } from '../src/model.js';
import { loadStore } from '../src/store/index.js';
import { DAMAGES, PRINTERS, damage, printTrace, seededRng, unrelatedTrace, wrapLines } from './eval-queries.js';
import { parseMessage } from './parse.js';
import { fmt, measureHeap, percentile, timeEach } from './stats.js';

const path = process.argv[2];
if (!path) {
  console.error('usage: bench/archive-speed.ts STORE (a signature folder or pack)');
  process.exit(2);
}
const loadavg = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const store = await loadStore(path);
const signatures = [...store.signatures.values()];
const rules = loadRules();
// the message index is built on first use: count it in the build
const built = measureHeap(() => withMessages(buildIndex(signatures, rules)));
const index = built.value;
const rng = seededRng(5);
const formats = Object.keys(PRINTERS);
const queries: ParsedMessage[] = [];
const unrelated = () => unrelatedTrace(rng, []);
for (const sig of signatures) {
  const trace = [...sig.traces].sort((a, b) => b.length - a.length)[0];
  if (!trace || trace.length < 2) continue;
  DAMAGES.forEach((d, k) => {
    const printed = printTrace(damage(trace, d, rng, unrelated), formats[(k + queries.length) % formats.length] ?? 'bare', rng);
    queries.push(parseMessage(d === 'wrapped' ? wrapLines(printed, 60) : printed));
  });
}
for (let i = 0; i < 600; i++) queries.push(parseMessage(printTrace(unrelated(), formats[i % formats.length] ?? 'bare', rng)));
// pastes without a trace: answered from the event, STOP and application-error indexes
const clueTexts = [
  'Event ID: 1197\nSource: MSExchangeIS Private\nDescription: Database is too new to be upgraded.',
  '*** STOP: 0x0000000A (0x00000004,0x00000002,0x00000000,0x8013D1E2)\nIRQL_NOT_LESS_OR_EQUAL\n*** Address 8013D1E2 has base at 80100000 - tcpip.sys',
  'Application exception occurred:\n App: store.exe (pid=212)\n Exception number: c0000005 (access violation)',
  'Log Name: System\nSource: Microsoft-Windows-Kernel-Power\nEvent ID: 41\nLevel: Critical\nDescription:\nThe system has rebooted without cleanly shutting down first.',
];
for (let i = 0; i < 400; i++) queries.push(parseMessage(clueTexts[i % clueTexts.length] ?? ''));
const before = loadavg();
const times = timeEach(queries, (q) => matchMessage(index, q));
const traceTimes = timeEach(queries.filter((q) => q.traces.length > 0), (q) => matchMessage(index, q));
const clueTimes = timeEach(queries.filter((q) => q.traces.length === 0), (q) => matchMessage(index, q), 0);
console.log(`whole archive: ${signatures.length.toLocaleString('en-US')} signatures (${index.traces.length} traces, ${index.sharedSites.size} frames in shared crash sites); index build ${fmt(built.ms, 0)} ms, heap +${fmt(built.mb, 1)} MB`);
console.log(
  `  ${queries.length} pastes answered (matchMessage): wall p50 ${fmt(percentile(times.wall, 50))} ms, p99 ${fmt(percentile(times.wall, 99))} ms, max ${fmt(times.wall[times.wall.length - 1] ?? NaN)} ms; ` +
    `CPU p50 ${fmt(percentile(times.cpu, 50))} ms, p99 ${fmt(percentile(times.cpu, 99))} ms, max ${fmt(times.cpu[times.cpu.length - 1] ?? NaN)} ms`,
);
for (const [label, t] of [['with a trace', traceTimes], ['without a trace (clue indexes)', clueTimes]] as const) {
  console.log(`    ${label}: ${t.wall.length} pastes, CPU p50 ${fmt(percentile(t.cpu, 50))} ms, p99 ${fmt(percentile(t.cpu, 99))} ms; wall p99 ${fmt(percentile(t.wall, 99))} ms`);
}
console.log(`  machine: ${os.cpus().length} cores, load average ${before} before, ${loadavg()} after (shared)`);

function withMessages(index: MatchIndex): MatchIndex {
  void index.messages;
  return index;
}
