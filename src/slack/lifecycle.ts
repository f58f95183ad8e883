/**
 * Clean shutdown. On SIGTERM the bot stops taking events (the receiver closes: Slack redelivers what it
 * could not hand over, to another instance or after the restart, and no claim blocks that), lets the
 * listeners already running finish within a bound, then closes the state store and the store watcher.
 * Listener work is counted by a global Bolt middleware, whose `next()` resolves when the listeners are done.
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../log.js';

export class InFlight {
  private running = 0;
  private started = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.running;
  }

  /** Work begun since start, finished or not. */
  get total(): number {
    return this.started;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running += 1;
    this.started += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves when nothing is running, or after `timeoutMs` with what is still running. */
  drain(timeoutMs: number): Promise<{ drained: boolean; left: number }> {
    if (this.running === 0) return Promise.resolve({ drained: true, left: 0 });
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ drained: false, left: this.running }), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve({ drained: true, left: 0 });
      });
    });
  }
}

/**
 * Hands out turns for listener work one per event-loop iteration (FIFO). A listener's first stretch of
 * synchronous work (parse, match, build the reply) runs in its turn; between two turns the loop polls
 * the network, so requests that arrived are read, verified and acknowledged before more matching runs.
 * Under a burst the replies queue up, never the acknowledgements (Slack's 3-second rule).
 */
export class TurnTaker {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  get queued(): number {
    return this.waiting.length;
  }

  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}

/** Counts every listener run (events, commands, actions) in `inFlight`; each starts in its own turn. */
export function trackListeners(app: App, inFlight: InFlight, turns: TurnTaker = new TurnTaker()): void {
  app.use(async ({ next }) => {
    await inFlight.track(async () => {
      await turns.take();
      await next();
    });
  });
}

export interface Closable {
  name: string;
  close: () => Promise<void> | void;
}

export interface ShutdownOptions {
  /** Stops taking new events: the Slack app's stop (closes the HTTP server or the Socket Mode connection). */
  stopReceiving: () => Promise<void>;
  inFlight: InFlight;
  /** Closed in order once the in-flight work is done (state store, store watcher…). */
  closers: readonly Closable[];
  logger: Logger;
  /** Bound for the in-flight work (and, separately, for stopping the receiver). */
  graceMs?: number;
}

export interface ShutdownReport {
  reason: string;
  drained: boolean;
  abandoned: number;
  ms: number;
}

export const DEFAULT_GRACE_MS = 10_000;

function bounded(work: Promise<void>, ms: number): Promise<boolean> {
  return Promise.race([work.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
}

/** Returns `shutdown(reason)`; calling it again returns the same shutdown. */
export function createShutdown(options: ShutdownOptions): (reason: string) => Promise<ShutdownReport> {
  let running: Promise<ShutdownReport> | undefined;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const { logger, inFlight } = options;
  const run = async (reason: string): Promise<ShutdownReport> => {
    const started = Date.now();
    logger.info('shutting down', { reason, inFlight: inFlight.size });
    const stopped = await bounded(
      options.stopReceiving().catch((error: unknown) => logger.warn('stopping the receiver failed', { err: error })),
      graceMs,
    );
    if (!stopped) logger.warn('receiver did not stop in time; going on', { graceMs });
    const { drained, left } = await inFlight.drain(graceMs);
    if (!drained) logger.error('shutdown abandoned work still running', { event: 'shutdown_abandoned', abandoned: left, graceMs });
    for (const closer of options.closers) {
      try {
        await bounded(Promise.resolve(closer.close()), graceMs);
      } catch (error) {
        logger.warn('close failed during shutdown', { name: closer.name, err: error });
      }
    }
    const report = { reason, drained, abandoned: left, ms: Date.now() - started };
    logger.info('stopped', report);
    return report;
  };
  return (reason) => (running ??= run(reason));
}
