/**
 * kbbot's HTTP receiver for Bolt: one POST endpoint (`/slack/events`) for events, commands and actions.
 * It does what Bolt's HTTPReceiver does, plus what Bolt leaves out: oversized bodies are refused from the
 * Content-Length header or as soon as the stream passes the limit (before anything is parsed), timestamps are
 * checked in both directions, and malformed bodies or unknown payload types get a 400, never a crash.
 * Acknowledgement reuses Bolt's HTTPResponseAck, so `ack()` semantics are Bolt's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPResponseAck, type App, type Receiver } from '@slack/bolt';
import type { Logger } from '../log.js';
import { verifySlackSignature } from './verify.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const EVENTS_PATH = '/slack/events';

/** Interactive payload types Bolt knows how to route. Anything else is refused with 400. */
const INTERACTIVE_TYPES = new Set([
  'block_actions', 'block_suggestion', 'message_action', 'shortcut', 'view_submission', 'view_closed', 'interactive_message', 'dialog_submission', 'dialog_cancellation',
]);
const EVENT_TYPES = new Set(['event_callback', 'app_rate_limited']);

export interface KbHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  port?: number;
  path?: string;
  bodyLimit?: number;
  /** For tests of clock skew; defaults to Date.now. */
  now?: () => number;
  /** Other GET routes on the same port (/healthz, /readyz, /metrics): true when it answered the request. */
  otherRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

class RequestRejected extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(header(req, 'content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new RequestRejected(413, 'body_too_large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RequestRejected(413, 'body_too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a verified body into what Bolt expects; throws RequestRejected(400) for anything Slack would not send. */
export function parseSlackBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = raw.toString('utf8');
  let body: unknown;
  try {
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const form = Object.fromEntries(new URLSearchParams(text));
      body = typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    } else if (contentType?.startsWith('application/json')) {
      body = JSON.parse(text);
    } else {
      throw new RequestRejected(415, 'unsupported_content_type');
    }
  } catch (error) {
    if (error instanceof RequestRejected) throw error;
    throw new RequestRejected(400, 'malformed_body');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RequestRejected(400, 'malformed_body');
  const record = body as Record<string, unknown>;
  if (record.ssl_check === '1' || record.type === 'url_verification') return record;
  if (typeof record.command === 'string') return record;
  if (typeof record.type === 'string' && INTERACTIVE_TYPES.has(record.type)) return record;
  if (typeof record.type === 'string' && EVENT_TYPES.has(record.type)) {
    if (record.type === 'event_callback' && (typeof record.event !== 'object' || record.event === null)) throw new RequestRejected(400, 'event_missing');
    return record;
  }
  throw new RequestRejected(400, 'unknown_payload_type');
}

export class KbHttpReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private readonly path: string;
  private readonly bodyLimit: number;
  private readonly now: () => number;

  constructor(private readonly options: KbHttpReceiverOptions) {
    this.path = options.path ?? EVENTS_PATH;
    this.bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  /** Listens on `port` (default the configured one; 0 = any free port) on every interface. */
  async start(port?: number): Promise<Server> {
    if (this.server) throw new Error('receiver already started');
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port ?? this.options.port ?? 3000, () => resolve());
    });
    return server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  /** The bound port, once started. */
  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  private reject(res: ServerResponse, status: number, reason: string): void {
    this.options.logger.warn('slack request rejected', { status, reason });
    if (res.headersSent) return;
    // Slack must not retry what will never pass.
    res.writeHead(status, { 'x-slack-no-retry': '1', ...(status === 413 ? { connection: 'close' } : {}) });
    res.end();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?', 1)[0];
    if (pathname !== this.path || req.method !== 'POST') {
      if (this.options.otherRoutes?.(req, res)) return;
      res.writeHead(404);
      res.end();
      return;
    }
    let body: Record<string, unknown>;
    try {
      const raw = await readLimited(req, this.bodyLimit);
      const verdict = verifySlackSignature({
        signingSecret: this.options.signingSecret,
        rawBody: raw,
        signature: header(req, 'x-slack-signature'),
        timestamp: header(req, 'x-slack-request-timestamp'),
        nowMs: this.now(),
      });
      if (!verdict.ok) throw new RequestRejected(401, verdict.reason);
      body = parseSlackBody(raw, header(req, 'content-type'));
    } catch (error) {
      if (error instanceof RequestRejected) this.reject(res, error.status, error.reason);
      else this.reject(res, 400, 'unreadable_body');
      // Never drain an oversized body: close the connection once the answer is out.
      if (!req.complete) res.once('finish', () => req.destroy());
      return;
    }
    if (body.ssl_check === '1') {
      res.writeHead(200);
      res.end();
      return;
    }
    if (body.type === 'url_verification') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ challenge: body.challenge }));
      return;
    }
    await this.dispatch(req, res, body);
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    const ack = new HTTPResponseAck({
      logger: this.options.logger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    const retryNum = header(req, 'x-slack-retry-num');
    const retryReason = header(req, 'x-slack-retry-reason');
    try {
      await this.app?.processEvent({
        body,
        ack: ack.bind(),
        ...(retryNum !== undefined && /^\d{1,3}$/.test(retryNum) ? { retryNum: Number(retryNum) } : {}),
        ...(retryReason !== undefined ? { retryReason } : {}),
        customProperties: {},
      });
    } catch (error) {
      this.options.logger.error('slack event processing failed', { err: error });
      if (!res.headersSent) {
        res.writeHead(500);
        res.end();
      }
    }
  }
}
