/**
 * STOP screens and bug checks (ops-pastes.md §3, kb-archive.md §7.3): NT 4.0 / 2000 / XP blue
 * screens (`*** STOP: 0x0000000A (…)` with the name and `*** Address … has base at … - tcpip.sys`),
 * Windows 8–11 (`Stop code: NAME`, `What failed: driver.sys`), `!analyze -v` (BUGCHECK_CODE,
 * BUGCHECK_STR, Arg1..4, IMAGE_NAME, MODULE_NAME, "Probably caused by"), WinDbg `BugCheck D1, {…}`,
 * the Save Dump / BugCheck event ("The bugcheck was: 0x…"), Kernel-Power 41's decimal
 * `BugcheckCode`, and chat ("bluescreen 0xA in tcpip.sys"). Names are read by shape near a
 * STOP keyword; match/ resolves them against rules/bugcheck-codes.txt. Read the same way
 * from pastes and from article text.
 */

export interface BugcheckRecord {
  at: number;
  code?: string;
  name?: string;
  driver?: string;
  parameters?: string[];
  /** Drivers the screen's module list or stack dump names (`80001000 3651ffab - fcascsi.sys`): where the fault surfaced in the kernel, the driver behind it is often among them. */
  modules?: string[];
}

/** `0xA`, `0A`, `0000000a`, `0x0000000A` → `0x0000000A`. */
export function stopCodeOf(hex: string): string | undefined {
  const digits = hex.replace(/^0x/i, '');
  if (!/^[0-9a-f]{1,8}$/i.test(digits)) return undefined;
  return `0x${digits.padStart(8, '0').toUpperCase()}`;
}

/** A parameter as lower-case hex without 0x and leading zeros; a sign-extended 32-bit value (`ffffffffc0000005`) cut to 32 bits. */
export function parameterOf(hex: string): string | undefined {
  let digits = hex.replace(/^0x/i, '').replace(/`/g, '').toLowerCase();
  if (!/^[0-9a-f]{1,16}$/.test(digits)) return undefined;
  if (digits.length === 16 && digits.startsWith('ffffffff')) digits = digits.slice(8);
  return digits.replace(/^0+(?=.)/, '');
}

const DRIVER = /^[A-Za-z0-9_$~-]{1,40}\.(?:sys|dll|exe|drv)$/i;

function asDriver(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const w = word.replace(/^["'(]+|["'),.;:]+$/g, '');
  return DRIVER.test(w) ? w : undefined;
}

/** A STOP code where it is printed as one: keyword, optional colon, hex in any spelling. */
const CODE = /\b(?:\*{0,3}\s{0,2}STOP|stop|Stop|bug ?check(?:_code|_str)?|BugCheck|BUGCHECK(?:_CODE|_STR)?|Bugcheck|bsod|BSOD|blue[ -]?screen(?:ed)?(?: of death)?|Blue[ -]?[Ss]creen(?:ed)?(?: of [Dd]eath)?|[Tt]he bugcheck was|Trap)(?: code| with)?\s{0,3}[:#]?\s{0,3}(?:was:?\s{1,3})?(0x[0-9a-fA-F]{1,16}|[0-9a-fA-F]{1,8})\b(?:\s{0,2}\(([0-9a-fA-Fx`,; ]{3,120})\)|,\s{0,2}\{([0-9a-fA-Fx`,; ]{3,120})\})?/g;
/** Kernel-Power 41: `BugcheckCode 126` (decimal), `<Data Name="BugcheckCode">126</Data>`. */
const DECIMAL_CODE = /BugcheckCode["']?\s{0,3}(?:>|:|=)?\s{0,3}(\d{1,10})\b/gi;
/** A symbolic name: upper-case words joined by underscores. */
const NAME = /\b([A-Z][A-Z0-9]{1,20}(?:_[A-Z0-9]{1,20}){1,8})\b(?!\s{0,2}:)/g;
/** A STOP keyword within this many characters before a name makes it a bug check name. */
const NAME_REACH = 160;
const STOP_WORD = /\b(?:stop|bug ?check|bsod|blue[ -]?screen(?:ed)?|crash(?:ed|es)?|stop code|bugcheck_str|failure_bucket_id)\b/i;
/** `!analyze` argument lines: `Arg1: 0000000b, memory referenced`. */
const ARG = /\b(?:Arg|BUGCHECK_P)([1-4]):\s{0,3}([0-9a-fA-F`]{1,17})\b/g;

const DRIVER_PATTERNS = [
  // NT 4.0: "*** Address 80013693 has base at 80010000 - aic78xx.sys" (articles also print 0xfa0e0000); 2000/XP: "... base at BFB1A000, DateStamp 395db967 - nm2200dp.dll"
  /base at (?:0x)?[0-9a-fA-F`]{8,17}(?:,\s{0,3}Date ?[Ss]tamp\s{1,8}[0-9a-fA-F]{1,8})?\s{0,3}-\s{0,8}([A-Za-z0-9_$~.-]{1,44})/g,
  // XP and later: "*** tcpip.sys - Address F7…"
  /\*\*\*\s{1,3}([A-Za-z0-9_$~.-]{1,44})\s{1,3}-\s{1,3}Address/g,
  /\b(?:What failed|IMAGE_NAME|Probably caused by|FAULTING_MODULE|Faulting module)\s{0,3}:\s{0,3}(?:[0-9a-fA-F`]{8,17}\s{1,3})?([A-Za-z0-9_$~.-]{1,44})/g,
  /\bMODULE_NAME\s{0,3}:\s{0,3}([A-Za-z0-9_$~-]{1,40})/g,
];

interface Found {
  at: number;
  kind: 'code' | 'name' | 'driver' | 'params';
  value: string | string[];
}

function params(list: string | undefined): string[] | undefined {
  if (!list) return undefined;
  const values = list
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(parameterOf)
    .filter((p): p is string => p !== undefined);
  return values.length > 0 ? values.slice(0, 4) : undefined;
}

/** Parameters printed after the code without the brackets on its line: on the next line (`Stop 0x0000007B Inaccessible Boot Device` / `(0xFF109C50, 0, 0, 0)`). */
const NEXT_LINE_PARAMS = /^[^\n()]{0,60}\r?\n[ \t]{0,12}\(([0-9a-fA-Fx`,; ]{3,120})\)/;
/** …or four hex words in a row with no brackets (`STOP 0x0000000A  f1c2cf0f 00000002 00000001 80146940`); a fifth word either side makes it a dump row. */
const BARE_PARAMS = /(?<![0-9A-Za-z`]|[0-9a-fA-F]{8}[ \t]{0,2},?[ \t]{1,3})(?:0x)?[0-9a-fA-F]{8}(?:[ \t]{0,2},?[ \t]{1,3}(?:0x)?[0-9a-fA-F]{8}){3}(?![0-9A-Za-z`]|[ \t]{0,2},?[ \t]{1,3}(?:0x)?[0-9a-fA-F]{8}\b)/;
/** How far after a code its unbracketed parameters may start: the rest of its sentence and the next line. */
const PARAMS_REACH = 160;

/** The parameters printed after a code without brackets, and where they end; undefined when the text goes on to something else. */
function trailingParams(text: string, end: number): { params: string[]; to: number } | undefined {
  const rest = text.slice(end, end + PARAMS_REACH);
  const next = NEXT_LINE_PARAMS.exec(rest);
  const p = params(next?.[1]);
  if (next && p) return { params: p, to: end + next[0].length };
  const bare = BARE_PARAMS.exec(rest);
  if (!bare) return undefined;
  // within the same sentence and at most one line break away; a bracket or another code between ends the screen
  const between = rest.slice(0, bare.index);
  if (/[()]|\n[ \t]*\r?\n|\b(?:stop|bug ?check)\b/i.test(between) || (between.match(/\n/g)?.length ?? 0) > 1) return undefined;
  const words = params(bare[0]);
  return words ? { params: words, to: end + bare.index + bare[0].length } : undefined;
}

function collect(text: string): Found[] {
  const found: Found[] = [];
  // the end of the last unbracketed parameter list read: a hex word inside it ("on a blue screen: f1c2cf0f …") is no code of its own
  let paramsTo = -1;
  for (const m of text.matchAll(CODE)) {
    const raw = m[1]!;
    if (m.index + m[0].indexOf(raw) < paramsTo) continue;
    const keyword = m[0].slice(0, m[0].indexOf(raw)).trim().toLowerCase();
    // a bare word after "stop" must look like a code: digits and 8 long, or a short form after STOP/Trap
    if (!raw.toLowerCase().startsWith('0x')) {
      // `BUGCHECK_CODE:  a`, `BUGCHECK_STR:  0xa` label the code: any hex will do
      if (/^bugcheck_(?:code|str)/.test(keyword) && raw.length <= 8) {
        found.push({ at: m.index, kind: 'code', value: stopCodeOf(raw)! });
        continue;
      }
      const shortOk = /^(?:\*{0,3}\s{0,2}stop|trap|bugcheck|bug check)/.test(keyword) && raw.length <= 3 && /\d/.test(raw);
      const longOk = raw.length === 8 && /\d/.test(raw);
      if (!shortOk && !longOk) continue;
      if (/^stop/.test(keyword) && !m[0].startsWith('STOP') && !m[0].startsWith('*') && !/:/.test(m[0]) && !longOk) continue;
    }
    const hex = raw.replace(/^0x/i, '');
    // x64 codes print 16 digits; a STOP code is 32 bits
    const code = stopCodeOf(hex.length > 8 ? hex.slice(-8) : hex);
    if (!code) continue;
    found.push({ at: m.index, kind: 'code', value: code });
    const p = params(m[2] ?? m[3]);
    if (p) found.push({ at: m.index, kind: 'params', value: p });
    else {
      const t = trailingParams(text, m.index + m[0].length);
      if (t) {
        found.push({ at: m.index, kind: 'params', value: t.params });
        paramsTo = t.to;
      }
    }
  }
  for (const m of text.matchAll(DECIMAL_CODE)) {
    const n = Number(m[1]);
    if (n > 0 && n <= 0xffffffff) found.push({ at: m.index, kind: 'code', value: stopCodeOf(n.toString(16))! });
  }
  const args: string[] = [];
  let argsAt = -1;
  for (const m of text.matchAll(ARG)) {
    const p = parameterOf(m[2]!);
    if (p === undefined) continue;
    if (argsAt === -1) argsAt = m.index;
    args[Number(m[1]) - 1] = p;
  }
  if (argsAt !== -1) found.push({ at: argsAt, kind: 'params', value: Array.from(args, (a) => a ?? '0') });
  for (const m of text.matchAll(NAME)) {
    const before = text.slice(Math.max(0, m.index - NAME_REACH), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
    // `!analyze -v` heads its summary with `NAME (a)`; NT 4.0 glues `***` to the name
    // XP prints the name on a line of its own above "Technical information"
    const ownLine = /(^|\n)[ \t]{0,8}$/.test(before) && /^[ \t]{0,8}(\r?\n|$)/.test(after);
    if (!STOP_WORD.test(before) && !ownLine && !/\)\s{0,3}$/.test(before) && !/^\s{0,3}\*\*\*/.test(after) && !/^ {1,2}\([0-9a-f]{1,8}\)/.test(after)) continue;
    found.push({ at: m.index, kind: 'name', value: m[1]! });
  }
  for (const pattern of DRIVER_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const word = m[1]!.replace(/[.,;:]+$/, '');
      const driver = asDriver(word) ?? (pattern.source.startsWith('\\bMODULE_NAME') ? word : undefined);
      if (driver) found.push({ at: m.index, kind: 'driver', value: driver });
    }
  }
  // chat: "bluescreen 0xA in tcpip.sys", "STOP 0x0000000A in Tcpip.sys", "caused by tcpip.sys"
  for (const m of text.matchAll(/\b(?:in|by|from|at)\s{1,3}([A-Za-z0-9_$~-]{1,40}\.(?:sys|dll|exe|drv))\b/gi)) {
    const before = text.slice(Math.max(0, m.index - NAME_REACH), m.index);
    if (STOP_WORD.test(before)) found.push({ at: m.index, kind: 'driver', value: m[1]! });
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * NT 4.0 screens list the loaded drivers (`Dll Base DateStmp - Name`: `80001000 3651ffab - fcascsi.sys`, two to a
 * line) and the drivers on the stack (`Address dword dump Build [1381] - Name`: `… 80149905 - ntoskrnl.exe`): two
 * hex words, a dash, a file.
 */
const MODULE_ROW = /\b[0-9a-fA-F]{8}\s{1,3}[0-9a-fA-F]{8}\s{1,3}-\s{1,3}([A-Za-z0-9_$~-]{1,40}\.(?:sys|dll|exe|drv))\b/gi;
/** Module names kept per screen, and rows read per text: bound the work on a pasted dump. */
const MAX_MODULES = 64;
const MAX_MODULE_ROWS = 512;

/** The module list's drivers after each bug check, up to the next one (no repeats, in order). */
function withModuleLists(text: string, records: BugcheckRecord[]): BugcheckRecord[] {
  const coded = records.filter((r) => r.code !== undefined);
  if (coded.length === 0) return records;
  // both in text order: the owner only moves forward
  let next = 0;
  let owner: BugcheckRecord | undefined;
  let rows = 0;
  for (const m of text.matchAll(MODULE_ROW)) {
    if (++rows > MAX_MODULE_ROWS) break;
    while (next < coded.length && coded[next]!.at < m.index) owner = coded[next++];
    if (!owner || m.index - owner.at > MODULE_REACH) continue;
    const list = (owner.modules ??= []);
    if (list.length >= MAX_MODULES) continue;
    if (!list.some((x) => x.toLowerCase() === m[1]!.toLowerCase())) list.push(m[1]!);
  }
  return records;
}

/** A module list belongs to the screen printed at most this far before it (a whole NT 4.0 screen with its dump). */
const MODULE_REACH = 6000;

/** A driver belongs to the bug check printed at most this far before it. */
const BLOCK_REACH = 1500;

/**
 * Bug checks in the text: each code with the name, parameters and driver printed after it (up to
 * the next code); a name or driver with no code before it starts a record of its own.
 */
export function readBugchecks(text: string): BugcheckRecord[] {
  const records: BugcheckRecord[] = [];
  let current: BugcheckRecord | undefined;
  // `!analyze -v` prints the name and arguments before BUGCHECK_CODE: held until a code comes
  let pending: { at: number; params?: string[] } | undefined;
  for (const f of collect(text)) {
    const near = current !== undefined && f.at - current.at <= BLOCK_REACH;
    if (f.kind === 'code') {
      const code = f.value as string;
      if (current && near && (current.code === undefined || current.code === code)) {
        current.code = code;
        if (pending?.params && current.parameters === undefined) current.parameters = pending.params;
        pending = undefined;
        continue;
      }
      current = { at: f.at, code };
      if (pending?.params && f.at - pending.at <= BLOCK_REACH) current.parameters = pending.params;
      pending = undefined;
      records.push(current);
    } else if (f.kind === 'name') {
      if (current && near && current.name === undefined) current.name = f.value as string;
      else if (!current || !near || current.name !== f.value) records.push((current = { at: f.at, name: f.value as string }));
    } else if (f.kind === 'params') {
      if (current && near && current.parameters === undefined) current.parameters = f.value as string[];
      else if (!current || !near) pending = { at: f.at, params: f.value as string[] };
    } else if (current && near) {
      current.driver ??= f.value as string;
    } else {
      records.push((current = { at: f.at, driver: f.value as string }));
    }
  }
  // a driver on its own (an "Address … - x.sys" line with no STOP) says nothing
  return withModuleLists(text, records.filter((r) => r.code !== undefined || r.name !== undefined));
}

/** A driver file named in a paste's prose ("dumps point around mcfilter.sys", "0x1E KMODE_EXCEPTION_NOT_HANDLED - TCPIP.SYS"). */
const PROSE_DRIVER = /\b([A-Za-z0-9_$~-]{1,40}\.sys)\b/gi;
/** How far from a STOP its prose may name the driver (as clue-facts.ts reads articles). */
const PROSE_REACH = 600;
/** Driver names looked at: bounds the work on a pasted module list. */
const MAX_PROSE_DRIVERS = 64;

/**
 * Bug checks whose screen names no driver take the one `.sys` file the text names within reach,
 * as articles' STOPs do at ingest: people say the driver in their own words more often than they
 * paste the `*** Address` line. Two different files named there leave it unsaid.
 */
export function withProseDrivers(text: string, records: BugcheckRecord[]): BugcheckRecord[] {
  if (records.every((r) => r.driver !== undefined)) return records;
  const named: { at: number; name: string }[] = [];
  for (const m of text.matchAll(PROSE_DRIVER)) {
    if (named.length >= MAX_PROSE_DRIVERS) break;
    named.push({ at: m.index, name: m[1]! });
  }
  return records.map((r) => {
    if (r.driver !== undefined) return r;
    const near = named.filter((n) => Math.abs(n.at - r.at) <= PROSE_REACH).map((n) => n.name);
    return near.length > 0 && near.every((n) => n.toLowerCase() === near[0]!.toLowerCase()) ? { ...r, driver: near[0]! } : r;
  });
}
