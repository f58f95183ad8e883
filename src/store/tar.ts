/**
 * A small streaming reader for `.tar.gz` archives (ustar, GNU long names, pax `path`), built on
 * node:zlib so reading the 57,000-article archive needs no extra dependency and never holds it in memory.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export interface TarMember {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

/** Bytes arriving in chunks, taken off the front in exact amounts. */
class ByteQueue {
  private chunks: Buffer[] = [];
  private offset = 0;
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  take(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0]!;
      const copied = head.copy(out, filled, this.offset, Math.min(head.length, this.offset + n - filled));
      filled += copied;
      this.offset += copied;
      if (this.offset === head.length) {
        this.chunks.shift();
        this.offset = 0;
      }
    }
    this.length -= n;
    return out;
  }
}

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

/** Yields every regular file in a `.tar.gz` archive, in archive order. */
export async function* readTarGz(path: string): AsyncGenerator<TarMember> {
  const queue = new ByteQueue();
  let pending: { header: Buffer; name: string; size: number; type: string } | undefined;
  let longName: string | undefined;
  const stream = createReadStream(path).pipe(createGunzip({ chunkSize: 256 * 1024 }));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
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
        pending = { header, name, size: octal(header, 124, 12), type: String.fromCharCode(header[156] ?? 0) };
      }
      const padded = Math.ceil(pending.size / BLOCK) * BLOCK;
      if (queue.length < padded) break;
      const data = queue.take(padded).subarray(0, pending.size);
      const { name, type } = pending;
      pending = undefined;
      if (type === 'L') longName = cString(data, 0, data.length);
      else if (type === 'x') longName = paxPath(data);
      else if (type === '0' || type === '\0' || type === '7') yield { name, data };
    }
  }
}
