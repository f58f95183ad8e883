/**
 * What the text just before a file table says about it: whether an intro phrase announces it
 * ("...should have the following file attributes or later"), the language of the fix ("The
 * Japanese version of this fix"), a `Component:` line, and a platform heading ("Alpha:").
 */
import type { Token } from './file-table-tokens.js';

export interface TableContext {
  intro: boolean;
  /** The text before the table talks about a fix (hotfix, update, attributes...), not a disk listing. */
  aboutFix: boolean;
  component?: string;
  language?: string;
  platform?: string;
}

/** How far back (in tokens) an intro phrase, language or heading may stand before its table. */
const INTRO_WINDOW = 60;
const HEADING_WINDOW = 12;
/** A later table inherits the previous table's language and component when this close. */
const CARRY_WINDOW = 80;
const COMPONENT_WORDS = 6;

/** How far back (in tokens) words about a fix make a table the fix's file list. */
const FIX_WINDOW = 100;
const FIX_WORDS = new Set([
  'attributes', 'attribute', 'hotfix', 'hotfixes', 'fix', 'fixes', 'patch', 'update', 'updated', 'updates',
  'stamp', 'timestamp', 'replaced', 'replaces', 'newer', 'later', 'qfe', 'corrected', 'resolve',
]);

/** Words that end a `Component:` name when the line break between them was collapsed. */
const SENTENCE_STARTS = new Set(['the', 'this', 'after', 'note', 'for', 'if', 'to', 'these', 'when', 'you', 'a', 'an']);

/** "the following files / versions / size and date / DLLs" */
const INTRO_NOUNS = new Set(['file', 'files', 'version', 'versions', 'size', 'sizes', 'date', 'dates', 'dlls', 'dll']);

function isIntroAt(tokens: Token[], k: number): boolean {
  const w = tokens[k]!.lower;
  if (w === 'attributes' || w === 'attribute' || w === 'stamp' || w === 'stamps' || w === 'timestamp' || w === 'timestamps') return true;
  if (w === 'following') {
    const n = tokens[k + 1]?.lower;
    const n2 = tokens[k + 2]?.lower;
    return (n !== undefined && INTRO_NOUNS.has(n)) || (n2 !== undefined && INTRO_NOUNS.has(n2));
  }
  if (w === 'information' || w === 'info') return tokens[k - 1]?.lower === 'file';
  return false;
}

function componentAt(tokens: Token[], k: number): string | undefined {
  const words: string[] = [];
  for (let j = k + 1; j < tokens.length && words.length < COMPONENT_WORDS; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'word' && t.kind !== 'language' && !(t.kind === 'header' && words.length === 0)) break;
    if (words.length > 0 && (SENTENCE_STARTS.has(t.lower) || (t.kind === 'header' && tokens[j + 1]?.kind === 'header'))) break;
    words.push(t.text);
    if (t.punct) break;
  }
  const name = words.join(' ').replace(/[.,;:]+$/, '');
  return name.length > 0 ? name : undefined;
}

/** "The English-language, Intel version of this fix should have...": the intro names the table's platform. */
function isVersionOf(tokens: Token[], k: number): boolean {
  return tokens[k + 1]?.lower === 'version' && tokens[k + 2]?.lower === 'of';
}

/** Context of the table whose first token (header or value) is `start`. */
export function tableContext(tokens: Token[], start: number, previous?: { end: number; context: TableContext }): TableContext {
  const from = Math.max(previous?.end ?? 0, start - INTRO_WINDOW);
  const context: TableContext = { intro: false, aboutFix: false };
  for (let k = Math.max(0, start - FIX_WINDOW); k < start && !context.aboutFix; k++) {
    const w = tokens[k]!.lower;
    // "Service Pack", not "Font Pack" or "Productivity Pack" disk listings.
    if (FIX_WORDS.has(w) || (w === 'pack' && tokens[k - 1]?.lower === 'service')) context.aboutFix = true;
  }
  const languages = new Set<string>();
  const platforms = new Set<string>();
  const headings = new Set<string>();
  for (let k = from; k < start; k++) {
    const t = tokens[k]!;
    if (isIntroAt(tokens, k)) context.intro = true;
    if (t.kind === 'language') languages.add(String(t.value));
    if (t.kind === 'platform' && k >= start - HEADING_WINDOW) platforms.add(String(t.value));
    // Further up, only a heading names the table's platform: "Alpha:", "x86-based computers".
    else if (t.kind === 'platform' && (t.colon || /-based$/i.test(t.text) || isVersionOf(tokens, k))) headings.add(String(t.value));
    if (t.lower === 'component' && t.punct) context.component = componentAt(tokens, k);
  }
  if (languages.size === 1) context.language = [...languages][0];
  if (platforms.size === 1) context.platform = [...platforms][0];
  else if (platforms.size === 0 && headings.size === 1) context.platform = [...headings][0];
  const ownIntro = context.intro;
  if (previous && start - previous.end <= CARRY_WINDOW) {
    // A table with an intro of its own ("After the hotfix is installed, the following files...") names its own
    // language: the seed's installed files are not Japanese because the package table above them was.
    if (!context.intro) context.language ??= previous.context.language;
    context.component ??= previous.context.component;
    if (previous.context.intro && start - previous.end <= HEADING_WINDOW * 2) context.intro = true;
    // "Alpha" over "-----", a table, then "Additional supporting files:" and a second table: still Alpha's.
    // A table with an intro of its own ("...the following timestamp for Windows 95:") is for what its intro names.
    if (!ownIntro && start - previous.end <= HEADING_WINDOW * 2 && platforms.size === 0 && headings.size === 0) context.platform ??= previous.context.platform;
    if (previous.context.aboutFix) context.aboutFix = true;
  }
  return context;
}

/** Most words of a label heading a table ("Windows NT 4.0, Terminal Server Edition:"). */
const LABEL_WORDS = 9;
/** Words of intros and sentences, never of a product label ("The following files are installed:"). */
const NOT_LABEL_WORDS = new Set([
  'following', 'attributes', 'attribute', 'file', 'files', 'installed', 'install', 'contains', 'contain', 'stamp', 'timestamp',
  'later', 'should', 'have', 'has', 'had', 'is', 'are', 'was', 'were', 'be', 'the', 'this', 'these', 'that', 'you', 'your',
  'see', 'note', 'example', 'directory', 'folder', 'located', 'information', 'details', 'list', 'previous', 'when', 'if',
]);

function endsSentence(t: Token): boolean {
  return t.stop === true || (t.kind === 'word' && t.text.endsWith('.'));
}

/**
 * A label on a line of its own just before a table, ending in a colon, that names what the table is for
 * ("Windows NT 4.0, Terminal Server Edition:", "For Windows 98:", "Outlook 2000:"): it tells apart two tables
 * listing the same files. Only a short label with a version number in it; an intro ("...or later:") or a
 * platform or language alone ("Alpha:") is none.
 */
export function tableLabel(tokens: Token[], start: number, floor: number): string | undefined {
  const last = tokens[start - 1];
  if (!last?.colon || start - 1 < floor) return undefined;
  let from = start - 1;
  // Not into the table above: its last cells are no part of the label.
  if (from === floor) return labelOf(tokens.slice(from, start));
  while (from > floor && start - from < LABEL_WORDS) {
    const t = tokens[from - 1]!;
    if (t.colon || endsSentence(t) || t.text === '' || !isLabelWord(t)) break;
    from--;
  }
  // The label starts after a colon or a sentence: one cut by the word limit is a sentence's tail, and one
  // running into a file or number is the last cells of a table the walk did not read, then the label.
  const before = tokens[from - 1];
  if (from > floor && before && !(before.colon || endsSentence(before) || before.text === '')) return undefined;
  return labelOf(tokens.slice(from, start));
}

function isLabelWord(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'version' || t.kind === 'platform' || t.kind === 'language' || t.kind === 'connector' || t.kind === 'header';
}

function labelOf(words: Token[]): string | undefined {
  if (words.some((t) => NOT_LABEL_WORDS.has(t.lower.replace(/[.,;:]+$/, '')))) return undefined;
  if (!words.some((t) => /\d/.test(t.text)) || words.every((t) => t.kind === 'platform' || t.kind === 'language' || t.kind === 'version')) return undefined;
  if (!/^[A-Z]/.test(words[0]!.text)) return undefined;
  // Commas between the label's parts as printed ("MDAC 2.6, 2.6 SP1, and 2.6 SP2").
  const label = words.map((t, k) => (t.punct && !t.colon && k < words.length - 1 ? `${t.text},` : t.text)).join(' ').replace(/^For /, '').replace(/[.,;:]+$/, '');
  return label.length > 0 ? label : undefined;
}
