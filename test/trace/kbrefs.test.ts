import { describe, expect, it } from 'vitest';
import { extractKbRefs, parseKbRef } from '../../src/trace/index.js';

describe('extractKbRefs', () => {
  it.each([
    ['Q272274', 'see Q272274 for this'],
    ['KB272274', 'looks like KB272274?'],
    ['KB 272274', 'KB 272274 says to install SP4'],
    ['kb#272274', 'kb#272274'],
    ['KB: 272274', 'KB: 272274'],
    ['a /kb/ URL', 'http://support.microsoft.com/kb/272274/EN-US/'],
    ['a scid URL', 'http://support.microsoft.com/default.aspx?scid=kb;en-us;Q272274'],
    ['a scid URL without Q', 'http://support.microsoft.com/default.aspx?scid=kb;EN-US;272274'],
    ['an old-style articles URL', 'http://support.microsoft.com/support/kb/articles/Q272/2/74.ASP'],
    ['KB article N', 'per KB article 272274 we need SP4'],
    ['a /help/ URL', 'https://support.microsoft.com/help/272274'],
    ['Article ID', 'Article ID: 272274 - Last Review: May 8, 2002'],
    ['Article ID with Q', 'Article ID : Q272274'],
    ['a hotfix package name', 'I installed Q272274i.exe yesterday'],
  ])('reads %s', (_name, text) => {
    expect(extractKbRefs(text)).toEqual(['Q272274']);
  });

  it.each([
    ['a one-digit Q', 'it was in Q3 last year'],
    ['KB of RAM', 'the box has 512 KB of RAM and 640 KB 2 slots'],
    ['bare six-digit numbers in a trace', '0156f6d0 004e7348 00000000 272274 STORE!EcRpc+0x104 123456'],
    ['a number glued to letters', 'ABQ272274 and Q123456789'],
    ['the bot name', 'kbbot! what is this'],
  ])('rejects %s', (_name, text) => {
    expect(extractKbRefs(text)).toEqual([]);
  });

  it('keeps the order of first mention and drops repeats', () => {
    expect(extractKbRefs('Q272274, KB 154776 and again kb#272274, Q10022')).toEqual(['Q272274', 'Q154776', 'Q10022']);
  });
});

describe('parseKbRef', () => {
  it.each([
    ['272274', 'Q272274'],
    ['Q272274', 'Q272274'],
    ['q272274', 'Q272274'],
    ['KB272274', 'Q272274'],
    ['  kb 272274 ', 'Q272274'],
    ['https://support.microsoft.com/kb/272274', 'Q272274'],
    ['support.microsoft.com/default.aspx?scid=kb;en-us;Q272274', 'Q272274'],
    ['010022', 'Q10022'],
  ])('reads %j as %s', (ref, id) => {
    expect(parseKbRef(ref)).toBe(id);
  });

  it.each([[''], ['hello'], ['KB of RAM'], ['123456789012']])('rejects %j', (ref) => {
    expect(parseKbRef(ref)).toBeUndefined();
  });
});

describe("a team's known issues", () => {
  it.each([['KI-12'], ['ki-12'], ['KI 12'], ['KI-012']])('parseKbRef reads %s as KI-12', (ref) => {
    expect(parseKbRef(ref)).toBe('KI-12');
  });

  it('extractKbRefs finds KI-12 in a sentence beside KB articles', () => {
    expect(extractKbRefs('same as KI-12, see also Q272274')).toEqual(['KI-12', 'Q272274']);
    expect(extractKbRefs('SKI-12 and KI-0')).toEqual([]);
  });
});
