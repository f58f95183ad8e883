/**
 * `npm run load`: the real kbbot app in HTTP mode (test/reliability/run-kbbot.ts: the same runSlackBot assembly
 * `kbbot start` uses), each instance its own process on loopback, its Web API calls going to the local Slack
 * stand-in. Per scenario: 300 signed message events carrying traces from the bundled store, sent evenly over
 * 10 s, a tenth of them re-delivered by "Slack" with X-Slack-Retry-Num (to the other instance when there are
 * two). Reports acknowledgement latency as the sender sees it, replies, duplicates, dead letters, and the kbbot
 * processes' memory before/after the run (each after GC), then checks the goals: every ack < 3 s and p99 < 50 ms,
 * exactly one reply per message, memory back within 20% of the start. `--only 0,3` runs some scenarios.
 * One scenario kills the redis-server (SIGKILL) at message 100 and brings it back on the same port 6 s later.
 *
 * `npm run load -- --soak 30m [--state file|redis] [--rate 5]`: one instance at a steady rate (default 5
 * messages a second) for the given time (`90s`, `10m`, `1h`), its memory sampled after GC every minute; prints
 * the samples and the heap's trend over the second half, and checks every message got exactly one reply.
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
  /** Kill the redis-server when this message is sent, and start it again on the same port after `downMs`. */
  redisOutage?: { atMessage: number; downMs: number };
}

/** The redis-server the Redis fleet uses; an outage scenario replaces it with a new one on the same port. */
interface RedisHandle {
  server: RedisServer;
}

const SCENARIOS: Scenario[] = [
  { name: '1 instance, file state (in-memory dedupe)', instances: 1, redis: false, faults: false },
  { name: '1 instance, Redis state (Redis dedupe)', instances: 1, redis: true, faults: false },
  { name: '1 instance, file state, 20% 429/500', instances: 1, redis: false, faults: true },
  { name: '2 instances, Redis, retries to the other', instances: 2, redis: true, faults: false },
  { name: '2 instances, Redis, 20% 429/500', instances: 2, redis: true, faults: true },
  { name: '1 instance, Redis killed at msg 100, back 6 s later', instances: 1, redis: true, faults: false, redisOutage: { atMessage: 100, downMs: 6_000 } },
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

async function runScenario(scenario: Scenario, fleet: Fleet, pastes: string[], n: number, redis: RedisHandle): Promise<Result> {
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
  let redisBack: Promise<void> | undefined;
  for (let i = 0; i < EVENTS; i += 1) {
    const due = start + (i * SEND_WINDOW_MS) / EVENTS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (scenario.redisOutage?.atMessage === i) {
      const { port } = redis.server;
      await redis.server.kill();
      const downMs = scenario.redisOutage.downMs;
      redisBack = new Promise<void>((r) => setTimeout(r, downMs)).then(async () => {
        redis.server = await startRedis({ port });
      });
    }
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
  await redisBack;
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
  const soak = process.argv.indexOf('--soak');
  if (soak >= 0) return runSoak(pastes, parseDuration(process.argv[soak + 1] ?? '30m'));
  const redis: RedisHandle = { server: await startRedis() };
  const results: Result[] = [];
  const started = performance.now();
  // `--only 0,3` runs a subset of the scenarios (by position in the table).
  const only = process.argv.indexOf('--only');
  const picked = only >= 0 ? new Set((process.argv[only + 1] ?? '').split(',').map(Number)) : undefined;
  const chosen = [...SCENARIOS.entries()].filter(([n]) => !picked || picked.has(n));
  const needs = (redisState: boolean) => Math.max(0, ...chosen.filter(([, sc]) => sc.redis === redisState).map(([, sc]) => sc.instances));
  const settled = await Promise.allSettled([needs(false) ? startFleet(needs(false), undefined) : undefined, needs(true) ? startFleet(needs(true), redis.server) : undefined]);
  const fleets = settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  try {
    if (failure) throw failure.reason;
    const [fileFleet, redisFleet] = fleets;
    process.stdout.write(`load: ${needs(false) + needs(true)} kbbot processes ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    for (const [n, scenario] of chosen) {
      process.stdout.write(`load: ${scenario.name} …\n`);
      results.push(await runScenario(scenario, (scenario.redis ? redisFleet : fileFleet)!, pastes, n, redis));
    }
  } finally {
    await Promise.all(fleets.map((f) => (f ? release(f) : undefined)));
    await redis.server.stop();
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

function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(text);
  if (!m) throw new Error(`--soak takes a duration such as 90s, 30m or 1h, not "${text}"`);
  return Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'];
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? Number.NaN : num / den;
}

/**
 * The soak: one kbbot at a steady rate for `durationMs`, memory after GC every minute. The stand-in forgets
 * its recorded calls as it goes (only reply counts are kept), so the sender's memory does not grow either.
 */
async function runSoak(pastes: string[], durationMs: number): Promise<number> {
  const state = option('--state') ?? 'file';
  if (state !== 'file' && state !== 'redis') throw new Error('--state is file or redis');
  const rate = Number(option('--rate') ?? 5);
  if (!(rate > 0 && rate <= 100)) throw new Error('--rate is messages a second, 0 < rate <= 100');
  const sampleMs = Math.min(60_000, Math.max(5_000, durationMs / 10));
  const redis = state === 'redis' ? await startRedis() : undefined;
  const fleet = await startFleet(1, redis);
  const [bot] = fleet.bots;
  const { api } = fleet;
  const channel = 'C0SOAK';
  const replies = new Map<string, number>();
  let deadLetters = 0;
  let failedAcks = 0;
  const acks: number[] = [];
  const samples: { atS: number; sent: number; replied: number; heapMb: number; rssMb: number; ackP99: number }[] = [];
  const started = performance.now();
  // Counts replies and drops the recorded calls, so a long run does not fill the sender's memory.
  const harvest = () => {
    for (const call of api.okCallsTo('chat.postMessage')) {
      if (call.params.channel === channel) replies.set(String(call.params.thread_ts), (replies.get(String(call.params.thread_ts)) ?? 0) + 1);
    }
    api.resetCalls();
    api.messages.length = 0;
  };
  const sample = async (sent: number) => {
    harvest();
    const memory = await memoryOf([bot!]);
    const window = acks.splice(0).sort((a, b) => a - b);
    samples.push({ atS: (performance.now() - started) / 1000, sent, replied: replies.size, heapMb: memory.heapUsed / 2 ** 20, rssMb: memory.rss / 2 ** 20, ackP99: percentile(window, 99) });
    const s = samples.at(-1)!;
    process.stdout.write(`soak: ${s.atS.toFixed(0).padStart(5)} s  sent ${String(s.sent).padStart(6)}  replied ${String(s.replied).padStart(6)}  heap ${s.heapMb.toFixed(1)} MB  rss ${s.rssMb.toFixed(1)} MB  ack p99 ${s.ackP99.toFixed(1)} ms\n`);
  };
  const sends: Promise<void>[] = [];
  let sent = 0;
  try {
    // Warm-up, then the first sample is the baseline.
    await Promise.all(Array.from({ length: 20 }, (_, i) => postSigned(bot!.eventsUrl, eventBody('C0WARM', `1700000000.${i}`, pastes[i % pastes.length]!, `EvSoakWarm${i}`), { secret: SECRET })));
    await new Promise((r) => setTimeout(r, 3_000));
    await sample(0);
    const begin = performance.now();
    let nextSample = begin + sampleMs;
    const total = Math.floor((durationMs / 1000) * rate);
    for (let i = 0; i < total; i += 1) {
      const due = begin + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const ts = `1720000000.${String(i).padStart(6, '0')}`;
      const body = eventBody(channel, ts, pastes[i % pastes.length]!, `EvSoak-${i}`);
      const t0 = performance.now();
      const sending = postSigned(bot!.eventsUrl, body, { secret: SECRET }).then(
        (res) => {
          if (res.status !== 200) failedAcks += 1;
          acks.push(performance.now() - t0);
        },
        () => void (failedAcks += 1),
      );
      sends.push(sending);
      sent += 1;
      if (sends.length > 1_000) await Promise.all(sends.splice(0, 500));
      if (performance.now() >= nextSample) {
        await sample(sent);
        nextSample += sampleMs;
      }
    }
    await Promise.all(sends);
    for (let i = 0; i < 300 && replies.size < sent; i += 1) {
      harvest();
      await new Promise((r) => setTimeout(r, 100));
    }
    await sample(sent);
    deadLetters = bot!.logs.filter((l) => l.event === 'dead_letter').length;
  } finally {
    await release(fleet);
    await redis?.stop();
  }
  const secondHalf = samples.filter((s) => s.atS >= samples.at(-1)!.atS / 2).map((s) => ({ x: s.atS / 3600, y: s.heapMb }));
  const trend = slope(secondHalf);
  // Per message (over every sample): what each message leaves behind in the heap, whatever the run's length.
  const perMessageKb = slope(samples.map((s) => ({ x: s.sent, y: (s.heapMb * 2 ** 20) / 1024 })));
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const duplicates = [...replies.values()].filter((c) => c > 1).length;
  process.stdout.write(
    `\nsoak (${state} state, ${rate}/s for ${(durationMs / 60_000).toFixed(1)} min): ${sent} messages, ${replies.size} answered, ${duplicates} answered twice, ${failedAcks} not acknowledged, ${deadLetters} dead letters\n` +
      `heap ${first.heapMb.toFixed(1)} → ${last.heapMb.toFixed(1)} MB (peak ${Math.max(...samples.map((s) => s.heapMb)).toFixed(1)}), rss ${first.rssMb.toFixed(1)} → ${last.rssMb.toFixed(1)} MB; heap trend over the second half ${trend.toFixed(1)} MB/h, ${perMessageKb.toFixed(2)} KB per message over the run\n`,
  );
  const problems: string[] = [];
  if (replies.size !== sent || duplicates > 0) problems.push(`${sent - replies.size} unanswered, ${duplicates} duplicates`);
  if (failedAcks > 0) problems.push(`${failedAcks} not acknowledged`);
  if (last.heapMb > first.heapMb * 1.2 + 5) problems.push(`heap grew from ${first.heapMb.toFixed(1)} to ${last.heapMb.toFixed(1)} MB`);
  process.stdout.write(problems.length === 0 ? 'PASS  memory flat, every message answered once\n' : `FAIL  ${problems.join('; ')}\n`);
  return problems.length === 0 ? 0 : 1;
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
