import { describe, expect, it } from 'vitest';
import type { ArticleKind, Fix } from '../../src/model.js';
import { remedyElsewhere, withFixStatedElsewhere } from '../../src/kb/fix-elsewhere.js';

const UNKNOWN: Fix = { kind: 'unknown', summary: '', carriers: [] };
const STATUS = { key: 'STATUS', prose: 'Microsoft has confirmed this to be a problem in the products listed above.', printed: '' };
const section = (key: string, prose: string) => ({ key, prose, printed: prose });
const read = (prose: string, key = 'MORE INFORMATION', articleKind: ArticleKind = 'problem', fix: Fix = UNKNOWN) =>
  withFixStatedElsewhere(fix, articleKind, [section('SYMPTOMS', 'The program stops responding when you print.'), STATUS, section(key, prose)], '');

describe('a fix stated outside any RESOLUTION or WORKAROUND section', () => {
  it.each([
    ['configuration', 'To correct the problem, remove the semicolon from the end of the TMP environment variable.'],
    ['configuration', 'Reinstalling the program corrects this problem.'],
    ['configuration', 'Switching out of the 132 column mode corrects the problem.'],
    ['configuration', 'You can resolve this problem by increasing the number of file handles in CONFIG.SYS.'],
    ['configuration', 'This problem can be corrected by removing the /N parameter from the RUN command.'],
    ['workaround', 'To work around this problem, call SetMapMode() before calling PaintRgn().'],
    ['update', 'To correct the problem, contact the computer manufacturer for a BIOS upgrade.'],
    ['update', 'Upgrading to Phoenix BIOS version 2.73 or later corrects this problem.'],
  ])('reads %s from "%s"', (kind, prose) => {
    expect(read(prose).kind).toBe(kind);
  });

  it('summarises a procedure as its steps, as a RESOLUTION would be', () => {
    const fix = read('The file may be damaged. To correct the WIN.INI file: 1. Open WIN.INI in Notepad. 2. Delete the [Fonts] section. 3. Restart Windows.', 'CAUSE');
    expect(fix.kind).toBe('configuration');
    expect(fix.summary).toMatch(/^To correct the WIN\.INI file/);
    expect(fix.steps?.count).toBe(3);
    expect(fix.steps?.first[0]).toMatch(/^Open WIN\.INI/);
  });

  it.each([
    ['a release said to carry the fix', 'This problem was corrected in Word version 6.0a.'],
    ['a remedy said not to help', 'Reinstalling the program does not correct this problem.'],
    ['"According to" read as an action', 'According to the vendor, version 1.1 corrects the problem.'],
    ['no remedy at all', 'The program uses the printer driver to format the page.'],
  ])('leaves the fix unknown for %s', (_, prose) => {
    expect(read(prose).kind).toBe('unknown');
  });

  const BY_DESIGN: Fix = { kind: 'none', summary: 'This behavior is by design.', carriers: [] };
  it.each<[string, string, ArticleKind, Fix]>([
    ['a how-to article', 'MORE INFORMATION', 'howto', UNKNOWN],
    ['an info article', 'MORE INFORMATION', 'info', UNKNOWN],
    ['a fix the rules found', 'MORE INFORMATION', 'problem', BY_DESIGN],
    ['an article with a WORKAROUND section', 'WORKAROUND', 'problem', UNKNOWN],
    ['a remedy in REFERENCES', 'REFERENCES', 'problem', UNKNOWN],
  ])('keeps the fix as it was for %s', (_, key, articleKind, fix) => {
    expect(read('To correct the problem, run Setup again.', key, articleKind, fix)).toEqual(fix);
  });

  it('reads a change said as a condition as the fix: "If you change X, these events will not be logged"', () => {
    expect(read('If you change the logging level to none, these events will not be logged.', 'SYMPTOMS').kind).toBe('configuration');
    // A symptom said as a condition is no fix.
    expect(read('If you remove the Widget component, the Widget Draw component will not be removed.', 'SYMPTOMS').kind).toBe('unknown');
  });

  it('takes the way around another section states for a fix still to come, the fix to come also', () => {
    const NOT_YET: Fix = { kind: 'not-yet', summary: 'We are researching this problem.', carriers: [] };
    const found = read('To work around this appearance problem and correctly update the screen to show the code changes, you can use any of the following methods: - Scroll the screen.', 'MORE INFORMATION', 'info', NOT_YET);
    expect(found.kind).toBe('workaround');
    expect(found.also).toEqual(['not-yet']);
  });

  it('takes the first remedy in article order, with the rest of its section', () => {
    const found = remedyElsewhere([section('CAUSE', 'A TSR conflicts. Removing the TSR corrects this problem. Then restart.'), section('MORE INFORMATION', 'To resolve the problem, run Setup.')]);
    expect(found?.lead).toBe('Removing the TSR corrects this problem.');
    expect(found?.prose).toBe('Removing the TSR corrects this problem. Then restart.');
  });
});
