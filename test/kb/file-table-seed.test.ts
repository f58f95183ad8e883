import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFileTables } from '../../src/kb/file-table.js';
import { archiveAvailable, readArchiveArticle } from '../support/archive.js';

const flattened = readFileSync(new URL('../fixtures/Q272274-flattened.txt', import.meta.url), 'latin1');

const expectedFiles = [
  { name: 'Store.exe', version: '5.5.2654.3', size: 2621440, date: '2000-09-16', time: '6:26:35', platform: 'i386' },
  { name: 'Store.exe', version: '5.5.2654.3', size: 3682304, date: '2000-09-16', time: '5:56:01', platform: 'alpha' },
  { name: 'Emsmdb32.dll', version: '5.5.2654.3', size: 561152, date: '2000-09-16', time: '6:46:52', platform: 'i386' },
  { name: 'Emsmdb32.dll', version: '5.5.2654.3', size: 921600, date: '2000-09-16', time: '6:39:14', platform: 'alpha' },
];
const expectedPackages = [
  { name: 'Q272274jpnI.exe', size: 3837952, date: '2000-09-22', time: '7:11:57', platform: 'i386', language: 'Japanese' },
  { name: 'Q272274jpnA.exe', size: 4587520, date: '2000-09-22', time: '7:07:12', platform: 'alpha', language: 'Japanese' },
];

describe('parseFileTables on the seed article Q272274', () => {
  it('reads the four installed files from the flattened paste', () => {
    const { files } = parseFileTables(flattened);
    expect(files).toEqual(expectedFiles.map((f) => expect.objectContaining({ ...f, component: 'Information Store' })));
  });

  it('does not give the installed files the language of the package table above them', () => {
    const { files } = parseFileTables(flattened);
    for (const f of files) expect(f.language).toBeUndefined();
  });

  it('keeps the Japanese hotfix packages apart, without a version', () => {
    const { packages } = parseFileTables(flattened);
    expect(packages).toEqual(expectedPackages.map((p) => expect.objectContaining(p)));
    for (const p of packages) expect(p.version).toBeUndefined();
  });

  it.skipIf(!archiveAvailable())('gives the same rows for the formatted original as for the flattened paste', () => {
    const formatted = readArchiveArticle('Q272274').replace(/\r\n?/g, '\n');
    expect(parseFileTables(formatted)).toEqual(parseFileTables(flattened));
    expect(parseFileTables(formatted).files).toHaveLength(4);
  });
});
