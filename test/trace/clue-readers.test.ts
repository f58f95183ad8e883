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

  it.each([
    ['an NT object path', 'The driver detected a controller error on \\Device\\Scsi\\cpq32fs21.', 'The driver detected a controller error on \\Device\\Harddisk0.'],
    ['a path under a placeholder and the same path filled in', 'Creating dump file <snaroot>\\snadump.log for Snaservr.exe', 'Creating dump file C:\\SNA\\snadump.log for Snaservr.exe'],
    ['a directory name of the article\'s lab and of the site', 'The limit on associations to entity /O=MICROSOFT/OU=TEST/CN=CONFIGURATION/CN=SERVERS/CN=SERVER1 has been reached.', 'The limit on associations to entity /O=FABRIKAM/OU=EUROPE/CN=CONFIGURATION/CN=SERVERS/CN=EXLON02 has been reached.'],
    ['an LDAP name and a placeholder', 'Cannot replicate CN=Mail01,OU=Servers,DC=corp to the site.', 'Cannot replicate <object> to the site.'],
  ])('reads the same description words whatever the site fills in: %s', (_name, a, b) => {
    expect(descriptionWords(a)).toEqual(descriptionWords(b));
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

describe('event-log entries as people write them by hand', () => {
  it.each([
    ['a one-line header with the description on the next line', 'Event ID: 3210  Source: NETLOGON  Type: Error\nFailed to authenticate with \\\\PDC01.\nData:\n0000: 22 00', { id: 3210, source: 'NETLOGON', description: 'Failed to authenticate with \\\\PDC01.' }],
    ['the same, quoted in chat', 'the box logs:\n> Event ID: 706  Source: SNA Server\n> Connection to client WKS1 has been aborted.', { id: 706, source: 'SNA Server', description: 'Connection to client WKS1 has been aborted.' }],
    ['an article header "Event ID 7000, Source"', '   Event ID 7000, Service Control Manager\n   The WINS Client service failed to start.\n', { id: 7000, source: 'Service Control Manager', description: 'The WINS Client service failed to start.' }],
    ['an article header "Event ID 11: source"', '   Event ID 11: cpq32fs2\n   The driver detected a controller error.\n', { id: 11, source: 'cpq32fs2', description: 'The driver detected a controller error.' }],
    ['the source on the line above', '   MSExchangeMTA\n   Event ID: 290\n   A non-delivery report is being generated.\n', { id: 290, source: 'MSExchangeMTA', description: 'A non-delivery report is being generated.' }],
    ['an indented dump with its description after a blank line', '   Event ID: 55\n   Source: MSExchangeMTA\n   Category: security\n\n   The incorrect link option mode was specified.\n\nCAUSE', { id: 55, source: 'MSExchangeMTA', description: 'The incorrect link option mode was specified.' }],
    ['a list-view row with its level', 'Warning  SNA DLC Link Service  234  Failed to open SAP 196', { id: 234, source: 'SNA DLC Link Service', description: 'Failed to open SAP 196', level: 'Warning' }],
    ['a row without a level', 'MSExchangeFB  1035  Unable to open or read a message.', { id: 1035, source: 'MSExchangeFB', description: 'Unable to open or read a message.' }],
    ['source, id, dash and text in chat', 'app log says "MSExchangeIMC 4018 - Unable to start the Internet Mail Connector."', { id: 4018, source: 'MSExchangeIMC', description: 'Unable to start the Internet Mail Connector.' }],
    ['a known short form of a source', 'plus SCM 7023: The Netlogon service terminated.', { id: 7023, source: 'SCM', description: 'The Netlogon service terminated.' }],
    ['an all-capital source where the log is mentioned', 'the DC logs NETLOGON 5722 for the PC', { id: 5722, source: 'NETLOGON' }],
    ['a chat line ending in a colon', 'Event ID 17 from SNA Server, every time:\nAPPC session activation failure', { id: 17, source: 'SNA Server', description: 'APPC session activation failure' }],
    ['a bare id with its message quoted, where the line speaks of the log', 'BDC won\'t start. 3210 "Failed to authenticate with \\\\PDC1, a Windows NT domain controller." and the PDC is logging errors', { id: 3210, description: 'Failed to authenticate with \\\\PDC1, a Windows NT domain controller.' }],
    ['a source and id with the message quoted', 'users fail with MSExchangeMig 7026 "Migration Aborted due to Mapi logon failure." - ideas?', { id: 7026, source: 'MSExchangeMig', description: 'Migration Aborted due to Mapi logon failure.' }],
    ['a log verb before the id and its source', 'the box keeps logging 9318 from MSExchangeMTA, queues back up: "An RPC communications error occurred."', { id: 9318, source: 'MSExchangeMTA', description: 'An RPC communications error occurred.' }],
    ['"Event ID N, Source X:" in a sentence', 'App log: Event ID 624, Source SNA Server: "Creating dump file C:\\SNA\\snadump.log for Snaservr.exe"', { id: 624, source: 'SNA Server', description: 'Creating dump file C:\\SNA\\snadump.log for Snaservr.exe' }],
    ['a source a column before "Event ID"', 'system log full of\nReplicator  Event ID 3216  "System error 67 has occurred."', { id: 3216, source: 'Replicator', description: 'System error 67 has occurred.' }],
    ['a list-view row with the id first and a level', '20050  Remote Access  Error  The user CORP\\ml connected to port VPN2-7 has been disconnected.', { id: 20050, source: 'Remote Access', level: 'Error', description: 'The user CORP\\ml connected to port VPN2-7 has been disconnected.' }],
    ['a list-view row with the id first, under a line about the log', 'app log now has a warning:\n2748 FPNW  The QMS registry key \'DefaultQueueName\' does not exist.', { id: 2748, source: 'FPNW', description: 'The QMS registry key \'DefaultQueueName\' does not exist.' }],
    ['a dump whose fields are typed without colons', 'Event ID 116\nSource Exchsync\nType Error\nCategory None\nMailbox user (svc) does not have enough security to replicate.', { id: 116, source: 'Exchsync', level: 'Error', description: 'Mailbox user (svc) does not have enough security to replicate.' }],
    ['the message as one <Data> sentence in the XML view', '<Event><System><Provider Name="MSExchangeMTA" /><EventID>290</EventID></System><EventData><Data>A non-delivery report is being generated for message X</Data></EventData></Event>', { id: 290, source: 'MSExchangeMTA', description: 'A non-delivery report is being generated for message X' }],
    ['the insertion strings, one <Data> each, in the XML view', '<Event><System><Provider Name="Service Control Manager" /><EventID Qualifiers="49152">7000</EventID></System><EventData>\n  <Data>Mup</Data>\n  <Data>%1 is not a valid Windows NT application.</Data>\n</EventData></Event>', { id: 7000, source: 'Service Control Manager', description: 'Mup %1 is not a valid Windows NT application.' }],
  ])('reads %s', (_name, text, expected) => {
    const events = ofKind(extractClues(text), 'event-id');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject(expected);
  });

  it('reads "Event ID 1081" without a colon as the head of its dump, so the next dump is another event', () => {
    const events = readEvents('   Event ID 1081\n   Source: MSExchangeIS\n   Description: Unable to recover.\n\n   Event ID: 5000\n   Source: MSExchangeIS\n   Description: Unable to initialize.\n');
    expect(events.filter((e) => e.how === 'fields').map((e) => [e.id, e.description])).toEqual([[1081, 'Unable to recover.'], [5000, 'Unable to initialize.']]);
  });

  it.each([
    ['a chat line right after a pasted entry', 'we see these:\nEvent ID: 1016 Source: MSExchangeIS Private Type: Success Audit\nUser X logged on to the mailbox.\nbut nothing is logged for the other one, why?', { id: 1016, description: 'User X logged on to the mailbox.' }],
    ['a question typed after the description', 'Event ID: 7000  Source: Service Control Manager\nThe Spooler service failed to start.\nAny idea what to check first?', { id: 7000, description: 'The Spooler service failed to start.' }],
    ['a description wrapped mid-sentence', 'Event ID: 55 Source: MSExchangeMTA\nThe incorrect link option mode\nwas specified. The MTA stops.', { id: 55, description: 'The incorrect link option mode was specified. The MTA stops.' }],
    ['an article heading "SOURCE Event N" with its message after a blank line', 'fails with:\n\n   NETLOGON Event 3210\n\n   Failed to authenticate with \\\\PDC, a domain controller for\n   domain D.\n\nIf the', { id: 3210, source: 'NETLOGON', description: 'Failed to authenticate with \\\\PDC, a domain controller for domain D.' }],
    ['the record\'s binary data', 'Event ID:  2000\nSource:    Srv\nDescription:\nThe server\'s call to a system service failed unexpectedly.\nData (words):\n0000: 00040000 00540001 00000000 c00007d0', { id: 2000, description: 'The server\'s call to a system service failed unexpectedly.' }],
    ['the next log line, headed in capitals', 'Event ID: 116  Source: Exchsync\nMailbox user does not have enough security.\nWARNING: Write access is not available, skipping.', { id: 116, description: 'Mailbox user does not have enough security.' }],
    ['the message help printed under it', 'Id      : 902\nMessage : Logic error in module TCPRecv identified by:\n          IOAlreadyOutstanding\n          EXPLANATION\n          An unexpected logic error has occurred.', { id: 902, description: 'Logic error in module TCPRecv identified by: IOAlreadyOutstanding' }],
    ['an article\'s bulleted list of event messages', 'The connector logs the following event messages:\n\n - 1035: Unable to open or read a message in the\n   Connector Inbox from %1.\n\nCAUSE', { id: 1035, description: 'Unable to open or read a message in the Connector Inbox from %1.' }],
  ])('ends a description where the entry ends: %s', (_name, text, expected) => {
    const events = readEvents(text);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject(expected);
  });

  it.each([
    ['a number alone in chat', 'the PDC keeps logging 5722 for the BDC'],
    ['an error number with its message quoted', 'run-time error 438 "Object doesn\'t support this property or method."'],
    ['a heading with the dump\'s fields under it', '   Event 115\n   Source: w3svc Description: Could not bind instance'],
    ['a sentence with "event N" and chat on the next line', 'we got event 1016\nsomething else broke too'],
    ['a year before a quoted title', 'the 1997 "Annual Report of the Company" file'],
    ['a number before a short quote', 'set it to 300 "seconds"'],
    ['an error number before its quoted message in a line about the log', 'the log shows error 1722 "The RPC server is unavailable."'],
    ['a number before a quoted title, nothing about a log', 'page 214 "Configuring the Server Service" says otherwise'],
    ['a bulleted list of settings with no event log named', 'Set these values:\n - 1024: Maximum buffer size in bytes.\n - 2048: Maximum queue length.'],
  ])('reads no event wording from %s', (_name, text) => {
    expect(readEvents(text).filter((e) => e.description !== undefined)).toEqual([]);
  });

  it.each([
    ['a computer name ending in digits', 'user on ACCT-PC14 cannot log on; SALES-WS07 too'],
    ['an Exchange MTA diagnostic tuple', 'has been reached. [MTA XFER-IN 22 35] (14)'],
    ['an all-capital setting with a number', 'DGROUP is right at 64K, HEAPSIZE 1024 in the .DEF'],
    ['a model number', 'IBM 3270 emulation and SP 4000'],
  ])('reads no event from %s', (_name, text) => {
    expect(ofKind(extractClues(text), 'event-id')).toEqual([]);
  });

  it('takes no prose for a description when a sentence starts a line with "Event ID"', () => {
    const [event] = readEvents('Event ID 1197 is logged when\nthe store stops.');
    expect(event?.description).toBeUndefined();
  });

  it.each([
    ['a lower-case l printed for a capital I', 'Nwlnklpx', 'NwlnkIpx', 0.9],
    ['two sources one letter apart', 'MSExchangeIS', 'MSExchangeDS', 0],
  ])('compares sources: %s', (_name, a, b, agreement) => {
    expect(sourceAgreement(a, b)).toBe(agreement);
  });
});

describe('STOP screens as people write them by hand', () => {
  it.each([
    ['parameters split by semicolons', 'Stop 0x0000000A (0xbad0b0e4; 0x00000002; 0x00000001; 0x80012a9c)', { code: '0x0000000A', parameters: ['bad0b0e4', '2', '1', '80012a9c'] }],
    ['!analyze -v parameters as BUGCHECK_P1-4', 'BUGCHECK_CODE:  a\nBUGCHECK_P1: 104\nBUGCHECK_P2: 2\nBUGCHECK_P3: 1\nBUGCHECK_P4: fbd6c1a4\n', { code: '0x0000000A', parameters: ['104', '2', '1', 'fbd6c1a4'] }],
    ['parameters in brackets on the line after the name', 'Stop 0x0000007B Inaccessible Boot Device\n   (0xFF109C50, 0x00000000, 0x00000000, 0x00000000)', { code: '0x0000007B', parameters: ['ff109c50', '0', '0', '0'] }],
    ['four bare hex words after the code', 'bluescreened again: STOP 0x0000000A  f1c2cf0f 00000002 00000001 80146940 - dump says ntoskrnl', { code: '0x0000000A', parameters: ['f1c2cf0f', '2', '1', '80146940'] }],
    ['four bare words with 0x after the code', 'Stop 0x0000003E 0x00000000 0x00000000 0x00000000 0x00000000\nMultiProcessor_Configuration_Not_Supported', { code: '0x0000003E', parameters: ['0', '0', '0', '0'] }],
  ])('reads %s', (_name, text, expected) => {
    expect(readBugchecks(text)[0]).toMatchObject(expected);
  });

  it.each([
    ['the parameters follow "on a blue screen:"', 'You may receive a "STOP 0x0000000A" error message with the following parameters\non a blue screen: f1c2cf0f 00000002 00000001 80146940.'],
    ['the parameters follow "Bugcheck" on the next line', 'Bugcheck code 0000000A\n   Arguments 0xf82bd008 0x00000002 0x00000001 0xed1e5898'],
  ])('reads no second STOP code from a parameter when %s', (_name, text) => {
    expect(readBugchecks(text).map((b) => b.code)).toEqual(['0x0000000A']);
  });

  it.each([
    ['a stack dump row of six words', 'STOP 0x0000000A\nfe4cbc4c 80142a4e 80142a4e ff8e6b10 80010031 ff8e6b10 - ntoskrnl.exe'],
    ['words a paragraph away', 'STOP 0x0000000A\n\nThe dump: fe4cbc4c 80142a4e 80142a4e ff8e6b10'],
  ])('takes no parameters from %s', (_name, text) => {
    expect(readBugchecks(text)[0]?.parameters).toBeUndefined();
  });

  it.each([
    ['the driver said in the prose', 'we get random bugchecks, mostly STOP 0x0000001E. dumps point around mcfilter.sys. anyone?', 'mcfilter.sys'],
    ['the driver after the name and a dash', 'it went blue: STOP: 0x0000001E KMODE_EXCEPTION_NOT_HANDLED - TCPIP.SYS', 'TCPIP.SYS'],
    ['two drivers named: neither', 'STOP 0x0000001E since we installed a.sys and b.sys', undefined],
  ])('takes %s', (_name, text, driver) => {
    const [stop] = ofKind(extractClues(text), 'bugcheck');
    expect(stop?.driver).toBe(driver);
  });
});

describe('the module list under an NT 4.0 STOP screen', () => {
  const screen = [
    '*** STOP: 0x0000000A (0x0000002C,0x00000008,0x00000000,0x801DB9ED)',
    'IRQL_NOT_LESS_OR_EQUAL*** Address 801db9ed has base at 80100000 - ntoskrnl.exe',
    '',
    'Dll Base DateStmp - Name               Dll Base DateStmp - Name',
    '80100000 3795d3b4 - ntoskrnl.exe       80010000 36e0ae66 - hal.dll',
    '80001000 3651ffab - fcascsi.sys        8000a000 3552fd4c - SCSIPORT.SYS',
    '',
    'Address dword dump Build [1381]                            - Name',
    'fe4f1d10 80125a28 80125a28 ff8e6b20 80149905 80149905 - ntoskrnl.exe',
    'fe4f1d20 fc8a51d3 fc8a51d3 00000000 fe4f1d48 fc8a4b10 - tcpip.sys',
  ].join('\n');

  it.each([
    ['the loaded drivers, two to a line, and the stack dump\'s', screen, ['ntoskrnl.exe', 'hal.dll', 'fcascsi.sys', 'SCSIPORT.SYS', 'tcpip.sys']],
    ['nothing from a screen without a list', '*** STOP: 0x0000000A (0x0000002C,0x00000008,0x00000000,0x801DB9ED)', undefined],
    ['nothing from a list with no STOP before it', 'Dll Base DateStmp - Name\n80100000 3795d3b4 - ntoskrnl.exe', undefined],
  ])('reads %s', (_name, text, modules) => {
    expect(readBugchecks(text)[0]?.modules).toEqual(modules);
  });

  it('keeps the screen\'s own driver from its Address line', () => {
    const [stop] = ofKind(extractClues(screen), 'bugcheck');
    expect(stop).toMatchObject({ code: '0x0000000A', driver: 'ntoskrnl.exe' });
    expect(stop?.modules).toContain('fcascsi.sys');
  });
});

describe('application errors as people write them by hand', () => {
  it.each([
    ['a Win9x fault line wrapped, the program without extension', 'WINWORD caused an invalid page fault in\nmodule WINWORD.EXE at 0137:30012f4a.', { app: 'WINWORD', module: 'WINWORD.EXE', offset: '0137:30012f4a' }],
    ['a Windows 3.x GP fault with a 16-bit offset', 'Application Error\nVB caused a General Protection Fault in module VB.EXE at 0008:1F6A.', { app: 'VB', module: 'VB.EXE', offset: '0008:1f6a' }],
    ['the Visual C++ debugger line', 'Unhandled exception in inventory.exe (MSJT3032.DLL): 0xC0000005: Access Violation.', { app: 'inventory.exe', module: 'MSJT3032.DLL', code: 'c0000005' }],
  ])('reads %s', (_name, text, expected) => {
    expect(readAppErrors(text)).toMatchObject([expected]);
  });

  it('keeps the program of a first popup for a second one right after it', () => {
    const records = readAppErrors('MSDEV.EXE - Application Error\nThe instruction at "0x00000004" referenced memory at "0x00000004".\nthen: The instruction at "0x5f402181" referenced memory at "0x00000004".');
    expect(records.map((r) => [r.app, r.offset])).toEqual([['MSDEV.EXE', '00000004'], ['MSDEV.EXE', '5f402181']]);
  });

  it.each([
    ['"reference memory"', 'msexcimc.exe - Application Error\nThe instruction at "0x77f7d514" reference memory at "0x711cc771".', '77f7d514'],
    ['"references memory"', 'main.exe - Application Error\nThe instruction at 0x5f402181 references memory at 0x00000004.', '5f402181'],
  ])('reads the popup worded %s, as some articles print it', (_name, text, offset) => {
    expect(readAppErrors(text)).toMatchObject([{ offset, code: 'c0000005' }]);
  });

  it('takes no program from a sentence before "caused an invalid page fault"', () => {
    expect(readAppErrors('This caused an invalid page fault in module X.DLL at 0137:bff9a07c.')[0]?.app).toBeUndefined();
  });
});
