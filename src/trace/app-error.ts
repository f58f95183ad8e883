/**
 * Application crash reports (ops-pastes.md §4–5, stack-formats.md WER events): Dr. Watson for NT
 * (`App: exe\snaexp.dbg (pid=201)`, `Exception number: c0000005`), its event 4097 sentence
 * ("The application, exe\x.dbg, generated an application error … was c0000005 at address 67241535"),
 * Application Error 1000 in today's wording (`Faulting application name: store.exe, version: …`)
 * and XP's ("Faulting application store.exe, version …, faulting module …, fault address 0x…"),
 * WER's APPCRASH (`Application Name:`, `Fault Module Name:`), the "instruction at … referenced
 * memory at …" popup with its window title, and the Win9x "caused an invalid page fault in module"
 * line. Read the same way from pastes and from article text.
 */

export interface AppErrorRecord {
  at: number;
  app?: string;
  appVersion?: string;
  module?: string;
  moduleVersion?: string;
  /** Exception code, 8 lower-case hex digits. */
  code?: string;
  offset?: string;
}

const FILE = '([A-Za-z0-9_$~.\\\\:-]{1,120}?\\.(?:exe|dll|dbg|sys|ocx|drv|com|cpl))';
const VERSION = '(\\d{1,5}(?:\\.\\d{1,6}){1,3})';
const HEX = '(?:0x)?([0-9a-fA-F]{1,16})';
/** A program named by its module name alone (`WINWORD`, `EMPIRES2`): capitals and digits, as Windows 3.x and 9x print it. */
const BARE_MODULE = '([A-Z][A-Z0-9_]{1,11})';

/** The file name without its folder (`exe\snaexp.dbg` → `snaexp.dbg`). */
export function baseFile(path: string): string {
  const slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return path.slice(slash + 1);
}

/** A module's stem for comparing: `SNAEXP.DBG`, `snaexp.exe`, `exe\snaexp.dbg` → `snaexp`. */
export function moduleStem(name: string): string {
  return baseFile(name)
    .toLowerCase()
    .replace(/\.(?:exe|dll|dbg|sys|ocx|drv|com|cpl|pdb)$/, '');
}

function code(hex: string | undefined): string | undefined {
  if (!hex) return undefined;
  const h = hex.toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{8}$/.test(h) ? h : undefined;
}

type Field = 'app' | 'appVersion' | 'module' | 'moduleVersion' | 'code' | 'offset';

/** One regular expression per field that reports may print; group 1 is the value. */
const FIELDS: [Field, RegExp][] = [
  ['app', new RegExp(`\\bApp:\\s{0,4}${FILE}`, 'gi')],
  ['app', new RegExp(`\\bFaulting application(?: name)?:?\\s{0,4}${FILE}`, 'gi')],
  ['app', new RegExp(`\\bApplication Name:\\s{0,4}${FILE}`, 'gi')],
  ['app', new RegExp(`\\bThe application,?\\s{1,3}${FILE},?\\s{1,3}generated an application error`, 'gi')],
  ['app', new RegExp(`${FILE}\\s{0,3}-\\s{0,3}Application Error`, 'gi')],
  ['app', new RegExp(`${FILE}\\s{1,3}caused an? [a-z ]{3,40}?\\s{1,3}in\\s{1,3}module`, 'gi')],
  // Windows 3.x / 9x name the program by its module name, without an extension: "WINWORD caused an invalid page fault in"
  ['app', new RegExp(`(?:^|[\\s"'>])${BARE_MODULE}\\s{1,3}caused an? (?:[Gg]eneral [Pp]rotection|[Ii]nvalid [Pp]age|[Ss]tack) [Ff]ault\\b`, 'g')],
  // the Visual C++ debugger: "Unhandled exception in inventory.exe (MSJT3032.DLL): 0xC0000005: Access Violation"
  ['app', new RegExp(`\\bUnhandled exception in\\s{1,3}${FILE}`, 'gi')],
  ['module', new RegExp(`\\bUnhandled exception in\\s{1,3}[^\\s(]{1,120}\\s{0,3}\\(${FILE}\\)`, 'gi')],
  ['code', new RegExp(`\\bUnhandled exception in\\s{1,3}[^\\s(]{1,120}(?:\\s{0,3}\\([^()\\n]{1,120}\\))?:\\s{0,3}${HEX}`, 'gi')],
  ['appVersion', new RegExp(`\\bFaulting application(?: name)?:?\\s{0,4}[^,\\n]{1,120},\\s{0,3}version:?\\s{0,3}${VERSION}`, 'gi')],
  ['appVersion', new RegExp(`\\bApplication Version:\\s{0,4}${VERSION}`, 'gi')],
  ['module', new RegExp(`\\bfaulting module(?: name)?:?\\s{0,4}${FILE}`, 'gi')],
  ['module', new RegExp(`\\bFault Module Name:\\s{0,4}${FILE}`, 'gi')],
  ['module', new RegExp(`\\bin\\s{1,3}module\\s{1,3}${FILE}`, 'gi')],
  ['moduleVersion', new RegExp(`\\bfaulting module(?: name)?:?\\s{0,4}[^,\\n]{1,120},\\s{0,3}version:?\\s{0,3}${VERSION}`, 'gi')],
  ['moduleVersion', new RegExp(`\\bFault Module Version:\\s{0,4}${VERSION}`, 'gi')],
  ['code', new RegExp(`\\bException (?:number|code):\\s{0,4}${HEX}`, 'gi')],
  ['code', new RegExp(`\\bgenerated an application error[^\\n]{0,120}?was ${HEX}`, 'gi')],
  ['offset', new RegExp(`\\b(?:Fault offset|Exception Offset|fault address):?\\s{0,4}${HEX}`, 'gi')],
  ['offset', new RegExp(`\\bThe instruction at\\s{0,2}[:"']?${HEX}["']? referenc(?:ed|es|e) memory`, 'gi')],
  // Win9x prints 32-bit offsets (0137:30012f4a), Windows 3.x 16-bit ones (0008:1F6A)
  ['offset', new RegExp(`in\\s{1,3}module\\s{1,3}[^\\s]{1,60}\\s{1,3}at\\s{1,3}([0-9a-fA-F]{4}:[0-9a-fA-F]{4,8})\\b`, 'gi')],
];

/** A fault address for comparing: the offset without its segment (Win9x selectors differ between machines: `0137:` / `014f:`), no leading zeros. */
export function addressKey(offset: string): string {
  const off = offset.includes(':') ? offset.slice(offset.indexOf(':') + 1) : offset;
  return off.toLowerCase().replace(/^0+/, '');
}

/** An address that can tell crashes apart: at least five significant hex digits (`300b68e0`, not `00000004` or a 16-bit `1f6a`). */
export function isTellingAddress(offset: string): boolean {
  return addressKey(offset).length >= 5;
}

/** Parts of one report lie within this many characters of its first part. */
const REPORT_REACH = 1500;

export function readAppErrors(text: string): AppErrorRecord[] {
  const found: { at: number; field: Field; value: string }[] = [];
  for (const [field, pattern] of FIELDS) {
    for (const m of text.matchAll(pattern)) {
      let value = m[1]!;
      if (field === 'code') {
        const c = code(value);
        if (!c) continue;
        value = c;
      } else if (field === 'offset') value = value.toLowerCase();
      else if (field === 'app' || field === 'module') value = baseFile(value).replace(/\s*\(pid=\d+\)$/i, '');
      found.push({ at: m.index, field, value });
    }
  }
  // the popup names its exception only in words
  for (const m of text.matchAll(/\bThe instruction at\s{0,2}[:"']?(?:0x)?[0-9a-fA-F]{1,16}["']? referenc(?:ed|es|e) memory at/gi)) found.push({ at: m.index, field: 'code', value: 'c0000005' });
  found.sort((a, b) => a.at - b.at);
  const records: AppErrorRecord[] = [];
  let current: AppErrorRecord | undefined;
  for (const f of found) {
    if (!current || f.at - current.at > REPORT_REACH || current[f.field] !== undefined) {
      // a field seen again starts a new report, unless it repeats the same value
      if (current && current[f.field] === f.value && f.at - current.at <= REPORT_REACH) continue;
      // a second popup or fault line right after the first is the same program's ("then a second one: The instruction at …")
      const sameProgram = current !== undefined && f.field !== 'app' && f.at - current.at <= REPORT_REACH ? current.app : undefined;
      current = { at: f.at, ...(sameProgram !== undefined ? { app: sameProgram } : {}) };
      records.push(current);
    }
    current[f.field] = f.value;
  }
  return records.filter((r) => r.app !== undefined || r.module !== undefined);
}
