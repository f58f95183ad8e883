/**
 * /healthz, /readyz and /metrics of a running kbbot (the same runSlackBot the start command uses) over
 * loopback against the Web API and Socket Mode stand-ins: what a scrape shows after real deliveries,
 * retries, a dead letter; readiness that follows the state store (a real redis-server stopped and
 * started again) and turns 503 on shutdown.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { ConnectedMode } from '../../src/slack/app.js';
import { runSlackBot, type RunningBot } from '../../src/slack/run.js';
import { startRedis } from '../support/redis.js';
import { skipWithout } from '../support/services.js';
import { postSigned } from '../support/sign.js';
import { startSlackWebApi, type SlackWebApi } from '../support/slack-web-api.js';
import { startSocketModeServer } from '../support/socket-mode-server.js';
import { APP_TOKEN, BOT_ID, BOT_TOKEN, BOT_USER, SIGNING_SECRET, TEAM, TRACE, eventCallback, userMessage } from './harness.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const quiet = createLogger({ level: 'error', sink: () => {} });

async function start(api: SlackWebApi, env: Record<string, string>): Promise<RunningBot> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kbbot-ops-'));
  dirs.push(dataDir);
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: api.url, KBBOT_DATA_DIR: dataDir, PORT: '0', ...env });
  return runSlackBot(config, config.slack as ConnectedMode, quiet, { app: { socket: { clientPingTimeout: 400 } } });
}

async function get(url: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** One sample's value from Prometheus text, `name{label="value",…}`; labels must all match. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}

function newApi(): Promise<SlackWebApi> {
  return startSlackWebApi({ botToken: BOT_TOKEN, appToken: APP_TOKEN, botUserId: BOT_USER, botId: BOT_ID, teamId: TEAM });
}

describe('HTTP mode: health and metrics beside /slack/events', () => {
  it('serves /healthz, /readyz and a scrape that counts what happened', async () => {
    const api = await newApi();
    const bot = await start(api, { SLACK_SIGNING_SECRET: SIGNING_SECRET });
    const base = `http://127.0.0.1:${bot.port}`;
    try {
      expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, text: '{"status":"ok"}\n' });
      const ready = await get(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.text)).toEqual({ status: 'ready', checks: { store: `loaded (${bot.store.current().signatures.size} signatures)`, state: 'file: reachable' } });

      // A trace, then Slack's retry of the same event: one reply, one deduplicated delivery.
      const events = `${base}/slack/events`;
      const paste = eventCallback(userMessage({ text: TRACE }), 'EvOPS00001');
      expect((await postSigned(events, paste, { secret: SIGNING_SECRET })).status).toBe(200);
      await api.waitForCalls('chat.postMessage', 1);
      expect((await postSigned(events, paste, { secret: SIGNING_SECRET, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
      // A second trace whose reply Slack refuses for good: a dead letter.
      api.fail({ method: 'chat.postMessage', kind: 'error', error: 'channel_not_found' });
      expect((await postSigned(events, eventCallback(userMessage({ channel: 'C0GONE', text: TRACE }), 'EvOPS00002'), { secret: SIGNING_SECRET })).status).toBe(200);
      await expect.poll(async () => sample((await get(`${base}/metrics`)).text, 'kbbot_owed_replies_settled_total')).toBe(2);

      const scrape = await get(`${base}/metrics`);
      expect(scrape.status).toBe(200);
      expect(scrape.type).toMatch(/^text\/plain; version=0\.0\.4/);
      const m = scrape.text;
      const kind = { kind: 'event:message' };
      expect(sample(m, 'kbbot_events_received_total', kind)).toBe(3);
      expect(sample(m, 'kbbot_events_acknowledged_total', kind)).toBe(3);
      expect(sample(m, 'kbbot_ack_duration_seconds_count', kind)).toBe(3);
      expect(sample(m, 'kbbot_events_deduplicated_total', { key: 'event' })).toBe(1);
      expect(sample(m, 'kbbot_replies_total', { verdict: 'match' })).toBe(2);
      expect(sample(m, 'kbbot_match_duration_seconds_count')).toBe(2);
      expect(sample(m, 'kbbot_slack_api_calls_total', { method: 'chat.postMessage', status: '200' })).toBe(2);
      expect(sample(m, 'kbbot_slack_api_errors_total', { method: 'chat.postMessage', status: '200', error: 'channel_not_found' })).toBe(1);
      expect(sample(m, 'kbbot_dead_letters_total', { method: 'chat.postMessage' })).toBe(1);
      expect(sample(m, 'kbbot_owed_replies_recorded_total')).toBe(2);
      expect(sample(m, 'kbbot_owed_replies')).toBe(0);
      expect(sample(m, 'kbbot_store_signatures')).toBe(bot.store.current().signatures.size);
      expect(sample(m, 'kbbot_store_invalid_files')).toBe(0);
      expect(sample(m, 'kbbot_store_reloads_total')).toBe(1);
      // The default process and Node.js metrics.
      expect(sample(m, 'process_cpu_seconds_total')).toBeGreaterThan(0);
      expect(sample(m, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
      expect(m).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');

      await bot.reload('test');
      expect(sample((await get(`${base}/metrics`)).text, 'kbbot_store_reloads_total')).toBe(2);
      // Other paths and methods stay 404, as before.
      expect((await get(`${base}/elsewhere`)).status).toBe(404);
    } finally {
      await bot.shutdown('test');
      await api.close();
    }
  }, 30_000);

  it('answers /readyz with 503 once a shutdown has begun', async () => {
    const api = await newApi();
    const bot = await start(api, { SLACK_SIGNING_SECRET: SIGNING_SECRET, METRICS_PORT: '0' });
    const readyz = `http://127.0.0.1:${bot.metricsPort}/readyz`;
    expect((await get(readyz)).status).toBe(200);
    const stopping = bot.shutdown('test');
    const during = await get(readyz).catch(() => ({ status: 0, text: '' }));
    await stopping;
    await api.close();
    // Either the 503 naming the shutdown, or (the metrics server closed first) no answer at all: never "ready".
    if (during.status !== 0) expect(during).toMatchObject({ status: 503, text: expect.stringContaining('"shutdown":"shutting down"') });
  }, 30_000);
});

describe('Socket Mode: the same endpoints on METRICS_PORT', () => {
  it('counts an envelope delivered over the WebSocket and serves health on its own port', async () => {
    const api = await newApi();
    const sm = await startSocketModeServer();
    api.setSocketModeUrl(() => sm.url);
    const bot = await start(api, { SLACK_APP_TOKEN: APP_TOKEN, METRICS_PORT: '0' });
    const base = `http://127.0.0.1:${bot.metricsPort}`;
    try {
      await sm.waitForConnections(1);
      expect(bot.port).toBeUndefined();
      expect((await get(`${base}/healthz`)).status).toBe(200);
      expect((await get(`${base}/readyz`)).status).toBe(200);
      await sm.sendEvent(eventCallback(userMessage({ text: TRACE }), 'EvOPSSM001'));
      await api.waitForCalls('chat.postMessage', 1);
      const m = (await get(`${base}/metrics`)).text;
      expect(sample(m, 'kbbot_events_received_total', { kind: 'event:message' })).toBe(1);
      expect(sample(m, 'kbbot_events_acknowledged_total', { kind: 'event:message' })).toBe(1);
      expect(sample(m, 'kbbot_replies_total', { verdict: 'match' })).toBe(1);
      expect(sample(m, 'kbbot_slack_api_calls_total', { method: 'apps.connections.open', status: '200' })).toBeUndefined();
      expect((await get(`${base}/slack/events`)).status).toBe(404);
    } finally {
      await bot.shutdown('test');
      await sm.close();
      await api.close();
    }
  }, 30_000);
});

describe.skipIf(skipWithout('redis', 'the readiness test against a stopped Redis'))('readiness follows the state store', () => {
  it('says degraded (still 200: it answers from its journal) naming Redis while it is down, and ready again when it is back', async () => {
    const redis = await startRedis();
    const api = await newApi();
    const bot = await start(api, { SLACK_SIGNING_SECRET: SIGNING_SECRET, REDIS_URL: redis.url });
    const readyz = `http://127.0.0.1:${bot.port}/readyz`;
    let restarted: Awaited<ReturnType<typeof startRedis>> | undefined;
    try {
      expect(JSON.parse((await get(readyz)).text).checks.state).toBe('redis: reachable');
      await redis.stop();
      await expect.poll(async () => JSON.parse((await get(readyz)).text).status, { timeout: 15_000 }).toBe('degraded');
      const down = await get(readyz);
      expect(down.status).toBe(200);
      expect(JSON.parse(down.text).checks.state).toMatch(/^redis: unreachable, answering from the local journal/);
      restarted = await startRedis({ port: redis.port });
      await expect.poll(async () => JSON.parse((await get(readyz)).text).status, { timeout: 15_000 }).toBe('ready');
    } finally {
      await bot.shutdown('test');
      await api.close();
      await restarted?.stop();
    }
  }, 60_000);
});
