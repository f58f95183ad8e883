/**
 * A small streaming reader for `.tar.gz` archives (ustar, GNU long names, pax `path`), built on
 * node:zlib so reading the 57,000-article archive needs no extra dependency and never holds it in memory.
 * It reads from any byte stream: a local file, or a download (src/store/remote.ts).
 */
import { createReadStream } from 'node:fs';
import { PassThrough, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ErrorCode, KbBotError } from '../errors.js';
import { ByteQueue } from './byte-queue.js';

export interface TarMember {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

function cString(block: Buffer, start: number, length: number): string {
  const end = block.indexOf(0, start);
  return block.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}

function octal(block: Buffer, start: number, length: number): number {
  const text = cString(block, start, length).trim();
  return text ? parseInt(text, 8) : 0;
}

/** `path` from a pax extended header (`"27 path=some/long/name\n"` records). */
function paxPath(data: Buffer): string | undefined {
  for (const record of data.toString('utf8').split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(record);
    if (m) return m[1];
  }
  return undefined;
}

/** Yields every regular file in a `.tar.gz` file, in archive order. */
export function readTarGz(path: string, wanted?: (name: string) => boolean): AsyncGenerator<TarMember> {
  return readTar(gunzip(createReadStream(path)), path, wanted);
}

/** The gunzipped bytes of a gzip byte stream; an error on either side (a download cut short, a damaged gzip) ends it. */
export function gunzip(compressed: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const out = new PassThrough();
  pipeline(compressed, createGunzip({ chunkSize: 256 * 1024 }), out, () => {});
  return out;
}

interface Pending {
  name: string;
  size: number;
  type: string;
  /** Bytes of the (padded) body still to drop when the member is not wanted; never buffered. */
  skipping?: number;
}

/**
 * Yields every regular file of an uncompressed tar byte stream that `wanted` accepts (all by default);
 * the others are dropped as they stream past, so a large unwanted member costs no memory.
 * `label` names the archive in errors.
 */
export async function* readTar(bytes: AsyncIterable<Buffer>, label: string, wanted: (name: string) => boolean = () => true): AsyncGenerator<TarMember> {
  const queue = new ByteQueue();
  let pending: Pending | undefined;
  let longName: string | undefined;
  for await (const chunk of bytes) {
    queue.push(chunk);
    for (;;) {
      if (!pending) {
        if (queue.length < BLOCK) break;
        const header = queue.take(BLOCK);
        if (header.every((b) => b === 0)) continue;
        const prefix = header.toString('latin1', 257, 262) === 'ustar' ? cString(header, 345, 155) : '';
        const base = cString(header, 0, 100);
        const name = longName ?? (prefix ? `${prefix}/${base}` : base);
        longName = undefined;
        const type = String.fromCharCode(header[156] ?? 0);
        const size = octal(header, 124, 12);
        const isFile = type === '0' || type === '\0' || type === '7';
        const padded = Math.ceil(size / BLOCK) * BLOCK;
        pending = { name, size, type, ...((isFile && !wanted(name)) || (!isFile && type !== 'L' && type !== 'x') ? { skipping: padded } : {}) };
      }
      if (pending.skipping !== undefined) {
        pending.skipping -= queue.skip(pending.skipping);
        if (pending.skipping > 0) break;
        pending = undefined;
        continue;
      }
      const padded = Math.ceil(pending.size / BLOCK) * BLOCK;
      if (queue.length < padded) break;
      const data = queue.take(padded).subarray(0, pending.size);
      const { name, type } = pending;
      pending = undefined;
      if (type === 'L') longName = cString(data, 0, data.length);
      else if (type === 'x') longName = paxPath(data);
      else yield { name, data };
    }
  }
  if (pending) throw new KbBotError(ErrorCode.StoreUnreadable, `${label}: the archive ends in the middle of ${pending.name}`, { archive: label });
}
