/**
 * Indexes over what articles print besides stacks, built once at load: event-log entries by id
 * (with source and description words), STOP codes with their drivers and parameters, and the
 * modules articles name as faulting. A paste's clues touch only the postings of their own id,
 * code or module; description words weigh by how rare they are among the articles' events.
 */
import type { Signature } from '../model.js';
import { moduleStem } from '../trace/app-error.js';
import { readBugchecks } from '../trace/bugcheck.js';
import { descriptionCodes, descriptionWords, type DescriptionCode } from '../trace/events.js';
import { loadBugcheckNames, type BugcheckNames } from './bugchecks.js';

export interface EventEntry {
  sig: number;
  id: number;
  source?: string;
  description?: string;
  /** Description words (placeholders, numbers and stop words left out). */
  words: string[];
  /** The article's title names this event id: the event is what the article is about. */
  inTitle: boolean;
  /** Codes and numbers the description prints as constants (`error 0000050A`): a paste printing others there is another message. */
  codes: DescriptionCode[];
}

export interface BugcheckEntry {
  sig: number;
  code: string;
  /** Driver stem (`tcpip`), the article's own or a faulting module it names. */
  drivers: string[];
  parameters: string[];
  /** Positions whose value the article says varies: another value pasted there is no mismatch. */
  varies?: number[];
  inTitle: boolean;
}

export interface ModuleEntry {
  sig: number;
  /** The module as the article prints it. */
  printed: string;
}

export interface ClueIndex {
  events: Map<number, EventEntry[]>;
  /** Words of the symptoms and error messages of articles printing an event: the paste's words around the entry order articles printing the same one. */
  bodyWords: Map<number, Set<string>>;
  /** IDF of those words among those articles. */
  bodyIdf: Map<string, number>;
  /** IDF of description words over the articles' event entries. */
  wordIdf: Map<string, number>;
  bugchecks: Map<string, BugcheckEntry[]>;
  /** Articles naming each driver stem in a STOP, for its rarity. */
  driverDf: Map<string, number>;
  /** Articles naming each driver stem with each STOP code (`0x0000001E:isotp`): tcpip is everywhere, with 0x1E in few. */
  codeDriverDf: Map<string, number>;
  /** Articles printing each STOP parameter at each position (`0:b`), for its rarity. */
  parameterDf: Map<string, number>;
  modules: Map<string, ModuleEntry[]>;
  /**
   * Files an article's fix replaces (its file table, the file its resolution names: "the updated version of MSJT3032.DLL"),
   * by stem, where the article does not name them as faulting: a crash in the file a fix replaces is often that article's.
   */
  fixFiles: Map<string, ModuleEntry[]>;
  /** Title words of the articles printing a STOP code or naming a faulting module or fix file (trace/events.ts descriptionWords). */
  titleWords: Map<number, string[]>;
  /** IDF of those title words among those articles: "stop", "error", "fault" weigh little, "twinax" much. */
  titleIdf: Map<string, number>;
  /** Articles printing each fault address (`014f:300b68e0`, `5f402181`). */
  addresses: Map<string, number[]>;
  names: BugcheckNames;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const codeDriverKey = (code: string, stem: string): string => `${code}:${stem}`;

/** Event ids a title names ("XADM: Event ID 1197 and 1005 When …"). */
function titleEventIds(title: string): Set<number> {
  const ids = new Set<number>();
  for (const m of title.matchAll(/\bevent(?:\s{0,2}ids?)?[\s:#]{0,3}(\d{1,5})((?:\s{0,2}(?:,|and|or|\/)\s{0,2}\d{1,5}){0,6})/gi)) {
    ids.add(Number(m[1]));
    for (const n of (m[2] ?? '').matchAll(/\d{1,5}/g)) ids.add(Number(n[0]));
  }
  return ids;
}

/** A file name in a fix's summary or carriers ("To obtain the updated version of MSJT3032.DLL"). */
const FIX_FILE = /\b([A-Za-z0-9_$~-]{1,40}\.(?:dll|exe|sys|drv|ocx|vxd|cpl))\b/gi;
const HAS_FILE = /\.(?:dll|exe|sys|drv|ocx|vxd|cpl)\b/i;
const NO_FILES: ReadonlyMap<string, string> = new Map();
/** File names kept per article. */
const MAX_FIX_FILES = 16;
/** A file table of at most this many rows is read for the files a fix replaces. */
const MAX_TABLE_ROWS = 8;

/** The files an article's fix replaces that it does not name as faulting. */
function fixFilesOf(sig: Signature, faulting: ReadonlySet<string>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const add = (name: string): void => {
    const stem = moduleStem(name);
    if (out.size < MAX_FIX_FILES && !faulting.has(stem) && !out.has(stem)) out.set(stem, name);
  };
  // a small hotfix's table names the files it replaces; a service pack's hundred rows say nothing of one crash
  if (sig.files.length <= MAX_TABLE_ROWS) for (const f of sig.files) add(f.name);
  for (const text of [sig.fix.summary, ...(sig.fix.carriers ?? [])]) {
    // most fixes name no file: a quick look first, the full pattern only where an extension is
    if (HAS_FILE.test(text)) for (const m of text.matchAll(FIX_FILE)) add(m[1]!);
  }
  return out;
}

/** Adds one to each word's document frequency in `df`. */
function countWords(df: Map<string, number>, words: Iterable<string>): void {
  for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
}

/** Each word's IDF among `docs` documents, from its document frequency. */
function idfOf(df: ReadonlyMap<string, number>, docs: number): Map<string, number> {
  const idf = new Map<string, number>();
  for (const [w, n] of df) idf.set(w, Math.log(1 + docs / n));
  return idf;
}

export function buildClueIndex(signatures: readonly Signature[], names: BugcheckNames = loadBugcheckNames()): ClueIndex {
  const events = new Map<number, EventEntry[]>();
  const wordDf = new Map<string, number>();
  let described = 0;
  const bugchecks = new Map<string, BugcheckEntry[]>();
  const driverDf = new Map<string, number>();
  const codeDriverDf = new Map<string, number>();
  const parameterDf = new Map<string, number>();
  const modules = new Map<string, ModuleEntry[]>();
  const addresses = new Map<string, number[]>();
  const fixFiles = new Map<string, ModuleEntry[]>();
  const titleWords = new Map<number, string[]>();
  const titleDf = new Map<string, number>();
  const bodyWords = new Map<number, Set<string>>();
  const bodyDf = new Map<string, number>();

  signatures.forEach((sig, s) => {
    const inTitle = sig.eventIds.length > 0 || (sig.events?.length ?? 0) > 0 ? titleEventIds(sig.title) : new Set<number>();
    const listed = new Set<number>();
    for (const e of sig.events ?? []) {
      const words = e.description !== undefined ? descriptionWords(e.description) : [];
      if (words.length > 0) {
        described++;
        countWords(wordDf, words);
      }
      listed.add(e.id);
      const codes = e.description !== undefined ? descriptionCodes(e.description) : [];
      push(events, e.id, { sig: s, id: e.id, ...(e.source ? { source: e.source } : {}), ...(e.description ? { description: e.description } : {}), words, inTitle: inTitle.has(e.id), codes });
    }
    // an id the article names without printing the entry: id alone
    for (const id of sig.eventIds) if (!listed.has(id)) push(events, id, { sig: s, id, words: [], inTitle: inTitle.has(id), codes: [] });
    if (listed.size > 0 || sig.eventIds.length > 0) {
      const words = new Set(descriptionWords([sig.title, ...(sig.errorMessages ?? []), sig.symptoms].join('\n')));
      bodyWords.set(s, words);
      countWords(bodyDf, words);
    }

    const faulting = (sig.faultModules ?? []).map(moduleStem);
    for (const [k, stem] of faulting.entries()) push(modules, stem, { sig: s, printed: sig.faultModules?.[k] ?? stem });
    for (const a of sig.faultAddresses ?? []) push(addresses, a, s);
    const fixed = sig.files.length > 0 || HAS_FILE.test(sig.fix.summary) ? fixFilesOf(sig, new Set(faulting)) : NO_FILES;
    for (const [stem, printed] of fixed) push(fixFiles, stem, { sig: s, printed });
    if (faulting.length > 0 || fixed.size > 0 || sig.stopCodes.length > 0 || (sig.bugchecks?.length ?? 0) > 0) {
      const words = descriptionWords(sig.title);
      titleWords.set(s, words);
      countWords(titleDf, words);
    }
    if (sig.stopCodes.length === 0 && (sig.bugchecks?.length ?? 0) === 0) return;
    const titleCodes = new Set(readBugchecks(sig.title).flatMap((b) => (b.code ? [b.code] : [])));
    const seenDrivers = new Set<string>();
    const codes = new Map<string, BugcheckEntry>();
    for (const b of sig.bugchecks ?? []) {
      const drivers = [...new Set([...(b.driver ? [moduleStem(b.driver)] : []), ...faulting])];
      for (const d of drivers) seenDrivers.add(d);
      codes.set(b.code, { sig: s, code: b.code, drivers, parameters: b.parameters, ...(b.varies ? { varies: b.varies } : {}), inTitle: titleCodes.has(b.code) });
      b.parameters.forEach((p, i) => parameterDf.set(`${i}:${p}`, (parameterDf.get(`${i}:${p}`) ?? 0) + 1));
    }
    for (const code of sig.stopCodes) if (!codes.has(code)) codes.set(code, { sig: s, code, drivers: faulting, parameters: [], inTitle: titleCodes.has(code) });
    for (const d of faulting) seenDrivers.add(d);
    for (const d of seenDrivers) driverDf.set(d, (driverDf.get(d) ?? 0) + 1);
    for (const entry of codes.values()) {
      push(bugchecks, entry.code, entry);
      for (const d of entry.drivers) codeDriverDf.set(codeDriverKey(entry.code, d), (codeDriverDf.get(codeDriverKey(entry.code, d)) ?? 0) + 1);
    }
  });

  return {
    events,
    bodyWords,
    bodyIdf: idfOf(bodyDf, bodyWords.size),
    wordIdf: idfOf(wordDf, described),
    bugchecks,
    driverDf,
    codeDriverDf,
    parameterDf,
    modules,
    fixFiles,
    titleWords,
    titleIdf: idfOf(titleDf, titleWords.size),
    addresses,
    names,
  };
}
