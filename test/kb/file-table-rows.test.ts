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
  ['keeps the bare name that ends a listing of extracted files, each with size and date',
    'You should receive the following files:\n\n   GIZMO.EXE (62,880 bytes, dated 07-22-94, 8:13 P.M.)\n   GIZMO.INF ( 6,525 bytes, dated 11-23-94, 12:15 A.M.)\n   NOTES.TXT\n\nRunning Gizmo from the network\n',
    ['GIZMO.EXE 62880 1994-07-22', 'GIZMO.INF 6525 1994-11-23', 'NOTES.TXT']],
  ['reads no bare name into a list of names with versions only',
    'This issue is resolved by the following updated files:\n\n   Gizmo.dll version 4.00.955 (dated 6/12/97)\n   Widget.vxd version 4.00.951\n   Sprock.vxd\n\nTo install this update, follow these steps:\n',
    ['Gizmo.dll 4.00.955 1997-06-12', 'Widget.vxd 4.00.951']],
  ['reads the platform of a cell printed with a line-break tag ("x86<BR/>")',
    `${INTRO}   Date      Time    Version      Size    File name     Platform\n   -------------------------------------------------------------<BR>\n   10-26-99  2:08PM  4.2.728.1   81,888   gizmo.dll   x86<BR/>\n   10-26-99  2:08PM  4.2.728.1   126,736  gizmo.dll   alpha<BR/>\n`,
    ['gizmo.dll 4.2.728.1 81888 1999-10-26 [i386] {English}', 'gizmo.dll 4.2.728.1 126736 1999-10-26 [alpha] {English}']],
  ['reads the platform of a Platform cell that holds more words ("NT x86 40bit")',
    `${INTRO}   Date      Time        Size    File name     Platform\n   ------------------------------------------------------\n   01/26/2000  06:15p   154,384 Gizmo.dll  NT x86 40bit\n   01/26/2000  07:40p   267,536 Gizmo.dll  NT Alpha 40bit\n`,
    ['Gizmo.dll 154384 2000-01-26 [i386] {English}', 'Gizmo.dll 267536 2000-01-26 [alpha] {English}']],
  ['takes the platform of each table, and of the table just after it, from an underlined platform heading',
    'The hotfix should have the following timestamp:\n\n   Intel\n   -----\n\n   5/18/98   6:11pm   110,560   Gizmo.dll\n\nAdditional supporting files:\n\n   3/30/98   12:45pm  149,632   Widget.exe\n\n   Alpha\n   -----\n\n   5/18/98   6:10pm   227,328   Gizmo.dll\n\nAdditional supporting files:\n\n   3/30/98   12:45pm  578,320   Widget.exe\n',
    ['Gizmo.dll 110560 1998-05-18 [i386]', 'Widget.exe 149632 1998-03-30 [i386]', 'Gizmo.dll 227328 1998-05-18 [alpha]', 'Widget.exe 578320 1998-03-30 [alpha]']],
  ['carries no platform onto a table whose own intro names another product',
    'This fix should have the following timestamp for Windows NT Alpha:\n\n   09/16/97  12:10p   176,400 gizmo32.dll\n\nThis fix should have the following timestamp for Windows 95:\n\n   09/16/97  11:03a   1,078,032 gizmo32.dll\n',
    ['gizmo32.dll 176400 1997-09-16 [alpha]', 'gizmo32.dll 1078032 1997-09-16']],
  ['carries no platform down when the first row prints none (printed on a group\'s last row)',
    `${INTRO}   Date         Time   Version        Size     File Name        Platform\n   ---------------------------------------------------------------------\n   01-Mar-2001  16:50                      67  Gizmo.ini\n   01-Mar-2001  16:50  2.0.92.1       511,796  Gizmo.exe\n   01-Mar-2001  16:50  2.0.1493.3159  151,824  Widget.exe       Alpha\n   01-Mar-2001  16:50                      67  Gizmo.ini\n   01-Mar-2001  16:50  2.0.92.1       280,645  Gizmo.exe\n   01-Mar-2001  16:50  2.0.1493.3159  104,816  Widget.exe       X86\n`,
    ['Gizmo.ini 67 2001-03-01 {English}', 'Gizmo.exe 2.0.92.1 511796 2001-03-01 {English}', 'Widget.exe 2.0.1493.3159 151824 2001-03-01 [alpha] {English}',
      'Gizmo.ini 67 2001-03-01 {English}', 'Gizmo.exe 2.0.92.1 280645 2001-03-01 {English}', 'Widget.exe 2.0.1493.3159 104816 2001-03-01 [i386] {English}']],
  ['reads on past a row whose text cell is followed by n/a, in a boxed table with no word about a fix',
    'Gizmo Encyclopedia 97\n---------------------\n\n+---------------------------------------+\n| File name             | File size     |\n+---------------------------------------+\n| Gizmo.z96 (May 97)    | 283,972 bytes |\n+---------------------------------------+\n| Gizmo.z96 (June 97)   | n/a           |\n+---------------------------------------+\n| Gizmo.z96 (July 97)   | 297,878 bytes |\n+---------------------------------------+\n',
    ['Gizmo.z96 283972 <Gizmo Encyclopedia 97>', 'Gizmo.z96 <Gizmo Encyclopedia 97>', 'Gizmo.z96 297878 <Gizmo Encyclopedia 97>']],
  ['takes the platform from an intro that names it ("the Intel version of this fix")',
    'The English-language, Intel version of this fix should have the following file attributes or later:\n\n   Date      Time    Version         Size     File name\n   ----------------------------------------------------\n   10/11/00  01:55p  4.0.1381.298    166,160  Gizmo32.dll\n',
    ['Gizmo32.dll 4.0.1381.298 166160 2000-10-11 [i386]']],
  ['reads a date printed as day, month name and year in three words ("29 May 2001")',
    `${INTRO}   Date         Time        Version    Size     File name\n   ----------------------------------------------------------\n   29 May 2001  3:32:23 PM  6.0.92.37  1.32 MB  GIZMO60.DLL\n   17 July 2001  14:51  2000.0.1198.0  1,232,969  Widget.dll\n`,
    ['GIZMO60.DLL 6.0.92.37 1.32 MB 2001-05-29 {English}', 'Widget.dll 2000.0.1198.0 1232969 2001-07-17 {English}']],
  ['reads every row of a File Name / Description list, with the size and date a description prints',
    'The following files are included:\n\nFile Name         Description\n------------------------------\nGizmo.dll         Dynamic-link library used for calls.\n                  (84,240 bytes, dated 11-11-94, 11:01 A.M.)\nGizmo.txt         Declarations for the functions.\nUpdate.txt        Gizmo.dll update information.\n\nRelease Date: May-09-1994\n',
    ['Gizmo.dll 84240 1994-11-11', 'Gizmo.txt', 'Update.txt']],
  ['gives the rows of a table with no file column the one file its intro sentence names',
    'Delete the entries in the Boot.ini file.\n\nThe Gizmo.sys file provided on the CD-ROM has the following attributes when it is expanded:\n\n   Date     Time      Size      Drive type\n   ---------------------------------------\n   8/2/96   12:30am   133,424   FAT\n   8/1/96    4:30am   133,424   NTFS\n',
    ['Gizmo.sys 133424 1996-08-02', 'Gizmo.sys 133424 1996-08-01']],
  ['reads a two-digit size under a Size column followed by a column no word names ("Function")',
    'The boot disk will contain the following files:\n\nFilename        Size  Date      Time    Function\n---------------------------------------------------\nGIZMO    COM     47845 04-09-91   5:00a  Command interpreter\nWIDGET   OLD        22 02-18-93  12:24p  Old settings\n',
    ['GIZMO.COM 47845 1991-04-09', 'WIDGET.OLD 22 1993-02-18']],
  ['takes no version from a number that ends the intro ("...for Windows 3.1:")',
    'This fix should have the following time stamp for Windows 3.1:\n\n   09/16/97  12:08p   145,120 gizmo.dll\n   09/16/97  11:04a   268,608 widget.dll\n',
    ['gizmo.dll 145120 1997-09-16', 'widget.dll 268608 1997-09-16']],
  ['names each table\'s product from the label ending in a colon just before it',
    `${INTRO}Gizmo OS 4.0, Terminal Edition:\n\n   Date        Time    Size      File name      Platform\n   ------------------------------------------------------\n   10/28/1999  11:16p  330,512   Gizlog.exe     Alpha\n\nGizmo OS 4.0 Server and Workstation:\n\n   Date        Time    Size      File name      Platform\n   ------------------------------------------------------\n   10/04/1999  05:00p  274,704   Gizlog.exe     Alpha\n`,
    ['Gizlog.exe 330512 1999-10-28 [alpha] {English} <Gizmo OS 4.0, Terminal Edition>', 'Gizlog.exe 274704 1999-10-04 [alpha] {English} <Gizmo OS 4.0 Server and Workstation>']],
  ['names no product from an intro ending in a colon, nor from a label without a version',
    'This fix should have the following file attributes or later:\n\n   10/28/1999  11:16p  330,512   Gizlog.exe\n\nClient computers:\n\n   10/04/1999  05:00p  274,704   Gizlog.exe\n',
    ['Gizlog.exe 330512 1999-10-28', 'Gizlog.exe 274704 1999-10-04']],
  ['keeps a decimal size printed in KB or MB as printed',
    `${INTRO}   Date        Time     Version     Size    File name\n   -----------------------------------------------------\n   17-Apr-2001 12:05PM  6.0.91.15   1.42MB  Gizmo60.dll\n   03/18/99    1:54:29              67.5KB  Widget2.dll\n`,
    ['Gizmo60.dll 6.0.91.15 1.42MB 2001-04-17 {English}', 'Widget2.dll 67.5KB 1999-03-18 {English}']],
  ['takes the bytes of a size printed in KB with its bytes beside it',
    'The update installs the following files:\n\n| File name    | Version     | Size                  |\n| Gizcat.dll   | 4.71.1460.1 | 21.7KB (22,288 bytes) |\n| Gizole.dll   | 2.30.4261.1 | 584KB (598,288 bytes) |\n',
    ['Gizcat.dll 4.71.1460.1 22288', 'Gizole.dll 2.30.4261.1 598288']],
  ['reads a bare build number under Version as no size, and keeps the date of its row',
    `${INTRO}   Date     Time   Version  Size    File name     Platform\n   -------------------------------------------------------\n   8/11/00  11:32  786      100 KB  Gizmo.dll     Intel\n   8/11/00  11:37  786      163 KB  Gizmo.dll     Alpha\n`,
    ['Gizmo.dll 100 KB 2000-08-11 [i386] {English}', 'Gizmo.dll 163 KB 2000-08-11 [alpha] {English}']],
];

const ROWS = 'This fix should have the following time stamp:\n\n   Gizmo.exe   7/10/98   5:39p   85,245 bytes (version 3.5.34)\n';
const headings: [string, string, string | undefined][] = [
  ['an all-caps product underlined with dashes', 'MS-DOS\n------', 'MS-DOS'],
  ['a product with a slash', 'OS/2 External\n-------------', 'OS/2 External'],
  ['a long heading with a version', 'Widgets Installed by Gizmo Studio 5.0 Control Creation Edition\n--------------------------------------------------------------', 'Widgets Installed by Gizmo Studio 5.0 Control Creation Edition'],
  ['an -ing product ("Indexing Service")', 'Indexing Service\n----------------', 'Indexing Service'],
];
const notHeadings: [string, string][] = [
  ['a task ("Copying ...")', 'Copying Gizmo Support Files\n---------------------------'],
  ['a topic ("... Information")', 'Download Information\n--------------------'],
  ['an installation heading', 'Installation Instructions\n-------------------------'],
  ['a long heading with no version', 'Enable the Client to Use Gizmo for Name Resolution\n--------------------------------------------------'],
  ['an article section underlined with equals', 'RESOLUTION\n=========='],
];

describe('file table rows', () => {
  it.each(headings)('names the product of a table from %s', (_title, heading, product) => {
    expect(parseFileTables(`${heading}\n\n${ROWS}`).files.map((f) => f.product)).toEqual([product]);
  });

  it.each(notHeadings)('names no product from %s', (_title, heading) => {
    expect(parseFileTables(`${heading}\n\n${ROWS}`).files.map((f) => [f.name, f.product])).toEqual([['Gizmo.exe', undefined]]);
  });

  it.each(cases)('%s', (_title, text, rows) => {
    expect(parseFileTables(text).files.map(view)).toEqual(rows);
  });

  it.each(cases)('reads the same with line breaks collapsed: %s', (_title, text) => {
    expect(parseFileTables(text.replace(/\s+/g, ' '))).toEqual(parseFileTables(text));
  });
});
