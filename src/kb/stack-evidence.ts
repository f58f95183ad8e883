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

/** An address column: eight hex digits, at least one a digit (so "deadbeef"-like words do not count). */
const ADDRESS = /\b(0x)?(?=[0-9a-fA-F]{0,7}\d)[0-9a-fA-F]{8}\b/;
/** Code, not a stack: a table in SQL (`FROM testdata!customer`), a field assigned (`rsRDO!DecValue = 44`). */
const CODE_BEFORE = /\b(FROM|JOIN|INTO|UPDATE|TABLE|VIEW|SELECT|USE|DELETE|Forms|Reports|Me)\s*!?\s*$/i;
const CODE_AFTER = /^\s*(=|:=|\.\w+\s*=|\s*'|;)/;
/** A cited article title ("Q160604 Access Violation in security!SspQueryContextAttributesW") names a crash documented elsewhere. */
const CITED_TITLE = /\bQ\d{5,7}:? [A-Z](?:[^.!?\n]|\.\d)*$/;
/** A module is a file name: `~vcecho` (a build-tool macro) is not. */
const MODULE = /^[A-Za-z_][\w.$@-]*$/;
const CRASH = /access violation|exception|\bfault|\bstop\b|\btrap|crash|stack|dr\.? ?watson|drwtsn32|fails? (unexpectedly|with)|stops? responding|terminat|bugcheck|blue ?screen|\bAV\b|routine|function/i;

function around(body: string, at: number, length: number): string {
  return body.slice(Math.max(0, at - WINDOW), Math.min(body.length, at + length + WINDOW));
}

/** The traces of `traces` that have the evidence of a stack in the collapsed article body. */
export function withStackEvidence(traces: readonly Trace[], body: string, kind: ArticleKind): Trace[] {
  return traces.filter((trace) => {
    const first = trace[0];
    if (!first || !MODULE.test(first.module)) return false;
    const printed = `${first.module}!${first.symbol}`;
    const at = body.indexOf(printed);
    if (at !== -1 && trace.length === 1) {
      const before = body.slice(Math.max(0, at - 120), at);
      const after = body.slice(at + printed.length, at + printed.length + 20);
      if (CODE_BEFORE.test(before) || CODE_AFTER.test(after) || CITED_TITLE.test(before)) return false;
    }
    if (trace.some((f) => f.offset !== undefined)) return true;
    if (at === -1) return trace.length >= 3;
    const near = around(body, at, printed.length);
    if (ADDRESS.test(near)) return true;
    return kind === 'problem' && CRASH.test(near);
  });
}
