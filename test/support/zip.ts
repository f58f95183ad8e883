/**
 * Builds small .zip files in memory for tests, the ways real zippers write them: sizes in the local
 * header (Info-ZIP, git archive), or streamed with a data descriptor after the data (flag bit 3, as
 * Java's ZipOutputStream and many servers do), signed or not, stored or deflated, optionally ZIP64.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  data: Buffer | string;
  method?: 'store' | 'deflate';
  /** Sizes after the data instead of in the header. */
  descriptor?: 'signed' | 'unsigned';
  /** Sizes as ZIP64 (an extra field; 8-byte sizes in the descriptor). */
  zip64?: boolean;
  /** With a descriptor, give the sizes and CRC in the header as well (some zippers do). */
  sizesInHeaderToo?: boolean;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

export function buildZip(entries: ZipEntryInput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'latin1');
    const method = e.method === 'store' ? 0 : 8;
    const body = method === 0 ? raw : deflateRawSync(raw);
    const crc = crc32(raw) >>> 0;
    const name = Buffer.from(e.name, 'utf8');
    const flags = (e.descriptor ? 0x8 : 0) | 0x800;
    const inHeader = !e.descriptor || e.sizesInHeaderToo === true;
    const extra = e.zip64 ? Buffer.concat([u16(1), u16(16), u64(inHeader ? raw.length : 0), u64(inHeader ? body.length : 0)]) : Buffer.alloc(0);
    const size32 = (n: number) => (e.zip64 ? 0xffffffff : inHeader ? n : 0);
    const local = Buffer.concat([
      u32(0x04034b50), u16(e.zip64 ? 45 : 20), u16(flags), u16(method), u16(0), u16(0x21),
      u32(inHeader ? crc : 0), u32(size32(body.length)), u32(size32(raw.length)), u16(name.length), u16(extra.length), name, extra,
    ]);
    const descriptor = !e.descriptor
      ? Buffer.alloc(0)
      : Buffer.concat([
          e.descriptor === 'signed' ? u32(0x08074b50) : Buffer.alloc(0),
          u32(crc),
          ...(e.zip64 ? [u64(body.length), u64(raw.length)] : [u32(body.length), u32(raw.length)]),
        ]);
    parts.push(local, body, descriptor);
    central.push(Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc), u32(body.length), u32(raw.length),
      u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name,
    ]));
    offset += local.length + body.length + descriptor.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...parts, directory, end]);
}
