import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KbBotError } from '../../src/errors.js';
import { parseArticle } from '../../src/kb/index.js';
import { withoutClosingPointer } from '../../src/kb/article.js';
import { SignatureSchema } from '../../src/model.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/kb/${name}`, import.meta.url), 'latin1');
const flatten = (text: string) => text.replace(/\s+/g, ' ');

describe('parseArticle on small article fixtures', () => {
  it.each([
    ['sna-hotfix.txt', { id: 'Q190001', published: '2001-12-14', versions: ['3.0', '4.0'], product: 'Microsoft SNA Server' }],
    ['winnt-stop.txt', { id: 'Q190002', published: '2000-06-03', versions: ['4.0'], keywords: ['kbnetwork'] }],
    ['word-latin1.txt', { id: 'Q90003', published: '1999-01-22', versions: ['97', '98'], title: 'WD97: Café Names Print as Boxes' }],
    ['summary-only.txt', { id: 'Q12004', published: '1994-11-03', versions: [], title: 'INFO: Using Timers in Windows Applications' }],
  ])('reads the header of %s', (name, expected) => {
    const sig = parseArticle(fixture(name));
    expect(sig).toMatchObject(expected);
    expect(SignatureSchema.safeParse(sig).success).toBe(true);
  });

  it.each(['sna-hotfix.txt', 'winnt-stop.txt', 'word-latin1.txt', 'summary-only.txt'])('gives the same signature for %s with its line breaks collapsed', (name) => {
    const text = fixture(name);
    expect(parseArticle(flatten(text))).toEqual(parseArticle(text));
  });

  it('reads a Dr. Watson trace inside SYMPTOMS and leaves it out of the prose', () => {
    const sig = parseArticle(fixture('sna-hotfix.txt'));
    expect(sig.traces).toEqual([
      [
        { module: 'snaservr', symbol: 's1pxsnd', offset: '0x2c' },
        { module: 'snaservr', symbol: 'sbpsched', offset: '0x11' },
      ],
    ]);
    expect(sig.symptoms).toBe('The SNA Server service may stop with an access violation (c0000005). A Dr. Watson log shows the following stack:');
  });

  it('cites articles in the reference list without taking their titles codes', () => {
    const sig = parseArticle(fixture('sna-hotfix.txt'));
    expect(sig.related).toEqual(['Q150001', 'Q150002']);
    expect(sig.eventIds).toEqual([]);
    expect(sig.stopCodes).toEqual([]);
    expect(sig.exceptionCodes).toEqual(['c0000005']);
  });

  it('reads singular, colon and dash-underlined headings (SYMPTOM, Cause:, Resolution/---)', () => {
    const sig = parseArticle(fixture('winnt-stop.txt'));
    expect(sig.symptoms).toMatch(/^Your computer stops with the message STOP: 0xA/);
    expect(sig.cause).toBe('The driver frees memory at raised IRQL.');
    expect(sig.fix).toMatchObject({ kind: 'service-pack', servicePack: 'latest Microsoft Windows NT 4.0 U.S. Service Pack' });
    expect(sig.stopCodes).toEqual(['0x0000000A']);
    expect(sig.eventIds).toEqual([4097]);
    expect(sig.exceptionCodes).toEqual(['c000021a']);
  });

  it('decodes Latin-1, drops <BR/> remnants, NBSP, TABs and cp1252 quotes', () => {
    const sig = parseArticle(fixture('word-latin1.txt'));
    expect(sig.title).toBe('WD97: Café Names Print as Boxes');
    expect(sig.symptoms).toBe('When you print a document named Café Menu.doc, accented characters print as boxes. This happens on PostScript printers.');
    expect(sig.cause).toBe('The "font map" is incomplete.');
    expect(sig.fix).toMatchObject({ kind: 'upgrade', version: 'Word 98 Macintosh Edition version 8.0' });
  });

  it('uses SUMMARY as the symptoms of an article without a SYMPTOMS section', () => {
    const sig = parseArticle(fixture('summary-only.txt'));
    expect(sig.symptoms).toBe('An application can create timers with SetTimer. This behavior is by design.');
    expect(sig.fix.kind).toBe('none');
    expect(sig.related).toEqual(['Q11005']);
  });
});

describe('header variants', () => {
  const article = (header: string) => `${header}\r\n\r\n${'='.repeat(70)}\r\n\r\nSYMPTOMS\r\n========\r\n\r\nIt fails.\r\n`;
  it.each([
    ['platform and one version', 'PROD/VER:WINDOWS:97', ['97']],
    ['double colon (empty platform)', 'PROD/VER::5.5', ['5.5']],
    ['several versions', 'PROD/VER:winnt:3.51,4.0', ['3.51', '4.0']],
    ['empty', 'PROD/VER:', []],
    ['bare versions separated by spaces', 'PROD/VER:2.00 2.5x', ['2.00', '2.5x']],
    ['a service pack token', 'PROD/VER:winnt:4.0 SP4', ['4.0 SP4']],
    ['mixed platforms', 'PROD/VER:WINDOWS:97; MACINTOSH:98', ['97', '98']],
    ['two columns', 'PROD/VER:2.00 2.5x | 2.5x', ['2.00', '2.5x']],
  ])('reads PROD/VER with %s', (_name, prodVer, versions) => {
    const header = ['DOCUMENT:Q123456  01-FEB-2001  [winnt]', 'TITLE   :Something Fails', 'PRODUCT :Microsoft Windows NT', prodVer, 'OPER/SYS:', 'KEYWORDS:kbbug'].join('\r\n');
    expect(parseArticle(article(header)).versions).toEqual(versions);
    expect(parseArticle(flatten(article(header))).versions).toEqual(versions);
  });

  it.each([
    ['keywords empty', 'KEYWORDS:', []],
    ['several keywords', 'KEYWORDS:kbbug kbfix  kbExchange', ['kbbug', 'kbfix', 'kbExchange']],
  ])('reads %s', (_name, keywordLine, keywords) => {
    const header = ['DOCUMENT:Q123456  01-FEB-2001  [winnt]', 'TITLE   :Something Fails', 'PRODUCT :Microsoft Windows NT', 'PROD/VER:', 'OPER/SYS:WINDOWS', keywordLine].join('\r\n');
    expect(parseArticle(article(header)).keywords).toEqual(keywords);
  });

  it('reads an article whose body starts right after the header, without a rule', () => {
    const text = 'DOCUMENT:Q81446  05-MAR-1999  [winmisc]\nTITLE   :Printing Fails\nPRODUCT :DELETE ME\nPROD/VER:\nOPER/SYS:\nKEYWORDS:\n\nSUMMARY\n=======\n\nPrinting fails on LPT2.\n';
    expect(parseArticle(text)).toMatchObject({ id: 'Q81446', product: 'DELETE ME', symptoms: 'Printing fails on LPT2.', published: '1999-03-05' });
  });

  it('finds the header after text pasted in front of it', () => {
    expect(parseArticle(`see this one: ${flatten(article('DOCUMENT:Q55555 02-JAN-2000 [iis]\nTITLE :IIS Fails\nPRODUCT :IIS'))}`)).toMatchObject({ id: 'Q55555', title: 'IIS Fails' });
  });
});

describe('rejections', () => {
  it.each([
    ['plain prose', 'My server crashed, any idea?', 'no DOCUMENT header'],
    ['an empty string', '', 'no DOCUMENT header'],
    ['a DOCUMENT line without an id', 'DOCUMENT:  08-MAY-2002\nTITLE   :Something\n', 'no article id'],
    ['an article without a title', 'DOCUMENT:Q272274  08-MAY-2002  [exchange]\nTITLE   :\nPRODUCT :Microsoft Exchange\n', 'no title'],
  ])('rejects %s with its reason', (_name, text, reason) => {
    try {
      parseArticle(text);
      expect.unreachable('parseArticle should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(KbBotError);
      expect((error as KbBotError).code).toBe('article_rejected');
      expect((error as KbBotError).details.reason).toBe(reason);
    }
  });

  it('reads a header-only article as a signature with empty sections', () => {
    const sig = parseArticle('DOCUMENT:Q1234567  08-MAY-2002  [exchange]\nTITLE   :Only a Title\n');
    expect(sig).toMatchObject({ id: 'Q1234567', title: 'Only a Title', symptoms: '', traces: [], fix: { kind: 'unknown' } });
  });
});

describe('input size', () => {
  it('parses a 1 MB pasted article in linear time (loose bound: a quadratic scan would take minutes)', () => {
    const paragraph = 'NOTE: The store stops when you restore an earlier version of Store.exe. See Q244976 XADM: Event ID 1197 for more. ';
    const body = `SYMPTOMS ======== ${paragraph.repeat(9_000)} CAUSE ===== ${paragraph.repeat(100)}`;
    const text = `DOCUMENT:Q272274 08-MAY-2002 [exchange] TITLE :Big PRODUCT :Exchange ${body}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    // CPU time, not wall time: on a shared, loaded machine wall time mostly measures waiting for a core.
    const started = process.cpuUsage();
    const sig = parseArticle(text);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
    expect(sig.related).toEqual(['Q244976']);
  });
});

describe('a cause stated outside a CAUSE section (issue 8)', () => {
  const article = (title: string, body: string) =>
    `DOCUMENT:Q12999  03-NOV-1994  [widget]\nTITLE   :${title}\nPRODUCT :Widget\nPROD/VER:\nOPER/SYS:\nKEYWORDS:\n\n${'='.repeat(70)}\n\n${body}\n\nAdditional query words: 1.0\n\n${'='.repeat(70)}\nKeywords          : kbWidget\n`;
  it.each([
    ['"is due to" in MORE INFORMATION', 'SUMMARY\n=======\n\nColors change when you paste a picture.\n\nMORE INFORMATION\n================\n\nThis is due to the way the paint program remaps its palette.', 'This is due to the way the paint program remaps its palette.'],
    ['"may be caused by"', 'SUMMARY\n=======\n\nIf forms resize in chunks, the problem may be caused by a grid setting that is too high.', 'If forms resize in chunks, the problem may be caused by a grid setting that is too high.'],
    ['an article printed without section headings', 'You see the message "No server was available".\n\nThis error can occur if the domain name in the settings is wrong. To check it, open the settings.', 'This error can occur if the domain name in the settings is wrong.'],
  ])('reads the cause from %s', (_where, body, cause) => {
    expect(parseArticle(article('Widget Err Msg: Colors Lost When Pasting', body)).cause).toBe(cause);
  });
});

describe('cited article titles printed on their own lines (issue 8)', () => {
  const article = (body: string) =>
    `DOCUMENT:Q12998  03-NOV-1999  [widget]\nTITLE   :Widget Cluster Service Does Not Start\nPRODUCT :Widget\nPROD/VER:\nOPER/SYS:\nKEYWORDS:\n\n${'='.repeat(70)}\n\n${body}\n\nAdditional query words: 1.0\n\n${'='.repeat(70)}\nKeywords          : kbWidget\n`;
  it('ends the title at its line, so the warning after it is read', () => {
    const body = 'RESOLUTION\n==========\n\nSee the following article in the Microsoft Knowledge Base:\n\n   Q218922 Installing Widget Pack on a Cluster with SP4 Causes Event IDs\n   1009 and 1058\n\nYou must re-apply SP4 on each node and restart the computer.\n';
    const sig = parseArticle(article(body));
    expect(sig.rollback.map((w) => w.text)).toEqual(['You must re-apply SP4 on each node and restart the computer.']);
  });
  it('ends a list of files at its last line, so the warning after it is read alone', () => {
    const body = 'MORE INFORMATION\n================\n\nThe installation created an $NtUninstallWidgetFix$ directory that contained the following files:\n\n   Widsrv.dll\n   Uninst.inf\n\nAlthough this directory was created, there is no way to uninstall the hotfix.\n';
    expect(parseArticle(article(body)).rollback.map((w) => w.text)).toEqual(['Although this directory was created, there is no way to uninstall the hotfix.']);
  });
  it('reads a heading that names the step as no warning of its own', () => {
    const body = 'RESOLUTION\n==========\n\nStep 4 - Reinstall Widget NT Service Pack\n-----------------------------------------\n\nReinstall the most recent Widget NT service pack.\n';
    expect(parseArticle(article(body)).rollback.map((w) => w.text)).toEqual(['Reinstall the most recent Widget NT service pack.']);
  });
  it('takes no carrier or fix from the cited title', () => {
    const body = 'RESOLUTION\n==========\n\nTo resolve this problem, restart the widget service. For more information, see the following article in the Microsoft Knowledge Base:\n\n   Q152734 How to Obtain the Latest Widget NT 4.0 Service Pack\n';
    expect(parseArticle(article(body)).fix).toMatchObject({ kind: 'configuration', carriers: [] });
  });
});

describe('fix line of an article that states its status outside STATUS (issue 8)', () => {
  it('reads the fix stated at the end of MORE INFORMATION, over the RESOLUTION that goes around it', () => {
    const sig = parseArticle(fixture('status-in-more-info.txt'));
    expect(sig.fix).toMatchObject({ kind: 'upgrade', carriers: ['Widget Atlas 1995'] });
  });
});

describe('a CAUSE section without the pointer it closes with (issue 8)', () => {
  it.each([
    [
      'a pointer paragraph and the cited title after it',
      'This is because the widget has no template.\n\nFor more information on locales, please see the following Microsoft Knowledge\nBase article:\n\n   Q151701 XADM: How to Add Code Pages\n',
      'This is because the widget has no template.',
    ],
    [
      'a pointer sentence closing the last paragraph, its title on the next lines',
      'The styles cannot be used together. (Menus are also incompatible.\nFor more information, please see the following article in the Microsoft\nKnowledge Base:\n\n   ARTICLE-ID: Q71499 TITLE : Menus Supported in Dialog Boxes\n   Style\n',
      'The styles cannot be used together. (Menus are also incompatible.',
    ],
    [
      'several pointers in a row, each with its title (not only the last)',
      'This fix was ported from the later version.\nFor information about A.dll, see the following article in the\nKnowledge Base:\n\n   Q224345 Spooler Leaks Private Bytes\n\nFor information about B.dll, please see the following article in the Knowledge Base:\n\n   Q223791 Spooler Leaks Memory\n',
      'This fix was ported from the later version.',
    ],
  ])('takes off %s', (_name, body, expected) => {
    expect(withoutClosingPointer(body).replace(/\s+/g, ' ').trim()).toBe(expected);
  });

  it.each([
    ['a pointer followed by more cause', 'The widget fails.\n\nFor more information, see the following article in the Knowledge Base:\n\n   Q150543 Widget Ports\n\nAs explained in the kit, the widget opens a file.\n'],
    ['a sentence that only starts like a pointer', 'The widget fails. For information on its own, the widget keeps a log.\n\n   Q150543 Widget Ports\n'],
    ['a section that is only a pointer', 'For more information, see the following article in the Knowledge Base:\n\n   Q150543 Widget Ports\n'],
  ])('keeps %s', (_name, body) => {
    expect(withoutClosingPointer(body)).toBe(body);
  });
});
