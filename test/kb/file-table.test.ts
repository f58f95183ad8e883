import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFileTables } from '../../src/kb/file-table.js';
import type { FileRow } from '../../src/model.js';
import { FileRowSchema } from '../../src/model.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/kb/file-tables/${name}.txt`, import.meta.url), 'latin1');
}

type Expected = Partial<FileRow> & { name: string };

/** One fixture per layout family (survey §4.1), each with the rows a user would check. */
const layouts: [string, string, Expected[], Expected[]?][] = [
  ['reads Date Time Size File-name Platform columns with a/p times and four platforms', 'whitespace-date-time-size-file-platform', [
    { name: 'Netdrv.sys', size: 109728, date: '1996-09-26', time: '06:34 PM', platform: 'i386' },
    { name: 'Netdrv.sys', size: 189584, date: '1996-09-24', platform: 'alpha' },
    { name: 'Netdrv.sys', size: 175568, platform: 'mips' },
    { name: 'Netdrv.sys', size: 205392, platform: 'ppc' },
  ]],
  ['reads a box-drawn File name / Version table under a Component line', 'box-file-version-component', [
    { name: 'Perfwiz.exe', version: '996.26', component: 'Performance Wizard', language: 'English' },
    { name: 'Mapisvc.inf', version: '5.5.1960.6', component: 'Performance Wizard' },
  ]],
  ['reads a whitespace Filename / Version list', 'whitespace-file-version-list', [
    { name: 'IPX.COM', version: '3.1' },
    { name: 'NETX.COM', version: '3.26' },
    { name: 'LSL.COM', version: '1.21' },
  ]],
  ['takes the platform of each table from its x86 / Alpha heading', 'platform-headings', [
    { name: 'Admprox.dll', version: '4.2.680.1', size: 27696, platform: 'i386' },
    { name: 'Aspx.dll', version: '4.2.680.1', size: 327472, platform: 'i386' },
    { name: 'Admprox.dll', version: '4.2.680.1', size: 45328, platform: 'alpha' },
    { name: 'Aspx.dll', version: '4.2.680.1', size: 601872, platform: 'alpha' },
  ]],
  ['reads a box table with Name Size Date Time Version Platform cells', 'box-name-size-date-time-version-platform', [
    { name: 'c2xx.dll', version: '12.00.8769.0', size: 1196083, date: '2000-02-08', time: '5:39 AM', platform: 'i386' },
    { name: 'c2yy.dll', version: '12.00.8769.0', size: 418304, date: '2000-02-08', time: '5:41 AM', platform: 'i386' },
  ]],
  ['reads a pipe table with File name Date Time and no size', 'pipe-file-date-time', [
    { name: 'Winsl32.dll', date: '1998-06-16', time: '8:33 AM' },
  ]],
  ['reads dd-Mon-yyyy, dd-Month-yyyy, Mon-dd-yyyy and Mon dd yyyy dates, keeping MB and KB sizes as printed', 'dmy-month-name-dates', [
    { name: 'VB7.exe', version: '6.0.93.56', sizeText: '1.79 MB', date: '2001-09-18' },
    { name: 'Vbrun7.dll', version: '6.0.93.57', sizeText: '122 KB', date: '2001-12-07' },
    { name: 'Vbext.dll', version: '6.0.93.58', size: 24576, date: '2001-05-02' },
    { name: 'Vbhelp.dll', version: '6.0.93.59', size: 12288, date: '2000-10-23' },
  ]],
  ['reads parenthetical rows (N bytes, dated D, T), the bare name that ends the list, and not the name in prose', 'parenthetical-rows', [
    { name: 'MAILX.EXE', size: 221089, date: '1993-02-15', time: '3:00 PM' },
    { name: 'README.TXT' },
  ]],
  ['reads name date time "N bytes (version V)" rows under a time-stamp intro', 'name-date-time-size-bytes-version', [
    { name: 'Dispatx.exe', version: '3.5.34', size: 85245, date: '1998-07-10', time: '5:39 PM' },
    { name: 'Importx.exe', version: '3.5.34', size: 205905, date: '1998-07-10' },
  ]],
  ['keeps the language of each row from a Language column and stops at the next heading', 'language-column', [
    { name: 'Winfilx.exe', size: 170496, date: '1997-03-17', language: 'English' },
    { name: 'Winfilx.exe', size: 169824, date: '1997-07-09', language: 'Danish' },
    { name: 'Winfilx.exe', size: 173728, date: '1997-12-08', language: 'German' },
  ]],
  ['joins DOS dir listing names and extensions and skips the description column', 'dos-dir-listing', [
    { name: 'COMMANDX.COM', size: 47845, date: '1991-04-09', time: '5:00 AM' },
    { name: 'NETX.MSG', size: 70629, date: '1992-10-01' },
    { name: 'HIMEMX.SYS', size: 13824, date: '1992-10-01' },
  ]],
  ['reads Version: / Size: / Date: labelled rows, not the version named in prose', 'labelled-name-version', [
    { name: 'Vbx232.dll', version: '2.0.6108', sizeText: '1025 KB', date: '1996-03-08' },
  ]],
  ['infers the columns of a header-less list after an attributes intro (.386 drivers too)', 'no-header-intro', [
    { name: 'SERIALX.386', size: 11184, date: '1993-12-01' },
    { name: 'COMMX.DRV', size: 9280, date: '1993-12-01' },
  ]],
  ['skips text cells (Source) around the values of a row', 'description-and-source-cells', [
    { name: 'Rich20.dll', version: '5.0.122.2', size: 268560 },
    { name: 'Rich20.dll', version: '5.0.120.8', size: 385536 },
  ]],
  ['reads blank Version cells and tiny sizes under a Size column', 'date-version-size-file-platform-blank-cells', [
    { name: 'Compvex.ini', size: 67, date: '1999-08-23', platform: 'alpha' },
    { name: 'Wbemsdx.exe', version: '1380.1017', size: 7200879, platform: 'alpha' },
    { name: 'Compvex.ini', size: 67, platform: 'i386' },
    { name: 'Wbemsdx.exe', version: '1380.1017', size: 3822227, platform: 'i386' },
  ]],
  ['carries a platform printed once per group down to the rows below it', 'platform-once-per-group', [
    { name: 'Admwprx.dll', platform: 'i386' },
    { name: 'Aspx.dll', platform: 'i386' },
    { name: 'Admwprx.dll', platform: 'alpha' },
    { name: 'Aspx.dll', platform: 'alpha' },
  ]],
  ['reads a row whose long file name wrapped onto its own line', 'wrapped-rows', [
    { name: 'Verylongfilename_for_a_test.dll', size: 118032, date: '1996-03-12', time: '4:20 PM' },
    { name: 'Short.exe', size: 24576, date: '1996-03-12', time: '4:21 PM' },
  ]],
  ['reads day-first dates when the first field cannot be a month', 'day-first-dates', [
    { name: 'Coredll.dll', size: 155648, date: '2001-08-28', time: '14:05' },
    { name: 'Coredll.dll', size: 160256, date: '2001-08-30', time: '09:12' },
  ]],
  ['keeps each language table apart and lists the packages named after the article separately', 'multi-language-packages', [
    { name: 'Mtax.exe', version: '5.5.2654.3', size: 621440, language: 'English', component: 'Message Transfer Agent' },
    { name: 'Mtax.exe', version: '5.5.2654.4', size: 621952, language: 'German', component: 'Message Transfer Agent' },
  ], [
    { name: 'Q299999engI.exe', size: 3837952, date: '2000-09-22', platform: 'i386', language: 'English' },
    { name: 'Q299999gerI.exe', size: 3839000, date: '2000-09-23', platform: 'i386', language: 'German' },
  ]],
  ['keeps the package table apart when "After the hotfix is installed" introduces the files', 'package-table-then-installed-files', [
    { name: 'Winwrd.exe', version: '8.0.0.8530', size: 5332992, date: '2001-01-29', platform: 'i386' },
    { name: 'Wwintl33.dll', version: '8.0.0.8530', size: 1448448, date: '2001-02-06', platform: 'i386' },
  ], [
    { name: 'WQFE2999.EXE', version: '4.71.1015.0', size: 3150560, date: '2001-02-12', time: '12:31 PM', platform: 'i386' },
  ]],
  ['keeps each size and date on its own name when the first names are misprinted ("WIDGET. DL_")', 'parenthetical-rows-broken-names', [
    { name: 'SPROCKET.DL_', size: 34567, date: '1995-03-14', time: '10:00 PM' },
    { name: 'README.TXT', size: 4321, date: '1995-03-15' },
    { name: 'SETUP.EXE', size: 45678, date: '1995-03-14', time: '10:00 PM' },
  ]],
  ['names each table\'s product from the underlined heading above it, until an all-caps section heading', 'product-headings', [
    { name: 'Gizmo.dll', version: '4.2.761.1', product: 'Widget Server 4.0' },
    { name: 'Gizmo.dll', version: '5.0.2195.1', product: 'Widget Server 5.0, Enterprise Edition' },
    { name: 'Other.dll', version: '5.0.2195.2' },
  ]],
  ['finds no table in prose that names files, versions and dates', 'prose-not-a-table', []],
  ['ignores the size/date inventory of an article titled as disk contents', 'disk-contents-listing', []],
];

describe('parseFileTables layouts', () => {
  it.each(layouts)('%s', (_title, name, files, packages = []) => {
    const result = parseFileTables(fixture(name));
    expect(result.files).toEqual(files.map((f) => expect.objectContaining(f)));
    expect(result.packages).toEqual(packages.map((p) => expect.objectContaining(p)));
  });

  it.each(layouts.map(([, name]) => [name]))('reads %s the same with its line breaks collapsed into spaces', (name) => {
    const text = fixture(name);
    expect(parseFileTables(text.replace(/\s+/g, ' '))).toEqual(parseFileTables(text));
  });

  it.each(layouts.map(([, name]) => [name]))('gives schema-valid rows for %s', (name) => {
    const { files, packages } = parseFileTables(fixture(name));
    for (const row of [...files, ...packages]) expect(FileRowSchema.safeParse(row).success).toBe(true);
  });

  it('leaves out the version of a row whose Version cell is a dash', () => {
    const { packages } = parseFileTables(fixture('multi-language-packages'));
    expect(packages.map((p) => p.version)).toEqual([undefined, undefined]);
  });

  it('reads a 1 MB article of tables in linear time (loose bound: a quadratic scan would take minutes)', () => {
    const text = fixture('platform-once-per-group').repeat(1200).slice(0, 1_000_000);
    const started = performance.now();
    const { files } = parseFileTables(text);
    expect(files.length).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('files exactly as printed (issue 8)', () => {
  it('gives bytes only where the article prints bytes', () => {
    const { files } = parseFileTables('The fix should have the following file attributes or later:\n\n   Date   Version   Size   File name\n   ---------------------------------\n   18-Sep-2001   6.0.93.56    1.79 MB   VB7.exe\n   May-02-2001   6.0.93.58     24,576   Vbext.dll\n');
    expect(files.map((f) => [f.name, f.size, f.sizeText])).toEqual([['VB7.exe', undefined, '1.79 MB'], ['Vbext.dll', 24576, undefined]]);
  });

  it('gives no product to a table under an all-caps section heading, after a product section', () => {
    const { files } = parseFileTables(fixture('product-headings'));
    expect(files.map((f) => f.product)).toEqual(['Widget Server 4.0', 'Widget Server 5.0, Enterprise Edition', undefined]);
  });

  it.each([
    ['a build stamp with weekday and time', 'Gizmo.dll   Mon Feb 14 15:22:04 2000   4.0.1381.7   123,456', '2000-02-14', '15:22:04'],
    ['Mon dd yyyy', 'Gizmo.dll   Feb 22 2001   4.0.1381.7   123,456', '2001-02-22', undefined],
    ['dd-MON-yyyy', 'Gizmo.dll   22-FEB-2001   4.0.1381.7   123,456', '2001-02-22', undefined],
    ['m/d/yy', 'Gizmo.dll   2/22/01   4.0.1381.7   123,456', '2001-02-22', undefined],
    ['dd.mm.yyyy', 'Gizmo.dll   22.02.2001   4.0.1381.7   123,456', '2001-02-22', undefined],
  ])('reads the date of a row printed as %s', (_name, row, date, time) => {
    const { files } = parseFileTables(`The fix has the following file attributes or later:\n\n   ${row}\n   Other.dll   ${row.slice(12)}\n`);
    expect(files.map((f) => [f.name, f.date, f.time, f.version])).toEqual([['Gizmo.dll', date, time, '4.0.1381.7'], ['Other.dll', date, time, '4.0.1381.7']]);
  });

  it('keeps a misprinted size ("2,538,44") as printed, not as a version, and keeps the row\'s date', () => {
    const { files } = parseFileTables('The fix has the following file attributes or later:\n\n   03/02/2000  10:15a  5.0.2195.1  2,538,44   Gizmo.dll\n   03/02/2000  10:15a  5.0.2195.1  98,304     Other.dll\n');
    expect(files.map((f) => [f.name, f.version, f.sizeText ?? f.size, f.date])).toEqual([
      ['Gizmo.dll', '5.0.2195.1', '2,538,44', '2000-03-02'],
      ['Other.dll', '5.0.2195.1', 98304, '2000-03-02'],
    ]);
  });

  it('names the product from an all-caps heading with a version, "IIS 4.0"', () => {
    const { files } = parseFileTables('IIS 4.0\n-------\n\nThe fix has the following file attributes or later:\n\n   03/02/2000  10:15a  4.2.1.1  98,304  Gizmo.dll\n');
    expect(files.map((f) => f.product)).toEqual(['IIS 4.0']);
  });

  it.each([
    ['a step heading', 'To download the updated files\n-----------------------------'],
    ['an underlined column header', 'File name\n---------'],
    ['a keyword footer', 'Networking PROD/VER:WINNT:4.0\n=============================='],
  ])('gives no product from %s', (_kind, heading) => {
    const { files } = parseFileTables(`${heading}\n\nThe fix has the following file attributes or later:\n\n   03/02/2000  10:15a  5.0.2195.1  98,304  Gizmo.dll\n`);
    expect(files.map((f) => [f.name, f.product])).toEqual([['Gizmo.dll', undefined]]);
  });

  it('reads a driver library whose Description cells hold vendors, platforms and versions', () => {
    const table = [
      'The following drivers are available:', '',
      '   Item ID    Filename       Description              Ver    Date',
      '   ---------------------------------------------------------------', '',
      '   S10001     Acme16.exe     Intel 16-bit Token Ring  1.01   09/20/93',
      '   S10002     Acmeax.exe     Acme Laser ALPHA 1.0     1.0    11/29/94',
      '   S10003     Acmex8.exe     Acme Laser X86 1.0       1.0    11/29/94',
      '   S10004     Acmeee.exe     Acme EE16 ETH ISA 3.50   3.50   10/10/94', '',
    ].join('\n');
    const { files } = parseFileTables(table);
    expect(files.map((f) => [f.name, f.version, f.date, f.platform])).toEqual([
      ['Acme16.exe', '1.01', '1993-09-20', undefined],
      ['Acmeax.exe', '1.0', '1994-11-29', 'alpha'],
      ['Acmex8.exe', '1.0', '1994-11-29', 'i386'],
      ['Acmeee.exe', '3.50', '1994-10-10', undefined],
    ]);
  });

  it('reads a KB size with a decimal comma ("15,66 KB") as a size kept as printed, and ix86 as x86', () => {
    const { files } = parseFileTables('The fix has the following file attributes or later:\n\n   Date         Time   Version        Size      File name    Platform\n   ------------------------------------------------------------------\n   23-May-2001  14:25  5.2000.328.19  15,66 KB  Gizmo.exe    ix86\n   23-May-2001  14:25  5.2000.328.19  80 KB     Other.dll    ix86\n');
    expect(files.map((f) => [f.name, f.version, f.sizeText, f.date, f.platform])).toEqual([
      ['Gizmo.exe', '5.2000.328.19', '15,66 KB', '2001-05-23', 'i386'],
      ['Other.dll', '5.2000.328.19', '80 KB', '2001-05-23', 'i386'],
    ]);
  });

  it('reads every row of a table whose last Description column wraps over lines', () => {
    const table = [
      'The following table lists the files installed by the update:', '',
      '   Filename       Version       Description',
      '   ---------------------------------------------------------', '',
      '   Gizmo.dll      6.00.8337     Run-time library, no dependencies.', '',
      '   Widget.dll     2.30.4265     Part of the widget fileset that',
      '                                complements the gizmo library and the',
      '                                sprocket run-time, dependent on Gizmo.dll.', '',
      '   Sprocket.tlb   2.30.4266     Type library.', '',
    ].join('\n');
    expect(parseFileTables(table).files.map((f) => [f.name, f.version])).toEqual([
      ['Gizmo.dll', '6.00.8337'], ['Widget.dll', '2.30.4265'], ['Sprocket.tlb', '2.30.4266'],
    ]);
  });

  it('reads versions printed with a v prefix, "v3.2.4013" and "v 3.2.4013"', () => {
    const { files } = parseFileTables('For this fix, the following DLLs must be upgraded with this DLL:\n\n      GIZMO.DLL   v3.2.4013\n      WIDGET.DLL v 3.2.4013\n      SPROCKET.DLL  V3.2.4014\n');
    expect(files.map((f) => [f.name, f.version])).toEqual([['GIZMO.DLL', '3.2.4013'], ['WIDGET.DLL', '3.2.4013'], ['SPROCKET.DLL', '3.2.4014']]);
  });

  it('reads a "Version and Description" title as two columns, the description wrapping over lines', () => {
    const table = [
      'File Name       Size      Date      Time   Version and Description',
      '------------------------------------------------------------------',
      'GIZMO.EXE       2,355,976 10-14-98  7:00p',
      'GIZMO.INF       11,926    08-14-98  4:58p  Gizmo upgrade information file, read by',
      '                                           Setup when the upgrade installs (GIZMO.SYS)',
      'GIZMO.DLL       2,544     08-14-98  4:57p  4.10.1903 Gizmo Configuration Wizard', '',
    ].join('\n');
    expect(parseFileTables(table).files.map((f) => [f.name, f.version, f.size])).toEqual([
      ['GIZMO.EXE', undefined, 2355976], ['GIZMO.INF', undefined, 11926], ['GIZMO.DLL', '4.10.1903', 2544],
    ]);
  });

  it.each([
    ['one underline per word: File is its own column', '       File         Version      Size     Date\n   ------------    ----------   ------    -------\n   Gizmo.dll       3.000.5226   916 KB    4/26/99\n   Widget.dll      3.000.4513   121 KB    9/13/98\n'],
    ['one rule under the row: File Version is one column', '   Name          File Version   Size     Date\n   -----------------------------------------------\n   Gizmo.dll     3.000.5226     916 KB   4/26/99\n   Widget.dll    3.000.4513     121 KB   9/13/98\n'],
  ])('reads a "File Version Size Date" header with %s', (_how, table) => {
    const { files } = parseFileTables(`The update contains the following files:\n\n${table}`);
    expect(files.map((f) => [f.name, f.version, f.date])).toEqual([['Gizmo.dll', '3.000.5226', '1999-04-26'], ['Widget.dll', '3.000.4513', '1998-09-13']]);
  });

  it('gives no platform to a row printed without one when every other row prints its own', () => {
    const { files } = parseFileTables('This fix has the following time stamps:\n\n      3/10/98   11:03pm        188,368 Gizmo.exe (Intel)\n      3/10/98   11:02pm        626,448 Gizmo.exe (Alpha)\n      4/23/98    4:20pm      1,579,385 Gizmo.rul\n');
    expect(files.map((f) => [f.name, f.platform])).toEqual([['Gizmo.exe', 'i386'], ['Gizmo.exe', 'alpha'], ['Gizmo.rul', undefined]]);
  });

  it('reads the platform glued to a file name, Dns.exe(Alpha)', () => {
    const { files } = parseFileTables('This fix should have the following time stamp:\n\n   03/27/98 09:12p 170,208 Dns.exe(Intel)\n   03/27/98 09:11p 345,872 Dns.exe(Alpha)\n');
    expect(files.map((f) => [f.name, f.platform])).toEqual([['Dns.exe', 'i386'], ['Dns.exe', 'alpha']]);
  });

  it('gives the expanded size when compressed and expanded sizes are both printed', () => {
    const table = 'the following files are expanded to the WINDOWS\\SYSTEM directory:\n\nCompressed    Expanded  File\nFile            Version  Size          Size      Date\n----            -------  ----          ----      ----\n\nWIDGET.COM      3.26     38642        52443     3/10/92\nWIDGET.386      n/a      8864         19197     3/10/92\n';
    const { files } = parseFileTables(table);
    expect(files.map((f) => [f.name, f.size])).toEqual([['WIDGET.COM', 52443], ['WIDGET.386', 19197]]);
  });

  it('keeps a language qualifier printed in parentheses, "Chinese (Simplified)"', () => {
    const { files } = parseFileTables('The fix should have the following file attributes or later:\n\n    5/21/98    5:05pm   146,048   Widget.exe   Chinese (Simplified)\n    5/21/98    4:44pm   146,064   Widget.exe   Chinese (Traditional)\n    5/21/98    4:49pm   150,224   Widget.exe   Korean\n');
    expect(files.map((f) => f.language)).toEqual(['Chinese (Simplified)', 'Chinese (Traditional)', 'Korean']);
  });

  it('gives every row under a language sub-heading that language, two-word names kept ("Simplified Chinese")', () => {
    const table = [
      'This fix should have the following file attributes or later:',
      '',
      '   Date      Time        Size    File name     Platform',
      '   ---------------------------------------------------',
      '   Pan-Chinese',
      '   03/18/99  05:08p    69,136 Widget.dll   (x86)',
      '   03/18/99  05:08p   104,720 Widget.dll   (Alpha)',
      '',
      '   Simplified Chinese',
      '   03/18/99  05:08p    64,272 Widget.dll   (x86)',
      '   03/18/99  05:08p   104,720 Widget.dll   (Alpha)',
      '',
      '   Korean',
      '   03/18/99  05:08p    64,272 Widget.dll   (x86)',
      '',
    ].join('\n');
    const { files } = parseFileTables(table);
    expect(files.map((f) => [f.platform, f.language])).toEqual([
      ['i386', 'Pan-Chinese'], ['alpha', 'Pan-Chinese'], ['i386', 'Simplified Chinese'], ['alpha', 'Simplified Chinese'], ['i386', 'Korean'],
    ]);
  });

  it('takes the platform from a heading further up the intro, "Alpha-based computers:"', () => {
    const intro = 'For Alpha-based computers: the English version of this fix should have the following file attributes or later, as installed by the package that you download from the site named in this article:';
    const { files } = parseFileTables(`${intro}\n\n   Date      Time    Size     File name\n   ---------------------------------------\n   09/16/00  6:26a   921,600  Emsmdb32.dll\n`);
    expect(files.map((f) => [f.name, f.platform])).toEqual([['Emsmdb32.dll', 'alpha']]);
  });
});
