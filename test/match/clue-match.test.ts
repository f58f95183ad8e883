/**
 * Answering event-log entries, STOP screens and application errors from a small made-up store in
 * the shapes ingested articles have (events with source and description, STOPs with driver and
 * parameters, faulting modules, a fix table), through the same parse + match path as the bot.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, loadRules, matchMessage } from '../../src/match/index.js';
import { SignatureSchema, type SignatureInput } from '../../src/model.js';
import { buildWhyReply, renderText } from '../../src/reply/index.js';
import { parseMessage } from '../../src/trace/index.js';

const inputs: SignatureInput[] = [
  {
    id: 'Q910001',
    title: 'Event ID 1197 When Starting the Information Store',
    eventIds: [1197, 1005],
    events: [
      { id: 1197, source: 'MSExchangeIS Private', description: 'Database is too new to be upgraded.' },
      { id: 1005, source: 'MSExchangeIS Private', description: 'Unable to start the Microsoft Exchange Information Store. Error 0x451.' },
    ],
    files: [{ name: 'Store.exe', version: '5.5.2654.3' }],
  },
  {
    id: 'Q910002',
    title: 'Server service runs out of nonpaged pool',
    eventIds: [2019],
    events: [{ id: 2019, source: 'Srv', description: 'The server was unable to allocate from the system nonpaged pool because the pool was empty.' }],
  },
  {
    id: 'Q910003',
    title: 'Event ID 2019 with an antivirus filter driver',
    eventIds: [2019],
    events: [{ id: 2019, source: 'Srv', description: 'The server was unable to allocate from the system nonpaged pool because the pool was empty.' }],
  },
  {
    id: 'Q910004',
    title: 'Replication of a public folder fails',
    eventIds: [2019],
    events: [{ id: 2019, source: 'MSExchangeAdmin', description: 'A replication error occurred while writing the directory.' }],
  },
  {
    id: 'Q910005',
    title: 'STOP 0x0000000A in Aic78xx.sys with a bus-mastering video card',
    stopCodes: ['0x0000000A'],
    bugchecks: [{ code: '0x0000000A', driver: 'aic78xx.sys', parameters: ['b', '11', '0', '80013693'] }],
    faultModules: ['aic78xx.sys'],
  },
  {
    id: 'Q910006',
    title: 'STOP 0x0000000A in Tcpip.sys when a route is removed',
    stopCodes: ['0x0000000A'],
    bugchecks: [{ code: '0x0000000A', driver: 'tcpip.sys', parameters: [] }],
    faultModules: ['tcpip.sys'],
  },
  {
    id: 'Q910007',
    title: 'Access violation in Snaexp.exe when inserting a range',
    exceptionCodes: ['c0000005'],
    faultModules: ['Snaexp.exe'],
    files: [{ name: 'Snaexp.exe', version: '4.0.0.310' }],
  },
  {
    id: 'Q910010',
    title: 'Server service runs out of both pools',
    eventIds: [2019, 2020],
    events: [
      { id: 2019, source: 'Srv', description: 'The server was unable to allocate from the system nonpaged pool because the pool was empty.' },
      { id: 2020, source: 'Srv', description: 'The server was unable to allocate from the system paged pool because the pool was empty.' },
    ],
  },
  // two articles about crashes of one common program, each printing its own fault address
  ...[
    ['Q910008', 'WD97: Word Hangs When Creating a Template', '300b68e0'],
    ['Q910009', 'WD97: Invalid Page Fault When Printing Labels', '3002a1c4'],
  ].map(([id, title, address]) => ({ id: id!, title: title!, faultModules: ['WINWORD.EXE'], faultAddresses: [address!] })),
];

const signatures = inputs.map((s) => SignatureSchema.parse(s));
const index = buildIndex(signatures, loadRules());
const answer = (text: string) => matchMessage(index, parseMessage(text));

describe('answering pasted event-log entries', () => {
  it.each([
    ['an NT 4.0 dump', 'Event ID: 1197\nSource: MSExchangeIS Private\nType: Error\nDescription: Database is too new to be upgraded.'],
    ['a chat sentence with the source', 'EXCH02 keeps logging event 1197 from MSExchangeIS Private'],
    ['a PowerShell Format-List copy', 'Message      : Database is too new to be upgraded.\nId           : 1197\nProviderName : MSExchangeIS Private'],
  ])('answers %s with the article that prints it', (_name, text) => {
    const result = answer(text);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q910001');
  });

  it('lets insertion strings differ: placeholders and numbers filled with a site\'s values', () => {
    const result = answer('Event ID: 1005\nSource: MSExchangeIS Private\nDescription: Unable to start the Microsoft Exchange Information Store. Error 0x4bf on EXCH02.');
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q910001');
  });

  it('offers both articles as possible when two print the same event', () => {
    const result = answer('Event Type:\tError\nEvent Source:\tSrv\nEvent ID:\t2019\nDescription:\nThe server was unable to allocate from the system nonpaged pool because the pool was empty.');
    expect(result.verdict).toBe('possible');
    expect(result.candidates.slice(0, 2).map((c) => c.kb).sort()).toEqual(['Q910002', 'Q910003']);
  });

  it('names the article printing both pasted events over those printing one of them', () => {
    const result = answer('Event ID: 2019\nSource: Srv\nDescription: The server was unable to allocate from the system nonpaged pool because the pool was empty.\n\nEvent ID: 2020\nSource: Srv\nDescription: The server was unable to allocate from the system paged pool because the pool was empty.');
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q910010');
  });

  it('does not answer an event id under another source with the article of that id', () => {
    const result = answer('Event ID: 2019\nSource: Disk\nDescription: The driver detected a controller error on \\Device\\Harddisk0.');
    expect(result.candidates.map((c) => c.kb)).not.toContain('Q910002');
    expect(result.verdict).not.toBe('match');
  });

  it('does not call an event id without its source a match', () => {
    expect(answer('we see event 1197 on EXCH02').verdict).not.toBe('match');
  });

  it.each([
    ['Kernel-Power 41', 'Log Name: System\nSource: Microsoft-Windows-Kernel-Power\nEvent ID: 41\nLevel: Critical\nDescription:\nThe system has rebooted without cleanly shutting down first.'],
    ['DistributedCOM 10016', 'Source: Microsoft-Windows-DistributedCOM\nEvent ID: 10016\nDescription: The application-specific permission settings do not grant Local Activation permission.'],
    ['CRITICAL_PROCESS_DIED', 'Your PC ran into a problem and needs to restart.\nStop code: CRITICAL_PROCESS_DIED'],
  ])('answers none for %s, which no article describes', (_name, text) => {
    expect(answer(text).verdict).toBe('none');
  });
});

describe('answering STOP screens', () => {
  it('matches a blue screen by its code, parameters and driver', () => {
    const result = answer('*** STOP: 0x0000000A (0x0000000B,0x00000011,0x00000000,0x80013693)\nIRQL_NOT_LESS_OR_EQUAL*** Address 80013693 has base at 80010000 - aic78xx.sys');
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q910005');
  });

  it.each([
    ['chat', 'bluescreen 0xA in tcpip.sys'],
    ['a Windows 10 screen naming the stop code and driver', 'Stop code: IRQL_NOT_LESS_OR_EQUAL\nWhat failed: tcpip.sys'],
  ])('matches %s by the code in any spelling and the driver', (_name, text) => {
    const result = answer(text);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q910006');
  });

  it('offers the articles with that code as possible when only the code is pasted', () => {
    const result = answer('we got STOP 0x0000000A on two servers');
    expect(result.verdict).toBe('possible');
    expect(result.candidates.map((c) => c.kb).sort()).toEqual(['Q910005', 'Q910006']);
  });
});

describe('answering application errors', () => {
  it('offers the article naming the faulting program, and says whether the reported version has the fix', () => {
    const result = answer('Faulting application name: snaexp.exe, version: 4.0.0.300, time stamp: 0x35f2a1b2\nException code: 0xc0000005\nFault offset: 0x0001a2b3');
    expect(result.candidates[0]?.kb).toBe('Q910007');
    expect(result.candidates[0]?.versionChecks).toContainEqual(expect.objectContaining({ file: 'Snaexp.exe', reported: '4.0.0.300', fixed: '4.0.0.310', installed: false }));
  });
});

describe('explaining a clue match', () => {
  it('says which event id, source and description words matched', () => {
    const result = answer('Event ID: 1197\nSource: MSExchangeIS Private\nDescription: Database is too new to be upgraded.');
    const top = result.candidates[0]!;
    const text = renderText(buildWhyReply(top, signatures[0]));
    expect(text).toContain('event id 1197');
    expect(text).toContain('source MSExchangeIS Private');
    expect(text).toMatch(/description words shared: .*database/);
  });

  it('says which STOP code, driver and parameters matched', () => {
    const result = answer('*** STOP: 0x0000000A (0x0000000B,0x00000011,0x00000000,0x80013693)\n*** Address 80013693 has base at 80010000 - aic78xx.sys');
    const text = renderText(buildWhyReply(result.candidates[0]!, signatures[4]));
    expect(text).toContain('STOP code 0x0000000A (IRQL_NOT_LESS_OR_EQUAL)');
    expect(text).toContain('driver aic78xx.sys');
    expect(text).toContain('0x80013693');
  });
});

describe('telling STOP screens apart when several articles print the code', () => {
  // tcpip.sys is named in four articles' STOPs, but with 0x1E in one; isotp.sys twice with 0x1E
  const stopInputs: SignatureInput[] = [
    ...['Q920001', 'Q920002', 'Q920003'].map((id) => ({ id, title: `STOP 0x0000000A in Tcpip.sys (${id})`, stopCodes: ['0x0000000A'], bugchecks: [{ code: '0x0000000A', driver: 'tcpip.sys', parameters: [] }], faultModules: ['tcpip.sys'] })),
    { id: 'Q920004', title: 'STOP 0x1E in Tcpip.sys with a teamed adapter', stopCodes: ['0x0000001E'], bugchecks: [{ code: '0x0000001E', driver: 'tcpip.sys', parameters: [] }], faultModules: ['tcpip.sys'] },
    { id: 'Q920005', title: 'Bugcheck 0x1e caused by Isotp.sys', stopCodes: ['0x0000001E'], bugchecks: [{ code: '0x0000001E', driver: 'Isotp.sys', parameters: ['c0000005', '2', '0', '2'] }], faultModules: ['Isotp.sys'] },
    { id: 'Q920006', title: 'STOP 0x0000001E in Isotp.sys', stopCodes: ['0x0000001E'], bugchecks: [{ code: '0x0000001E', driver: 'Isotp.sys', parameters: [] }], faultModules: ['Isotp.sys'] },
    { id: 'Q920007', title: 'Vinca drivers may cause Stop 0x24', stopCodes: ['0x00000024'], bugchecks: [{ code: '0x00000024', parameters: ['1901f9', 'f743b5f8', 'f743b434', '8013b59e'] }] },
    { id: 'Q920008', title: 'STOP 0x24 in Ntfs.sys function NtfsMoveFile', stopCodes: ['0x00000024'], bugchecks: [{ code: '0x00000024', driver: 'Ntfs.sys', parameters: ['1901f9', 'f743b5f8', 'f743b434', 'fe46c869'] }], faultModules: ['Ntfs.sys'] },
    { id: 'Q920009', title: 'STOP 0x50 in Mup.sys', stopCodes: ['0x00000050'], bugchecks: [{ code: '0x00000050', driver: 'Mup.sys', parameters: [] }], faultModules: ['Mup.sys'] },
  ];
  const stopIndex = buildIndex(stopInputs.map((s) => SignatureSchema.parse(s)), loadRules());
  const answerStop = (text: string) => matchMessage(stopIndex, parseMessage(text));

  it.each([
    ['a driver common in STOP articles but rare with this code', 'Stop code: KMODE_EXCEPTION_NOT_HANDLED\nWhat failed: tcpip.sys', 'match', ['Q920004']],
    ['the same driver with the code three articles print', 'bluescreen 0xA in tcpip.sys', 'possible', ['Q920001', 'Q920002', 'Q920003']],
    ['the screen one article prints, common parameters and all', '*** STOP: 0x0000001E (0xC0000005,0x00000002,0x00000000,0x00000002)\nKMODE_EXCEPTION_NOT_HANDLED*** Address 00000002 has base at 80100000 - Isotp.sys', 'match', ['Q920005']],
    ['a screen whose last address only one of two near-identical articles prints', '*** STOP: 0x00000024 (0x001901F9,0xF743B5F8,0xF743B434,0x8013B59E)\nNTFS_FILE_SYSTEM', 'match', ['Q920007']],
    ['a whole screen whose addresses the only article with that code and driver cannot confirm', '*** STOP: 0x00000050 (0xF6EB8000,0x00000001,0x00000000,0x80156000)\nPAGE_FAULT_IN_NONPAGED_AREA*** Address 80156000 has base at 80150000 - Mup.sys', 'possible', ['Q920009']],
  ])('answers %s', (_name, text, verdict, top) => {
    const result = answerStop(text);
    expect(result.verdict).toBe(verdict);
    expect(result.candidates.slice(0, top.length).map((c) => c.kb).sort()).toEqual(top);
  });
});

describe('answering a fault line by its address', () => {
  it.each([
    ['the address as the article prints it', 'WINWORD caused an invalid page fault in module WINWORD.EXE at 014f:300b68e0.', 'match'],
    ['the same offset under another segment selector', 'WINWORD caused an invalid page fault in\nmodule WINWORD.EXE at 0137:300b68e0.', 'match'],
  ])('matches %s to the one article printing it', (_name, text, verdict) => {
    const result = answer(text);
    expect(result.verdict).toBe(verdict);
    expect(result.candidates[0]?.kb).toBe('Q910008');
  });

  it('does not name one of the program\'s articles for an address neither prints', () => {
    const result = answer('WINWORD caused an invalid page fault in module WINWORD.EXE at 0137:30ffffff.');
    expect(result.verdict).not.toBe('match');
  });
});

describe('ordering articles that print the same event', () => {
  const same = { id: 4018, source: 'MSExchangeIMC', description: 'Unable to start the Internet Mail Connector service because MAPI could not be initialized.' };
  const tied = buildIndex(
    [
      { id: 'Q920001', title: 'IMS Fails After Applying a Service Pack', eventIds: [4018], events: [same] },
      { id: 'Q920002', title: 'Internet Mail Service Stops Responding', eventIds: [4018], events: [same] },
      { id: 'Q920003', title: '"Event ID 4018" Error Message When You Try to Send E-Mail', eventIds: [4018], events: [same] },
    ].map((s) => SignatureSchema.parse(s)),
    loadRules(),
  );
  const answerTied = (text: string) => matchMessage(tied, parseMessage(text));

  it('puts the article whose title names the event first among equals, still offering all of them', () => {
    const result = answerTied('Event ID: 4018\nSource: MSExchangeIMC\nDescription: Unable to start the Internet Mail Connector service because MAPI could not be initialized.');
    expect(result.verdict).toBe('possible');
    expect(result.candidates.map((c) => c.kb)).toEqual(['Q920003', 'Q920001', 'Q920002']);
  });
});

describe('telling apart articles that print the same event with other codes in it', () => {
  const ndr = { id: 290, source: 'MSExchangeMTA', description: 'A non-delivery report (reason code transfer-failure) is being generated for message <id>. [MTA DISP:RESULT 18 136] (12)' };
  const failed = (code: string) => ({ id: 2025, source: 'MSExchangeIS Private', description: `The delivery of a message failed due to error ${code}. A non-delivery report is being sent to the message's originator.` });
  const coded = buildIndex(
    [
      { id: 'Q940001', title: 'MTA Returns Mail with Transfer-Failure Reason Code', eventIds: [290, 2025], events: [ndr, failed('0000050A')] },
      { id: 'Q940002', title: 'Mail with Attachments Returned', eventIds: [290, 2025], events: [ndr, failed('00000BB8')] },
      { id: 'Q940003', title: 'NDRs After Moving Mailboxes', eventIds: [290, 2025], events: [ndr, failed('80004005')] },
    ].map((s) => SignatureSchema.parse(s)),
    loadRules(),
  );
  const answerCoded = (text: string) => matchMessage(coded, parseMessage(text));
  const entry2025 = (code: string, server = 'EXCHSRV1') => `Event ID: 2025\nSource: MSExchangeIS Private\nComputer: ${server}\nDescription: The delivery of a message failed due to error ${code}. A non-delivery report is being sent to the message's originator.`;
  const entry290 = 'Event ID: 290\nSource: MSExchangeMTA\nDescription: A non-delivery report (reason code transfer-failure) is being generated for message C=US;P=CONTOSO;L=EXCHSRV1-010904142254Z-18735. [MTA DISP:RESULT 18 136] (12)';

  it.each([
    ['0000050A', 'Q940001'],
    ['0x00000bb8', 'Q940002'],
    ['80004005', 'Q940003'],
  ])('names the one article printing error %s, the code the paste prints', (code, kb) => {
    const result = answerCoded(entry2025(code));
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
  });

  it('counts a code contradicted in the second of two pasted entries, which both articles otherwise fit fully', () => {
    const result = answerCoded(`${entry290}\n\n${entry2025('0000050A')}`);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q940001');
  });

  it.each([
    ['a code none of them prints', entry2025('0000FFFF')],
    ['only the entry whose numbers all print alike', entry290],
    ['another server name', entry2025('0000050A', 'EXCH99').replace('0000050A', '<code>')],
  ])('keeps them all possible for %s', (_name, text) => {
    const result = answerCoded(text);
    expect(result.verdict).toBe('possible');
    expect(result.candidates.map((c) => c.kb).sort()).toEqual(['Q940001', 'Q940002', 'Q940003']);
  });
});

describe('ordering articles that print the same event by the words around it', () => {
  const same = { id: 18, source: 'SNA Server', description: 'APPC session activation failure: BIND negative response or UNBIND request received' };
  const tied = buildIndex(
    [
      { id: 'Q950001', title: 'SNA Server Event 18 With Sense Data 0805', eventIds: [18], events: [same], symptoms: 'Sessions to the host fail with sense data 08050000 when the LU pool is exhausted.' },
      { id: 'Q950002', title: 'PRB: Application Hangs; CICS Terminal Unavailable', eventIds: [18], events: [same], symptoms: 'The client application may stop responding.', errorMessages: ['This action cannot be completed because the other application is busy.'] },
      { id: 'Q950003', title: 'APPC Sessions Fail After Host Restart', eventIds: [18], events: [same], symptoms: 'After the mainframe is restarted, APPC sessions do not reconnect.' },
    ].map((s) => SignatureSchema.parse(s)),
    loadRules(),
  );
  const answerTied = (text: string) => matchMessage(tied, parseMessage(text));
  const entry = 'Event ID: 18\nSource: SNA Server\nDescription: APPC session activation failure: BIND negative response or UNBIND request received';

  it.each([
    ['a quoted dialog only one article prints', `app froze again ("the other application is busy"), app log shows:\n${entry}`, 'Q950002'],
    ['what happened before, in one article\'s symptoms', `after the mainframe restarted nothing reconnects:\n${entry}`, 'Q950003'],
  ])('puts first the article holding %s, still offering all of them', (_name, text, first) => {
    const result = answerTied(text);
    expect(result.verdict).toBe('possible');
    expect(result.candidates[0]?.kb).toBe(first);
    expect(result.candidates).toHaveLength(3);
  });
});

describe('ordering the articles that print the same STOP code or name the same module', () => {
  const inputs: SignatureInput[] = [
    ...['Q930001', 'Q930002', 'Q930003'].map((id, k) => ({ id, title: `STOP 0x00000050 ${['When Printing to a Plotter', 'After Installing a Scanner', 'on a Dual Processor Server'][k]}`, stopCodes: ['0x00000050'], bugchecks: [{ code: '0x00000050', parameters: [] }] })),
    { id: 'Q930004', title: 'SNA Server Twinax Connection Traps with 0x00000050', stopCodes: ['0x00000050'], bugchecks: [{ code: '0x00000050', parameters: [] }] },
    { id: 'Q930005', title: 'STOP 0x0000000A Error Message Caused by Fcascsi.sys Driver', stopCodes: ['0x0000000A'], bugchecks: [{ code: '0x0000000A', driver: 'Fcascsi.sys', parameters: [] }], faultModules: ['Fcascsi.sys'] },
    // the kernel, where many faults surface: named with 0xA by six articles
    ...['Q930006', 'Q930007', 'Q930011', 'Q930012', 'Q930013', 'Q930014'].map((id) => ({ id, title: `STOP 0x0000000A in Ntoskrnl.exe (${id})`, stopCodes: ['0x0000000A'], bugchecks: [{ code: '0x0000000A', driver: 'ntoskrnl.exe', parameters: [] }], faultModules: ['ntoskrnl.exe'] })),
    { id: 'Q930008', title: 'FIX: Problems Using Database Classes with Jet 3.0', fix: { kind: 'update', summary: 'To obtain the updated version of MSJT3032.DLL that fixes the problem, see the following article.' } },
    ...['Q930009', 'Q930010'].map((id, k) => ({ id, title: ['PRB: Cannot Quit VFP, End Task Causes Application Error', 'VFP Crashes When Printing a Report'][k]!, faultModules: ['VFP', 'KERNEL32.DLL'] })),
  ];
  const orderIndex = buildIndex(inputs.map((s) => SignatureSchema.parse(s)), loadRules());
  const answerHere = (text: string) => matchMessage(orderIndex, parseMessage(text));

  it.each([
    ['by the title the words around a bare STOP code say', 'SNA server w/ twinax to the AS/400: restarting the service gives STOP:0x00000050', 'Q930004'],
    ['by the driver the screen\'s module list names when its Address line points at the kernel', '*** STOP: 0x0000000A (0x0000002C,0x00000008,0x00000000,0x801DB9ED)\nIRQL_NOT_LESS_OR_EQUAL*** Address 801db9ed has base at 80100000 - ntoskrnl.exe\n\nDll Base DateStmp - Name\n80100000 3795d3b4 - ntoskrnl.exe       80010000 36e0ae66 - hal.dll\n80001000 3651ffab - fcascsi.sys', 'Q930005'],
    ['by the file the fix replaces, named as the faulting module', 'in the debugger it is "Unhandled exception in inventory.exe (MSJT3032.DLL): 0xC0000005: Access Violation."', 'Q930008'],
    ['by the title the words around a Win9x fault line say', 'this was after End Task on VFP:\nVFP caused an invalid page fault in\nmodule KERNEL32.DLL at 0177:bff7a388.', 'Q930009'],
  ])('puts first %s', (_name, text, first) => {
    const result = answerHere(text);
    expect(result.verdict).not.toBe('none');
    expect(result.candidates[0]?.kb).toBe(first);
  });

  it('does not count the words of the STOP itself (its name, "blue screen") as the title said', () => {
    // every title here says STOP: none of the three is put before the others by it
    const result = answerHere('the server blue screened with a STOP 0x00000050 PAGE_FAULT_IN_NONPAGED_AREA');
    expect(result.verdict).toBe('possible');
    const scores = result.candidates.filter((c) => c.kb !== 'Q930004').map((c) => c.score);
    expect(new Set(scores).size).toBe(1);
  });

  it('says in the why view which words of the title the paste says', () => {
    const result = answerHere('SNA server w/ twinax to the AS/400: restarting the service gives STOP:0x00000050');
    const text = renderText(buildWhyReply(result.candidates[0]!, undefined));
    expect(text).toMatch(/the paste says .*twinax.* of the article's title/);
  });
});

describe('a program and the module it faulted in, each common, named together by few articles', () => {
  const many = (prefix: number, module: string) => Array.from({ length: 16 }, (_, k) => ({ id: `Q${prefix + k}`, title: `Some trouble number ${k} with ${module}`, faultModules: [module] }));
  const inputs: SignatureInput[] = [
    ...many(940100, 'VFP'),
    ...many(940200, 'KERNEL32.DLL'),
    { id: 'Q940301', title: 'PRB: Cannot Quit VFP, End Task Causes Application Error', faultModules: ['VFP', 'KERNEL32.DLL'] },
    { id: 'Q940302', title: 'VFP Crashes When Printing a Report', faultModules: ['VFP', 'Kernel32.dll'] },
  ];
  const pairIndex = buildIndex(inputs.map((s) => SignatureSchema.parse(s)), loadRules());

  it.each([
    ['offers the articles naming both as a short list', 'VFP caused an invalid page fault in module KERNEL32.DLL at 0177:bff7a388.', ['Q940301', 'Q940302']],
    ['and the one whose title the paste says first', 'after End Task on VFP:\nVFP caused an invalid page fault in module KERNEL32.DLL at 0177:bff7a388.', ['Q940301']],
  ])('%s', (_name, text, first) => {
    const result = matchMessage(pairIndex, parseMessage(text));
    expect(result.verdict).toBe('possible');
    expect(result.candidates.slice(0, first.length).map((c) => c.kb).sort()).toEqual(first);
  });

  it('answers nothing for the program alone, named by sixteen articles', () => {
    expect(matchMessage(pairIndex, parseMessage('VFP caused an invalid page fault in module VFP.EXE at 0177:bff7a388.')).verdict).toBe('none');
  });
});

describe('a STOP parameter the article says varies', () => {
  // Q930001 prints its screen with a note that the first parameter varies; Q930002 prints the code with no screen
  const screen = (varies?: number[]): SignatureInput[] => [
    { id: 'Q930001', title: 'Stop 0x00000050 During an Upgrade on a Compaq', stopCodes: ['0x00000050'], bugchecks: [{ code: '0x00000050', parameters: ['f4060000', '0', '0', '0'], ...(varies ? { varies } : {}) }] },
    { id: 'Q930002', title: 'STOP 0x00000050 When Printing', stopCodes: ['0x00000050'], bugchecks: [{ code: '0x00000050', parameters: [] }] },
  ];
  const paste = 'setup dies:\n\nStop 0x00000050 (0xf4a31000, 0x00000000, 0x00000000, 0x00000000)\nPage Fault in Non Paged Area';

  it.each([
    ['the first parameter noted as varying: another value there is the same crash', [0], 'Q930001'],
    ['every parameter noted as varying: nothing is left to check, as with an article printing none', [0, 1, 2, 3], undefined],
    ['a later parameter noted as varying: the first still differs, another crash', [3], undefined],
    ['no note: the printed address differs, another crash', undefined, undefined],
  ])('%s', (_name, varies, first) => {
    const result = matchMessage(buildIndex(screen(varies).map((s) => SignatureSchema.parse(s)), loadRules()), parseMessage(paste));
    expect(result.candidates[0]?.kb).toBe(first);
    if (first) expect(result.candidates[0]!.clueMatches?.flatMap((m) => m.details).some((d) => /differ/.test(d))).toBe(false);
  });
});
