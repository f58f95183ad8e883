/** A whole chat message → traces, KB references and other clues. */
import type { ParsedMessage } from '../model.js';
import { extractClues } from './clues.js';
import { extractKbRefs } from './kbrefs.js';
import { decodeSlackText } from './slack.js';
import { parseTraces } from './traces.js';

/** Decodes Slack's text encoding first, then reads traces, KB references and clues from the decoded text. */
export function parseMessage(text: string): ParsedMessage {
  const decoded = decodeSlackText(text);
  return {
    traces: parseTraces(decoded),
    kbRefs: extractKbRefs(decoded),
    clues: extractClues(decoded),
  };
}
