/**
 * Writes owed to Redis while it does not answer: mutes, feedback, thread matches, owed replies, settles and
 * dedupe claims, kept in order in memory and (given a data directory) in an fsync'd JSON-lines journal
 * `redis-outbox-N.jsonl`, so a crash during an outage loses nothing. Drained onto Redis, oldest first, once
 * it answers again. Writes to one key coalesce (the last mute of a channel, the last match of a thread), and
 * a reply owed and settled within the outage never reaches Redis at all: the outbox stays the size of what
 * changed, not of the traffic.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ErrorCode, KbBotError } from '../errors.js';
import type { Feedback, ThreadMatch } from '../model.js';
import { Journal } from './journal.js';
import { lockDataDir, type DirLock } from './lock.js';
import { StateRecordSchema, type StateRecord } from './records.js';
import { threadKey, type OwedWork } from './types.js';

export type OutboxOp = StateRecord;

/** A journal line: an op under its sequence number, or the mark that op `seq` reached Redis. */
const LineSchema = z.union([z.object({ seq: z.number().int(), entry: StateRecordSchema }), z.object({ synced: z.number().int() })]);
type Line = z.infer<typeof LineSchema>;

export interface OutboxEntry {
  seq: number;
  op: OutboxOp;
}

/** Slots for several instances sharing one data directory (each holds one outbox). */
const MAX_SLOTS = 32;

/** The coalescing key: a later op on the same key replaces the earlier one. */
function keyOf(op: OutboxOp, seq: number): string {
  switch (op.op) {
    case 'mute':
      return `mute:${op.channel}`;
    case 'feedback':
      return `feedback:${seq}`;
    case 'thread':
      return `thread:${threadKey(op.thread.channel, op.thread.threadTs)}`;
    case 'claim':
      return `claim:${op.key}`;
    case 'owe':
      return `owe:${op.work.id}`;
    case 'settle':
      return `settle:${op.id}`;
  }
}

export class Outbox {
  /** Pending entries by coalescing key, oldest first (Map order: a replaced key moves to the end). */
  private readonly entries = new Map<string, OutboxEntry>();
  private readonly keyBySeq = new Map<number, string>();
  private seq = 0;

  private constructor(
    private journal: Journal<Line> | undefined,
    private readonly lock: DirLock | undefined,
  ) {}

  /** An outbox in memory only (no data directory): an outage is survived, a crash during one is not. */
  static inMemory(): Outbox {
    return new Outbox(undefined, undefined);
  }

  /** Opens (and replays) the first outbox slot under `dataDir` no live process holds. */
  static async open(dataDir: string): Promise<Outbox> {
    const dir = resolve(dataDir);
    await mkdir(dir, { recursive: true });
    for (let slot = 0; slot < MAX_SLOTS; slot += 1) {
      let lock: DirLock;
      try {
        lock = await lockDataDir(join(dir, `redis-outbox-${slot}.lock`));
      } catch (error) {
        if (error instanceof KbBotError && error.code === ErrorCode.StateUnavailable) continue;
        throw error;
      }
      const outbox = new Outbox(undefined, lock);
      try {
        const { journal } = await Journal.open<Line>(join(dir, `redis-outbox-${slot}.jsonl`), {
          parse: (value) => {
            const parsed = LineSchema.safeParse(value);
            return parsed.success ? parsed.data : undefined;
          },
          apply: (line) => outbox.apply(line),
          snapshot: () => outbox.snapshot(),
          shouldCompact: (lines) => lines > 1_000 && lines > 4 * outbox.size,
        });
        outbox.journal = journal;
        if (journal.lines > outbox.size) await journal.compact();
      } catch (error) {
        await lock.release();
        throw error;
      }
      return outbox;
    }
    throw new KbBotError(ErrorCode.StateUnavailable, `every Redis outbox slot under ${dir} is held by a live kbbot`, { dir });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Records an op; resolves once it is durable (at once without a journal). */
  async add(op: OutboxOp): Promise<void> {
    // A reply owed and settled within the outage: Redis never needs to hear of it.
    if (op.op === 'settle' && this.entries.has(`owe:${op.id}`)) {
      await this.write({ synced: this.entries.get(`owe:${op.id}`)!.seq });
      return;
    }
    const seq = ++this.seq;
    await this.write({ seq, entry: op });
  }

  /** Oldest pending entries, at most `limit`. */
  oldest(limit: number): OutboxEntry[] {
    const out: OutboxEntry[] = [];
    for (const entry of this.entries.values()) {
      if (out.length >= limit) break;
      out.push(entry);
    }
    return out;
  }

  /** These entries reached Redis; an entry replaced meanwhile (a newer seq) stays. */
  async synced(seqs: number[]): Promise<void> {
    await Promise.all(seqs.map((seq) => this.write({ synced: seq })));
  }

  mute(channel: string): boolean | undefined {
    const entry = this.entries.get(`mute:${channel}`);
    return entry?.op.op === 'mute' ? entry.op.muted : undefined;
  }

  thread(channel: string, threadTs: string): ThreadMatch | undefined {
    const entry = this.entries.get(`thread:${threadKey(channel, threadTs)}`);
    return entry?.op.op === 'thread' ? entry.op.thread : undefined;
  }

  owed(): OwedWork[] {
    return [...this.entries.values()].flatMap((e) => (e.op.op === 'owe' ? [e.op.work] : []));
  }

  settled(id: string): boolean {
    return this.entries.has(`settle:${id}`);
  }

  feedback(): Feedback[] {
    return [...this.entries.values()].flatMap((e) => (e.op.op === 'feedback' ? [e.op.feedback] : []));
  }

  /** Compacts the journal to what is still pending (after a drain: to nothing). */
  async compact(): Promise<void> {
    await this.journal?.compact();
  }

  async close(): Promise<void> {
    await this.journal?.close();
    await this.lock?.release();
  }

  private write(line: Line): Promise<void> {
    if (this.journal) return this.journal.append(line);
    this.apply(line);
    return Promise.resolve();
  }

  private apply(line: Line): void {
    if ('synced' in line) {
      const key = this.keyBySeq.get(line.synced);
      if (key === undefined) return;
      this.keyBySeq.delete(line.synced);
      if (this.entries.get(key)?.seq === line.synced) this.entries.delete(key);
      return;
    }
    this.seq = Math.max(this.seq, line.seq);
    const key = keyOf(line.entry, line.seq);
    const previous = this.entries.get(key);
    if (previous) {
      this.keyBySeq.delete(previous.seq);
      this.entries.delete(key);
    }
    // A claim past its time is worth nothing to Redis.
    if (line.entry.op === 'claim' && line.entry.until <= Date.now()) return;
    this.entries.set(key, { seq: line.seq, op: line.entry });
    this.keyBySeq.set(line.seq, key);
  }

  private snapshot(): Line[] {
    return [...this.entries.values()].map((e) => ({ seq: e.seq, entry: e.op }));
  }
}
