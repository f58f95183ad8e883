/**
 * Live reload of the signature store. A change under the store directory (debounced) or an explicit
 * `reload()` (the start command wires SIGHUP to it) loads the store again, builds the new knowledge
 * (e.g. the match index) off to the side and swaps it in with one reference assignment: a request
 * takes `current()` once and keeps that snapshot to the end, so it never sees a half-loaded store.
 * A file that turns invalid keeps serving its last good version; every invalid file is logged with why.
 * A packed store (one `*.jsonl[.gz]` file, pack.ts) is watched through its folder, since it is replaced by
 * a rename; a signature line that turns invalid keeps its last good version, and a pack cut short keeps
 * every signature it lost.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type { Logger } from '../log.js';
import type { KbId, Signature } from '../model.js';
import { loadStore, type StoreError } from './load.js';
import { isPackPath } from './pack.js';

export interface StoreSnapshot<K> {
  /** Increases by one with every swap. */
  version: number;
  signatures: ReadonlyMap<KbId, Signature>;
  /** What `build` made from `signatures` (e.g. `{ index }`, or a whole bot). */
  knowledge: K;
  /** Files that are invalid right now. */
  errors: readonly StoreError[];
  /** Invalid files whose last good version is still being served. */
  kept: readonly string[];
  loadedAt: Date;
}

export interface WatchOptions<K> {
  build: (signatures: ReadonlyMap<KbId, Signature>) => K | Promise<K>;
  onSwap?: (snapshot: StoreSnapshot<K>, previous: StoreSnapshot<K> | undefined) => void;
  onInvalid?: (errors: readonly StoreError[], kept: readonly string[]) => void;
  logger?: Logger;
  /** Quiet time after the last change before reloading; editors write files in several steps. */
  debounceMs?: number;
  /** Off for a one-shot load that only reloads on demand. */
  watch?: boolean;
}

export interface StoreWatcher<K> {
  current(): StoreSnapshot<K>;
  /** Loads again now (coalesced with a reload already running); resolves with the snapshot then served. */
  reload(reason?: string): Promise<StoreSnapshot<K>>;
  close(): void;
}

/** The id a file would hold, judging by its name (files must be named after their id). */
function stemOf(path: string): string {
  return basename(path, extname(path));
}

/**
 * Keeps the previous version of every signature whose file (or pack line) is now invalid; deleted files
 * just go. A pack cut short cannot tell lost lines from deleted ones, so it keeps every one it lost.
 */
function keepLastGood(
  loaded: Map<KbId, Signature>,
  errors: readonly StoreError[],
  previous: ReadonlyMap<KbId, Signature> | undefined,
): string[] {
  const kept: string[] = [];
  if (!previous) return kept;
  const keep = (id: KbId, path: string): void => {
    const before = previous.get(id);
    if (before && !loaded.has(id)) {
      loaded.set(id, before);
      kept.push(path);
    }
  };
  for (const error of errors) keep((error.id ?? stemOf(error.path)) as KbId, error.path);
  const cut = errors.find((e) => e.truncated);
  if (cut) for (const id of previous.keys()) keep(id, `${cut.path}#${id}`);
  return [...new Set(kept)];
}

/** A pack file is a path that names one; anything else (a folder, or nothing yet) is watched as a folder. */
function isPackFile(path: string): boolean {
  try {
    return isPackPath(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/** One line per invalid file (with whether its last good version is still served), then one for the load. */
function logLoad(logger: Logger | undefined, snapshot: StoreSnapshot<unknown>, reason: string, startedAt: number): void {
  for (const error of snapshot.errors) {
    logger?.warn('signature file invalid', { path: error.path, field: error.field, reason: error.message, keptLastGood: snapshot.kept.includes(error.path) });
  }
  logger?.info('signature store loaded', {
    reason,
    version: snapshot.version,
    signatures: snapshot.signatures.size,
    invalidFiles: new Set(snapshot.errors.map((e) => e.path)).size,
    kept: snapshot.kept.length,
    ms: Math.round(performance.now() - startedAt),
  });
}

/**
 * Runs `load` one at a time: a call while one runs asks for one more run after it (a change during a
 * reload) and shares its promise. `stopped()` ends the extra runs once the watcher is closed.
 */
function singleFlight<T>(load: (reason: string) => Promise<T>, stopped: () => boolean): (reason: string) => Promise<T> {
  let running: Promise<T> | undefined;
  let again = false;
  return (reason) => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let result = await load(reason);
        while (again && !stopped()) {
          again = false;
          result = await load('changed during reload');
        }
        return result;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}

/**
 * Calls `onChange` for changes anywhere under `dir` (recursive where the platform allows, else the top folder),
 * or, for a pack, for changes of that file.
 */
function watchFolder(dir: string, onChange: () => void, logger: Logger | undefined): FSWatcher {
  let watcher: FSWatcher;
  if (isPackFile(dir)) {
    // The pack is replaced by a rename, which ends a watch on the file itself: watch its folder.
    const name = basename(dir);
    watcher = watch(dirname(dir), { persistent: false }, (_event, file) => {
      if (file === null || file === name) onChange();
    });
  } else {
    try {
      watcher = watch(dir, { recursive: true, persistent: false }, onChange);
    } catch {
      watcher = watch(dir, { persistent: false }, onChange);
    }
  }
  watcher.on('error', (error) => logger?.warn('store watch failed; reload with SIGHUP', { dir, err: error }));
  return watcher;
}

export async function watchStore<K>(dir: string, options: WatchOptions<K>): Promise<StoreWatcher<K>> {
  const { logger, debounceMs = 250 } = options;
  let snapshot: StoreSnapshot<K> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let closed = false;

  /** Loads, builds off to the side, swaps in with one assignment. */
  const loadOnce = async (reason: string): Promise<StoreSnapshot<K>> => {
    const started = performance.now();
    const { signatures, errors } = await loadStore(dir);
    const kept = keepLastGood(signatures, errors, snapshot?.signatures);
    const knowledge = await options.build(signatures);
    const next: StoreSnapshot<K> = { version: (snapshot?.version ?? 0) + 1, signatures, knowledge, errors, kept, loadedAt: new Date() };
    const previous = snapshot;
    snapshot = next;
    logLoad(logger, next, reason, started);
    options.onSwap?.(next, previous);
    if (errors.length > 0) options.onInvalid?.(errors, kept);
    return next;
  };

  const loadOrKeep = async (reason: string): Promise<StoreSnapshot<K>> => {
    try {
      return await loadOnce(reason);
    } catch (error) {
      if (!snapshot) throw error;
      // The store directory may be mid-replacement: keep serving what we have and say why.
      logger?.error('signature store reload failed; still serving the previous version', { reason, err: error });
      return snapshot;
    }
  };

  const reload = singleFlight(loadOrKeep, () => closed);
  await reload('start');

  if (options.watch !== false) {
    watcher = watchFolder(dir, () => {
      if (closed) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload('file changed'), debounceMs);
    }, logger);
  }

  return {
    current: () => snapshot as StoreSnapshot<K>,
    reload: (reason = 'requested') => reload(reason),
    close: () => {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
