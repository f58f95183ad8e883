/**
 * Thread matches on disk, for the file state: one small JSON file per thread, so that memory holds only the
 * most recent threads (file-store.ts) however long kbbot runs, and a follow-up in an older thread is read back
 * from here. Files live in generations, `threads/gen-<started ms>/<2 hex>/<sha1 of channel:ts>.json`: writes go
 * to the newest, reads try the newest, then the one before. Once the newest holds half of `maxThreads` threads
 * or is older than half of `threadTtlMs`, the generation before it is deleted and a new one begun. So the last
 * `maxThreads / 2` to `maxThreads` threads written are kept, none longer than `threadTtlMs`, with no index in
 * memory and no scan; a thread still in use is rewritten at every answer and so moves to the newest generation.
 * A write is a temp file renamed into place, not fsync'd: the match is in the bot's reply metadata too
 * (slack/threads.ts reads it back after a restart), and a file a crash left damaged reads as `unreadable`.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ThreadMatchSchema, type ThreadMatch } from '../model.js';
import { threadKey } from './types.js';

export const THREADS_DIR = 'threads';
const GENERATION = /^gen-(\d{1,15})$/;

export type ThreadRead = { kind: 'found'; thread: ThreadMatch } | { kind: 'missing' } | { kind: 'unreadable'; path: string; reason: string };

export interface ThreadFileLimits {
  maxThreads: number;
  threadTtlMs: number;
}

interface Generation {
  startedAt: number;
  dir: string;
}

export class ThreadFiles {
  /** Threads first written into the newest generation. */
  private count = 0;
  private readonly madeDirs = new Set<string>();
  /** The write in flight per thread: a thread's writes land in order. */
  private readonly writing = new Map<string, Promise<void>>();
  private tmpCounter = 0;

  private constructor(
    private readonly root: string,
    private readonly limits: ThreadFileLimits,
    private newest: Generation,
    private older: Generation | undefined,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Opens `dir/threads` (created on the first write), keeping the two newest generations. */
  static async open(dataDir: string, limits: ThreadFileLimits, options: { now?: () => number; onError?: (error: unknown) => void } = {}): Promise<ThreadFiles> {
    const now = options.now ?? Date.now;
    const root = join(dataDir, THREADS_DIR);
    const names = await readdir(root).catch(() => [] as string[]);
    const starts = names.flatMap((n) => {
      const m = GENERATION.exec(n);
      return m ? [Number(m[1])] : [];
    });
    starts.sort((a, b) => b - a);
    const gen = (startedAt: number): Generation => ({ startedAt, dir: join(root, `gen-${startedAt}`) });
    // Anything older than the two newest generations is what an interrupted rotation left behind.
    for (const old of starts.slice(2)) await rm(gen(old).dir, { recursive: true, force: true });
    const files = new ThreadFiles(root, limits, gen(starts[0] ?? now()), starts[1] !== undefined ? gen(starts[1]) : undefined, now, options.onError ?? (() => undefined));
    files.count = await countFiles(files.newest.dir);
    return files;
  }

  async read(channel: string, threadTs: string): Promise<ThreadRead> {
    this.rotateIfOld();
    const name = fileName(threadKey(channel, threadTs));
    for (const generation of [this.newest, this.older]) {
      if (!generation) continue;
      const path = join(generation.dir, name.slice(0, 2), `${name}.json`);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        return { kind: 'unreadable', path, reason: (error as Error).message };
      }
      const parsed = ThreadMatchSchema.safeParse(parseJson(text));
      if (!parsed.success) return { kind: 'unreadable', path, reason: parsed.error.issues[0]?.message ?? 'not a thread match' };
      if (parsed.data.channel !== channel || parsed.data.threadTs !== threadTs) return { kind: 'unreadable', path, reason: 'holds another thread' };
      return { kind: 'found', thread: parsed.data };
    }
    return { kind: 'missing' };
  }

  /** Writes the thread's match (already validated) into the newest generation; resolves once renamed into place. */
  write(thread: ThreadMatch): Promise<void> {
    const key = threadKey(thread.channel, thread.threadTs);
    const previous = this.writing.get(key) ?? Promise.resolve();
    const done = previous.then(() => this.writeNow(key, thread));
    const settled = done.catch(() => undefined);
    this.writing.set(key, settled);
    void settled.then(() => {
      if (this.writing.get(key) === settled) this.writing.delete(key);
    });
    return done;
  }

  private async writeNow(key: string, thread: ThreadMatch): Promise<void> {
    this.rotateIfOld();
    const name = fileName(key);
    const dir = join(this.newest.dir, name.slice(0, 2));
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    const path = join(dir, `${name}.json`);
    const isNew = await access(path).then(
      () => false,
      () => true,
    );
    this.tmpCounter += 1;
    const tmp = `${path}.${process.pid}-${this.tmpCounter}.tmp`;
    await writeFile(tmp, JSON.stringify(thread));
    await rename(tmp, path);
    if (!isNew) return;
    this.count += 1;
    if (this.count >= Math.max(1, Math.floor(this.limits.maxThreads / 2))) this.rotate();
  }

  /** Keeps every kept file younger than `threadTtlMs`: the newest generation began within half of it, the one before within all of it. */
  private rotateIfOld(): void {
    const age = this.now() - this.newest.startedAt;
    if (age >= this.limits.threadTtlMs / 2) this.rotate();
    // Idle for longer than the whole lifetime: the generation just demoted is too old as well.
    if (age >= this.limits.threadTtlMs) this.rotate();
  }

  /** Begins a new generation and deletes the one before the current newest (in the background). */
  private rotate(): void {
    const dropped = this.older;
    this.older = this.newest;
    // Strictly later than the current one, even within the same millisecond.
    const startedAt = Math.max(this.now(), this.older.startedAt + 1);
    this.newest = { startedAt, dir: join(this.root, `gen-${startedAt}`) };
    this.count = 0;
    this.madeDirs.clear();
    if (dropped) void rm(dropped.dir, { recursive: true, force: true }).catch(this.onError);
  }
}

/** A file name any key maps to safely (channel ids and timestamps come from outside). */
function fileName(key: string): string {
  return createHash('sha1').update(key).digest('hex');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Thread files in one generation (once, when the store opens). */
async function countFiles(dir: string): Promise<number> {
  const shards = await readdir(dir).catch(() => [] as string[]);
  let count = 0;
  for (const shard of shards) count += (await readdir(join(dir, shard)).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).length;
  return count;
}
