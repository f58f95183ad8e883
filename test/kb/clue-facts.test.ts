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
