import { describe, expect, it } from 'vitest';
import {
  parseDateToken, parseFileName, parseGroupedNumber, parsePlatform, parseSizeWithUnit, parseTimeToken, parseVersionToken,
} from '../../src/kb/file-table-values.js';

describe('dates in file tables (survey §4.2)', () => {
  it.each([
    ['9/16/2000', '2000-09-16'],
    ['9/16/00', '2000-09-16'],
    ['09/26/96', '1996-09-26'],
    ['02-15-93', '1993-02-15'],
    ['12-01-2001', '2001-12-01'],
    ['18-Sep-2001', '2001-09-18'],
    ['08-MAY-02', '2002-05-08'],
    ['May-02-2001', '2001-05-02'],
    ['07-December-2001', '2001-12-07'],
    ['28/08/01', '2001-08-28'],
    ['2001-08-28', '2001-08-28'],
    ['22-FEB-2001', '2001-02-22'],
    ['2/22/01', '2001-02-22'],
    ['22.02.2001', '2001-02-22'],
    ['4.10.1998', undefined],
    ['13/13/01', undefined],
    ['xx/xx/xx', undefined],
    ['5.5.26', undefined],
    ['1/2', undefined],
  ])('reads %s as %s', (token, iso) => {
    expect(parseDateToken(token)).toBe(iso);
  });
});

describe('times', () => {
  it.each([
    ['6:26:35', '6:26:35'],
    ['7:31p', '7:31 PM'],
    ['03:46p', '03:46 PM'],
    ['10:59am', '10:59 AM'],
    ['00:21a', '00:21 AM'],
    ['14:05', '14:05'],
    ['25:00', undefined],
    ['5.5', undefined],
  ])('reads %s as %s', (token, time) => {
    expect(parseTimeToken(token)).toBe(time);
  });
});

describe('sizes', () => {
  it.each([
    ['2,621,440', 2621440],
    ['561152', 561152],
    ['2.621.440', 2621440],
    ['1,234.567', undefined],
    ['12,34', undefined],
  ])('reads %s as %s bytes', (token, bytes) => {
    expect(parseGroupedNumber(token)).toBe(bytes);
  });

  it.each([
    ['122KB', 122 * 1024],
    ['1,024K', 1024 * 1024],
    ['500bytes', 500],
    ['12XB', undefined],
  ])('reads %s with its unit as %s bytes', (token, bytes) => {
    expect(parseSizeWithUnit(token)).toBe(bytes);
  });
});

describe('versions', () => {
  it.each([
    ['5.5.2654.3', '5.5.2654.3'],
    ['4.00.962', '4.00.962'],
    ['06.00.8764', '06.00.8764'],
    ['5,0,2195,1234', '5.0.2195.1234'],
    ['2,621,440', undefined],
    ['2,538,44', undefined],
    ['786', undefined],
    ['24C', undefined],
  ])('reads %s as %s', (token, version) => {
    expect(parseVersionToken(token)).toBe(version);
  });
});

describe('platforms', () => {
  it.each([
    ['x86', 'i386'], ['X86', 'i386'], ['Intel', 'i386'], ['INTEL', 'i386'], ['I386', 'i386'],
    ['Alpha', 'alpha'], ['ALPHA', 'alpha'], ['Alpha-based', 'alpha'], ['MIPS', 'mips'], ['PPC', 'ppc'],
    ['IA-64', 'ia64'], ['x64', 'x64'], ['constructor', undefined], ['Windows', undefined],
  ])('normalises %s to %s', (token, platform) => {
    expect(parsePlatform(token)).toBe(platform);
  });
});

describe('file names', () => {
  it.each([
    ['Store.exe', 'Store.exe'],
    ['Q272274jpnI.exe', 'Q272274jpnI.exe'],
    ['C:\\Exchsrvr\\bin\\Store.exe', 'Store.exe'],
    ['%windir%\\system32\\Ntoskrnl.exe', 'Ntoskrnl.exe'],
    ['STORE.EX_', 'STORE.EX_'],
    ['SERIAL.386', 'SERIAL.386'],
    ['3.30a', undefined],
    ['www.microsoft.com', undefined],
    ['microsoft.com', undefined],
    ['e.g', undefined],
    ['5.5.2654.3', undefined],
  ])('reads %s as %s', (token, name) => {
    expect(parseFileName(token)).toBe(name);
  });
});
