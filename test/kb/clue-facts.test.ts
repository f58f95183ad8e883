/** What an article prints that people paste back, read at ingest: events, STOP screens, faulting modules. */
import { describe, expect, it } from 'vitest';
import { findArticleBugchecks, findArticleEvents, findFaultAddresses, findFaultModules, withoutReferenceLines } from '../../src/kb/clue-facts.js';

const body = [
  'SYMPTOMS',
  '========',
  '',
  'The information store does not start and these events are logged:',
  '',
  '   Event ID: 1197',
  '   Source: MSExchangeIS Private',
  '   Type: Error',
  '   Description: Database is too new to be',
  '   upgraded.',
  '',
  'On the server the following STOP message appears:',
  '',
  '   STOP: 0x0000000A (0x0000000B,0x00000011,0x00000000,0x80013693)',
  '   IRQL_NOT_LESS_OR_EQUAL*** Address 80013693 has base at 80010000 -',
  '   aic78xx.sys',
  '',
  'Dr. Watson reports:',
  '   App: exe\\store.dbg (pid=88)',
  '   Exception number: c0000005 (access violation)',
  '',
  'For more information, see:',
  '   Q123456 XADM: Event ID 9999 Source: MSExchangeMTA Logged Daily',
].join('\n');

describe('clue facts read from an article', () => {
  const text = withoutReferenceLines(body);

  it('reads the event-log entry with its source and its description across lines', () => {
    expect(findArticleEvents(text)).toEqual([{ id: 1197, source: 'MSExchangeIS Private', description: 'Database is too new to be upgraded.' }]);
  });

  it('leaves out events named in the titles of cited articles', () => {
    expect(findArticleEvents(text).map((e) => e.id)).not.toContain(9999);
  });

  it('reads the STOP screen with its parameters and the driver on the wrapped line', () => {
    expect(findArticleBugchecks(text)).toEqual([{ code: '0x0000000A', driver: 'aic78xx.sys', parameters: ['b', '11', '0', '80013693'] }]);
  });

  it('names the faulting modules: the file in the title, the Dr. Watson program, the STOP driver', () => {
    const bugchecks = findArticleBugchecks(text);
    expect(findFaultModules('STOP 0x0000000A in Aic78xx.sys', text, bugchecks)).toEqual(['Aic78xx.sys', 'store.dbg']);
  });

  it.each([
    ['a hardware list ("LaserJet 500")', 'Printers: HP LaserJet 500, QMS-PS 810, DeskJet 500C'],
    ['a number before a quoted title in a paragraph about the event log', 'The event log is described in chapter 214 "Monitoring the Event Log on Your Server".'],
  ])('does not read %s as an event', (_name, text) => {
    expect(findArticleEvents(text)).toEqual([]);
  });

  it('reads a dump whose fields are printed without colons, the description after a blank line', () => {
    const dump = '   Event ID 116\n   Source Exchsync\n   Type Error\n   Category None\n\n   Mailbox user (username) does not have enough security to replicate to\n   server [servername] on session \'Session Name\'.\n\nCAUSE';
    expect(findArticleEvents(dump)).toEqual([{ id: 116, source: 'Exchsync', description: "Mailbox user (username) does not have enough security to replicate to server [servername] on session 'Session Name'." }]);
  });
});

describe('the driver of an article\'s STOP when no screen names it', () => {
  const filler = 'The computer was running Windows NT Server 4.0 with Service Pack 4 and a backup agent. '.repeat(9);
  it.each([
    ['the prose next to the STOP names one driver file', 'STOP 0x0000000a Error with OFM 5.1\n\nYou may receive a STOP 0x0000000A error message when the Ofmntdrv.sys file does not run.', '0x0000000A', 'Ofmntdrv.sys'],
    ['the screen prints the base address with 0x', 'the following STOP message appears:\n\n   STOP 0x0000000A (0x00000006, 0x00000002, 0x00000000, 0xfa0e08f4)\n   0xfa0e08f4 has base at 0xfa0e0000 - ndis.sys', '0x0000000A', 'ndis.sys'],
    ['two driver files are named next to it', 'A STOP 0x0000001E occurs in either Sfmsrv.sys or Sfmatalk.sys when the volume is shared.', '0x0000001E', undefined],
    ['the driver file is named a page away from the STOP', `A STOP 0x0000001E blue screen results. ${filler}${filler}Remove the Haspnt.sys file.`, '0x0000001E', undefined],
  ])('%s', (_name, text, code, driver) => {
    const [b] = findArticleBugchecks(text);
    expect(b?.code).toBe(code);
    expect(b?.driver).toBe(driver);
  });
});

describe('the fault addresses an article prints', () => {
  it.each([
    ['a Win9x fault line, without its segment', '   WINWORD caused an invalid page fault in module WINWORD.EXE at 014f:300b68e0', ['300b68e0']],
    ['the popup, its quote printed as a colon', '    MSDEV.EXE - Application Error\n    The instruction at :0x5f402181" referenced memory at "0x00000004".', ['5f402181']],
    ['no small address (a call through a null pointer) nor a 16-bit offset', 'The instruction at "0x00000004" referenced memory. VB caused a General Protection Fault in module VB.EXE at 0008:1F6A.', []],
  ])('reads %s', (_name, text, expected) => {
    expect(findFaultAddresses(text)).toEqual(expected);
  });
});

describe('the STOP parameters an article says vary', () => {
  const screen = '   STOP 0x00000050 (0xf4060000, 0x00000000, 0x00000000, 0x00000000)\n   Page Fault in Non Paged Area.\n\n';
  it.each([
    ['one named, the rest said not to', 'The first parameter may vary depending on the computer configuration, but the\nlast three should be all 0\'s.', [0]],
    ['two named across a line break', 'NOTE: The first and fourth parameter, such as 0xf4060000 and 0x00000000, depend\non your system configuration.', [0, 3]],
    ['three "specific to your system configuration"', 'NOTE: The first, second, and fourth parameters (such as 0xf4060000) are specific to your system configuration.', [0, 1, 3]],
    ['the fourth that "may differ"', 'NOTE: The fourth parameter may differ, depending on your system configuration.', [3]],
    ['none named', 'NOTE: The parameter values may be different on your computer, but the error is the same.', [0, 1, 2, 3]],
    ['the others than the one that stays', 'The STOP error and the second parameter are always the same, the\nother parameters may or may not vary.', [0, 2, 3]],
    ['no note', 'This problem was first corrected in Service Pack 4.', undefined],
  ])('%s', (_name, note, varies) => {
    expect(findArticleBugchecks(screen + note)[0]?.varies).toEqual(varies);
  });

  it('takes a note naming no parameter for every screen printed since the previous note', () => {
    const text = '   STOP 0x00000024 (0x00190201,0xfc5136a4,0xfc5134e0,0x8021ea12)\n   STOP 0x00000050 (0xf8ec0f4d, 0x00000000, 0x00000000, 0x00000000)\n\nNote that the parameters in the STOP code may vary.';
    expect(findArticleBugchecks(text).map((b) => [b.code, b.varies])).toEqual([['0x00000024', [0, 1, 2, 3]], ['0x00000050', [0, 1, 2, 3]]]);
  });

  it('takes a note naming a parameter for the screen right above it only', () => {
    const text = '   - STOP 0x0000001E (0xc0000005, 0xfccc6add, 0x00000001, 0x013b8020)\n\nNOTE: The second and fourth parameters may vary.\n\n   - STOP 0x00000050 (0xca8971d0, 0x00000001, 0x0000000, 0x00000000)\n\nNOTE: The parameters may vary depending on the system configuration.';
    expect(findArticleBugchecks(text).map((b) => [b.code, b.varies])).toEqual([['0x0000001E', [1, 3]], ['0x00000050', [0, 1, 2, 3]]]);
  });
});
