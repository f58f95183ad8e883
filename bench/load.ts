/**
 * `npm run load`: the real kbbot app in HTTP mode (test/reliability/run-kbbot.ts: the same runSlackBot assembly
 * `kbbot start` uses), each instance its own process on loopback, its Web API calls going to the local Slack
 * stand-in. Per scenario: 300 signed message events carrying traces from the bundled store, sent evenly over
 * 10 s, a tenth of them re-delivered by "Slack" with X-Slack-Retry-Num (to the other instance when there are
 * two). Reports acknowledgement latency as the sender sees it, replies, duplicates, dead letters, and the kbbot
 * processes' memory before/after the run (each after GC), then checks the goals: every ack < 3 s and p99 < 50 ms,
 * exactly one reply per message, memory back within 20% of the start. `--only 0,3` runs some scenarios.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex, matchMessage } from '../src/match/index.js';
import { defaultStoreDir, loadStore } from '../src/store/index.js';
import { parseMessage } from '../src/trace/index.js';
import { startRedis, type RedisServer } from '../test/support/redis.js';
import { postSigned } from '../test/support/sign.js';
import { startSlackWebApi, type RecordedCall, type SlackWebApi } from '../test/support/slack-web-api.js';
import { startKbbot, type KbbotProcess } from '../test/reliability/kbbot-process.js';

const BOT_TOKEN = 'xoxb-load-0000-bench';
const SECRET = 'load-signing-secret-0123456789';
const EVENTS = 300;
const SEND_WINDOW_MS = 10_000;
const RETRY_SHARE = 0.1;
const SETTLE_TIMEOUT_MS = 30_000;

interface Scenario {
  name: string;
  instances: 1 | 2;
  redis: boolean;
  faults: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: '1 instance, file state (in-memory dedupe)', instances: 1, redis: false, faults: false },
  { name: '1 instance, Redis state (Redis dedupe)', instances: 1, redis: true, faults: false },
  { name: '1 instance, file state, 20% 429/500', instances: 1, redis: false, faults: true },
  { name: '2 instances, Redis, retries to the other', instances: 2, redis: true, faults: false },
  { name: '2 instances, Redis, 20% 429/500', instances: 2, redis: true, faults: true },
];

interface Result {
  scenario: Scenario;
  acks: number[];
  failedAcks: number;
  replies: number;
  duplicates: number;
  missing: number;
  deadLetters: number;
  deadLetterErrors: string[];
  faultsServed: number;
  heapBefore: number;
  heapAfter: number;
  rssBefore: number;
  rssAfter: number;
  lastReplyMs: number;
  /** CPU time the kbbot process(es) spent per message during the run (user + system). */
  appCpuMsPerEvent: number;
  /** Longest the app's event loop was blocked during the run: an ack can wait that long inside the app. */
  appLoopMaxMs: number;
  /** Same for the sender (this process, with the stand-in): lateness there inflates measured latencies. */
  senderLoopMaxMs: number;
  wallMs: number;
}

/** Pastes that the bundled store recognises (match or possible), so every message is owed one reply. */
async function tracePastes(): Promise<string[]> {
  const { signatures } = await loadStore(defaultStoreDir());
  const index = buildIndex([...signatures.values()]);
  const pastes: string[] = [];
  for (const sig of signatures.values()) {
    for (const trace of sig.traces) {
      const lines = trace.map((f, i) => `${f.module}!${f.symbol}+0x${(16 * (i + 3)).toString(16)}`);
      const text = ['Crashed again, dump says:', '```', ...lines, '```'].join('\n');
      if (matchMessage(index, parseMessage(text)).verdict !== 'none') pastes.push(text);
    }
  }
  if (pastes.length === 0) throw new Error('no trace in the bundled store is recognised');
  return pastes;
}

/** Asks each kbbot process to collect garbage and report its memory (SIGUSR2, see run-kbbot.ts). */
async function memoryOf(processes: KbbotProcess[]): Promise<{ heapUsed: number; rss: number; cpuMs: number; loopMaxMs: number }> {
  const reports = await Promise.all(
    processes.map(async (p) => {
      const seen = p.out.length;
      p.child.kill('SIGUSR2');
      for (let i = 0; i < 200; i += 1) {
        const report = p.out.slice(seen).find((o) => o.memory);
        if (report) return { ...(report.memory as NodeJS.MemoryUsage), cpu: report.cpu as NodeJS.CpuUsage, loop: report.loop as { maxMs: number } };
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('kbbot did not report its memory');
    }),
  );
  return {
    heapUsed: reports.reduce((s, m) => s + m.heapUsed, 0),
    rss: reports.reduce((s, m) => s + m.rss, 0),
    cpuMs: reports.reduce((s, m) => s + (m.cpu.user + m.cpu.system) / 1000, 0),
    loopMaxMs: Math.max(...reports.map((m) => m.loop.maxMs)),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function eventBody(channel: string, ts: string, text: string, eventId: string): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: 'T0001',
    api_app_id: 'AKBBOT',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel, channel_type: 'channel', user: 'UHUMAN', ts, event_ts: ts, text },
    authorizations: [{ team_id: 'T0001', user_id: 'UKBBOT', is_bot: true, is_enterprise_install: false }],
  };
}

/** kbbot processes sharing one Web API stand-in; scenarios with the same kind of state reuse them. */
interface Fleet {
  api: SlackWebApi;
  bots: KbbotProcess[];
  dirs: string[];
}

async function startFleet(count: number, redis: RedisServer | undefined): Promise<Fleet> {
  const api = await startSlackWebApi({ botToken: BOT_TOKEN });
  const dirs: string[] = [];
  const started = await Promise.allSettled(
    Array.from({ length: count }, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'kbbot-load-'));
      dirs.push(dataDir);
      return startKbbot({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: api.url,
        KBBOT_DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        ...(redis ? { REDIS_URL: redis.url, KBBOT_REDIS_PREFIX: 'load:' } : {}),
      });
    }),
  );
  const bots = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await release({ api, bots, dirs });
    throw failed.reason;
  }
  return { api, bots, dirs };
}

async function runScenario(scenario: Scenario, fleet: Fleet, pastes: string[], n: number): Promise<Result> {
  const { api } = fleet;
  const bots = fleet.bots.slice(0, scenario.instances);
  const urls = bots.map((b) => b.eventsUrl);
  const channel = `C0LOAD${n}`;
  const inChannel = (calls: RecordedCall[]) => calls.filter((c) => c.params.channel === channel);
  // Warm-up (not counted): the first requests compile code paths that then stay loaded.
  await Promise.all(
    Array.from({ length: 6 }, (_, i) => postSigned(urls[i % urls.length]!, eventBody(`C0WARM${n}`, `1700000000.${i}`, pastes[i % pastes.length]!, `EvWarm${n}-${i}`), { secret: SECRET })),
  );
  for (let i = 0; i < 150 && api.okCallsTo('chat.postMessage').filter((c) => c.params.channel === `C0WARM${n}`).length < 6; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const before = await memoryOf(bots);
  if (scenario.faults) api.failRandomly({ rate: 0.2, kinds: ['rate_limited', 'server_error'], retryAfterSec: 1, seed: 7, methods: ['chat.postMessage'] });

  const acks: number[] = [];
  let failedAcks = 0;
  const threads: string[] = [];
  const sends: Promise<void>[] = [];
  const send = async (url: string, body: unknown, retry: boolean): Promise<void> => {
    const started = performance.now();
    try {
      const res = await postSigned(url, body, { secret: SECRET, ...(retry ? { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } } : {}) });
      if (res.status !== 200) failedAcks += 1;
    } catch {
      failedAcks += 1;
    }
    acks.push(performance.now() - started);
  };
  const senderLoop = monitorEventLoopDelay({ resolution: 10 });
  senderLoop.enable();
  const startedAt = Date.now();
  const start = performance.now();
  for (let i = 0; i < EVENTS; i += 1) {
    const due = start + (i * SEND_WINDOW_MS) / EVENTS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const ts = `1710000000.${String(i).padStart(6, '0')}`;
    threads.push(ts);
    const body = eventBody(channel, ts, pastes[i % pastes.length]!, `EvLoad${n}-${i}`);
    const home = i % urls.length;
    sends.push(send(urls[home]!, body, false));
    if (i % Math.round(1 / RETRY_SHARE) === 0) {
      // Slack's retry of the same event (same event_id), shortly after, at the other instance if there is one.
      const other = urls[(home + 1) % urls.length]!;
      sends.push(new Promise<void>((r) => setTimeout(r, 200 + (i % 7) * 100)).then(() => send(other, body, true)));
    }
  }
  await Promise.all(sends);
  senderLoop.disable();

  const repliesPer = () => {
    const counts = new Map<string, number>();
    for (const call of inChannel(api.okCallsTo('chat.postMessage'))) counts.set(String(call.params.thread_ts), (counts.get(String(call.params.thread_ts)) ?? 0) + 1);
    return counts;
  };
  const deadLetters = () =>
    bots.flatMap((b) => b.logs.filter((l) => l.event === 'dead_letter' && (l.call as Record<string, unknown> | undefined)?.channel === channel));
  const settleStart = performance.now();
  while (performance.now() - settleStart < SETTLE_TIMEOUT_MS) {
    const counts = repliesPer();
    if (threads.filter((t) => (counts.get(t) ?? 0) === 0).length <= deadLetters().length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 300));
  const counts = repliesPer();
  const lastReplyMs = Math.max(0, ...inChannel(api.okCallsTo('chat.postMessage')).map((c) => c.at)) - startedAt;
  const faultsServed = inChannel(api.calls).filter((c) => c.status === 429 || c.status >= 500).length;
  api.failRandomly(undefined);
  const after = await memoryOf(bots);
  return {
    scenario,
    acks: acks.sort((x, y) => x - y),
    failedAcks,
    replies: [...counts.values()].reduce((s, c) => s + c, 0),
    duplicates: [...counts.values()].reduce((s, c) => s + Math.max(0, c - 1), 0),
    missing: threads.filter((t) => !counts.has(t)).length,
    deadLetters: deadLetters().length,
    deadLetterErrors: [...new Set(deadLetters().map((l) => String(l.error)))],
    faultsServed,
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
    rssBefore: before.rss,
    rssAfter: after.rss,
    lastReplyMs,
    appCpuMsPerEvent: (after.cpuMs - before.cpuMs) / EVENTS,
    appLoopMaxMs: after.loopMaxMs,
    senderLoopMaxMs: senderLoop.max / 1e6,
    wallMs: performance.now() - start,
  };
}

async function release({ api, bots, dirs }: Fleet): Promise<void> {
  for (const bot of bots) {
    if (bot.child.exitCode === null) {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
  }
  await api.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(1);

function table(results: Result[]): string {
  const header = ['scenario', 'requests', 'ack p50 ms', 'ack p99 ms', 'ack max ms', 'non-200', 'replies', 'dupes', 'missing', 'dead letters', '429/5xx served', 'heap before MB', 'heap after MB', 'heap Δ', 'rss before/after MB', 'last reply s', 'app CPU ms/msg', 'loop max ms app/sender'];
  const rows = results.map((r) => [
    r.scenario.name,
    String(r.acks.length),
    ms(percentile(r.acks, 50)),
    ms(percentile(r.acks, 99)),
    ms(r.acks.at(-1) ?? Number.NaN),
    String(r.failedAcks),
    `${r.replies}/${EVENTS}`,
    String(r.duplicates),
    String(r.missing),
    r.deadLetters ? `${r.deadLetters} (${r.deadLetterErrors.join(', ')})` : '0',
    String(r.faultsServed),
    mb(r.heapBefore),
    mb(r.heapAfter),
    `${(((r.heapAfter - r.heapBefore) / r.heapBefore) * 100).toFixed(1)}%`,
    `${mb(r.rssBefore)}/${mb(r.rssAfter)}`,
    (r.lastReplyMs / 1000).toFixed(1),
    r.appCpuMsPerEvent.toFixed(1),
    `${r.appLoopMaxMs.toFixed(0)}/${r.senderLoopMaxMs.toFixed(0)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function goals(r: Result): string[] {
  const problems: string[] = [];
  if ((r.acks.at(-1) ?? Infinity) >= 3_000) problems.push('an ack took 3 s or more');
  if (percentile(r.acks, 99) >= 50) problems.push(`ack p99 ${ms(percentile(r.acks, 99))} ms ≥ 50 ms`);
  if (r.failedAcks > 0) problems.push(`${r.failedAcks} requests not acknowledged with 200`);
  if (r.duplicates > 0 || r.missing > 0 || r.replies !== EVENTS) problems.push(`replies ${r.replies}/${EVENTS}, ${r.duplicates} duplicates, ${r.missing} missing`);
  if (r.heapAfter > r.heapBefore * 1.2) problems.push(`heap grew ${mb(r.heapAfter - r.heapBefore)} MB (> 20%)`);
  return problems;
}

async function main(): Promise<number> {
  const pastes = await tracePastes();
  const redis = await startRedis();
  const results: Result[] = [];
  const started = performance.now();
  // `--only 0,3` runs a subset of the scenarios (by position in the table).
  const only = process.argv.indexOf('--only');
  const picked = only >= 0 ? new Set((process.argv[only + 1] ?? '').split(',').map(Number)) : undefined;
  const chosen = [...SCENARIOS.entries()].filter(([n]) => !picked || picked.has(n));
  const needs = (redisState: boolean) => Math.max(0, ...chosen.filter(([, sc]) => sc.redis === redisState).map(([, sc]) => sc.instances));
  const settled = await Promise.allSettled([needs(false) ? startFleet(needs(false), undefined) : undefined, needs(true) ? startFleet(needs(true), redis) : undefined]);
  const fleets = settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  try {
    if (failure) throw failure.reason;
    const [fileFleet, redisFleet] = fleets;
    process.stdout.write(`load: ${needs(false) + needs(true)} kbbot processes ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    for (const [n, scenario] of chosen) {
      process.stdout.write(`load: ${scenario.name} …\n`);
      results.push(await runScenario(scenario, (scenario.redis ? redisFleet : fileFleet)!, pastes, n));
    }
  } finally {
    await Promise.all(fleets.map((f) => (f ? release(f) : undefined)));
    await redis.stop();
  }
  process.stdout.write(`\n${EVENTS} signed message events over ${SEND_WINDOW_MS / 1000} s per scenario, every ${Math.round(1 / RETRY_SHARE)}th re-delivered with X-Slack-Retry-Num (${pastes.length} distinct traces)\n\n`);
  process.stdout.write(`${table(results)}\n\n`);
  let failed = false;
  for (const r of results) {
    const problems = goals(r);
    failed ||= problems.length > 0;
    process.stdout.write(`${problems.length === 0 ? 'PASS' : 'FAIL'}  ${r.scenario.name}${problems.length ? `: ${problems.join('; ')}` : ''}\n`);
  }
  process.stdout.write(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s (node ${process.version}, load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)})\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
