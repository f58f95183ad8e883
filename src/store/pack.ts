/**
 * The packed store: every signature of a store in one file, for stores too big for one file per
 * signature (the archive's 57,000 files cost ~2.5 s of open/read/close alone; see README "Packed store").
 *
 * Format (`*.jsonl`, or gzip-compressed `*.jsonl.gz`), UTF-8, one JSON value a line:
 *   {"kbbot":"signature-pack","version":1}       the header: says what the file is
 *   {"id":"Q100004","title":…}                   one signature a line, keys in schema order, sorted by id
 *   {"kbbot":"end","signatures":56989}           the trailer: a pack cut short at a line boundary is still caught
 * Each signature line is validated like a signature file; a bad line is reported as `<pack>#<id>` (or
 * `<pack>#line N` when no id can be read) with the field at fault, and the rest of the pack still loads.
 * A truncated or corrupt pack keeps every signature read before the damage and says what was lost.
 */
import { isAscii } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { ErrorCode, KbBotError } from '../errors.js';
import type { KbId, Signature } from '../model.js';
import { createCompactor } from './compact.js';
import { validateSignatureData, type StoreError } from './signature-file.js';
import { orderSignature } from './write.js';

export const PACK_FORMAT = 'signature-pack';
export const PACK_VERSION = 1;
const HEADER = JSON.stringify({ kbbot: PACK_FORMAT, version: PACK_VERSION });
/** Whole-pack problems (header, trailer, truncation) are reported under this field. */
export const PACK_FIELD = '(pack)';
/** A signature line that is not JSON at all. */
const LINE_FIELD = '(line)';

/** True for a path `loadStore` reads as a pack rather than a folder: `*.jsonl` or `*.jsonl.gz`. */
export function isPackPath(path: string): boolean {
  return /\.jsonl(\.gz)?$/i.test(path);
}

const isGzip = (path: string): boolean => /\.gz$/i.test(path);
const NEWLINE = 0x0a;
const NON_ASCII = /[\u0080-\uffff]/g;

/** Packs are written as ASCII (packLine escapes the rest), which decodes fastest as latin1; anything else as UTF-8. */
function decodeLine(bytes: Buffer, start: number, end: number): string {
  return isAscii(bytes.subarray(start, end)) ? bytes.toString('latin1', start, end) : bytes.toString('utf8', start, end);
}

/** One signature as a pack line (no newline): ordered keys, defaults applied, no indentation. */
export function packLine(sig: Signature): string {
  return JSON.stringify(orderSignature(sig)).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface PackContents {
  signatures: Map<KbId, Signature>;
  errors: StoreError[];
}

interface Trailer {
  kbbot: 'end';
  signatures: number;
}

function isHeader(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { kbbot?: unknown }).kbbot === PACK_FORMAT;
}

function isTrailer(data: unknown): data is Trailer {
  return typeof data === 'object' && data !== null && (data as { kbbot?: unknown }).kbbot === 'end';
}

/** Reads the pack line by line; the stream's own await points keep the event loop turning during a reload. */
export async function readPack(path: string): Promise<PackContents> {
  const signatures = new Map<KbId, Signature>();
  const firstLine = new Map<KbId, number>();
  const errors: StoreError[] = [];
  const compact = createCompactor();
  const packError = (message: string, truncated = false): void => {
    errors.push({ path, field: PACK_FIELD, message, ...(truncated ? { truncated } : {}) });
  };
  let lineNo = 0;
  let records = 0;
  let trailer: Trailer | undefined;

  const onLine = (line: string): void => {
    lineNo++;
    if (line === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (error) {
      records++;
      const where = `${path}#line ${lineNo}`;
      errors.push({ path: where, field: LINE_FIELD, message: `cannot parse line ${lineNo}: ${(error as Error).message}` });
      return;
    }
    if (lineNo === 1) {
      if (isHeader(data)) {
        const version = (data as { version?: unknown }).version;
        if (version !== PACK_VERSION) packError(`pack version ${String(version)} is not one this kbbot reads (${PACK_VERSION}); reading it anyway`);
        return;
      }
      packError(`line 1 is not the pack header ${HEADER}: not a kbbot pack, or its start is damaged`);
    }
    if (isTrailer(data)) {
      trailer = data;
      return;
    }
    if (trailer) packError(`line ${lineNo} comes after the end marker (two packs joined?); read anyway`);
    records++;
    const rawId = (data as { id?: unknown } | null)?.id;
    const where = typeof rawId === 'string' && rawId !== '' ? `${path}#${rawId}` : `${path}#line ${lineNo}`;
    const result = validateSignatureData(where, data);
    if (!result.ok) {
      for (const e of result.errors) errors.push(typeof rawId === 'string' ? { ...e, id: rawId } : e);
      return;
    }
    const id = result.signature.id;
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      errors.push({ path: where, id, field: 'id', message: `duplicate id ${id} on line ${lineNo}: already read on line ${earlier}` });
      return;
    }
    firstLine.set(id, lineNo);
    signatures.set(id, compact(result.signature));
  };

  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  // Lines are cut from the bytes (a newline byte never occurs inside a UTF-8 sequence) and each is
  // decoded on its own: decoding whole chunks and slicing the string was a third of the load time.
  let pending: Buffer[] = [];
  const take = (chunk: Buffer): void => {
    let start = 0;
    let end: number;
    while ((end = chunk.indexOf(NEWLINE, start)) >= 0) {
      if (pending.length === 0) onLine(decodeLine(chunk, start, end));
      else {
        pending.push(chunk.subarray(start, end));
        const line = Buffer.concat(pending);
        pending = [];
        onLine(decodeLine(line, 0, line.length));
      }
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  };
  try {
    const chunks: AsyncIterable<Buffer> = isGzip(path) ? source.pipe(createGunzip({ chunkSize: 1 << 20 })) : source;
    if (isGzip(path)) source.on('error', (error) => (chunks as unknown as Readable).destroy(error));
    for await (const chunk of chunks) take(chunk);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (records === 0 && lineNo === 0 && (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')) {
      throw new KbBotError(ErrorCode.StoreUnreadable, `cannot read store ${path}: ${(error as Error).message}`, { path }, { cause: error });
    }
    const kept = signatures.size;
    packError(`damaged after line ${lineNo} (${(error as Error).message}); kept the ${kept} signature(s) read before it, the rest is lost`, true);
    return { signatures, errors };
  }
  // A last line without its newline: the pack was cut mid-line (the line itself says how, if it fails).
  if (pending.length > 0) {
    const line = Buffer.concat(pending);
    onLine(decodeLine(line, 0, line.length));
  }
  if (lineNo === 0) packError('empty file: not a kbbot pack');
  else if (!trailer) packError(`truncated: no end marker after line ${lineNo}; kept the ${signatures.size} signature(s) read, any after it are lost`, true);
  else if (trailer.signatures !== records) {
    packError(`the end marker counts ${trailer.signatures} signature lines but the pack holds ${records}: lines are missing or were added`, true);
  }
  return { signatures, errors };
}

/**
 * Writes pack lines (already `packLine`d signatures, in the order given) atomically: a temp file beside the
 * target, renamed over it at the end, so a running bot's reload never sees half a pack. Resolves to the count.
 */
export async function writePackLines(path: string, lines: Iterable<string>): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let count = 0;
  function* text(): Generator<string> {
    yield `${HEADER}\n`;
    let batch: string[] = [];
    for (const line of lines) {
      count++;
      batch.push(line);
      // ~1 MB writes: one write per signature is slow, the whole pack in one string is big.
      if (batch.length === 512) {
        yield `${batch.join('\n')}\n`;
        batch = [];
      }
    }
    if (batch.length > 0) yield `${batch.join('\n')}\n`;
    yield `${JSON.stringify({ kbbot: 'end', signatures: count })}\n`;
  }
  try {
    const out = createWriteStream(temp);
    const stages: (Readable | Writable)[] = [Readable.from(text(), { objectMode: false }), ...(isGzip(path) ? [createGzip({ level: 6 })] : []), out];
    await pipeline(stages);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new KbBotError(ErrorCode.StoreUnreadable, `cannot write ${path}: ${(error as Error).message}`, { path }, { cause: error });
  }
  return count;
}

/** Writes signatures as a pack, sorted by id (the same store always gives the same bytes). */
export async function writePack(path: string, signatures: Iterable<Signature>): Promise<number> {
  const sorted = [...signatures].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return writePackLines(path, (function* () {
    for (const sig of sorted) yield packLine(sig);
  })());
}
