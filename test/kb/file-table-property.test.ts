import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFileTables } from '../../src/kb/file-table.js';
import { FileRowSchema } from '../../src/model.js';

/** Tokens of real table layouts and the prose around them. */
const pool = [
  'The', 'English', 'version', 'of', 'this', 'fix', 'should', 'have', 'the', 'following', 'file', 'attributes', 'or', 'later:',
  'Component:', 'Information', 'Store', 'Date', 'Time', 'Version', 'Size', 'File', 'name', 'Platform', '-----------', '|',
  '+------+', '9/16/2000', '6:26:35', '5.5.2654.3', '2,621,440', 'Store.exe', 'i386', 'Alpha', '(x86)', '-', '18-Sep-2001',
  '7:31p', 'PM', 'bytes', 'dated', 'KB', '122', 'Q272274jpnI.exe', 'NET', 'MSG', '70629', '10-01-92', 'n/a', 'NOTE:',
  'After', 'hotfix', 'is', 'installed,', 'May', '02', '2001', 'Additional', 'query', 'words:', '5,0,2195,1234',
];

const article = fc.array(
  fc.tuple(fc.constantFrom(...pool), fc.constantFrom(' ', '  ', '\n', '\n\n   ', '\t')),
  { maxLength: 300 },
).map((parts) => parts.map(([token, space]) => token + space).join(''));

/** Texts these properties once failed on, tried first on every run. */
const found: [string][] = [
  // A header as the very first token: the intro sentence before the table is empty.
  ['File File ----------- 18-Sep-2001 70629'],
];

describe('parseFileTables on arbitrary table-like text', () => {
  it('gives the same rows whatever the whitespace between tokens', () => {
    fc.assert(fc.property(article, (text) => {
      expect(parseFileTables(text.replace(/\s+/g, ' '))).toEqual(parseFileTables(text));
    }), { numRuns: 300, examples: found });
  });

  it('only ever returns schema-valid rows', () => {
    fc.assert(fc.property(article, (text) => {
      const { files, packages } = parseFileTables(text);
      for (const row of [...files, ...packages]) expect(FileRowSchema.safeParse(row).success).toBe(true);
    }), { numRuns: 300, examples: found });
  });
});
