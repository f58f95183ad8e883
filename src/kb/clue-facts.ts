/**
 * What an article prints that people paste back: its event-log entries (id, source, description),
 * its STOP screens (code, parameters, driver) and the programs or modules it names as faulting.
 * Read with the same readers as pastes (trace/events.ts, bugcheck.ts, app-error.ts), so both sides
 * of a match are read alike.
 */
import type { ArticleBugcheck, ArticleEvent } from '../model.js';
import { addressKey, isTellingAddress, readAppErrors } from '../trace/app-error.js';
import { readBugchecks } from '../trace/bugcheck.js';
import { readEvents, sourceAgreement } from '../trace/events.js';

/** Lines of reference lists (`   Q244976 XADM: Event ID 1197 ...`, `TITLE :`) name other articles' events: left out. */
export function withoutReferenceLines(body: string): string {
  return body
    .split('\n')
    .map((line) => (/^\s{0,12}(?:Q\d{5,7}:?\s|ARTICLE-ID:|TITLE\s{0,3}:)/.test(line) ? '' : line))
    .join('\n');
}

/** Descriptions are kept to this many characters (the first sentences carry the message). */
const MAX_DESCRIPTION = 400;
const MAX_EVENTS = 24;
const MAX_BUGCHECKS = 12;

function shortDescription(text: string): string {
  if (text.length <= MAX_DESCRIPTION) return text;
  const cut = text.slice(0, MAX_DESCRIPTION);
  const end = cut.lastIndexOf('. ');
  return end > 80 ? cut.slice(0, end + 1) : cut;
}

/** Event-log entries with a source or a description (a bare "Event ID 1197" is in `eventIds`). */
export function findArticleEvents(text: string): ArticleEvent[] {
  const events: ArticleEvent[] = [];
  for (const e of readEvents(text)) {
    // "LaserJet 500" in a hardware list is no event: a provider name next to a number is read in pastes only, as is chat's
    // bare number before a quote
    if ((e.source === undefined && e.description === undefined) || e.how === 'name' || e.how === 'chat') continue;
    const description = e.description !== undefined ? shortDescription(e.description) : undefined;
    const same = events.find((x) => x.id === e.id && (x.source === undefined || e.source === undefined || sourceAgreement(x.source, e.source) > 0));
    // the same message read by two readers (a dump's header and the sentence form) is one entry
    if (description !== undefined && events.some((x) => x.id === e.id && x.description === description && (x.source !== undefined || e.source === undefined))) continue;
    if (same) {
      // one entry read twice (a dump and the sentence about it): keep the richer reading
      if (same.source === undefined && e.source !== undefined) same.source = e.source;
      if (same.description === undefined && description !== undefined) same.description = description;
      if (same.description !== undefined && description !== undefined && same.description !== description && events.length < MAX_EVENTS) {
        events.push({ id: e.id, ...(same.source ? { source: same.source } : {}), description });
      }
      continue;
    }
    if (events.length >= MAX_EVENTS) break;
    events.push({ id: e.id, ...(e.source ? { source: e.source } : {}), ...(description ? { description } : {}) });
  }
  return events;
}

/** A driver file named in the prose around a STOP ("a STOP 0x0000000A error message when the Ofmntdrv.sys file does not run"). */
const PROSE_DRIVER = /\b([A-Za-z0-9_$~-]{1,40}\.sys)\b/gi;
/** How far either side of a STOP code its prose may name the driver: the same paragraph, about. */
const PROSE_REACH = 600;
/** Driver names looked at per article: bounds the work on a long file table (each costs one read of 1,200 characters). */
const MAX_PROSE_DRIVERS = 64;

/**
 * Per STOP code, the driver files the prose names within reach of one of its mentions. Read from
 * the drivers' side: the reader merges a code's mentions into one record, so its positions are lost.
 */
function driversNamedNear(text: string): Map<string, Set<string>> {
  const near = new Map<string, Set<string>>();
  let looked = 0;
  for (const m of text.matchAll(PROSE_DRIVER)) {
    if (++looked > MAX_PROSE_DRIVERS) break;
    const around = text.slice(Math.max(0, m.index - PROSE_REACH), m.index + PROSE_REACH);
    for (const b of readBugchecks(around)) {
      if (b.code === undefined) continue;
      const names = near.get(b.code) ?? new Set<string>();
      names.add(m[1]!);
      near.set(b.code, names);
    }
  }
  return near;
}

/**
 * A note that a screen's parameters vary ("The first parameter may vary depending on the computer configuration",
 * "NOTE: The first and fourth parameter, such as … depend on your system configuration", "… are specific to your
 * system configuration", "The parameters may differ"): the sentence up to its verb, whose ordinals name the positions. The wording is a handful, kept here.
 */
const VARY_NOTE = /\b(?:parameters?|arguments?|values?|addresses)\b[^.\n]{0,80}?(?:\n[^.\n]{0,80}?)?\b(?:(?:may|might|can|could|will|do|does)(?:\s+also)?\s+(?:vary|differ|change|be\s+different)|var(?:y|ies)|differs?|depends?\s+(?:up)?on\s+(?:your|the)\b|(?:is|are)\s+specific\s+to\s+(?:your|the|each)\b)/gi;
/** The positions a note may name, in order. */
const ORDINALS = [/\bfirst\b/, /\bsecond\b/, /\bthird\b/, /\bfourth\b/];
/** A note is about the STOP screen printed at most this far before it. */
const VARY_REACH = 600;
const MAX_VARY_NOTES = 16;

/** Per STOP code, the parameter positions its notes say vary (all four when a note names none). */
function varyingParameters(text: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let notes = 0;
  // a note is about the screens printed since the previous note ("STOP 0x24 (…)", "STOP 0x50 (…)", "the parameters may vary")
  let since = 0;
  for (const m of text.matchAll(VARY_NOTE)) {
    if (++notes > MAX_VARY_NOTES) break;
    // the note's sentence up to its verb: "but the last three should be all 0's" after it says what does not vary
    const start = Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf('\n\n', m.index), m.index - 120);
    const said = text.slice(start + 1, m.index + m[0].length).toLowerCase();
    let named = ORDINALS.flatMap((o, i) => (o.test(said) ? [i] : []));
    // "the second parameter is always the same, the other parameters may vary"
    if (named.length > 0 && /\b(?:other|remaining|rest of)\b/.test(said)) named = [0, 1, 2, 3].filter((i) => !named.includes(i));
    const from = Math.max(since, m.index - VARY_REACH);
    since = m.index + m[0].length;
    // read again between the notes: the records of the whole text are other screens (tried: 70 archive articles lost their notes)
    const screens = readBugchecks(text.slice(from, m.index)).filter((b) => b.code !== undefined && b.parameters !== undefined);
    // positions named: the screen right above; none named: every screen since the last note
    for (const screen of named.length > 0 ? screens.slice(-1) : screens) {
      const positions = out.get(screen.code!) ?? new Set<number>();
      for (const i of named.length > 0 ? named : [0, 1, 2, 3]) positions.add(i);
      out.set(screen.code!, positions);
    }
  }
  return out;
}

/** STOP screens and codes with what the article says about them. */
export function findArticleBugchecks(text: string): ArticleBugcheck[] {
  const out: ArticleBugcheck[] = [];
  for (const b of readBugchecks(text)) {
    if (b.code === undefined) continue;
    const same = out.find((x) => x.code === b.code);
    if (same) {
      if (same.driver === undefined && b.driver !== undefined) same.driver = b.driver;
      if (same.parameters.length === 0 && b.parameters) same.parameters = b.parameters;
      continue;
    }
    if (out.length >= MAX_BUGCHECKS) break;
    out.push({ code: b.code, ...(b.driver ? { driver: b.driver } : {}), parameters: b.parameters ?? [] });
  }
  const varying = varyingParameters(text);
  for (const b of out) {
    const positions = varying.get(b.code);
    if (positions && b.parameters.length > 0) b.varies = [...positions].sort((x, y) => x - y);
  }
  // no screen names the driver: the prose around the STOP often does, and people paste it ("0xA in ofmntdrv.sys");
  // two or more files named there leave it unsaid which one failed
  if (out.every((b) => b.driver !== undefined)) return out;
  const near = driversNamedNear(text);
  for (const b of out) {
    const names = [...(near.get(b.code) ?? [])];
    if (b.driver === undefined && names.length > 0 && names.every((n) => n.toLowerCase() === names[0]!.toLowerCase())) b.driver = names[0]!;
  }
  return out;
}

/**
 * Fault addresses the article prints with its crash reports. Small ones (`0x00000004`, a call through
 * a null pointer) are printed by many crashes and say nothing; a segment:offset keeps its segment.
 */
export function findFaultAddresses(text: string): string[] {
  const out = new Set<string>();
  for (const a of readAppErrors(text)) if (a.offset !== undefined && isTellingAddress(a.offset)) out.add(addressKey(a.offset));
  return [...out].slice(0, 16);
}

const FILE_IN_TITLE = /\b([A-Za-z0-9_$~-]{1,40}\.(?:sys|exe|dll|drv|ocx|dbg))\b/gi;

/** Programs and modules named as faulting: Dr. Watson / popup / fault-line apps and modules, STOP drivers, files in the title. */
export function findFaultModules(title: string, text: string, bugchecks: ArticleBugcheck[]): string[] {
  const names: string[] = [];
  const add = (name: string | undefined): void => {
    if (name && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  };
  for (const m of title.matchAll(FILE_IN_TITLE)) add(m[1]);
  for (const a of readAppErrors(text)) {
    add(a.app);
    add(a.module);
  }
  for (const b of bugchecks) add(b.driver);
  return names.slice(0, 16);
}
