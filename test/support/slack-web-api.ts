/**
 * A local stand-in for Slack's Web API on node:http, for end-to-end and load tests. Point the app at it with
 * `SLACK_API_URL=<api.url>` (WebClient `slackApiUrl`). It answers like Slack, records every call, enforces
 * Block Kit limits, serves snippet files and `response_url` posts, and can be told to fail.
 *
 * Usage:
 *   const api = await startSlackWebApi({ botToken: 'xoxb-test', appToken: 'xapp-test' });
 *   api.url                                  // 'http://127.0.0.1:PORT/api/'
 *   await api.waitForCalls('chat.postMessage', 1)
 *   api.fail({ method: 'chat.postMessage', kind: 'rate_limited', retryAfterSec: 1, times: 2 })
 *   api.failRandomly({ rate: 0.2, kinds: ['rate_limited', 'server_error'], seed: 7 })
 *   api.addFile({ name: 'trace.txt', content }) // → a file object with url_private for a file_share event
 *   api.responseUrl('cmd-1')                 // a response_url; posts to it are recorded as method 'response_url'
 *   await api.close()
 *
 * Methods: auth.test, apps.connections.open, chat.postMessage, chat.postEphemeral, chat.update, chat.unfurl,
 * conversations.replies (metadata only with include_all_metadata), views.publish, files.info, reactions.add.
 * Unknown methods answer `unknown_method`, as Slack does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findBlockKitViolation } from './block-kit-limits.js';
import { StandInWorkspace, type StandInFile, type StoredMessage } from './slack-workspace.js';
import { seededRng as seededRandom } from './seeded-random.js';

export type { StandInFile, StoredMessage } from './slack-workspace.js';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`), `response_url` for response_url posts, `files.download` for url_private GETs. */
  method: string;
  /** Parsed parameters; JSON fields (blocks, metadata, unfurls, view, attachments) are parsed. */
  params: Record<string, unknown>;
  token: string | undefined;
  /** What the stand-in answered (status and body), to assert on failures. */
  status: number;
  response: Record<string, unknown>;
  at: number;
}

export type FaultKind = 'rate_limited' | 'server_error' | 'timeout' | 'error';

export interface Fault {
  /** A method name, or '*' for every Web API method (not file downloads; response_url posts only when named: 'response_url'). Default '*'. */
  method?: string;
  kind: FaultKind;
  /** For kind 'error': the ok:false code, e.g. channel_not_found, not_in_channel, msg_too_long. */
  error?: string;
  /** For 'rate_limited': the Retry-After header in seconds (default 1). */
  retryAfterSec?: number;
  /** For 'timeout': how long to hold the request before answering normally (default 10 s). */
  delayMs?: number;
  /** How many calls fail (default 1). */
  times?: number;
}

export interface RandomFaults {
  /** Share of Web API calls that fail, 0..1. */
  rate: number;
  kinds: Exclude<FaultKind, 'timeout'>[];
  retryAfterSec?: number;
  /** Seed for the deterministic generator, so runs are repeatable. */
  seed?: number;
  /** Only these methods fail (default every method but auth.test and apps.connections.open). */
  methods?: string[];
}

export interface SlackWebApiOptions {
  botToken?: string;
  appToken?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** The WebSocket URL apps.connections.open hands out (or a function, for servers started later). */
  socketModeUrl?: string | (() => string);
  /** Enforce Block Kit limits on posts, updates and views (default true). */
  enforceBlockKit?: boolean;
}

export interface SlackWebApi {
  /** Base URL for WebClient's slackApiUrl, ending in `/api/`. */
  readonly url: string;
  readonly origin: string;
  readonly calls: RecordedCall[];
  /** Every message posted or seeded, by `channel` then ts order. */
  readonly messages: StoredMessage[];
  callsTo(method: string): RecordedCall[];
  /** Successful calls only (ok: true). */
  okCallsTo(method: string): RecordedCall[];
  /** Resolves once `count` calls to `method` were recorded; rejects after `timeoutMs` (default 5 s). */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  fail(fault: Fault): void;
  failRandomly(faults: RandomFaults | undefined): void;
  clearFaults(): void;
  setSocketModeUrl(url: string | (() => string)): void;
  addFile(file: { name: string; content: string; filetype?: string }): StandInFile;
  /** Seeds a message, e.g. a bot reply written before a restart, for conversations.replies to return. */
  addMessage(message: StoredMessage): void;
  responseUrl(id: string): string;
  /** Defines a user group's members (usergroups.users.list). */
  setUserGroup(id: string, users: string[]): void;
  /** Forgets calls (not messages, files or faults). */
  resetCalls(): void;
  close(): Promise<void>;
}

const JSON_FIELDS = ['blocks', 'metadata', 'unfurls', 'view', 'attachments'];

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const field of JSON_FIELDS) {
    const value = params[field];
    if (typeof value === 'string') {
      try {
        params[field] = JSON.parse(value);
      } catch {
        params[field] = { unparsable: value };
      }
    }
  }
  return params;
}


async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSlackWebApi(options: SlackWebApiOptions = {}): Promise<SlackWebApi> {
  const botToken = options.botToken ?? 'xoxb-test-token';
  const appToken = options.appToken ?? 'xapp-test-token';
  const botUserId = options.botUserId ?? 'UKBBOT';
  const botId = options.botId ?? 'BKBBOT';
  const teamId = options.teamId ?? 'T0001';
  const enforceBlockKit = options.enforceBlockKit ?? true;
  let socketModeUrl = options.socketModeUrl;
  const calls: RecordedCall[] = [];
  const faults: Fault[] = [];
  let random: (RandomFaults & { next: () => number }) | undefined;
  let origin = '';
  const waiters = new Set<() => void>();
  const workspace = new StandInWorkspace({
    botToken,
    appToken,
    botUserId,
    botId,
    teamId,
    enforceBlockKit,
    socketModeUrl: () => (typeof socketModeUrl === 'function' ? socketModeUrl() : socketModeUrl),
  });
  const { messages } = workspace;

  function record(call: Omit<RecordedCall, 'at'>): void {
    calls.push({ ...call, at: Date.now() });
    for (const wake of [...waiters]) wake();
  }

  /** `named`: only faults (and random methods) that name this method, not '*' (response_url posts). */
  function takeFault(method: string, named = false): Fault | undefined {
    const index = faults.findIndex((f) => (!named && (f.method ?? '*') === '*') || f.method === method);
    if (index >= 0) {
      const fault = faults[index]!;
      const left = (fault.times ?? 1) - 1;
      if (left <= 0) faults.splice(index, 1);
      else faults[index] = { ...fault, times: left };
      return fault;
    }
    if (random && method !== 'auth.test' && method !== 'apps.connections.open' && (!named || random.methods?.includes(method))) {
      if (random.methods && !random.methods.includes(method)) return undefined;
      if (random.next() < random.rate) {
        const kind = random.kinds[Math.floor(random.next() * random.kinds.length)] ?? 'server_error';
        return { kind, retryAfterSec: random.retryAfterSec ?? 1, error: 'internal_error' };
      }
    }
    return undefined;
  }

  function send(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const raw = await readBody(req);

    if (url.pathname.startsWith('/respond/')) {
      const params: Record<string, unknown> = { ...parseParams(raw, req.headers['content-type'] ?? 'application/json'), response_url_id: url.pathname.slice(9) };
      const fault = takeFault('response_url', true);
      if (fault && fault.kind !== 'timeout') {
        const status = fault.kind === 'rate_limited' ? 429 : fault.kind === 'server_error' ? 500 : 404;
        const response = { ok: false, error: fault.kind === 'error' ? (fault.error ?? 'expired_url') : fault.kind };
        record({ method: 'response_url', params, token: bearer, status, response });
        send(res, status, response, fault.kind === 'rate_limited' ? { 'retry-after': String(fault.retryAfterSec ?? 1) } : {});
        return;
      }
      const violation = enforceBlockKit ? findBlockKitViolation(params.blocks) : undefined;
      const response = violation ? { ok: false, error: violation.error } : { ok: true };
      const status = violation ? 400 : 200;
      record({ method: 'response_url', params, token: bearer, status, response });
      send(res, status, response);
      return;
    }
    if (url.pathname.startsWith('/files/')) {
      const id = url.pathname.split('/')[2] ?? '';
      const file = workspace.files.get(id);
      const allowed = bearer === botToken && file !== undefined;
      record({ method: 'files.download', params: { id }, token: bearer, status: allowed ? 200 : 403, response: { ok: allowed } });
      if (!allowed) {
        // Slack answers an unauthenticated url_private fetch with its HTML sign-in page, never the content.
        res.writeHead(403, { 'content-type': 'text/html' });
        res.end('<html>sign in</html>');
        return;
      }
      res.writeHead(200, { 'content-type': file.meta.mimetype });
      res.end(file.content);
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      send(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    const method = url.pathname.slice(5);
    let params: Record<string, unknown>;
    try {
      params = { ...Object.fromEntries(url.searchParams), ...parseParams(raw, req.headers['content-type']) };
    } catch {
      send(res, 200, { ok: false, error: 'invalid_json' });
      return;
    }
    const token = bearer ?? (typeof params.token === 'string' ? params.token : undefined);
    const fault = takeFault(method);
    if (fault?.kind === 'timeout') await new Promise((r) => setTimeout(r, fault.delayMs ?? 10_000));
    if (fault?.kind === 'rate_limited') {
      const retryAfter = String(fault.retryAfterSec ?? 1);
      const response = { ok: false, error: 'ratelimited' };
      record({ method, params, token, status: 429, response });
      send(res, 429, response, { 'retry-after': retryAfter });
      return;
    }
    if (fault?.kind === 'server_error') {
      const response = { ok: false, error: 'internal_error' };
      record({ method, params, token, status: 500, response });
      send(res, 500, response);
      return;
    }
    const response = fault?.kind === 'error' ? { ok: false, error: fault.error ?? 'internal_error' } : workspace.answer(method, params, token);
    record({ method, params, token, status: 200, response });
    send(res, 200, response);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error: 'internal_error', detail: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    setUserGroup: (id, users) => void workspace.userGroups.set(id, users),
    origin,
    calls,
    messages,
    callsTo: (method) => calls.filter((c) => c.method === method),
    okCallsTo: (method) => calls.filter((c) => c.method === method && c.response.ok === true),
    waitForCalls(method, count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = calls.filter((c) => c.method === method);
          if (found.length < count) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} ${method} call(s) within ${timeoutMs} ms, saw ${calls.filter((c) => c.method === method).length}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    fail: (fault) => void faults.push(fault),
    failRandomly(spec) {
      random = spec ? { ...spec, next: seededRandom(spec.seed ?? 1) } : undefined;
    },
    clearFaults() {
      faults.length = 0;
      random = undefined;
    },
    setSocketModeUrl(url) {
      socketModeUrl = url;
    },
    addFile: (file) => workspace.addFile(file, origin),
    addMessage: (message) => void messages.push(message),
    responseUrl: (id) => `${origin}/respond/${encodeURIComponent(id)}`,
    resetCalls: () => void (calls.length = 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
