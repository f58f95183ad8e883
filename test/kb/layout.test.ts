import { describe, expect, it } from 'vitest';
import { layoutFlattened, layoutFormatted } from '../../src/kb/layout.js';
import { collapseWhitespace } from '../../src/kb/text.js';

const HEADER = 'DOCUMENT:Q123456  01-FEB-2001  [winnt]\nTITLE   :Something Fails\nPRODUCT :Microsoft Windows NT\nPROD/VER:\nOPER/SYS:\nKEYWORDS:\n\n' + '='.repeat(70) + '\n\n';
const FOOTER = '\nAdditional query words: fails\n\n' + '='.repeat(70) + '\nKeywords          : kbbug\n';

const sectionsOf = (body: string) => {
  const text = HEADER + body + FOOTER;
  const formatted = layoutFormatted(text, 0).sections.map((s) => [s.key, collapseWhitespace(s.body)]);
  const flattened = layoutFlattened(collapseWhitespace(text), 0).sections.map((s) => [s.key, collapseWhitespace(s.body)]);
  return { formatted, flattened };
};

describe('section headings (survey §2)', () => {
  it.each([
    ['= underlines of the exact length', 'SYMPTOMS\n========\n\nIt fails.\n\nCAUSE\n=====\n\nA bug.\n', [['SYMPTOMS', 'It fails.'], ['CAUSE', 'A bug.']]],
    ['two-word headings', 'MORE INFORMATION\n================\n\nDetails here.\n', [['MORE INFORMATION', 'Details here.']]],
    ['the singular SYMPTOM', 'SYMPTOM\n=======\n\nIt fails.\n', [['SYMPTOMS', 'It fails.']]],
    ['a known name underlined with dashes', 'Workaround\n----------\n\nRestart it.\n', [['WORKAROUND', 'Restart it.']]],
    ['a colon heading on its own line', 'It begins.\n\nCause:\n\nA bug.\n', [['CAUSE', 'A bug.']]],
    ['a colon heading with its text on the same line', 'It begins.\n\nResolution: Apply the fix.\n', [['RESOLUTION', 'Apply the fix.']]],
    ['a bullet right after the underline', 'SYMPTOMS\n========\n\n - It fails.\n', [['SYMPTOMS', '- It fails.']]],
  ])('reads %s the same in both forms', (_name, body, expected) => {
    const { formatted, flattened } = sectionsOf(body);
    expect(formatted).toEqual(expected);
    expect(flattened).toEqual(expected);
  });

  it.each([
    ['a table header underlined in columns', 'SYMPTOMS\n========\n\nName    Size\n====    ====\nA.DLL   10\n', [['SYMPTOMS', 'Name Size ==== ==== A.DLL 10']]],
    ['a wrapped sentence whose last line is "symptoms:" (issue 8: the cause was cut before its list)', 'CAUSE\n=====\n\nThese settings can cause one of the above\nsymptoms:\n\n   8-bit QCDP\n   16-bit 65K colors\n', [['CAUSE', 'These settings can cause one of the above symptoms: 8-bit QCDP 16-bit 65K colors']]],
    ['a sub-heading with dashes', 'SYMPTOMS\n========\n\nSteps to Reproduce\n------------------\n\n1. Run it.\n', [['SYMPTOMS', 'Steps to Reproduce ------------------ 1. Run it.']]],
  ])('does not start a section at %s', (_name, body, expected) => {
    const { formatted, flattened } = sectionsOf(body);
    expect(formatted).toEqual(expected);
    expect(flattened).toEqual(expected);
  });

  it('never takes the footer rule after "Additional query words" for an underline', () => {
    const text = HEADER + 'STATUS\n======\n\nConfirmed.\n' + FOOTER;
    expect(layoutFormatted(text, 0).sections.map((s) => s.key)).toEqual(['STATUS']);
    expect(layoutFormatted(text, 0).footer).toContain('Keywords');
  });
});

describe('indented colon lines', () => {
  it('opens no section at an indented "Cause:" explaining one item of a list', () => {
    const text = HEADER + 'SUMMARY\n=======\n\nThe utility logs these errors.\n\n1. Error:\n\n   Cannot lock the widget file.\n\n   Cause: The user is logged on.\n\nMORE INFORMATION\n================\n\nRun it at night.\n' + FOOTER;
    expect(layoutFormatted(text, 0).sections.map((s) => s.key)).toEqual(['SUMMARY', 'MORE INFORMATION']);
  });
});
