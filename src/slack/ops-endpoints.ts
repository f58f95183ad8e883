/**
 * The endpoints an orchestrator and Prometheus read: `GET /healthz` (the process is up and serving),
 * `GET /readyz` (the store is loaded and the state store answers; 503 with the failing check otherwise,
 * and while shutting down; 200 with status `degraded` while Redis is away and kbbot answers from its local
 * journal, so a load balancer keeps sending the events it can still answer) and `GET /metrics` (Prometheus text). HTTP mode serves them beside
 * `/slack/events` on PORT; `METRICS_PORT` serves them on a port of their own (Socket Mode has no other).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StateStore } from '../state/types.js';
import type { BotMetrics } from './metrics.js';

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

export interface Readiness {
  ready: boolean;
  /** Ready, but Redis is away: answering from memory and the local journal, to be replayed when it is back. */
  degraded: boolean;
  checks: Record<string, string>;
}

export interface OpsProbe {
  metrics: BotMetrics;
  readiness(): Promise<Readiness>;
}

/** How long the state store may take to answer the readiness probe before it counts as unreachable. */
export const STATE_PROBE_TIMEOUT_MS = 1_000;

export function createOpsProbe(parts: {
  metrics: BotMetrics;
  state: Pick<StateStore, 'kind' | 'isMuted' | 'health'>;
  /** Signatures served now; undefined until the store has loaded. */
  signatures: () => number | undefined;
  draining: () => boolean;
  timeoutMs?: number;
}): OpsProbe {
  const timeoutMs = parts.timeoutMs ?? STATE_PROBE_TIMEOUT_MS;
  return {
    metrics: parts.metrics,
    async readiness() {
      const checks: Record<string, string> = {};
      let ready = true;
      let degraded = false;
      const size = parts.signatures();
      checks.store = size === undefined ? 'not loaded' : `loaded (${size} signatures)`;
      if (size === undefined) ready = false;
      // A real round trip (a GET on Redis); the file store answers from memory.
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          parts.state.isMuted('kbbot-readyz-probe'),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
        ]);
        // A degraded Redis store still answers (from memory and its local outbox): its health says whether Redis does.
        const health = parts.state.health();
        degraded = !health.reachable;
        checks.state = degraded
          ? `${parts.state.kind}: unreachable, answering from the local journal (${health.pending} writes kept to replay)`
          : `${parts.state.kind}: reachable`;
      } catch (error) {
        checks.state = `${parts.state.kind}: unreachable (${(error as Error).message})`;
        ready = false;
      } finally {
        clearTimeout(timer);
      }
      if (parts.draining()) {
        checks.shutdown = 'shutting down';
        ready = false;
      }
      return { ready, degraded: ready && degraded, checks };
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
}

/** Answers GET /healthz, /readyz, /metrics; false (nothing written) for any other request. */
export function handleOpsRequest(req: IncomingMessage, res: ServerResponse, probe: OpsProbe): boolean {
  const pathname = (req.url ?? '/').split('?', 1)[0];
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !(OPS_PATHS as readonly string[]).includes(pathname ?? '')) return false;
  const fail = (error: unknown) => {
    if (!res.headersSent) sendJson(res, 500, { error: (error as Error).message });
  };
  if (pathname === '/healthz') sendJson(res, 200, { status: 'ok' });
  else if (pathname === '/readyz') void probe.readiness().then((r) => sendJson(res, r.ready ? 200 : 503, { status: r.ready ? (r.degraded ? 'degraded' : 'ready') : 'not ready', checks: r.checks }), fail);
  else {
    void probe.metrics.metrics().then((text) => {
      res.writeHead(200, { 'content-type': probe.metrics.contentType, 'cache-control': 'no-store' });
      res.end(text);
    }, fail);
  }
  return true;
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** The endpoints on a port of their own (`METRICS_PORT`); anything else is 404. */
export async function startOpsServer(port: number, probe: OpsProbe): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    if (!handleOpsRequest(req, res, probe)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
