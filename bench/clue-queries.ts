/**
 * Pastes for the clue bench, rendered from the archive's own event blocks and STOP screens in the
 * layouts people copy them in (ops-pastes.md): NT 4.0 and Windows 2000 dumps, today's Event Viewer
 * copy, its XML view, wevtutil, PowerShell Format-List (Get-WinEvent and Get-EventLog), chat
 * sentences; blue screens of NT 4.0, 2000/XP and Windows 8-11, `!analyze -v`, the bugcheck event,
 * chat. Insertion strings are changed (placeholders and numbers filled with a site's values),
 * fields dropped, descriptions cut to their first sentence. Plus today's events and bug checks that
 * no archive article can know.
 */
import type { ArticleBugcheck, ArticleEvent, Signature } from '../src/model.js';
import { seededRng, type Rng } from '../test/support/seeded-random.js';

export interface RenderedQuery {
  text: string;
  layout: string;
  /** How the paste differs from the article's block. */
  damage: string;
  /** What the paste still says: used to find the articles that print the same thing. */
  keeps: { source: boolean; description: boolean; driver: boolean; parameters: boolean };
  /** The article's description as far as the paste carries it (before insertion strings were changed), and whether it was cut. */
  pasted?: { description: string; cut: boolean };
}

const SERVERS = ['EXCH02', 'SRV-DC01', 'MAILHUB', 'NTSRV4', 'PRODSQL7', 'WEB03'];
const PATHS = ['C:\\exchsrvr\\mdbdata', 'D:\\Program Files\\App', 'E:\\data\\logs', '\\\\FS01\\share'];

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** Insertion strings filled the way a real site's log would: placeholders and %n with names, numbers changed. */
function fillInsertions(description: string, rng: Rng): string {
  return description
    .replace(/<[^<>\n]{1,60}>/g, () => pick(rng, [...SERVERS, ...PATHS]))
    .replace(/%%?\d{1,4}/g, () => pick(rng, SERVERS))
    .replace(/\b0x[0-9a-f]{1,8}\b/gi, () => `0x${Math.floor(rng() * 0xffff).toString(16)}`)
    .replace(/\b\d{1,6}\b/g, () => String(Math.floor(rng() * 9000) + 10));
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end > 20 ? text.slice(0, end + 1) : text;
}

const LEVELS = ['Error', 'Warning', 'Information'];

type EventLayout = (id: number, source: string | undefined, description: string | undefined, rng: Rng) => string;

const EVENT_LAYOUTS: Record<string, EventLayout> = {
  nt4: (id, source, d, rng) => [`Event ID: ${id}`, source ? `Source: ${source}` : '', `Type: ${pick(rng, LEVELS)}`, 'Category: None', d ? `Description: ${d}` : ''].filter(Boolean).join('\n'),
  win2000: (id, source, d, rng) =>
    [`Event Type:\t${pick(rng, LEVELS)}`, source ? `Event Source:\t${source}` : '', 'Event Category:\tNone', `Event ID:\t${id}`, 'Date:\t\t5/5/2001', 'Time:\t\t10:00:01 AM', 'User:\t\tN/A', `Computer:\t${pick(rng, SERVERS)}`, d ? `Description:\n${d}` : '']
      .filter(Boolean)
      .join('\n'),
  viewer: (id, source, d, rng) =>
    ['Log Name:      Application', source ? `Source:        ${source}` : '', 'Date:          7/24/2024 3:49:43 PM', `Event ID:      ${id}`, 'Task Category: None', `Level:         ${pick(rng, LEVELS)}`, 'Keywords:      Classic', 'User:          N/A', `Computer:      ${pick(rng, SERVERS)}.corp.example.com`, 'Description:', d ?? '', 'Event Xml:', `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">`]
      .filter((l) => l !== '')
      .join('\n'),
  xml: (id, source, _d, rng) =>
    `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>${source ? `<Provider Name="${source}" />` : ''}<EventID Qualifiers="49152">${id}</EventID><Level>2</Level><Task>0</Task><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime="2024-07-24T13:49:43.000Z" /><Channel>Application</Channel><Computer>${pick(rng, SERVERS)}</Computer></System><EventData><Data>${pick(rng, PATHS)}</Data></EventData></Event>`,
  wevtutil: (id, source, d, rng) =>
    ['Event[0]:', '  Log Name: Application', source ? `  Source: ${source}` : '', '  Date: 2021-12-25T07:33:18.152', `  Event ID: ${id}`, '  Task: N/A', `  Level: ${pick(rng, LEVELS)}`, '  Opcode: N/A', '  Keyword: Classic', '  User: N/A', '  User Name: N/A', `  Computer: ${pick(rng, SERVERS)}`, '  Description: ', d ?? 'N/A']
      .filter((l) => l !== '')
      .join('\n'),
  'get-winevent': (id, source, d, rng) =>
    [`Message          : ${d ?? ''}`, `Id               : ${id}`, 'Version          : 0', 'Level            : 2', 'Task             : 0', 'Keywords         : 36028797018963968', 'RecordId         : 48213', source ? `ProviderName     : ${source}` : '', 'LogName          : Application', `MachineName      : ${pick(rng, SERVERS)}`, 'TimeCreated      : 7/24/2024 3:49:43 PM', 'LevelDisplayName : Error']
      .filter((l) => l !== '')
      .join('\n'),
  'get-eventlog': (id, source, d, rng) =>
    ['Index              : 48213', 'EntryType          : Error', `InstanceId         : ${(0xc0000000 + id) >>> 0}`, `Message            : ${d ?? ''}`, 'Category           : (0)', 'CategoryNumber     : 0', source ? `Source             : ${source}` : '', 'TimeGenerated      : 7/24/2024 3:49:43 PM', `MachineName        : ${pick(rng, SERVERS)}`]
      .filter((l) => l !== '')
      .join('\n'),
  chat: (id, source, d, rng) => `${pick(rng, SERVERS)} keeps logging event ${id}${source ? ` from ${source}` : ''}${d ? `: "${firstSentence(d)}"` : ''} since last night, any idea?`,
  'chat-id': (id, source, _d, rng) => `we get event ID ${id}${source ? ` (${source})` : ''} on ${pick(rng, SERVERS)} every hour`,
};

/** The ways one article event is pasted: every layout, with insertion strings changed and fields dropped. */
export function renderEvent(e: ArticleEvent, rng: Rng): RenderedQuery[] {
  const out: RenderedQuery[] = [];
  const filled = e.description !== undefined ? fillInsertions(e.description, rng) : undefined;
  const whole = e.description !== undefined ? { description: e.description, cut: false } : undefined;
  const first = e.description !== undefined ? { description: firstSentence(e.description), cut: firstSentence(e.description) !== e.description } : undefined;
  for (const [layout, render] of Object.entries(EVENT_LAYOUTS)) {
    const describes = layout !== 'xml' && layout !== 'chat-id' && filled !== undefined;
    out.push({
      text: render(e.id, e.source, describes ? filled : undefined, rng),
      layout,
      damage: 'insertion strings changed',
      keeps: { source: e.source !== undefined, description: describes, driver: false, parameters: false },
      ...(describes ? { pasted: layout === 'chat' ? first : whole } : {}),
    });
  }
  if (filled !== undefined && e.source !== undefined) {
    const layout = pick(rng, ['nt4', 'viewer', 'wevtutil', 'get-winevent']);
    out.push({ text: EVENT_LAYOUTS[layout]!(e.id, undefined, filled, rng), layout, damage: 'source dropped', keeps: { source: false, description: true, driver: false, parameters: false }, ...(whole ? { pasted: whole } : {}) });
    out.push({ text: EVENT_LAYOUTS[layout]!(e.id, e.source, firstSentence(filled), rng), layout, damage: 'first sentence only', keeps: { source: true, description: true, driver: false, parameters: false }, ...(first ? { pasted: first } : {}) });
    out.push({ text: EVENT_LAYOUTS[layout]!(e.id, e.source, undefined, rng), layout, damage: 'description dropped', keeps: { source: true, description: false, driver: false, parameters: false } });
  }
  return out;
}

const hex8 = (p: string): string => `0x${p.padStart(8, '0').toUpperCase()}`;
const shortCode = (code: string): string => `0x${code.slice(2).replace(/^0+(?=.)/, '')}`;

type StopLayout = (code: string, name: string | undefined, driver: string | undefined, params: string[], rng: Rng) => string;

const STOP_LAYOUTS: Record<string, StopLayout> = {
  nt4: (code, name, driver, params) =>
    `*** STOP: ${code} (${params.map(hex8).join(',')})\n${name ?? ''}${driver ? `*** Address ${hex8(params[3] ?? '80100000').slice(2)} has base at 80100000 - ${driver}` : ''}\n\nCPUID:GenuineIntel 5.2.c irql:1f SYSVER 0xf0000565`,
  xp: (code, name, driver, params) =>
    `A problem has been detected and Windows has been shut down to prevent damage to your computer.\n\n${name ?? ''}\n\nTechnical information:\n\n*** STOP: ${code} (${params.map(hex8).join(', ')})\n\n${driver ? `*** ${driver} - Address F7A2B3C4 base at F7A20000, DateStamp 3e8a1f2b` : ''}`,
  win10: (_code, name, driver) => `:(\nYour PC ran into a problem and needs to restart. We're just collecting some error info, and then we'll restart for you.\n\nFor more information about this issue and possible fixes, visit https://www.windows.com/stopcode\n\nStop code: ${name ?? ''}${driver ? `\nWhat failed: ${driver}` : ''}`,
  analyze: (code, name, driver, params) =>
    `${name ?? 'UNKNOWN'} (${shortCode(code).slice(2).toLowerCase()})\nArguments:\n${params.map((p, i) => `Arg${i + 1}: ${p.padStart(8, '0')}, parameter`).join('\n')}\n\nBUGCHECK_CODE:  ${shortCode(code).slice(2).toLowerCase()}\nPROCESS_NAME:  System\n${driver ? `IMAGE_NAME:  ${driver}\nMODULE_NAME: ${driver.replace(/\.[a-z]+$/i, '')}\n` : ''}FAILURE_BUCKET_ID:  ${shortCode(code)}_${driver ? driver.replace(/\.[a-z]+$/i, '') : 'nt'}!Unknown`,
  event1001: (code, _name, _driver, params) => `The computer has rebooted from a bugcheck.  The bugcheck was: ${code} (${params.map(hex8).join(', ')}). A dump was saved in: C:\\WINNT\\MEMORY.DMP.`,
  chat: (code, _name, driver, _p, rng) => `${pick(rng, SERVERS)} ${pick(rng, ['bluescreened with', 'got a bluescreen', 'blue screen', 'BSOD'])} ${shortCode(code)}${driver ? ` in ${driver}` : ''} after the update`,
};

/** The ways one article STOP is pasted. Windows 8-11 screens print the name, not the code. */
export function renderBugcheck(b: ArticleBugcheck, name: string | undefined, rng: Rng): RenderedQuery[] {
  const out: RenderedQuery[] = [];
  const params = b.parameters.length === 4 ? b.parameters : [];
  // all-zero parameters say nothing (NT prints (0,0,0,0) for many codes); the scorer reads zeros as placeholders too
  const telling = params.some((p) => p !== '0');
  for (const [layout, render] of Object.entries(STOP_LAYOUTS)) {
    if (layout === 'win10' && !name) continue;
    const withParams = params.length === 4 && layout !== 'win10' && layout !== 'chat';
    // the bugcheck event prints code and parameters, never the driver
    const withDriver = b.driver !== undefined && layout !== 'event1001';
    if (!withParams && !withDriver) continue;
    out.push({ text: render(b.code, name, b.driver, withParams ? params : ['0', '0', '0', '0'], rng), layout, damage: 'as printed', keeps: { source: false, description: false, driver: withDriver, parameters: withParams && telling } });
  }
  if (b.driver && params.length === 4) {
    out.push({ text: STOP_LAYOUTS.nt4!(b.code, name, undefined, params, rng), layout: 'nt4', damage: 'driver dropped', keeps: { source: false, description: false, driver: false, parameters: telling } });
    out.push({ text: STOP_LAYOUTS.xp!(b.code, name, b.driver, ['0', '0', '0', '0'], rng), layout: 'xp', damage: 'parameters changed', keeps: { source: false, description: false, driver: true, parameters: false } });
  }
  return out;
}

/**
 * One seeded random stream per kind of draw, so one kind's figures depend only on its own draws: drawing one
 * more (or one fewer) number for a STOP screen leaves every event paste as it was, and the reverse. `split`
 * (held-out articles, calibration / test halves) is the seed's own stream, as it was when all draws shared it.
 */
export interface ClueStreams {
  split: Rng;
  event: Rng;
  stop: Rng;
  /** The unrelated negatives: an archive event id under a source that never logs it. */
  unrelated: Rng;
}

const STREAM_KINDS = ['split', 'event', 'stop', 'unrelated'] as const;

/** The streams of a seed; `reseed` draws one kind from another seed (the others stay as they were). */
export function clueStreams(seed: number, reseed: Partial<Record<keyof ClueStreams, number>> = {}): ClueStreams {
  // each kind's seed is the bench seed moved by a golden-ratio step: far apart, fixed, and `split`'s is the seed itself
  const seedOf = (kind: (typeof STREAM_KINDS)[number], i: number): number => reseed[kind] ?? (seed + Math.imul(i, 0x9e3779b9)) >>> 0;
  const [split, event, stop, unrelated] = STREAM_KINDS.map((kind, i) => seededRng(seedOf(kind, i)));
  return { split: split!, event: event!, stop: stop!, unrelated: unrelated! };
}

/** An article's pastes: each event block from the event stream, each STOP screen from the STOP stream. */
export function renderArticle(sig: Pick<Signature, 'events' | 'bugchecks'>, nameOf: (code: string) => string | undefined, streams: ClueStreams): { family: 'event' | 'stop'; clue: ArticleEvent | ArticleBugcheck; q: RenderedQuery }[] {
  const out: { family: 'event' | 'stop'; clue: ArticleEvent | ArticleBugcheck; q: RenderedQuery }[] = [];
  for (const e of sig.events ?? []) for (const q of renderEvent(e, streams.event)) out.push({ family: 'event', clue: e, q });
  for (const b of sig.bugchecks ?? []) for (const q of renderBugcheck(b, nameOf(b.code), streams.stop)) out.push({ family: 'stop', clue: b, q });
  return out;
}

/** Events and bug checks of today's Windows that no archive article describes (the archive ends in 2003). */
export const MODERN_PASTES: { text: string; what: string }[] = [
  { what: 'Kernel-Power 41 (viewer copy)', text: 'Log Name:      System\nSource:        Microsoft-Windows-Kernel-Power\nDate:          7/24/2024 3:49:43 PM\nEvent ID:      41\nTask Category: (63)\nLevel:         Critical\nKeywords:      (70368744177664),(2)\nUser:          SYSTEM\nComputer:      iAT3\nDescription:\nThe system has rebooted without cleanly shutting down first. This error could be caused if the system stopped responding, crashed, or lost power unexpectedly.' },
  { what: 'Kernel-Power 41 (chat)', text: 'laptop keeps rebooting, Kernel-Power 41 every time' },
  { what: 'DistributedCOM 10016', text: 'Log Name:      System\nSource:        Microsoft-Windows-DistributedCOM\nEvent ID:      10016\nLevel:         Warning\nDescription:\nThe application-specific permission settings do not grant Local Activation permission for the COM Server application with CLSID \n{2593F8B9-4EAF-457C-B68A-50F6B8EA6B54}\n and APPID \n{15C20B67-12E7-4BB6-92BB-7AFF07997402}\n to the user NT AUTHORITY\\SYSTEM SID (S-1-5-18) from address LocalHost (Using LRPC) running in the application container Unavailable SID (Unavailable).' },
  { what: 'DistributedCOM 10016 (chat)', text: 'tons of DistributedCOM 10016 warnings on the new RDS hosts' },
  { what: 'WHEA-Logger 18', text: 'Source:        Microsoft-Windows-WHEA-Logger\nEvent ID:      18\nLevel:         Error\nDescription:\nA fatal hardware error has occurred.\n\nReported by component: Processor Core\nError Source: Machine Check Exception\nError Type: Cache Hierarchy Error' },
  { what: 'Schannel 36887', text: 'Source: Schannel\nEvent ID: 36887\nDescription: A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 46.' },
  { what: 'Security-Auditing 4625 (wevtutil)', text: 'Event[0]:\n  Log Name: Security\n  Source: Microsoft-Windows-Security-Auditing\n  Date: 2021-12-25T07:33:18.1520000Z\n  Event ID: 4625\n  Task: Logon\n  Level: Information\n  Keyword: Audit Failure\n  User: N/A\n  Computer: micro\n  Description: \nAn account failed to log on.' },
  { what: 'volmgr 161 (Get-WinEvent)', text: 'Message      : Dump file creation failed due to error during dump creation.\nId           : 161\nProviderName : volmgr\nLogName      : System' },
  { what: 'Time-Service 129', text: 'Source: Microsoft-Windows-Time-Service\nEvent ID: 129\nDescription: NtpClient was unable to set a domain peer to use as a time source because of discovery error.' },
  { what: 'GroupPolicy 1129', text: 'Event 1129 from Microsoft-Windows-GroupPolicy: "The processing of Group Policy failed because of lack of network connectivity to a domain controller."' },
  { what: 'TPM-WMI 1796', text: 'Source: Microsoft-Windows-TPM-WMI\nEvent ID: 1796\nDescription: The Secure Boot update failed to update a Secure Boot variable with error Secure Boot is not enabled on this machine..' },
  { what: 'Application Error 1000 chrome', text: 'Faulting application name: chrome.exe, version: 126.0.6478.127, time stamp: 0x66867a5c\nFaulting module name: ntdll.dll, version: 10.0.22621.3672, time stamp: 0x0ba7d3ef\nException code: 0xc0000374\nFault offset: 0x0000000000103b29' },
  { what: 'APPCRASH Teams', text: 'Problem Event Name: APPCRASH\nApplication Name: ms-teams.exe\nApplication Version: 24124.2315.2911.3357\nFault Module Name: KERNELBASE.dll\nFault Module Version: 10.0.19041.4522\nException Code: e0434352\nException Offset: 000000000005f39c' },
  { what: 'CRITICAL_PROCESS_DIED (Windows 10 screen)', text: ":(\nYour PC ran into a problem and needs to restart.\n\nStop code: CRITICAL_PROCESS_DIED" },
  { what: 'DPC_WATCHDOG_VIOLATION', text: 'Your device ran into a problem and needs to restart.\nStop code: DPC_WATCHDOG_VIOLATION\nWhat failed: iaStorA.sys' },
  { what: 'VIDEO_TDR_FAILURE nvlddmkm', text: 'Stop code: VIDEO_TDR_FAILURE\nWhat failed: nvlddmkm.sys' },
  { what: 'WHEA_UNCORRECTABLE_ERROR (!analyze)', text: 'WHEA_UNCORRECTABLE_ERROR (124)\nArguments:\nArg1: 0000000000000000, Machine Check Exception\nArg2: ffffd28f1a8c4028, Address of the WHEA_ERROR_RECORD structure.\nArg3: 00000000be000000, High order 32-bits of the MCi_STATUS value.\nArg4: 00000000800400a5, Low order 32-bits of the MCi_STATUS value.\n\nBUGCHECK_CODE:  124\nMODULE_NAME: GenuineIntel\nIMAGE_NAME:  GenuineIntel.sys' },
  { what: 'KERNEL_SECURITY_CHECK_FAILURE chat', text: 'bluescreen KERNEL_SECURITY_CHECK_FAILURE in Netwtw06.sys on two laptops' },
  { what: 'IRQL_NOT_LESS_OR_EQUAL rtwlanu', text: 'Stop code: IRQL_NOT_LESS_OR_EQUAL\nWhat failed: rtwlanu.sys' },
  { what: 'DRIVER_IRQL_NOT_LESS_OR_EQUAL e1d65x64', text: 'BUGCHECK_CODE:  d1\nBUGCHECK_P1: 0\nBUGCHECK_P2: 2\nIMAGE_NAME:  e1d65x64.sys\nMODULE_NAME: e1d65x64\nFAILURE_BUCKET_ID:  AV_e1d65x64!unknown_function' },
  { what: 'Kernel-Power 41 XML', text: '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Kernel-Power" Guid="{331c3b3a-2005-44c2-ac5e-77220c37d6b4}" /><EventID>41</EventID><Level>1</Level></System><EventData><Data Name="BugcheckCode">0</Data><Data Name="PowerButtonTimestamp">0</Data></EventData></Event>' },
];
