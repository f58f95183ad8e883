import { describe, expect, it } from 'vitest';
import { readZip } from '../../src/store/zip.js';
import { buildZip, type ZipEntryInput } from '../support/zip.js';

const ARTICLE = 'DOCUMENT:Q190001  01-JAN-2000  [sna]\r\nTITLE   :Caf\xe9 crash\r\n' + 'SNASERVR!Something+0x10\r\n'.repeat(200);

/** The bytes in pieces of `size`, as a download may deliver them. */
async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function read(zip: Buffer, pieceSize = 1 << 16): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const m of readZip(pieces(zip, pieceSize), 'test.zip', (name) => name.endsWith('.TXT'))) out[m.name] = m.data.toString('latin1');
  return out;
}

const variants: [string, Partial<ZipEntryInput>][] = [
  ['stored, sizes in the header', { method: 'store' }],
  ['deflated, sizes in the header', { method: 'deflate' }],
  ['deflated, sizes in a signed data descriptor', { method: 'deflate', descriptor: 'signed' }],
  ['stored, sizes in a signed data descriptor', { method: 'store', descriptor: 'signed' }],
  ['deflated, ZIP64 sizes in the extra field', { method: 'deflate', zip64: true }],
  ['deflated, ZIP64 sizes in a signed data descriptor', { method: 'deflate', zip64: true, descriptor: 'signed' }],
];

describe('readZip', () => {
  it.each(variants)('reads entries %s, whatever the pieces the bytes arrive in', async (_name, how) => {
    const zip = buildZip([
      { name: 'top/', data: '', method: 'store' },
      { name: 'top/txt/190/Q190001.TXT', data: ARTICLE, ...how },
      { name: 'top/docs/index.html', data: '<html>not wanted</html>', ...how },
      { name: 'top/txt/190/Q190002.TXT', data: 'DOCUMENT:Q190002\r\n', ...how },
    ]);
    for (const size of [1, 7, 512, 1 << 16]) {
      expect(await read(zip, size)).toEqual({ 'top/txt/190/Q190001.TXT': ARTICLE, 'top/txt/190/Q190002.TXT': 'DOCUMENT:Q190002\r\n' });
    }
  });

  it('is not fooled by a data-descriptor look-alike inside stored data', async () => {
    const tricky = `before PK\x07\x08${'\0'.repeat(12)} after`;
    const zip = buildZip([{ name: 'Q1.TXT', data: tricky, method: 'store', descriptor: 'signed' }, { name: 'Q2.TXT', data: 'second' }]);
    expect(await read(zip, 3)).toEqual({ 'Q1.TXT': tricky, 'Q2.TXT': 'second' });
  });

  it('reads a descriptor without signature when the header gave the sizes', async () => {
    const zip = buildZip([{ name: 'Q1.TXT', data: ARTICLE, descriptor: 'unsigned', sizesInHeaderToo: true }, { name: 'Q2.TXT', data: 'next' }]);
    expect(await read(zip, 5)).toEqual({ 'Q1.TXT': ARTICLE, 'Q2.TXT': 'next' });
  });

  const whole = buildZip([{ name: 'Q1.TXT', data: ARTICLE }, { name: 'Q2.TXT', data: ARTICLE, descriptor: 'signed' }]);
  const flipped = Buffer.from(whole);
  flipped[60] = (flipped[60] ?? 0) ^ 0xff;
  const bzip2 = buildZip([{ name: 'Q1.TXT', data: ARTICLE, method: 'store' }]);
  bzip2.writeUInt16LE(12, 8);

  it.each([
    ['cut off inside an entry', whole.subarray(0, 100), /ends early \(cut off before its table of contents\)/],
    ['cut off inside a streamed entry', whole.subarray(0, whole.length - 200), /ends early/],
    ['cut off inside its table of contents', whole.subarray(0, whole.length - 10), /ends early \(no end-of-central-directory record\)/],
    ['damaged data', flipped, /Q1\.TXT: (fails its CRC-32|invalid)/],
    ['an article compressed with bzip2', bzip2, /Q1\.TXT uses compression method 12; only stored \(0\) and deflated \(8\) entries are read/],
    ['not a zip at all', Buffer.from('<html>hello</html>'), /does not start with a zip entry/],
    ['empty', Buffer.alloc(0), /it is empty/],
    ['a size only after its data with no descriptor signature', buildZip([{ name: 'Q1.TXT', data: ARTICLE, descriptor: 'unsigned' }]), /Q1\.TXT gives its size only after its data/],
  ])('says what is wrong with a zip %s', async (_name, zip, message) => {
    await expect(read(zip)).rejects.toThrow(message);
  });

  it('skips an unwanted entry whatever its compression', async () => {
    const zip = buildZip([{ name: 'image.bmp', data: 'x'.repeat(100), method: 'store' }, { name: 'Q1.TXT', data: 'text' }]);
    zip.writeUInt16LE(12, 8);
    expect(await read(zip)).toEqual({ 'Q1.TXT': 'text' });
  });
});
