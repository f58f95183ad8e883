/**
 * The real kbbot Slack app on loopback for end-to-end tests: the Web API stand-in, (in Socket Mode) the
 * Socket Mode stand-in, a real file state store in a temp dir, the bot over the bundled signatures/, and
 * helpers that deliver events, commands and clicks the way Slack does (signed HTTP, or WebSocket envelopes).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBot, type Knowledge } from '../../src/bot/index.js';
import { createLogger } from '../../src/log.js';
import { buildIndex } from '../../src/match/index.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { FileStateStore } from '../../src/state/index.js';
import type { StateStore } from '../../src/state/types.js';
import { loadStore } from '../../src/store/index.js';
import { formBody, interactiveBody, postSigned, type PostResult } from '../support/sign.js';
import { startSlackWebApi, type SlackWebApi } from '../support/slack-web-api.js';
import { startSocketModeServer, type AckFrame, type SocketModeServer } from '../support/socket-mode-server.js';

export const BOT_TOKEN = 'xoxb-e2e-bot-token';
export const APP_TOKEN = 'xapp-e2e-app-token';
export const SIGNING_SECRET = 'e2e-signing-secret-0123456789';
export const BOT_USER = 'UKBBOT';
export const BOT_ID = 'BKBBOT';
export const TEAM = 'T0001';

export const TRACE = [
  'Store crashed again overnight:',
  '```',
  'STORE!PUSH_NOTIFY::PushToClient+0xb0',
  'STORE!ScanForOutstandingNotifications+0x104',
  'STORE!EcProcessTask+0x1b4',
  'KERNEL32!BaseThreadStart+0x64',
  '```',
].join('\n');

let knowledge: Promise<Knowledge> | undefined;

/** The bundled signatures/ store, loaded and indexed once per test file. */
export function bundledKnowledge(): Promise<Knowledge> {
  knowledge ??= loadStore(fileURLToPath(new URL('../../signatures', import.meta.url))).then((store) => ({
    signatures: store.signatures,
    index: buildIndex([...store.signatures.values()]),
  }));
  return knowledge;
}

export interface DeliverOptions {
  eventId?: string;
  /** HTTP: the X-Slack-Retry-Num header. Socket Mode: retry_attempt. */
  retryNum?: number;
  /** Socket Mode: reuse an envelope id (a redelivery). */
  envelopeId?: string;
}

export interface Harness {
  mode: 'http' | 'socket';
  api: SlackWebApi;
  sm: SocketModeServer | undefined;
  app: SlackApp;
  state: StateStore;
  /** Every structured log line the app wrote (parsed). */
  logs: Record<string, unknown>[];
  eventsUrl: string | undefined;
  /** Delivers an Events API event (wrapped in an event_callback); HTTP status or the Socket Mode ack. */
  event(event: Record<string, unknown>, options?: DeliverOptions): Promise<PostResult | AckFrame>;
  command(fields: Record<string, string>): Promise<PostResult | AckFrame>;
  interactive(payload: Record<string, unknown>): Promise<PostResult | AckFrame>;
  /** Resolves when a log line with this `msg` has been written `count` times. */
  waitForLog(msg: string, count?: number, timeoutMs?: number): Promise<void>;
  /** Stops the app and opens a fresh one (empty state) against the same stand-ins: a restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

let eventCounter = 0;
let tsCounter = 0;

/** A fresh message ts, as Slack would stamp it (in the past: threads older than the running app). */
export function nextTs(): string {
  tsCounter += 1;
  return `1600000000.${String(tsCounter).padStart(6, '0')}`;
}

export function eventCallback(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'AKBBOT',
    event: { event_ts: event.ts ?? nextTs(), ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
  };
}

export async function startHarness(mode: 'http' | 'socket'): Promise<Harness> {
  const api = await startSlackWebApi({ botToken: BOT_TOKEN, appToken: APP_TOKEN, botUserId: BOT_USER, botId: BOT_ID, teamId: TEAM });
  const sm = mode === 'socket' ? await startSocketModeServer() : undefined;
  if (sm) api.setSocketModeUrl(() => sm.url);
  const logs: Record<string, unknown>[] = [];
  const logWaiters = new Set<() => void>();
  const logger = createLogger({
    level: 'debug',
    secrets: [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET],
    sink: (line) => {
      logs.push(JSON.parse(line) as Record<string, unknown>);
      for (const wake of [...logWaiters]) wake();
    },
  });
  const k = await bundledKnowledge();
  const dirs: string[] = [];
  let state: StateStore;
  let app: SlackApp;
  let port: number | undefined;

  async function open(): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'kbbot-slack-e2e-'));
    dirs.push(dir);
    state = await FileStateStore.open({ dataDir: dir, logger });
    app = createSlackApp({
      mode:
        mode === 'http'
          ? { kind: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0 }
          : { kind: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN },
      bot: createBot({ getKnowledge: () => k }),
      state,
      logger,
      slackApiUrl: api.url,
      webApiRetries: 0,
      socket: { clientPingTimeout: 400 },
    });
    const connectionsBefore = sm?.connectionCount ?? 0;
    const started = await app.start();
    port = started.port;
    if (sm) await sm.waitForConnections(connectionsBefore + 1);
  }
  await open();

  const eventsUrl = (): string | undefined => (port === undefined ? undefined : `http://127.0.0.1:${port}/slack/events`);

  const harness: Harness = {
    mode,
    api,
    sm,
    get app() {
      return app;
    },
    get state() {
      return state;
    },
    logs,
    get eventsUrl() {
      return eventsUrl();
    },
    async event(event, options = {}) {
      eventCounter += 1;
      const body = eventCallback(event, options.eventId ?? `Ev${String(eventCounter).padStart(8, '0')}`);
      if (sm) return sm.sendEvent(body, { ...(options.envelopeId ? { envelopeId: options.envelopeId } : {}), ...(options.retryNum ? { retryAttempt: options.retryNum, retryReason: 'timeout' } : {}) });
      const headers = options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : undefined;
      return postSigned(eventsUrl()!, body, { secret: SIGNING_SECRET, ...(headers ? { headers } : {}) });
    },
    async command(fields) {
      if (sm) return sm.sendCommand(fields);
      return postSigned(eventsUrl()!, formBody(fields), { secret: SIGNING_SECRET });
    },
    async interactive(payload) {
      if (sm) return sm.sendInteractive(payload);
      return postSigned(eventsUrl()!, interactiveBody(payload), { secret: SIGNING_SECRET });
    },
    waitForLog(msg, count = 1, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (logs.filter((l) => l.msg === msg).length < count) return false;
          logWaiters.delete(check);
          clearTimeout(timer);
          resolve();
          return true;
        };
        const timer = setTimeout(() => {
          logWaiters.delete(check);
          reject(new Error(`log line '${msg}' not written ${count} time(s) within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) logWaiters.add(check);
      });
    },
    async restart() {
      await app.stop();
      await state.close();
      await open();
    },
    async close() {
      await app.stop();
      await state.close();
      await sm?.close();
      await api.close();
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
  return harness;
}

/** A user's message event in a channel. */
export function userMessage(fields: { channel?: string; text?: string; ts?: string; thread_ts?: string; user?: string; [key: string]: unknown }): Record<string, unknown> {
  return { type: 'message', channel: 'C0PUBLIC', channel_type: 'channel', user: 'UHUMAN', ts: nextTs(), text: '', ...fields };
}

/** The `text` of every chat.postMessage (successful) so far. */
export function postedTexts(api: SlackWebApi): string[] {
  return api.okCallsTo('chat.postMessage').map((c) => String(c.params.text));
}
