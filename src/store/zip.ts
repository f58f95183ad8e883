/**
 * A streaming reader for `.zip` archives (stored and deflated entries, ZIP64 sizes, data descriptors),
 * built on node:zlib's inflateRaw, reading local entries in order as the bytes arrive, so a download is
 * parsed while it streams and never held in memory.
 *
 * A zip's table of contents (the central directory) sits at its end, and an entry written by a streaming
 * zipper gives its sizes only after its data (a "data descriptor", flag bit 3). Such an entry is read up to
 * a descriptor whose recorded compressed size equals the bytes read since the entry began, and its CRC-32
 * is checked, so a look-alike inside the data cannot end it early. The archive must end with the
 * end-of-central-directory record: a download cut short is reported, never taken as complete.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { ErrorCode, KbBotError } from '../errors.js';
import { ByteQueue } from './byte-queue.js';
import type { TarMember } from './tar.js';

export type ZipMember = TarMember;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_END = 0x06064b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL_SIGNATURE = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const LOCAL_HEADER_SIZE = 30;
/** One entry's compressed bytes kept while looking for its data descriptor; articles are a few KB. */
const MAX_SCANNED_ENTRY = 256 * 1024 * 1024;
/** The end-of-central-directory record with the longest comment a zip can carry. */
const TAIL_KEPT = 22 + 0xffff;

interface LocalEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Sizes follow the data (flag bit 3) instead of sitting in the header. */
  descriptor: boolean;
  zip64: boolean;
}

function damaged(label: string, why: string): KbBotError {
  return new KbBotError(ErrorCode.StoreUnreadable, `${label}: not a readable zip archive: ${why}`, { archive: label });
}

/** Sizes from the ZIP64 extra field (id 0x0001) when the header's 32-bit fields are 0xffffffff. */
function zip64Sizes(extra: Buffer, entry: LocalEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      if (entry.size === 0xffffffff && field + 8 <= at + 4 + length) {
        entry.size = Number(extra.readBigUInt64LE(field));
        field += 8;
      }
      if (entry.compressedSize === 0xffffffff && field + 8 <= at + 4 + length) entry.compressedSize = Number(extra.readBigUInt64LE(field));
      entry.zip64 = true;
      return;
    }
    at += 4 + length;
  }
}

function readLocalHeader(header: Buffer, name: Buffer, extra: Buffer): LocalEntry {
  const flags = header.readUInt16LE(6);
  const entry: LocalEntry = {
    // Bit 11: the name is UTF-8; otherwise CP437, whose ASCII range is all an article's name uses.
    name: name.toString(flags & 0x800 ? 'utf8' : 'latin1'),
    method: header.readUInt16LE(8),
    crc: header.readUInt32LE(14),
    compressedSize: header.readUInt32LE(18),
    size: header.readUInt32LE(22),
    descriptor: (flags & 0x8) !== 0,
    zip64: false,
  };
  if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) zip64Sizes(extra, entry);
  return entry;
}

/**
 * Where the entry's data ends in `data` (its compressed bytes so far, descriptor included once it
 * arrived): the offset of a signed data descriptor whose compressed size is that offset, or -1 yet.
 * `from` is where the last look stopped, so the whole entry is scanned once.
 */
function findDescriptor(data: Buffer, from: number, zip64: boolean): { end: number; crc: number; size: number; length: number } | -1 {
  const length = zip64 ? 24 : 16;
  for (let at = data.indexOf(0x50, from); at !== -1 && at + length <= data.length; at = data.indexOf(0x50, at + 1)) {
    if (data.readUInt32LE(at) !== DESCRIPTOR) continue;
    const compressed = zip64 ? Number(data.readBigUInt64LE(at + 8)) : data.readUInt32LE(at + 8);
    if (compressed !== at) continue;
    const size = zip64 ? Number(data.readBigUInt64LE(at + 16)) : data.readUInt32LE(at + 12);
    return { end: at, crc: data.readUInt32LE(at + 4), size, length };
  }
  return -1;
}

function inflate(label: string, entry: LocalEntry, compressed: Buffer): Buffer {
  let data: Buffer;
  if (entry.method === 0) data = compressed;
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(compressed);
    } catch (error) {
      throw damaged(label, `${entry.name}: ${(error as Error).message}`);
    }
  } else {
    throw damaged(label, `${entry.name} uses compression method ${entry.method}; only stored (0) and deflated (8) entries are read`);
  }
  if (data.length !== entry.size || (crc32(data) >>> 0) !== entry.crc) throw damaged(label, `${entry.name} fails its CRC-32 or size check`);
  return data;
}

type State =
  | { kind: 'header' }
  | { kind: 'data'; entry: LocalEntry; keep: boolean; remaining: number; parts: Buffer[] }
  | { kind: 'scan'; entry: LocalEntry; keep: boolean; data: Buffer; used: number; scanned: number }
  | { kind: 'directory'; tail: Buffer };

/**
 * Yields the entries `wanted` accepts (all files by default; folders are skipped), in archive order,
 * from the bytes of a zip file; `label` names the archive in errors.
 */
export async function* readZip(bytes: AsyncIterable<Buffer>, label: string, wanted: (name: string) => boolean = () => true): AsyncGenerator<ZipMember> {
  const queue = new ByteQueue();
  let state: State = { kind: 'header' };
  let sawEntry = false;
  const accept = (entry: LocalEntry) => !entry.name.endsWith('/') && wanted(entry.name);

  for await (const chunk of bytes) {
    queue.push(chunk);
    for (;;) {
      if (state.kind === 'header') {
        if (queue.length < 4) break;
        const signature = queue.peek(4).readUInt32LE(0);
        if (signature === CENTRAL_HEADER || signature === END_OF_CENTRAL || signature === ZIP64_END) {
          state = { kind: 'directory', tail: Buffer.alloc(0) };
          continue;
        }
        if (signature !== LOCAL_HEADER) throw damaged(label, sawEntry ? 'an entry is followed by unexpected bytes' : 'it does not start with a zip entry');
        if (queue.length < LOCAL_HEADER_SIZE) break;
        const fixed = queue.peek(LOCAL_HEADER_SIZE);
        const nameLength = fixed.readUInt16LE(26);
        const extraLength = fixed.readUInt16LE(28);
        if (queue.length < LOCAL_HEADER_SIZE + nameLength + extraLength) break;
        const header = queue.take(LOCAL_HEADER_SIZE);
        const entry = readLocalHeader(header, queue.take(nameLength), queue.take(extraLength));
        sawEntry = true;
        const keep = accept(entry);
        // A streamed entry announces no size: its end is found from its data descriptor.
        state = entry.descriptor && entry.compressedSize === 0
          ? { kind: 'scan', entry, keep, data: Buffer.allocUnsafe(64 * 1024), used: 0, scanned: 0 }
          : { kind: 'data', entry, keep, remaining: entry.compressedSize, parts: [] };
        continue;
      }
      if (state.kind === 'data') {
        const { entry } = state;
        if (state.keep) {
          const n = Math.min(state.remaining, queue.length);
          if (n > 0) state.parts.push(queue.take(n));
          state.remaining -= n;
        } else {
          state.remaining -= queue.skip(state.remaining);
        }
        if (state.remaining > 0) break;
        // A descriptor after sizes the header already gave: its signature is optional, so look before skipping.
        if (entry.descriptor) {
          const length = entry.zip64 ? 24 : 16;
          if (queue.length < length) break;
          const signed = queue.peek(4).readUInt32LE(0) === DESCRIPTOR;
          queue.skip(signed ? length : length - 4);
        }
        const parts = state.parts;
        const keep = state.keep;
        state = { kind: 'header' };
        if (keep) yield { name: entry.name, data: inflate(label, entry, Buffer.concat(parts)) };
        continue;
      }
      if (state.kind === 'scan') {
        if (queue.length === 0) break;
        // Grown by doubling, so a long entry costs linear time.
        if (state.used + queue.length > state.data.length) {
          const grown = Buffer.allocUnsafe(Math.max(state.data.length * 2, state.used + queue.length));
          state.data.copy(grown, 0, 0, state.used);
          state.data = grown;
        }
        const n = queue.length;
        queue.take(n).copy(state.data, state.used);
        state.used += n;
        const data = state.data.subarray(0, state.used);
        const found = findDescriptor(data, state.scanned, state.entry.zip64);
        if (found === -1) {
          if (state.used > MAX_SCANNED_ENTRY) throw damaged(label, `${state.entry.name}: no data descriptor within ${MAX_SCANNED_ENTRY} bytes`);
          // A descriptor may straddle two chunks: look again from just before the end.
          state.scanned = Math.max(0, state.used - (state.entry.zip64 ? 24 : 16));
          break;
        }
        const { entry, keep } = state;
        // The queue was emptied into `data`: what follows the descriptor goes back into it.
        queue.push(Buffer.from(data.subarray(found.end + found.length)));
        state = { kind: 'header' };
        if (keep) yield { name: entry.name, data: inflate(label, { ...entry, crc: found.crc, size: found.size }, data.subarray(0, found.end)) };
        continue;
      }
      // The central directory repeats what the entries said; only its last record is needed, to know the zip is whole.
      const rest = queue.take(queue.length);
      const joined = Buffer.concat([state.tail, rest]);
      state.tail = joined.subarray(Math.max(0, joined.length - TAIL_KEPT));
      break;
    }
  }
  if (state.kind === 'scan' && state.data.subarray(0, state.used).includes(CENTRAL_SIGNATURE)) {
    throw damaged(label, `${state.entry.name} gives its size only after its data, without the descriptor's signature, which a streaming read cannot find; unzip it and ingest the folder`);
  }
  if (state.kind !== 'directory') throw damaged(label, sawEntry ? 'the archive ends early (cut off before its table of contents)' : 'it is empty');
  if (!hasEndRecord(state.tail)) throw damaged(label, 'the archive ends early (no end-of-central-directory record)');
}

/** True when the last bytes hold an end-of-central-directory record whose comment reaches exactly the end. */
function hasEndRecord(tail: Buffer): boolean {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === END_OF_CENTRAL && at + 22 + tail.readUInt16LE(at + 20) === tail.length) return true;
  }
  return false;
}
