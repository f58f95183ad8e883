/**
 * An append-only JSON-lines journal. A record counts once its line (with the newline) is on disk:
 * appends are group-committed (one write + fdatasync for everything queued meanwhile) and only then
 * applied and acknowledged. Compaction rewrites the live state to a temp file, fsyncs it and renames it
 * over the journal, so a crash leaves either the old journal or the new one, never a mix.
 * Opening replays the journal; a torn last line (crash mid-write, never acknowledged) is dropped
 * and cut off, and a corrupt line in the middle is skipped and counted.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface JournalOptions<T> {
  /** Checks one parsed line; undefined rejects it. */
  parse: (value: unknown) => T | undefined;
  /** Applies a durable record to the in-memory state (on replay and after each commit). */
  apply: (record: T) => void;
  /** The live state as records, for compaction. */
  snapshot: () => T[];
  /** Decides after each commit whether the journal has grown enough to compact. */
  shouldCompact?: (lines: number) => boolean;
  /** A background compaction failed (the journal stays as it was and keeps working). */
  onCompactError?: (error: unknown) => void;
}

export interface ReplayReport {
  records: number;
  /** Lines in the middle that were not valid records. */
  skipped: number;
  /** Bytes of a torn last line that were cut off. */
  tornBytes: number;
}

interface Pending<T> {
  record: T;
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Journal<T> {
  private pending: Pending<T>[] = [];
  private flushScheduled = false;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  /** Lines in the journal file (since the last compaction). */
  lines = 0;
  /** Bytes of complete lines: a failed write is cut back to this, so no half line stays behind. */
  private size = 0;

  private constructor(
    readonly path: string,
    private handle: FileHandle,
    private readonly options: JournalOptions<T>,
  ) {}

  static async open<T>(path: string, options: JournalOptions<T>): Promise<{ journal: Journal<T>; report: ReplayReport }> {
    await rm(`${path}.tmp`, { force: true });
    const handle = await open(path, 'a+');
    const report: ReplayReport = { records: 0, skipped: 0, tornBytes: 0 };
    let lines = 0;
    try {
      const bytes = await handle.readFile();
      const end = bytes.lastIndexOf(0x0a) + 1;
      if (end < bytes.length) {
        report.tornBytes = bytes.length - end;
        await handle.truncate(end);
        await handle.datasync();
      }
      const text = bytes.subarray(0, end).toString('utf8');
      for (const line of text.split('\n')) {
        if (line === '') continue;
        lines += 1;
        const record = parseLine(line, options.parse);
        if (record === undefined) {
          report.skipped += 1;
          continue;
        }
        options.apply(record);
        report.records += 1;
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    const journal = new Journal(path, handle, options);
    journal.lines = lines;
    journal.size = (await handle.stat()).size;
    return { journal, report };
  }

  /** Resolves once the record is on disk and applied. */
  append(record: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error('journal is closed'));
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ record, line: `${JSON.stringify(record)}\n`, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        this.enqueue(() => this.flush());
      }
    });
  }

  /** Rewrites the journal as the current snapshot (temp file + fsync + rename + directory fsync). */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      if (this.closed) return;
      const records = this.options.snapshot();
      const tmp = `${this.path}.tmp`;
      const out = await open(tmp, 'w');
      try {
        await out.writeFile(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
        await out.sync();
      } finally {
        await out.close();
      }
      await rename(tmp, this.path);
      await syncDirectory(dirname(this.path));
      const previous = this.handle;
      this.handle = await open(this.path, 'a+');
      await previous.close();
      this.lines = records.length;
      this.size = (await this.handle.stat()).size;
    });
  }

  /** Flushes what is queued and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.enqueue(async () => {
      this.closed = true;
      await this.handle.close();
    });
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const run = this.queue.then(operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const bytes = Buffer.from(batch.map((p) => p.line).join(''));
    try {
      await this.handle.write(bytes);
      await this.handle.datasync();
    } catch (error) {
      await this.handle.truncate(this.size).catch(() => undefined);
      for (const p of batch) p.reject(error);
      return;
    }
    this.size += bytes.length;
    this.lines += batch.length;
    for (const p of batch) {
      this.options.apply(p.record);
      p.resolve();
    }
    if (this.options.shouldCompact?.(this.lines)) void this.compact().catch((error: unknown) => this.options.onCompactError?.(error));
  }
}

function parseLine<T>(line: string, parse: (value: unknown) => T | undefined): T | undefined {
  try {
    return parse(JSON.parse(line));
  } catch {
    return undefined;
  }
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
