/** A whole chat message → traces, KB references and other clues. */
import type { ParsedMessage } from '../model.js';
import { cluesFromTokens } from './clues.js';
import { extractKbRefs } from './kbrefs.js';
import { decodeSlackText } from './slack.js';
import { tokenize } from './tokens.js';
import { tracesFromTokens } from './traces.js';

/** Decodes Slack's text encoding first, then reads traces, KB references and clues from the decoded text. */
export function parseMessage(text: string): ParsedMessage {
  const decoded = decodeSlackText(text);
  const tokens = tokenize(decoded);
  return {
    traces: tracesFromTokens(tokens),
    kbRefs: extractKbRefs(decoded),
    clues: cluesFromTokens(decoded, tokens),
  };
}
