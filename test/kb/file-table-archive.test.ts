import { describe, expect, it } from 'vitest';
import { parseFileTables } from '../../src/kb/file-table.js';
import { archiveAvailable, readArchiveArticle } from '../support/archive.js';

/** Real articles from the archive (read from ../shared, never committed), one per common layout. */
const articles: [string, string, { files: number; packages?: number; first: Record<string, unknown> }][] = [
  ['Date Time Size File-name Platform, four CPUs', 'Q156931', { files: 4, first: { name: 'Nwrdr.sys', size: 109728, date: '1996-09-26', platform: 'i386' } }],
  ['box File name / Version under Component:', 'Q153947', { files: 1, first: { name: 'Perfwiz.exe', version: '996.26', component: 'Performance Wizard' } }],
  ['box Name Size Date Time Version Platform', 'Q167359', { files: 1, first: { name: 'c1xx.dll', version: '12.00.8769.0', size: 1196083, time: '5:39 AM' } }],
  ['blank Version cells and a 67-byte file', 'Q238141', { files: 4, first: { name: 'Compver.ini', size: 67, date: '1999-08-23', platform: 'alpha' } }],
  ['package table, then "After the hotfix is installed"', 'Q286032', { files: 2, packages: 1, first: { name: 'Winword.exe', version: '8.0.0.8529' } }],
  ['platform printed once per group', 'Q172416', { files: 45, first: { name: 'Admwprox.dll', version: '4.2.680.1', platform: 'i386' } }],
];

describe.skipIf(!archiveAvailable())('parseFileTables on real archive articles', () => {
  it.each(articles)('reads %s (%s)', (_layout, id, expected) => {
    const text = readArchiveArticle(id).replace(/\r\n?/g, '\n');
    const { files, packages } = parseFileTables(text);
    expect(files.length).toBe(expected.files);
    expect(packages.length).toBe(expected.packages ?? 0);
    expect(files[0]).toMatchObject(expected.first);
    expect(parseFileTables(text.replace(/\s+/g, ' '))).toEqual({ files, packages });
  });
});
