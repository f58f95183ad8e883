/**
 * Error messages and dialogs people paste ("Error 1311. Source file not found: D:\setup\data1.cab",
 * a message box copied with Ctrl+C, "getting 'The RPC server is unavailable' when …"), and the one
 * tokenizer both sides share: an article's message (kb/message-facts.ts) and a paste are cut into
 * the same words, with insertion strings (paths, numbers, addresses, `<filename>`, `%1`) turned
 * into one variable token, so a site's values never decide a match. Error numbers stay words
 * (`error 1311`, `Run-time error '429'`, `C2144`): they name the message.
 * Regular expressions have bounded quantifiers; every pass is linear in the text.
 */
import { saidInChat, withoutChatTail } from './chat-clause.js';
import { MAX_MESSAGE } from './message-size.js';

/** A word of a message (lower case, apostrophes dropped), or an insertion string (`var`). */
export type MessageToken = { word: string; var?: false } | { word: ''; var: true };

const VAR: MessageToken = { word: '', var: true };

/**
 * Parts of a message that vary from site to site, most specific first: placeholders the archive
 * prints (`<filename>`, `%1`, `%s`, `xxxxxxxx`), paths and URLs, hex numbers, plain numbers.
 * An error number after `error`, `code` or `#` is kept by `messageTokens`, not matched here.
 */
const VARIABLE = new RegExp(
  [
    '<[^<>\\n]{1,60}>',
    '%%?\\d{1,4}',
    '%[sdxulcf]\\b',
    '\\b[a-z]:\\\\[^\\s"\'<>]{0,200}',
    '\\\\\\\\[^\\s"\'<>]{1,200}',
    '\\b(?:https?|ftp|file)://[^\\s"\'<>]{1,200}',
    '(?<![\\w/])/[\\w.-]{1,60}(?:/[\\w.-]{1,60}){1,12}',
    '\\b[xX]{3,12}\\b',
    '\\b[nN]{3,12}\\b',
    '\\b0x[0-9a-fA-F]{1,16}\\b',
    '\\b[0-9a-fA-F]{4}:[0-9a-fA-F]{4,8}\\b',
    '\\b\\d{1,3}(?:[.,:/-]\\d{1,6}){1,5}\\b',
    '\\b\\d{1,12}\\b',
  ].join('|'),
  'gi',
);

/** Words after which a number names the message (`error 1311`, `code 0x80004005`, `#3021`). */
const NUMBER_NAMERS = new Set(['error', 'err', 'code', 'number', 'no', 'errno', 'hresult', 'status', 'exception', 'trap', 'fault', 'stop', 'ora', 'msg', 'message', 'event', 'id']);

/**
 * The tokens of a message: words and insertion strings in order. A number right after a word that
 * names it (`error 1311`, `Run-time error '429'`, `Error #3021`) is a word (`#1311`); other
 * numbers, hex values and paths are insertion strings. Consecutive insertion strings collapse into one.
 */
export function messageTokens(text: string, max = 400): MessageToken[] {
  const out: MessageToken[] = [];
  let last = 0;
  let lastWord = '';
  const pushWords = (chunk: string): void => {
    for (const m of chunk.matchAll(/[A-Za-z0-9\u00c0-\u024f]+(?:'[A-Za-z]{1,2}\b)?/g)) {
      if (out.length >= max) return;
      const word = m[0].toLowerCase().replace(/'/g, '');
      out.push({ word });
      lastWord = word;
    }
  };
  for (const m of text.matchAll(VARIABLE)) {
    if (out.length >= max) break;
    const between = text.slice(last, m.index);
    pushWords(between);
    last = m.index + m[0].length;
    const raw = m[0];
    // "error 1311", "Run-time error '429'", "error #3021", "code 0x80004005": the number is the message's name
    const glue = /[^A-Za-z0-9]{0,4}$/.exec(between.slice(-4))?.[0] ?? '';
    const named = NUMBER_NAMERS.has(lastWord) && /^[\s'"#:(]{0,3}$/.test(glue) && /^(?:0x[0-9a-f]{1,8}|\d{1,6})$/i.test(raw);
    if (named) {
      out.push({ word: `#${raw.toLowerCase().replace(/^0x0*/, '0x')}` });
      lastWord = '';
      continue;
    }
    if (out[out.length - 1]?.var !== true) out.push(VAR);
    lastWord = '';
  }
  if (out.length < max) pushWords(text.slice(last));
  return out.slice(0, max);
}

/**
 * The message with its insertion strings marked: paths → `<path>`, numbers → `<n>`, hex → `<hex>`;
 * placeholders the article prints (`<filename>`, `%1`) kept. What signatures store and the why view shows.
 */
export function messageTemplate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let out = '';
  let last = 0;
  for (const m of flat.matchAll(VARIABLE)) {
    const before = flat.slice(last, m.index);
    out += before;
    last = m.index + m[0].length;
    const raw = m[0];
    const namer = /([A-Za-z]{1,12})[\s'"#:(]{0,3}$/.exec(before.slice(-16))?.[1]?.toLowerCase();
    if ((namer !== undefined && NUMBER_NAMERS.has(namer) && /^(?:0x[0-9a-f]{1,8}|\d{1,6})$/i.test(raw)) || /^<[^<>]+>$|^%/.test(raw)) out += raw;
    else if (/^\d{1,12}$/.test(raw) || /^\d[\d.,:/-]*$/.test(raw)) out += '<n>';
    else if (/^0x|^[0-9a-f]{4}:/i.test(raw)) out += '<hex>';
    else if (/^[xXnN]+$/.test(raw)) out += '<x>';
    else out += '<path>';
  }
  return out + flat.slice(last);
}

/** How a message was found in a paste. */
export type PastedMessageHow = 'dialog' | 'quoted' | 'line' | 'whole' | 'text';

export interface PastedMessage {
  at: number;
  text: string;
  how: PastedMessageHow;
}

/** Words that make a line read as an error rather than chat ("the deploy is done"). */
const ERRORISH =
  /\b(?:errors?|fail(?:s|ed|ure)?|cannot|can't|could ?not|couldn't|unable|not found|denied|invalid|illegal|exception|fatal|unavailable|unexpected|not enough|insufficient|out of (?:memory|disk|environment)|corrupt(?:ed)?|missing|violation|refused|timed? ?out|not responding|is not|are not|does not|did not|has stopped|not supported|not valid|not a valid|not registered|abort(?:ed)?|warning|incorrect|no such|unknown|busy|in use|too (?:many|large|long)|exceeded|overflow|terminated|problem|damaged|can ?not|will not|doesn't|isn't|won't|mismatch|already exists|not installed|not available|no longer|unrecognized|not|no|must|please|bad|wrong|sorry|stopped|lost|full|mismatch)\b/i;

/** Button rows of a copied message box. */
const BUTTONS = /^\s*(?:(?:OK|Cancel|Yes|No|Retry|Ignore|Abort|Help|Close|Continue|Debug|End|Try Again|Details(?: >>)?|Send Error Report|Don't Send)\s{0,12}){1,6}$/i;
const SEPARATOR = /^\s{0,8}-{5,200}\s{0,8}$/;

/** Messages read from one paste: a 1 MB console log yields its first error lines, not thousands. */
const MAX_MESSAGES = 12;

/**
 * Short text that does not read as an error may still be one a program prints ("Insert the next disk
 * to continue"): a sentence of three words or more, begun with a capital, without the marks of chat
 * (a question or an exclamation, a mention, an emoji).
 */
function mayBeMessage(text: string): boolean {
  return text.length <= 300 && /^["'<(]?[A-Z0-9]/.test(text) && !/[?!@]|:[a-z_]+:|<3/.test(text) && wordCount(text) >= 3;
}

/** A list of file names (`SYS.COM FORMAT.COM DISKCOPY.COM`) is no message. */
export function isFileList(text: string): boolean {
  return /^(?:\s{0,8}[\w$~-]{1,40}\.[A-Za-z]{2,4}[,;]?){1,20}\s{0,8}$/.test(text);
}

/** True when the line or paragraph reads as an error (used to pick lines of a longer paste). */
export function looksLikeError(text: string): boolean {
  return ERRORISH.test(text);
}

function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[A-Za-z]{2,}/g)) if (++n >= 3) break;
  return n;
}

/** Message boxes copied with Ctrl+C: `-----` rows around the title, the text and the buttons. */
function dialogs(lines: string[], starts: number[], out: PastedMessage[], used: Set<number>): void {
  let i = 0;
  while (i < lines.length && out.length < MAX_MESSAGES) {
    if (!SEPARATOR.test(lines[i]!)) {
      i++;
      continue;
    }
    // blocks between separator rows, while they last
    const blocks: string[] = [];
    let j = i;
    while (j < lines.length) {
      let k = j + 1;
      while (k < lines.length && !SEPARATOR.test(lines[k]!) && k - j <= 40) k++;
      if (k >= lines.length || !SEPARATOR.test(lines[k]!)) break;
      const block = lines.slice(j + 1, k).join('\n').trim();
      for (let u = j; u <= k; u++) used.add(u);
      if (block !== '' && !BUTTONS.test(block)) blocks.push(block);
      j = k;
    }
    const text = blocks.join('\n').slice(0, MAX_MESSAGE);
    if (blocks.length > 0 && wordCount(text) >= 2) out.push({ at: starts[i]!, text, how: 'dialog' });
    i = Math.max(j, i) + 1;
  }
}

/**
 * A message said in chat: an error line when it reads as one; otherwise text, which the matcher
 * answers only when an article prints it ("getting Server Properties" is a dialog's title, or chat).
 */
function saidAt(at: number, text: string): PastedMessage {
  return { at, text, how: looksLikeError(text) ? 'line' : 'text' };
}

/**
 * A sentence with a chat tail ("… when I open outlook"), without it, when what is left reads as an error or as
 * text a program prints ("Property TopIndex is read only"; as `text`, answered only when an article prints it).
 */
function erroneousWithoutTail(sentence: string): string | undefined {
  const cut = withoutChatTail(sentence);
  return cut !== undefined && (looksLikeError(cut) || mayBeMessage(cut)) ? cut : undefined;
}

/** A line quoted in chat or mail (`> Another IPX router claims …`): the marker is no part of the message. */
const QUOTE_MARK = /^\s{0,3}>(?:\s{1,4}|$)/;
/** A console prompt (`C:\>net start spooler`, `PS C:\Users\ops>`, `$ `): what follows it, up to the next prompt, is one command's output. */
const PROMPT = /^\s{0,4}(?:PS\s{1,2})?(?:[A-Za-z]:\\[^<>|\n]{0,120}>|\$\s)/;

/**
 * Quoted lines (`> …`, consecutive) are one message, read as quoted text: people quote what a program
 * printed, and a quote need not read as an error ("Another IPX router claims different network number").
 */
function quoteBlocks(lines: readonly string[], starts: readonly number[], out: PastedMessage[]): void {
  for (let i = 0; i < lines.length && out.length < MAX_MESSAGES; i++) {
    if (!QUOTE_MARK.test(lines[i]!)) continue;
    const at = starts[i]!;
    const parts: string[] = [];
    for (; i < lines.length && QUOTE_MARK.test(lines[i]!); i++) parts.push(lines[i]!.replace(QUOTE_MARK, '').trim());
    const text = parts.join(' ').trim().slice(0, MAX_MESSAGE);
    if (wordCount(text) >= 2) out.push({ at, text, how: 'quoted' });
  }
}

/**
 * A console transcript: each command's output (the lines after a prompt, blank lines and all: `net start`
 * prints its message in paragraphs) is one message when it reads as an error. The prompt lines are the
 * user's typing, not the message: marked used, so no paragraph joins them to the output.
 */
function commandOutputs(lines: readonly string[], starts: readonly number[], out: PastedMessage[], used: Set<number>): void {
  for (let i = 0; i < lines.length && out.length < MAX_MESSAGES; i++) {
    if (!PROMPT.test(lines[i]!)) continue;
    used.add(i);
    const parts: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !PROMPT.test(lines[j]!); j++) if (lines[j]!.trim() !== '') parts.push(lines[j]!.trim());
    const text = parts.join(' ');
    if (text.length <= MAX_MESSAGE && wordCount(text) >= 2 && looksLikeError(text)) out.push({ at: starts[i + 1] ?? starts[i]!, text, how: 'line' });
    i = j - 1;
  }
}

function indentOf(line: string): number {
  return /^[ \t]{0,200}/.exec(line)![0].length;
}

/**
 * A log entry ending in a colon and the indented lines under it (`MC_ALLOCATE failed:` then `primary_rc = 0x0003
 * (AP_ALLOCATION_ERROR)` …): the indented lines, joined, are the message the program printed. Error names in
 * upper snake case (`AP_ALLOCATION_ERROR`) read as errors.
 */
function indentedDetails(para: readonly number[], lines: readonly string[], starts: readonly number[], out: PastedMessage[]): void {
  for (let k = 0; k < para.length - 1 && out.length < MAX_MESSAGES; k++) {
    const head = lines[para[k]!]!;
    if (!head.trimEnd().endsWith(':')) continue;
    const base = indentOf(head);
    const parts: string[] = [];
    let n = k + 1;
    for (; n < para.length && indentOf(lines[para[n]!]!) > base; n++) parts.push(lines[para[n]!]!.trim());
    const text = parts.join(' ').slice(0, MAX_MESSAGE);
    if (parts.length > 0 && wordCount(text) >= 2) out.push({ at: starts[para[k + 1]!]!, text, how: looksLikeError(text.replace(/_/g, ' ')) ? 'line' : 'text' });
    k = n - 1;
  }
}

const QUOTED = /["\u201c\u201d\u201e`]([^"\u201c\u201d\u201e`\n]{8,400})["\u201c\u201d`]|(?<![\w'])'([^'\n]{12,400})'(?![\w])/g;

/**
 * The messages in a paste, in order of trust: message boxes, quoted text ("getting 'The RPC server is
 * unavailable' when …"), paragraphs and lines that read as errors, and the whole paste when it is
 * short and reads as one. Each at most MAX_MESSAGE characters; at most MAX_MESSAGES.
 */
export function readPastedMessages(text: string): PastedMessage[] {
  const out: PastedMessage[] = [];
  // quote markers dropped: a quoted block is read below as one message, and its lines as lines
  const raw = text.split('\n');
  const lines = raw.map((line) => line.replace(QUOTE_MARK, ''));
  const starts: number[] = [];
  let offset = 0;
  for (const line of raw) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const used = new Set<number>();
  if (text.includes('-----')) dialogs(lines, starts, out, used);
  if (text.includes('>')) {
    commandOutputs(raw, starts, out, used);
    quoteBlocks(raw, starts, out);
  }
  for (const m of text.matchAll(QUOTED)) {
    if (out.length >= MAX_MESSAGES) break;
    const quoted = (m[1] ?? m[2] ?? '').trim();
    if (wordCount(quoted) >= 2 && !/^[\w.$-]+$/.test(quoted)) out.push({ at: m.index, text: quoted.slice(0, MAX_MESSAGE), how: 'quoted' });
  }
  // paragraphs (a wrapped message) that read as errors; a long paragraph (a console log) line by line
  let para: number[] = [];
  const flush = (): void => {
    if (para.length === 0) return;
    const joined = para.map((i) => lines[i]!.trim()).join(' ');
    // a chat sentence reporting a message is read as the message it says, not as the sentence
    const said = saidInChat(joined) ?? erroneousWithoutTail(joined);
    if (said !== undefined) out.push(saidAt(starts[para[0]!]!, said));
    else if (joined.length <= MAX_MESSAGE && looksLikeError(joined) && wordCount(joined) >= 2) out.push({ at: starts[para[0]!]!, text: joined, how: 'line' });
    if (para.length > 1) indentedDetails(para, lines, starts, out);
    // lines of a log are messages of their own; a wrapped message was read joined above
    if (para.length > 1) {
      for (const i of para) {
        if (out.length >= MAX_MESSAGES) break;
        const line = lines[i]!.trim().slice(0, MAX_MESSAGE);
        const saidInLine = saidInChat(line) ?? erroneousWithoutTail(line);
        if (saidInLine !== undefined) out.push(saidAt(starts[i]!, saidInLine));
        else if (looksLikeError(line) && wordCount(line) >= 2) out.push({ at: starts[i]!, text: line, how: 'line' });
      }
    }
    para = [];
  };
  for (let i = 0; i < lines.length && out.length < MAX_MESSAGES; i++) {
    if (used.has(i) || lines[i]!.trim() === '') flush();
    else para.push(i);
  }
  flush();
  // a short paste of several paragraphs ("Run-time error '429':", blank, "ActiveX component can't create object") is one message too
  // (without quote marks and prompts: what the user typed is not the message)
  const whole = lines.filter((_, i) => !used.has(i)).join(' ').replace(/\s+/g, ' ').trim();
  const dialog = out.some((m) => m.how === 'dialog');
  const saidWhole = dialog ? undefined : (saidInChat(whole) ?? erroneousWithoutTail(whole));
  if (saidWhole !== undefined && out.length < MAX_MESSAGES) out.push(saidAt(0, saidWhole));
  else if (!dialog && whole.length <= MAX_MESSAGE && out.length < MAX_MESSAGES && wordCount(whole) >= 2 && !out.some((m) => m.text.replace(/\s+/g, ' ') === whole)) {
    // a short paste that does not read as an error ("Drive letter must be specified") is still read, as `text`:
    // the matcher answers it only when one article prints it
    if (looksLikeError(whole)) out.push({ at: 0, text: whole, how: 'whole' });
    else if (mayBeMessage(whole)) out.push({ at: 0, text: whole, how: 'text' });
  }
  // one text read twice (a quoted line that is also an error line) is one message
  const seen = new Set<string>();
  return out.filter((m) => {
    const key = m.text.replace(/\s+/g, ' ').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_MESSAGES);
}
