/**
 * The error messages an article says a user sees, read at ingest: the indented block after a line
 * that announces it ("you receive the following error message:", "… displays this message:"), the
 * quoted text next to "error message" / "the message" / "you receive", and, in articles whose
 * line breaks were lost, the sentence after the announcing colon. Each is kept as a template with
 * its insertion strings marked (trace/error-messages.ts), so packs and folders carry them and the
 * matcher reads them with the same tokenizer as pastes.
 */
import { isFileList, messageTemplate, messageTokens } from '../trace/error-messages.js';

/** A line announcing a message: it speaks of an error, a message or a dialog, and ends with a colon. */
const ANNOUNCES = /\b(?:error|errors|message|messages|warning|warnings|dialog|alert|prompted|receive|receives|received|popup|pop-up|fails? with)\b/i;
/** Announcements of something other than a message ("add the following lines", "type the following command"). */
const NOT_A_MESSAGE = /\b(?:lines?|command|commands|code|example|sample|steps?|registry|key|entry|entries|settings?|syntax|script|procedure|macro|statement|section|files?|folders?|list|table|values?|parameters?|text to|information)\s{0,3}:\s{0,3}$/i;
/** "error message 11114 appears in the SMSLOG.TXT file:": the file is where the message is written, not what is announced. */
const WRITTEN_TO_FILE = /\bmessages?\b.{0,40}\b(?:appears?|is (?:logged|written|recorded|reported)|are (?:logged|written|recorded))\b.{0,40}\b(?:in|to)\b.{0,40}\bfiles?\s{0,3}:\s{0,3}$/i;
/**
 * A return code printed with its name (`primary_rc = 0x0003 (AP_ALLOCATION_ERROR)`, `rc = 20 (CM_PRODUCT_SPECIFIC_ERROR)`)
 * is what a program prints, not an assignment in code.
 */
const NAMED_RETURN_CODE = /\b\w{1,40}\s{0,3}=\s{0,3}(?:0[xX][0-9a-fA-F]{1,16}|-?\d{1,12})\s{0,3}\([A-Z][A-Z0-9_]{3,60}\)/g;
/** Blocks that are code, registry keys or tables rather than something a user reads on screen. */
const NOT_MESSAGE_TEXT = /HKEY_|^\s*(?:Q\d{5,7}\b|[>$#]|-or-|\d{1,2}\.\s)|^\s*(?:#include|Sub |Function |Dim |Private |Public |void |int |class |SELECT |\[[A-Za-z ]+\]\s*$)|[{};]\s*$|^\s*\w+\s*=\s*\S/im;
/** Quoted text next to words that say it is a message. */
const QUOTED_AFTER = /\b(?:error message|error|message|messages|warning|receive|received|states|stating|says|saying|reads)\b[^"\n.]{0,30}?"([A-Z0-9<%(\[][^"]{5,300})"/g;
const QUOTED_BEFORE = /"([A-Z0-9<%(\[][^"]{5,300})"\s{0,3}(?:error message|error|message|warning|dialog box|dialog)\b/g;

/** Messages kept per article, and their length. */
const MAX_MESSAGES = 12;
const MAX_LENGTH = 350;
/** A block longer than this many lines is a listing, not a message. */
const MAX_BLOCK_LINES = 8;

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/** A message worth keeping: a few words, not code, not a bare file or key name. */
function usable(text: string): boolean {
  // a paragraph of prose this long is the article speaking, not a message on screen
  if (text.length < 6 || text.length > MAX_LENGTH || NOT_MESSAGE_TEXT.test(text.replace(NAMED_RETURN_CODE, 'rc')) || isFileList(text)) return false;
  const tokens = messageTokens(text, 80);
  const words = tokens.filter((t) => !t.var && t.word.length > 1 && !/^\d/.test(t.word));
  // a dump of addresses and values is no message
  return words.length >= 2 && tokens.length - words.length <= words.length;
}

/** Paragraphs of the indented block after an announcing line (one message each, a short title joined to its text). */
function blockAfter(lines: string[], cue: number): string[] {
  const cueIndent = indentOf(lines[cue]!);
  let i = cue + 1;
  let blanks = 0;
  while (i < lines.length && lines[i]!.trim() === '' && blanks < 2) {
    i++;
    blanks++;
  }
  const paragraphs: string[] = [];
  let current: string[] = [];
  let taken = 0;
  for (; i < lines.length && taken <= MAX_BLOCK_LINES; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
      // a second indented paragraph belongs to the block (a dialog's text under its title, "one of the following")
      if (i + 1 < lines.length && indentOf(lines[i + 1]!) > cueIndent && lines[i + 1]!.trim() !== '' && paragraphs.length < 4) continue;
      break;
    }
    if (indentOf(line) <= cueIndent) break;
    current.push(line.trim());
    taken++;
  }
  if (taken > MAX_BLOCK_LINES) return [];
  if (current.length > 0) paragraphs.push(current.join(' '));
  // a one- or two-word paragraph before another (a dialog title) is read with the text under it
  const out: string[] = [];
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    const next = paragraphs[k + 1];
    if (next !== undefined && p.split(/\s+/).length <= 3 && !/[.!?]$/.test(p)) {
      paragraphs[k + 1] = `${p} ${next}`;
      continue;
    }
    out.push(p);
  }
  return out;
}

function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[-*\u2022]\s+/, '')
    .replace(/^["']+|["']+$/g, '')
    .trim();
}

/** Every message the article prints, as templates, first mention first, no repeats. */
export function findArticleMessages(body: string): string[] {
  const found: { at: number; text: string }[] = [];
  if (body.includes('\n')) {
    const lines = body.split('\n');
    let at = 0;
    const starts = lines.map((l) => {
      const s = at;
      at += l.length + 1;
      return s;
    });
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trimEnd();
      if (!line.endsWith(':') || line.length > 200) continue;
      // the announcement may begin on the line before ("you receive the following error\nmessage:")
      const said = `${(lines[i - 1] ?? '').trim()} ${line.trim()}`;
      if (!ANNOUNCES.test(said) || (NOT_A_MESSAGE.test(line) && !WRITTEN_TO_FILE.test(said))) continue;
      for (const p of blockAfter(lines, i)) found.push({ at: starts[i]!, text: p });
    }
  }
  const flat = body.replace(/\s+/g, ' ');
  for (const pattern of [QUOTED_AFTER, QUOTED_BEFORE]) {
    for (const m of flat.matchAll(pattern)) found.push({ at: m.index, text: m[1]! });
  }
  if (!body.includes('\n')) {
    // line breaks lost: "the following error message: Registry File was not found. CAUSE ..." up to the sentence's end
    for (const m of flat.matchAll(/\b(?:following|this|these) (?:error )?(?:message|error|warning)s?(?: [a-z]{2,12}){0,3}: ([^:]{8,300}?[.!?])(?= [A-Z]|$)/g)) found.push({ at: m.index, text: m[1]! });
  }
  found.sort((a, b) => a.at - b.at);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const text = clean(f.text);
    if (!usable(text)) continue;
    const template = messageTemplate(text);
    const key = template.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(template);
    if (out.length >= MAX_MESSAGES) break;
  }
  return out;
}
