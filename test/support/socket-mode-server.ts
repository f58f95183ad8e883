/**
 * A local WebSocket server speaking Slack's Socket Mode protocol (on `ws`), for end-to-end tests.
 * Wire it to the Web API stand-in: `api.setSocketModeUrl(() => sm.url)`, so `apps.connections.open` hands it out.
 *
 * Protocol: on connect the server sends `hello`; it pushes envelopes `{ envelope_id, type, payload,
 * accepts_response_payload, retry_attempt, retry_reason }`; the app answers each with `{ envelope_id, payload }`
 * (the ack, recorded here); `disconnect` frames ask the app to reconnect (it calls apps.connections.open again).
 *
 *   const sm = await startSocketModeServer();
 *   await sm.waitForConnections(1);
 *   const ack = await sm.sendEvent(eventCallbackBody);            // resolves with the ack frame
 *   await sm.sendEvent(body, { envelopeId: same, retryAttempt: 1, retryReason: 'timeout' });
 *   sm.disconnect('refresh_requested'); await sm.waitForConnections(2);
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface AckFrame {
  envelope_id: string;
  payload?: Record<string, unknown>;
  /** When the ack arrived, ms after the envelope was sent. */
  latencyMs: number;
}

export interface SendOptions {
  envelopeId?: string;
  retryAttempt?: number;
  retryReason?: string;
  /** Reject when no ack arrives within this time (default 5 s). Slack redelivers after 3 s. */
  ackTimeoutMs?: number;
}

export interface SocketModeServer {
  /** ws://127.0.0.1:PORT/link/?ticket=… (a fresh ticket each read, like Slack's). */
  readonly url: string;
  /** How many connections were ever opened. */
  readonly connectionCount: number;
  readonly acks: AckFrame[];
  /** Every non-ack frame the app sent (should stay empty). */
  readonly otherFrames: unknown[];
  waitForConnections(count: number, timeoutMs?: number): Promise<void>;
  send(type: EnvelopeType, payload: unknown, options?: SendOptions): Promise<AckFrame>;
  sendEvent(body: unknown, options?: SendOptions): Promise<AckFrame>;
  sendCommand(payload: unknown, options?: SendOptions): Promise<AckFrame>;
  sendInteractive(payload: unknown, options?: SendOptions): Promise<AckFrame>;
  /** Sends `{ type: 'disconnect', reason }` on the current connection. */
  disconnect(reason?: 'warning' | 'refresh_requested' | 'too_many_websockets' | 'link_disabled'): void;
  /** Drops the current connection without a disconnect frame (a network failure). */
  dropConnection(): void;
  close(): Promise<void>;
}

export interface SocketModeServerOptions {
  appId?: string;
  /** Send a ping this often (ms); Socket Mode clients give up after 30 s without a server ping. */
  pingIntervalMs?: number;
}

export async function startSocketModeServer(options: SocketModeServerOptions = {}): Promise<SocketModeServer> {
  const appId = options.appId ?? 'AKBBOT';
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const port = (wss.address() as AddressInfo).port;
  const acks: AckFrame[] = [];
  const otherFrames: unknown[] = [];
  const pending = new Map<string, { sentAt: number; resolve: (ack: AckFrame) => void }>();
  const connectionWaiters = new Set<() => void>();
  let current: WebSocket | undefined;
  let connectionCount = 0;

  wss.on('connection', (socket) => {
    current = socket;
    connectionCount += 1;
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-local', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
    );
    const ping = options.pingIntervalMs ? setInterval(() => socket.ping(), options.pingIntervalMs) : undefined;
    socket.on('close', () => {
      if (ping) clearInterval(ping);
      if (current === socket) current = undefined;
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      let frame: { envelope_id?: unknown; payload?: Record<string, unknown> };
      try {
        frame = JSON.parse(String(data));
      } catch {
        otherFrames.push(String(data));
        return;
      }
      if (typeof frame.envelope_id !== 'string') {
        otherFrames.push(frame);
        return;
      }
      const waiting = pending.get(frame.envelope_id);
      const ack: AckFrame = { envelope_id: frame.envelope_id, payload: frame.payload, latencyMs: waiting ? Date.now() - waiting.sentAt : -1 };
      acks.push(ack);
      if (waiting) {
        pending.delete(frame.envelope_id);
        waiting.resolve(ack);
      }
    });
    for (const wake of [...connectionWaiters]) wake();
  });

  function send(type: EnvelopeType, payload: unknown, opts: SendOptions = {}): Promise<AckFrame> {
    const socket = current;
    if (!socket || socket.readyState !== socket.OPEN) return Promise.reject(new Error('no open Socket Mode connection'));
    const envelopeId = opts.envelopeId ?? randomUUID();
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: opts.retryAttempt ?? 0, retry_reason: opts.retryReason ?? '' } : {}),
    };
    return new Promise<AckFrame>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(envelopeId);
        reject(new Error(`no ack for envelope ${envelopeId} within ${opts.ackTimeoutMs ?? 5000} ms`));
      }, opts.ackTimeoutMs ?? 5000);
      pending.set(envelopeId, {
        sentAt: Date.now(),
        resolve: (ack) => {
          clearTimeout(timer);
          resolve(ack);
        },
      });
      socket.send(JSON.stringify(envelope));
    });
  }

  return {
    get url() {
      return `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}&app_id=${appId}`;
    },
    get connectionCount() {
      return connectionCount;
    },
    acks,
    otherFrames,
    waitForConnections(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (connectionCount < count || !current) return false;
          connectionWaiters.delete(check);
          clearTimeout(timer);
          // Let the client read `hello` before the test pushes envelopes.
          setTimeout(resolve, 20);
          return true;
        };
        const timer = setTimeout(() => {
          connectionWaiters.delete(check);
          reject(new Error(`expected ${count} Socket Mode connection(s) within ${timeoutMs} ms, saw ${connectionCount}`));
        }, timeoutMs);
        if (!check()) connectionWaiters.add(check);
      });
    },
    send,
    sendEvent: (body, opts) => send('events_api', body, opts),
    sendCommand: (payload, opts) => send('slash_commands', payload, opts),
    sendInteractive: (payload, opts) => send('interactive', payload, opts),
    disconnect(reason = 'refresh_requested') {
      current?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-local' } }));
    },
    dropConnection() {
      current?.terminate();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
