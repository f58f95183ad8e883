/** Event-log entries, STOP screens and application errors in each layout people paste (fixtures in test/fixtures/clues/). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Clue } from '../../src/model.js';
import { readAppErrors } from '../../src/trace/app-error.js';
import { readBugchecks } from '../../src/trace/bugcheck.js';
import { descriptionWords, readEvents, sourceAgreement } from '../../src/trace/events.js';
import { extractClues } from '../../src/trace/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/clues/${name}`, import.meta.url), 'utf8');
const ofKind = <K extends Clue['kind']>(clues: Clue[], kind: K): Extract<Clue, { kind: K }>[] => clues.filter((c): c is Extract<Clue, { kind: K }> => c.kind === kind);

describe('event-log entries', () => {
  it.each([
    ['event-nt4.txt', { id: 1197, source: 'MSExchangeIS Private', description: 'Database is too new to be upgraded.' }],
    ['event-win2000.txt', { id: 2019, source: 'Srv', description: 'The server was unable to allocate from the system nonpaged pool because the pool was empty.' }],
    ['event-viewer.txt', { id: 41, source: 'Microsoft-Windows-Kernel-Power', description: 'The system has rebooted without cleanly shutting down first.' }],
    ['event-xml.txt', { id: 7000, source: 'Service Control Manager' }],
    ['event-wevtutil.txt', { id: 4625, source: 'Microsoft-Windows-Security-Auditing', description: 'An account failed to log on.' }],
    ['event-get-winevent.txt', { id: 7034, source: 'Service Control Manager', description: 'The Print Spooler service terminated unexpectedly.' }],
    ['event-get-eventlog.txt', { id: 7000, source: 'Service Control Manager', description: 'The Spooler service failed to start due to the following error: The system cannot find the file specified.' }],
    ['event-chat.txt', { id: 1197, source: 'MSExchangeIS Private' }],
    ['event-missing-description.txt', { id: 8015, source: 'BROWSER' }],
  ])('reads %s as one event with its source and description', (name, expected) => {
    const events = ofKind(extractClues(fixture(name)), 'event-id');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject(expected);
    if (!('description' in expected)) expect(events[0]?.description).toBeUndefined();
  });

  it('reads an NT 4.0 dump collapsed onto one line, each field ending where the next label starts', () => {
    const [event] = readEvents('Event ID: 5017 Source: tlnk3 Type: Warning Description: There is a memory\n   conflict at address 0x0.\n\nOther text.');
    expect(event).toMatchObject({ id: 5017, source: 'tlnk3', level: 'Warning', description: 'There is a memory conflict at address 0x0.' });
  });

  it('reads two dumps in a row as two events', () => {
    const events = readEvents(fixture('event-nt4.txt') + '\n   Event ID: 1005\n   Source: MSExchangeIS Private\n   Description: Unable to start.\n');
    expect(events.map((e) => e.id)).toEqual([1197, 1005]);
  });

  it.each([
    ['the same source spelt two ways', 'Service Control Manager', 'ServiceControlManager', 1],
    ['a provider with and without its Microsoft-Windows- prefix', 'Microsoft-Windows-Kernel-Power', 'Kernel-Power', 1],
    ['a source of the same family', 'MSExchangeIS', 'MSExchangeIS Private', 0.8],
    ['different sources', 'MSExchangeIS Private', 'Srv', 0],
  ])('compares sources: %s', (_name, a, b, agreement) => {
    expect(sourceAgreement(a, b)).toBe(agreement);
  });

  it('leaves placeholders, insertion-string numbers and paths out of the description words', () => {
    expect(descriptionWords('Successfully upgraded database to version <version> on %1 at C:\\exchsrvr\\mdbdata, error 0x451.')).toEqual(['successfully', 'upgraded', 'database', 'version']);
  });

  it('reads no event from a product name and a year, nor from prose about the event log', () => {
    expect(ofKind(extractClues('MapPoint 2000 and FrontPage 98 crash'), 'event-id')).toEqual([]);
    expect(ofKind(extractClues('please check the event log on the server'), 'event-id')).toEqual([]);
  });
});

describe('STOP screens and bug checks', () => {
  it.each([
    ['stop-nt4.txt', { code: '0x0000000A', name: 'IRQL_NOT_LESS_OR_EQUAL', driver: 'aic78xx.sys', parameters: ['b', '11', '0', '80013693'] }],
    ['stop-xp.txt', { code: '0x00000050', name: 'PAGE_FAULT_IN_NONPAGED_AREA', driver: 'nm2200dp.dll', parameters: ['bfb54000', '0', 'bfb2c08e', '0'] }],
    ['stop-win10.txt', { name: 'CRITICAL_PROCESS_DIED', driver: 'ntfs.sys' }],
    ['stop-analyze.txt', { code: '0x000000D1', name: 'DRIVER_IRQL_NOT_LESS_OR_EQUAL', driver: 'tcpip.sys', parameters: ['fffff80012345678', '2', '0', 'fffff8001a2b3c4d'] }],
    ['stop-event1001.txt', { code: '0x0000001E', parameters: ['c0000005', '8013c5a6', '0', '8'] }],
    ['stop-kernel-power.txt', { code: '0x0000007E' }],
    ['stop-chat.txt', { code: '0x0000000A', driver: 'tcpip.sys' }],
  ])('reads %s', (name, expected) => {
    const records = readBugchecks(fixture(name));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject(expected);
  });

  it.each([
    ['0xA', '0x0000000A'],
    ['0A', '0x0000000A'],
    ['0x0a', '0x0000000A'],
    ['0000000A', '0x0000000A'],
  ])('reads STOP %s as %s', (spelt, code) => {
    expect(readBugchecks(`STOP ${spelt} at boot`)[0]?.code).toBe(code);
  });

  it.each([
    ['NTSRV4 bluescreened with 0x7B in atapi.sys after the update', '0x0000007B', 'atapi.sys'],
    ['the DC blue-screened 0x50 in srv.sys twice', '0x00000050', 'srv.sys'],
    ['BSOD 0x1E in Isotp.sys since the patch', '0x0000001E', 'Isotp.sys'],
  ])('reads the chat sentence "%s" as a code and its driver', (text, code, driver) => {
    expect(readBugchecks(text)).toMatchObject([{ code, driver }]);
  });

  it('reads no bug check from prose about stopping a service, nor from a driver line alone', () => {
    expect(readBugchecks('stop the Spooler service and start it again')).toEqual([]);
    expect(readBugchecks('*** Address 80013693 has base at 80010000 - aic78xx.sys')).toEqual([]);
  });
});

describe('application errors', () => {
  it.each([
    ['app-drwatson.txt', { app: 'snaexp.dbg', code: 'c0000005' }],
    ['app-error-1000.txt', { app: 'store.exe', appVersion: '5.5.2653.12', module: 'store.exe', moduleVersion: '5.5.2653.12', code: 'c0000005', offset: '000a1b2c' }],
    ['app-appcrash.txt', { app: 'outlook.exe', appVersion: '16.0.17328.20184', module: 'mso20win32client.dll', code: 'c0000409' }],
    ['app-instruction.txt', { app: 'MSDEV.EXE', code: 'c0000005', offset: '50084b23' }],
    ['app-win9x.txt', { module: 'KERNEL32.DLL', offset: '0137:bff9db61' }],
  ])('reads %s', (name, expected) => {
    const records = readAppErrors(fixture(name));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject(expected);
  });

  it('reports the faulting versions as file versions, so the fix can be checked', () => {
    const versions = ofKind(extractClues(fixture('app-error-1000.txt')), 'file-version');
    expect(versions).toContainEqual({ kind: 'file-version', file: 'store.exe', version: '5.5.2653.12' });
  });
});
