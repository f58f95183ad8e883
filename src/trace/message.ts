/** A whole chat message → traces, KB references and other clues. */
import type { ParsedMessage } from '../model.js';
import { cluesFromTokens } from './clues.js';
import { contextWords } from './context-words.js';
import { readPastedMessages } from './error-messages.js';
import { extractKbRefs } from './kbrefs.js';
import { readForeignStacks } from './formats/index.js';
import { decodeSlackText } from './slack.js';
import { pasteWords } from './text-words.js';
import { tokenize } from './tokens.js';
import { tracesFromTokens } from './traces.js';

/** Decodes Slack's text encoding first, then reads traces, KB references and clues from the decoded text. */
export function parseMessage(text: string): ParsedMessage {
  const decoded = decodeSlackText(text);
  const tokens = tokenize(decoded);
  // Java, Python, Go, ... stacks first; the Windows reader reads the lines they left.
  const foreign = readForeignStacks(decoded);
  const windowsTokens = foreign.claimedLines.size === 0 ? tokens : tokenize(withoutLines(decoded, foreign.claimedLines));
  const traces = [...tracesFromTokens(windowsTokens), ...foreign.traces];
  // error text last, and only without a trace: the matcher reads it only when no trace, event, STOP or crash report answers
  const messages = traces.some((t) => t.length > 0) ? [] : readPastedMessages(decoded).map(({ text, how }) => ({ kind: 'error-message' as const, text, how }));
  const clues = [...cluesFromTokens(decoded, tokens), ...foreign.clues, ...messages];
  // the words around a STOP screen, crash report or event entry order the articles printing the same one (match/clue-match.ts)
  const context = traces.some((t) => t.length > 0) ? undefined : contextWords(decoded, clues);
  // and all of its words, for the text route: what no reader was written for is in them
  const words = traces.some((t) => t.length > 0) ? [] : pasteWords(decoded);
  return { traces, kbRefs: extractKbRefs(decoded), clues, ...(context ? { context } : {}), ...(words.length > 0 ? { words } : {}) };
}

/** The text with the given lines emptied (line numbers kept, so the layout around them is the same). */
function withoutLines(text: string, lines: Set<number>): string {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/).map((line, i) => (lines.has(i) ? '' : line)).join('\n');
}
