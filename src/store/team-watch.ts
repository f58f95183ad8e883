/**
 * Keeps a team store's layer live on every instance: polls the store's version (one Redis GET, or a stat of
 * the team folder's files) and, when it changed, reads the team's signatures and votes again and builds the
 * new layer off to the side, swapped in with one assignment. A write on this instance calls `refresh()` at
 * once, so its own next answer already sees it; other instances see it within one poll.
 */
import type { Logger } from '../log.js';
import type { Signature, Vote } from '../model.js';
import type { TeamStore } from './team.js';

export interface TeamWatchOptions<L> {
  build: (signatures: readonly Signature[], votes: readonly Vote[]) => L;
  /** How often the version is checked (default 250 ms: a recording reaches every instance well within 2 s). */
  pollMs?: number;
  logger?: Logger;
}

export interface TeamWatcher<L> {
  current(): L;
  /** Reads the store again now (coalesced with a read already running). */
  refresh(): Promise<L>;
  close(): void;
}

export async function watchTeam<L>(store: TeamStore, options: TeamWatchOptions<L>): Promise<TeamWatcher<L>> {
  const { logger, pollMs = 250 } = options;
  let layer: L | undefined;
  let seen: string | undefined;
  let running: Promise<L> | undefined;
  let again = false;
  let closed = false;

  const loadOnce = async (): Promise<L> => {
    const version = await store.version();
    const [signatures, votes] = await Promise.all([store.list(), store.votes()]);
    layer = options.build(signatures, votes);
    seen = version;
    logger?.debug('team store loaded', { version, signatures: signatures.length, votes: votes.length });
    return layer;
  };

  const refresh = (): Promise<L> => {
    if (running) {
      // The read running now may have started before the write: it reads once more before resolving.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let result = await loadOnce();
        while (again && !closed) {
          again = false;
          result = await loadOnce();
        }
        return result;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  await refresh();
  // Logged once when the store stops answering and once when it is back, not on every poll.
  let failing = false;
  const failed = (error: unknown): void => {
    if (!failing) logger?.warn('team store unreachable; still serving the last version read', { err: error });
    failing = true;
  };
  const timer = setInterval(() => {
    if (closed || running) return;
    store.version().then(
      (version) => {
        if (failing) logger?.info('team store reachable again');
        failing = false;
        if (version !== seen && !closed) void refresh().catch(failed);
      },
      failed,
    );
  }, pollMs);
  timer.unref();

  return {
    current: () => layer as L,
    refresh,
    close: () => {
      closed = true;
      clearInterval(timer);
    },
  };
}
