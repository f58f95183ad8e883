/**
 * Which rows a file table has and what each row says, on small made-up tables: one case per rule of
 * issue 8 item 3 (every row of every table; attributes exactly as printed; what tells rows apart).
 */
import { describe, expect, it } from 'vitest';
import { parseFileTables } from '../../src/kb/file-table.js';
import type { FileRow } from '../../src/model.js';

const INTRO = 'The English version of this fix should have the following file attributes or later:\n\n';
const view = (r: FileRow): string =>
  [r.name, r.version, r.sizeText ?? r.size, r.date, r.platform && `[${r.platform}]`, r.language && `{${r.language}}`, r.product && `<${r.product}>`]
    .filter((v) => v !== undefined).join(' ');

const cases: [string, string, string[]][] = [
  ['keeps a boxed row whose Version cell is N/A: the file is still installed',
    `${INTRO}+-------------------------+\n| File name   | Version   |\n+-------------------------+\n| Gadget.exe  | 7.1.22.4  |\n+-------------------------+\n| Gadget.cfg  | N/A       |\n+-------------------------+\n| Sprock.tpl  | NA        |\n+-------------------------+\n`,
    ['Gadget.exe 7.1.22.4 {English}', 'Gadget.cfg {English}', 'Sprock.tpl {English}']],
  ['keeps a boxed row whose date and time are not known yet (xx/xx/xx)',
    `${INTRO}+------------------------------+\n| File name  | Date     | Time  |\n+------------------------------+\n| Widgt32.dll | xx/xx/xx | xx:xx |\n+------------------------------+\n`,
    ['Widgt32.dll {English}']],
  ['gives no row for a template name (xxxxxxxx.xxx)',
    `${INTRO}+------------------------------+\n| File name    | Date     | Time  |\n+------------------------------+\n| xxxxxxxx.xxx | xx/xx/xx | xx:xx |\n+------------------------------+\n`,
    []],
];

describe('file table rows', () => {
  it.each(cases)('%s', (_title, text, rows) => {
    expect(parseFileTables(text).files.map(view)).toEqual(rows);
  });

  it.each(cases)('reads the same with line breaks collapsed: %s', (_title, text) => {
    expect(parseFileTables(text.replace(/\s+/g, ' '))).toEqual(parseFileTables(text));
  });
});
