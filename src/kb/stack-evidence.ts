/**
 * A trace read from an article must come from a stack, not from prose that happens to hold `word!word`:
 * Access references (`Forms!frm!ctl`, `TestData!Customer`), FoxPro tables (`tastrade!customer`), product names
 * (`QLogic Fast!SCSI`), code comments (`!B!C`), bang paths and e-mail routes. A trace is kept when it shows
 * the evidence of a stack: an offset (`+0x2c`), address columns beside its first frame, or, for a frame named in
 * a sentence ("an access violation in routine mngext!MngDeleteObject"), a crash said around it in a problem article.
 */
import type { ArticleKind, Trace } from '../model.js';

/** How far around a frame (in characters of collapsed text) its evidence may stand. */
const WINDOW = 160;

const ADDRESS = /\b(0x)?[0-9a-fA-F]{8}\b/;
const CRASH = /access violation|exception|\bfault|\bstop\b|\btrap|crash|stack|dr\.? ?watson|drwtsn32|fails? (unexpectedly|with)|stops? responding|terminat|bugcheck|blue ?screen|\bAV\b|routine|function/i;

function around(body: string, at: number, length: number): string {
  return body.slice(Math.max(0, at - WINDOW), Math.min(body.length, at + length + WINDOW));
}

/** The traces of `traces` that have the evidence of a stack in the collapsed article body. */
export function withStackEvidence(traces: readonly Trace[], body: string, kind: ArticleKind): Trace[] {
  return traces.filter((trace) => {
    if (trace.some((f) => f.offset !== undefined)) return true;
    const first = trace[0];
    if (!first) return false;
    const printed = `${first.module}!${first.symbol}`;
    const at = body.indexOf(printed);
    if (at === -1) return trace.length >= 3;
    const near = around(body, at, printed.length);
    if (ADDRESS.test(near)) return true;
    return kind === 'problem' && CRASH.test(near);
  });
}
