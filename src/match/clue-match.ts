/**
 * Matching a paste's event-log entries, STOP screens and application errors against the clue
 * indexes. An event is its id with its source: a different source is a different event, a missing
 * one caps the confidence below `match`; description words decide between articles, insertion
 * strings (words no article's events use) are ignored. A STOP code alone is at best `possible`;
 * its driver (rare with that code, not overall) or its addresses make it one article's; addresses
 * the article prints otherwise count against it, and ones it cannot confirm keep it `possible`. Confidences in [0, 1], read by the same
 * verdict rule as traces (decideVerdict) at a threshold fitted by `npm run bench`.
 */
import type { Clue, ClueMatch } from '../model.js';
import { addressKey, isTellingAddress, moduleStem } from '../trace/app-error.js';
import { descriptionCodes, descriptionWords, sourceAgreement, type DescriptionCode } from '../trace/events.js';
import { codeDriverKey, type ClueIndex, type EventEntry } from './clue-index.js';
import { type ContextRules, loadContextRules } from './context-rules.js';

/** Confidence at or above which a clue match is `match` (fitted on the bench's calibration half). */
export const CLUE_MATCH_THRESHOLD = 0.61;

/**
 * Added when the article's title names the event id or STOP code: the article is about it, not
 * passing by. Below the tie margin (0.01), so it orders articles printing the same thing without
 * turning their tie (`possible`, all offered) into a `match` naming one.
 */
const TITLE_BONUS = 0.005;

/**
 * Taken off for each code or number (at most two) the article's description prints as a constant where the paste
 * prints another (`error 0000050A` against `error 00000BB8`): the same template with another message in it. Above
 * the tie margin, so one article printing the pasted code among several printing others is the `match`.
 */
const CODE_CONTRADICTION = 0.03;

/** Past the cap, each code the paste and the article's description both print orders articles tied at 1. */
const CODE_AGREEMENT = 0.01;

export interface ClueRanked {
  sig: number;
  confidence: number;
  matches: ClueMatch[];
}

type EventClue = Extract<Clue, { kind: 'event-id' }>;
type BugcheckClue = Extract<Clue, { kind: 'bugcheck' }>;
type AppClue = Extract<Clue, { kind: 'app-error' }>;

interface Scored {
  score: number;
  match: ClueMatch;
  /** The article's title names the event id or STOP code (orders a tie the cap at 1 would otherwise leave unordered). */
  titled?: boolean;
  /** The score uncapped, without the title bonus, with the codes both print: orders articles tied at the cap. */
  order?: number;
  /** Taken off `score` for codes the paste contradicts; taken off the article's combined confidence too, which the cap would hide. */
  penalty?: number;
}

function sumIdf(idf: ReadonlyMap<string, number>, words: Iterable<string>): number {
  let total = 0;
  for (const w of words) total += idf.get(w) ?? 0;
  return total;
}

/** How much of the article's description the paste holds, and of the paste's known words the article holds (harmonic mean). */
function descriptionAgreement(index: ClueIndex, entry: EventEntry, pasted: string[]): { sim: number; shared: string[] } {
  const known = pasted.filter((w) => index.wordIdf.has(w));
  const article = new Set(entry.words);
  const shared = known.filter((w) => article.has(w));
  const a = sumIdf(index.wordIdf, shared) / (sumIdf(index.wordIdf, entry.words) || 1);
  const b = sumIdf(index.wordIdf, shared) / (sumIdf(index.wordIdf, known) || 1);
  // the paste's words found in the article count most: a paste cut to its first sentence still fits
  return { sim: 0.6 * b + 0.4 * a, shared };
}

/**
 * Codes this long (`0000050A`, `80004005`, `30f0090`) name one condition; shorter numbers (`Error 8`, `RESULT 18`,
 * `0x4bf`) are as often counts or slots a site fills in, so another one pasted there contradicts nothing.
 */
const SPECIFIC_CODE = 7;

/** The article's codes the paste prints too, and its specific ones where the paste prints another specific one at the same place. */
function codeAgreement(article: readonly DescriptionCode[], pasted: readonly DescriptionCode[]): { agree: string[]; contradicted: string[] } {
  const pastedCodes = new Set(pasted.map((c) => c.code));
  const pastedAt = new Set(pasted.filter((c) => c.code.length >= SPECIFIC_CODE).map((c) => c.at));
  const agree: string[] = [];
  const contradicted: string[] = [];
  for (const c of article) {
    if (pastedCodes.has(c.code)) agree.push(c.code);
    else if (c.code.length >= SPECIFIC_CODE && pastedAt.has(c.at)) contradicted.push(c.code);
  }
  return { agree, contradicted };
}

function showEvent(id: number, source: string | undefined, description: string | undefined): string {
  const text = description !== undefined ? `: ${description.length > 120 ? `${description.slice(0, 117)}…` : description}` : '';
  return `event ${id}${source ? ` from ${source}` : ''}${text}`;
}

function scoreEvent(index: ClueIndex, clue: EventClue, entry: EventEntry, pastedWords: string[], pastedCodes: readonly DescriptionCode[] = []): Scored | undefined {
  const details = [`event id ${clue.id}`];
  let agreement: number | undefined;
  if (clue.source !== undefined && entry.source !== undefined) {
    agreement = sourceAgreement(clue.source, entry.source);
    // the same id under another source is another event
    if (agreement === 0) return undefined;
    details.push(agreement === 1 ? `source ${entry.source}` : `source ${clue.source} is of ${entry.source}'s family`);
  } else if (clue.source === undefined) details.push(entry.source ? `no source pasted (the article's: ${entry.source})` : 'no source on either side');
  else details.push(`the article names no source (pasted: ${clue.source})`);
  const desc = pastedWords.length > 0 && entry.words.length > 0 ? descriptionAgreement(index, entry, pastedWords) : undefined;
  if (desc) details.push(desc.shared.length > 0 ? `description words shared: ${desc.shared.slice(0, 8).join(', ')} (${desc.shared.length} of the article's ${entry.words.length})` : 'descriptions share no telling word');
  let score: number;
  const sim = desc?.sim;
  if (agreement !== undefined) {
    // without both descriptions only id and source agree; a description the article lacks cannot be checked
    const unchecked = pastedWords.length > 0 ? 0.5 : 0.66;
    // a description that differs (another message under the same id: the text inserted into a template) counts steeply against
    score = (sim !== undefined ? 0.3 + 0.7 * sim ** 3 : unchecked) * (agreement === 1 ? 1 : 0.9);
  }
  // the paste names no source: id and description must carry it
  else if (entry.source !== undefined) score = sim !== undefined ? 0.3 + 0.5 * sim ** 3 : 0.3;
  // the article prints no source: the same when the paste has none either, weaker against a stated one it cannot confirm
  else if (clue.source === undefined) score = sim !== undefined ? 0.25 + 0.65 * sim ** 3 : 0.26;
  else score = sim !== undefined ? 0.28 + 0.25 * sim * sim : 0.26;
  const codes = codeAgreement(entry.codes, pastedCodes);
  if (codes.agree.length > 0) details.push(`codes printed alike: ${codes.agree.slice(0, 4).join(', ')}`);
  if (codes.contradicted.length > 0) details.push(`the article prints ${codes.contradicted.slice(0, 4).join(', ')} where the paste prints another`);
  const contradiction = CODE_CONTRADICTION * Math.min(2, codes.contradicted.length);
  const order = score + CODE_AGREEMENT * codes.agree.length - contradiction;
  if (entry.inTitle) score += TITLE_BONUS;
  return {
    score: Math.min(1, score) - contradiction,
    order,
    ...(contradiction > 0 ? { penalty: contradiction } : {}),
    titled: entry.inTitle,
    match: { kind: 'event', pasted: showEvent(clue.id, clue.source, clue.description), article: showEvent(entry.id, entry.source, entry.description), details },
  };
}

/** Rarity of a driver or module among the articles: 1 for one or two, less for common ones (ntoskrnl, ntdll). */
function rarity(df: number): number {
  if (df <= 2) return 1;
  if (df <= 5) return 0.75;
  if (df <= 15) return 0.5;
  return 0.25;
}

interface PastedBugcheck {
  code: string;
  name?: string;
  driver?: string;
  parameters: string[];
  /** Stems of the drivers the screen's module list names. */
  modules: string[];
}

function pastedBugchecks(index: ClueIndex, clues: Clue[]): PastedBugcheck[] {
  const out: PastedBugcheck[] = [];
  for (const c of clues) {
    if (c.kind !== 'bugcheck') continue;
    const b = c as BugcheckClue;
    const code = b.code ?? (b.name !== undefined ? index.names.byName.get(b.name) : undefined);
    if (code === undefined) continue;
    out.push({ code, ...(b.name ? { name: b.name } : {}), ...(b.driver ? { driver: b.driver } : {}), parameters: b.parameters ?? [], modules: (b.modules ?? []).map(moduleStem) });
  }
  for (const c of clues) if (c.kind === 'stop-code' && !out.some((b) => b.code === c.code)) out.push({ code: c.code, parameters: [], modules: [] });
  return out;
}

function showStop(index: ClueIndex, code: string, driver: string | undefined, parameters: string[]): string {
  const name = index.names.byCode.get(code);
  return `STOP ${code}${name ? ` ${name}` : ''}${parameters.length > 0 ? ` (${parameters.map((p) => `0x${p}`).join(', ')})` : ''}${driver ? ` in ${driver}` : ''}`;
}

/**
 * An article's driver found only in the pasted module list counts this share of a named driver, and only when at most
 * LISTED_DRIVER_DF articles name it with the code (a list holds the disk and network drivers every machine loads).
 */
const LISTED_DRIVER = 0.75;
const LISTED_DRIVER_DF = 2;

/** Taken off when the pasted addresses cannot be checked: the same code and driver may be another crash, so at best `possible` (as an event description the article lacks). */
const UNCHECKED_PARAMETERS = 0.1;

/** An address or status (`80013693`, `c0000005`), not a small constant (an IRQL, a flag, a trap number). */
const addressLike = (p: string): boolean => p.length >= 4;

/** Positions where both sides print a value, neither zero (zeros are placeholders), and they differ on an address or status. */
function differingParameters(pasted: string[], article: string[]): number {
  let differ = 0;
  pasted.forEach((p, i) => {
    const a = article[i];
    if (a === undefined || p === '0' || a === '0' || p === a) return;
    if (addressLike(p) || addressLike(a)) differ++;
  });
  return differ;
}

function scoreBugchecks(index: ClueIndex, pasted: PastedBugcheck, add: (sig: number, s: Scored) => void): void {
  const driver = pasted.driver !== undefined ? moduleStem(pasted.driver) : undefined;
  for (const entry of index.bugchecks.get(pasted.code) ?? []) {
    const name = index.names.byCode.get(pasted.code);
    const details = [`STOP code ${pasted.code}${name ? ` (${name})` : ''}`];
    let score = 0.3;
    // the article's driver in the screen's module list, rare with this code: the fault surfaced elsewhere (the kernel) but this driver was loaded
    const listed = driver === undefined || !entry.drivers.includes(driver) ? entry.drivers.find((d) => pasted.modules.includes(d) && (index.codeDriverDf.get(codeDriverKey(pasted.code, d)) ?? 1) <= LISTED_DRIVER_DF) : undefined;
    if (listed !== undefined) {
      score += 0.35 * LISTED_DRIVER;
      details.push(`driver ${listed} in the pasted module list, as the article names it`);
    } else if (driver !== undefined && entry.drivers.length > 0) {
      if (entry.drivers.includes(driver)) {
        // rare with this code, not overall: tcpip.sys is named in many STOP articles, with 0x1E in few
        const df = index.codeDriverDf.get(codeDriverKey(pasted.code, driver)) ?? 1;
        const r = rarity(df);
        score += 0.35 * r;
        details.push(`driver ${pasted.driver}${r < 1 ? ` (named with this code in ${df} articles)` : ''}`);
      } else {
        score -= 0.1;
        details.push(`driver differs: pasted ${pasted.driver}, the article names ${entry.drivers.join(', ')}`);
      }
    }
    let paramScore = 0;
    const same: string[] = [];
    let telling = false;
    pasted.parameters.forEach((p, i) => {
      if (p === '0' || entry.parameters[i] !== p) return;
      // an address or a status few articles print says much; 1 or 2 (an IRQL, a flag) says little
      const df = index.parameterDf.get(`${i}:${p}`) ?? 1;
      const weight = !addressLike(p) ? 0.03 : df <= 2 ? 0.32 : df <= 5 ? 0.12 : 0.04;
      telling ||= weight >= 0.12;
      paramScore += weight;
      same.push(`0x${p}`);
    });
    if (same.length > 0) details.push(`parameters ${same.join(', ')} as in the article`);
    // a position the article says varies is printed as an example: read as the zero placeholder, it neither differs nor matches
    const differ = differingParameters(pasted.parameters, entry.varies ? entry.parameters.map((a, i) => (entry.varies!.includes(i) ? '0' : a)) : entry.parameters);
    // none of the article's telling addresses or statuses is pasted and they differ: another crash with this code
    if (!telling && differ > 0) {
      score -= 0.15;
      details.push('parameters differ from the article\'s');
    } else if (differ > 0) details.push(`${differ} parameter${differ > 1 ? 's differ' : ' differs'} from the article's`);
    // a whole screen pasted against an article printing no parameters: its addresses cannot be checked (as a description the article lacks)
    // …or one saying all its parameters vary ("the parameters may differ") when none of its telling ones is pasted: examples, nothing checked
    else if ((entry.parameters.length === 0 || (entry.varies?.length === 4 && !telling)) && pasted.parameters.some(addressLike)) {
      score -= UNCHECKED_PARAMETERS;
      details.push('the article prints no parameters to check');
    }
    // past the cap, an address the article prints otherwise still tells two near-identical screens apart
    score += Math.min(0.45, paramScore) - (telling ? 0.05 * differ : 0);
    if (entry.inTitle) score += TITLE_BONUS;
    add(entry.sig, {
      score: Math.min(1, score),
      titled: entry.inTitle,
      match: { kind: 'bugcheck', pasted: showStop(index, pasted.code, pasted.driver, pasted.parameters), article: showStop(index, entry.code, entry.drivers[0], entry.parameters), details },
    });
  }
}

/** A file in more fixes than this (KERNEL32.DLL, MFC42.DLL) says nothing about which one a crash in it needs. */
const MAX_FIX_FILE_DF = 15;

/** The program and its faulting module named together: at least PAIR_BASE, up to PAIR_BASE + PAIR_WEIGHT when one or two articles name both (`possible`; with the exception code or title words, more). */
const PAIR_BASE = 0.3;
const PAIR_WEIGHT = 0.25;

/** A fault address printed by at most this many articles names their crash. */
const ADDRESS_DF = 2;
/** An address alone is `possible`; with the program or module the article names, a `match`. */
const ADDRESS_WEIGHT = 0.55;

function scoreAppError(index: ClueIndex, clue: AppClue, exceptionCodes: (sig: number) => string[], add: (sig: number, s: Scored) => void): void {
  const parts = new Map<number, { score: number; details: string[]; printed: string[]; roles: number }>();
  const partOf = (sig: number) => {
    let p = parts.get(sig);
    if (!p) parts.set(sig, (p = { score: 0, details: [], printed: [], roles: 0 }));
    return p;
  };
  /** One more role (program, faulting module) the article names, worth `score`. */
  const credit = (sig: number, score: number, detail: string, printed: string): void => {
    const p = partOf(sig);
    p.score += score;
    p.roles++;
    p.details.push(detail);
    p.printed.push(printed);
  };
  const named: [string | undefined, string][] = [
    [clue.app, 'application'],
    [clue.module, 'faulting module'],
  ];
  const seen = new Set<string>();
  for (const [name, role] of named) {
    if (name === undefined) continue;
    const stem = moduleStem(name);
    if (seen.has(stem)) continue;
    seen.add(stem);
    const entries = index.modules.get(stem) ?? [];
    const r = rarity(new Set(entries.map((e) => e.sig)).size);
    const counted = new Set<number>();
    for (const e of entries) {
      // one article naming the module twice (Snaexp.exe, snaexp.dbg) counts once
      if (counted.has(e.sig)) continue;
      counted.add(e.sig);
      credit(e.sig, 0.3 * r, `${role} ${name} (the article names ${e.printed})`, e.printed);
    }
    // the file a fix replaces: a faulting module the article names only in its file table or resolution
    const fixed = role === 'faulting module' ? (index.fixFiles.get(stem) ?? []) : [];
    const fixDf = new Set(fixed.map((e) => e.sig)).size;
    if (fixDf > MAX_FIX_FILE_DF) continue;
    for (const e of fixed) {
      if (counted.has(e.sig)) continue;
      counted.add(e.sig);
      credit(e.sig, 0.3 * rarity(fixDf), `${role} ${name} (the article's fix replaces ${e.printed})`, e.printed);
    }
  }
  // the fault address the article prints: one crash, not every crash of a common program (WINWORD.EXE)
  const printedAt = clue.offset !== undefined && isTellingAddress(clue.offset) ? (index.addresses.get(addressKey(clue.offset)) ?? []) : [];
  const sameAddress = new Set(printedAt.length <= ADDRESS_DF ? printedAt : []);
  for (const sig of sameAddress) partOf(sig);
  // the program and the module it faulted in, both named by the article: as rare as the articles naming the two together
  // (VFP and KERNEL32.DLL are each in dozens, together in four)
  let pairDf = 0;
  for (const p of parts.values()) if (p.roles >= 2) pairDf++;
  for (const [sig, p] of parts) {
    if (p.roles >= 2) {
      const pair = PAIR_BASE + PAIR_WEIGHT * rarity(pairDf);
      if (pair > p.score) {
        p.score = pair;
        p.details.push(`program and faulting module named together${pairDf > 1 ? ` (by ${pairDf} articles)` : ''}`);
      }
    }
    if (sameAddress.has(sig)) {
      p.score += ADDRESS_WEIGHT;
      p.details.push(`fault address ${clue.offset} as the article prints it`);
      p.printed.push(clue.offset!);
    }
    if (clue.code !== undefined && exceptionCodes(sig).includes(clue.code)) {
      p.score += 0.15;
      p.details.push(`exception code ${clue.code}`);
    }
    const pasted = [clue.app, clue.module].filter(Boolean).join(' / ') + (clue.code ? ` (${clue.code})` : '');
    add(sig, { score: Math.min(sameAddress.has(sig) ? 0.9 : 0.8, p.score), match: { kind: 'app-error', pasted, article: p.printed.join(', '), details: p.details } });
  }
}

/** Taken off per pasted clue another article fits and this one does not (above the tie margin, 0.01), at most twice. */
const UNEXPLAINED = 0.02;
const MAX_UNEXPLAINED = 2;

/**
 * At most this much is added for the paste's words in an article's title (IDF-weighted share of the title said):
 * enough to order articles printing the same STOP code or naming the same module ("SNA Server Twinax Connection …
 * Traps with 0x00000050" for a paste about twinax), less than a driver or an address is worth.
 */
const CONTEXT_WEIGHT = 0.1;

/** The words of rules/context-words.txt, loaded once. */
const CONTEXT_RULES = loadContextRules();

/**
 * Words that name the pasted clues themselves (the STOP's symbolic name, the driver, program and module stems) and
 * the screen or report (rules/context-words.txt): already counted as clues, so not counted again from the title.
 */
export function clueWords(index: ClueIndex, clues: readonly Clue[], rules: ContextRules = CONTEXT_RULES): Set<string> {
  const out = new Set<string>();
  const addWords = (text: string | undefined): void => {
    for (const w of (text ?? '').toLowerCase().split(/[^a-z]+/)) if (w) out.add(w);
  };
  for (const c of clues) {
    if (c.kind === 'bugcheck' || c.kind === 'stop-code') {
      for (const w of rules.words('stop-words')) out.add(w);
      addWords(c.kind === 'bugcheck' ? c.name : undefined);
      addWords(index.names.byCode.get(c.code ?? ''));
      if (c.kind === 'bugcheck' && c.driver !== undefined) addWords(moduleStem(c.driver));
    } else if (c.kind === 'app-error') {
      for (const w of rules.words('app-error-words')) out.add(w);
      for (const name of [c.app, c.module]) if (name !== undefined) addWords(moduleStem(name));
    }
  }
  return out;
}

/** The share of the article's title (by IDF) the paste's words say, and those words; none without a telling word. Clue words count on neither side. */
export function titleAgreement(index: ClueIndex, sig: number, context: ReadonlySet<string>, excluded: ReadonlySet<string> = new Set()): { share: number; shared: string[] } {
  const words = index.titleWords.get(sig) ?? [];
  let total = 0;
  let said = 0;
  const shared: string[] = [];
  for (const w of words) {
    if (excluded.has(w)) continue;
    const idf = index.titleIdf.get(w) ?? 0;
    total += idf;
    if (context.has(w)) {
      said += idf;
      shared.push(w);
    }
  }
  return total > 0 && shared.length > 0 ? { share: said / total, shared } : { share: 0, shared: [] };
}

/** Per article, the best score of each pasted clue, combined: the best counts fully, further clues add a little. */
export function rankClues(index: ClueIndex, clues: Clue[], exceptionCodes: (sig: number) => string[], limit: number, context: readonly string[] = []): ClueRanked[] {
  const perSig = new Map<number, Map<string, Scored>>();
  const eventWords = new Set<string>();
  const add = (key: string) => (sig: number, s: Scored) => {
    let byClue = perSig.get(sig);
    if (!byClue) perSig.set(sig, (byClue = new Map()));
    const seen = byClue.get(key);
    if (!seen || s.score > seen.score) byClue.set(key, s);
  };
  clues.forEach((c, k) => {
    if (c.kind !== 'event-id') return;
    const words = c.description !== undefined ? descriptionWords(c.description) : [];
    for (const w of words) eventWords.add(w);
    const codes = c.description !== undefined ? descriptionCodes(c.description) : [];
    const put = add(`event:${k}`);
    for (const entry of index.events.get(c.id) ?? []) {
      const s = scoreEvent(index, c, entry, words, codes);
      if (s) put(entry.sig, s);
    }
  });
  pastedBugchecks(index, clues).forEach((b, k) => scoreBugchecks(index, b, add(`stop:${k}`)));
  clues.forEach((c, k) => {
    if (c.kind === 'app-error') scoreAppError(index, c, exceptionCodes, add(`app:${k}`));
  });
  // clues some article fits: an article fitting fewer of them than another explains less of the paste
  const fitted = new Set<string>();
  for (const byClue of perSig.values()) for (const key of byClue.keys()) fitted.add(key);
  const ranked: ClueRanked[] = [];
  const titled = new Set<number>();
  const excluded = context.length > 0 ? clueWords(index, clues) : new Set<string>();
  const said = new Set(context.filter((w) => !excluded.has(w)));
  // the words around a pasted event, not its description's (already weighed): what the articles printing it say besides
  const around = [...said].filter((w) => !eventWords.has(w));
  const order = new Map<number, number>();
  const aroundWords = new Map<number, number>();
  for (const [sig, byClue] of perSig) {
    const scored = [...byClue.values()].sort((a, b) => b.score - a.score);
    // two pasted events both at full score cap at 1 either way: what the article leaves unexplained tells them apart
    const unexplained = Math.min(MAX_UNEXPLAINED, fitted.size - byClue.size);
    // a code contradicted in a second pasted event counts too: past the cap the other entry would hide it
    const penalty = Math.min(2 * CODE_CONTRADICTION, scored.reduce((sum, s) => sum + (s.penalty ?? 0), 0));
    let confidence = Math.min(1, scored.reduce((sum, s, i) => sum + (s.score + (s.penalty ?? 0)) * (i === 0 ? 1 : i === 1 ? 0.25 : 0.1), 0)) - penalty - UNEXPLAINED * unexplained;
    const matches = scored.map((s) => s.match);
    // the paste's own words in the title of an article printing its STOP or naming its module (events order by their descriptions)
    const strong = matches.find((m) => m.kind === 'bugcheck' || m.kind === 'app-error');
    if (strong && said.size > 0) {
      const title = titleAgreement(index, sig, said, excluded);
      if (title.share > 0) {
        confidence = Math.min(1, confidence + CONTEXT_WEIGHT * title.share);
        strong.details.push(`the paste says ${title.shared.slice(0, 6).join(', ')} of the article's title`);
      }
    }
    ranked.push({ sig, confidence, matches });
    if (scored.some((s) => s.titled)) titled.add(sig);
    if (scored.some((s) => s.order !== undefined)) {
      order.set(sig, scored.reduce((sum, s, i) => sum + (s.order ?? s.score) * (i === 0 ? 1 : i === 1 ? 0.25 : 0.1), 0));
      const body = index.bodyWords.get(sig);
      if (body && around.length > 0) aroundWords.set(sig, sumIdf(index.bodyIdf, around.filter((w) => body.has(w))));
    }
  }
  // at the cap (1) the description's agreement, the codes, the words around the entry and the title bonus are lost:
  // among equals, the article printing more of the paste comes first, then the article about the event
  const byOrder = (sig: number): number => order.get(sig) ?? 0;
  const byAround = (sig: number): number => aroundWords.get(sig) ?? 0;
  const byTitle = (sig: number): number => (titled.has(sig) ? 1 : 0);
  ranked.sort((a, b) => b.confidence - a.confidence || byOrder(b.sig) - byOrder(a.sig) || byAround(b.sig) - byAround(a.sig) || byTitle(b.sig) - byTitle(a.sig) || a.sig - b.sig);
  return ranked.slice(0, limit);
}
