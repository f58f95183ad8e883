/**
 * The words a person writes around a STOP screen, crash report or event-log entry ("SNA server w/ twinax
 * to a 5494", "after End Task on VFP", a quoted wizard dialog): read once per paste, so match/ can order
 * the articles printing the same code or module by how much of their title the paste says, and those
 * printing the same event by what of their title, symptoms and error messages it says. The same word rules as event descriptions
 * (trace/events.ts): lower-case, placeholders, numbers, hex and paths left out, no stop words.
 */
import type { Clue } from '../model.js';
import { descriptionWords } from './events.js';

/** Clues whose candidates are ordered by the paste's words: STOP screens and codes, crash reports, event-log entries. */
const ORDERED_BY_CONTEXT = new Set<Clue['kind']>(['stop-code', 'bugcheck', 'app-error', 'event-id']);

/** The paste's telling words when it holds a STOP, crash-report or event clue; undefined otherwise (nothing to order). */
export function contextWords(text: string, clues: readonly Clue[]): string[] | undefined {
  if (!clues.some((c) => ORDERED_BY_CONTEXT.has(c.kind))) return undefined;
  // file names count as their stems and extensions alike ("Wait.Exe" in a title, "wait.exe" in the paste)
  const words = descriptionWords(text);
  return words.length > 0 ? words : undefined;
}
