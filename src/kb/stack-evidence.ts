/**
 * A trace read from an article must come from a stack, not from prose that happens to hold `word!word`:
 * Access references (`Forms!frm!ctl`, `TestData!Customer`), FoxPro tables (`tastrade!customer`), product names
 * (`QLogic Fast!SCSI`), code comments (`!B!C`), bang paths and e-mail routes. A trace is kept when it shows
 * the evidence of a stack: an offset (`+0x2c`), or its first frame printed on a line of a stack listing (address
 * columns beside it, or the frame alone on its line, as under "Function Name" or after "function:"). A function
 * named in a sentence ("an access violation in routine mngext!MngDeleteObject", "Stop 0x1E in
 * win32k!GreRealizePalette()") is no trace, whatever crash or stop codes stand around it.
 */
import type { Trace } from '../model.js';

/** An address column: eight hex digits, at least one a digit (so "deadbeef"-like words do not count). */
const ADDRESS = /\b(0x)?(?=[0-9a-fA-F]{0,7}\d)[0-9a-fA-F]{8}\b/;
/** Code, not a stack: a table in SQL (`FROM testdata!customer`), a field assigned (`rsRDO!DecValue = 44`). */
const CODE_BEFORE = /\b(FROM|JOIN|INTO|UPDATE|TABLE|VIEW|SELECT|USE|DELETE|Forms|Reports|Me)\s*!?\s*$/i;
const CODE_AFTER = /^\s*(=|:=|\.\w+\s*=|\s*'|;)/;
/** A cited article title ("Q160604 Access Violation in security!SspQueryContextAttributesW") names a crash documented elsewhere. */
const CITED_TITLE = /\bQ\d{5,7}:? [A-Z](?:[^.!?\n]|\.\d)*$/;
/** A module is a file name: `~vcecho` (a build-tool macro) is not. */
const MODULE = /^[A-Za-z_][\w.$@-]*$/;

/** The traces of `traces` that have the evidence of a stack in the collapsed article body. */
export function withStackEvidence(traces: readonly Trace[], body: string, lines: string): Trace[] {
  const kept = traces.filter((trace) => {
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
    return onStackLine(lines, printed, trace.length > 1);
  });
  // "...stops responding in emsmta!onpugtck and may generate the following stack trace:": a lone frame a sentence
  // names is kept above by its stack's line, but it is that stack's frame, not a trace of its own.
  const stacked = new Set(kept.filter((t) => t.length > 1 || t[0]?.offset !== undefined).flatMap((t) => t.map(frameKey)));
  // A lone frame Dr. Watson prints before its stack ("function: EDB!FCBUnlink") is a listing's line and stays.
  return kept.filter((t) => t.length > 1 || t[0]!.offset !== undefined || !stacked.has(frameKey(t[0]!))
    || onStackLine(lines, `${t[0]!.module}!${t[0]!.symbol}`, false, 1));
}

const frameKey = (f: Trace[number]): string => `${f.module}!${f.symbol}`.toLowerCase();

/** How many places a frame is looked for: a stack prints it once or twice, prose a few times. */
const OCCURRENCES = 20;
/** How many lines around a frame alone on its line may show the listing it belongs to. */
const LISTING_LINES = 3;
/** Words a listing prints beside a frame: "function: kernel32!X", "FAULT -> ...", "Function Name". */
const LISTING_WORD = /^(function|fault|name|at|in|frame)$/i;
/** An x86 instruction whose operand follows: call, jumps, moves, compares, pushes. */
const OPERAND_BEFORE = /\b(call|j[a-z]{1,3}|mov[a-z]{0,3}|lea|push|cmp|inc|dec|add|sub|test)\s+([a-z]+ ptr\s+)?\[?$/i;
/** A listing around a lone frame: an address column, a stack header, Dr. Watson's "function:" or FAULT line. */
const LISTING_MARK = /\b(function name|function:|framePtr|childEBP|stack back ?trace|call ?stack|fault ->)/i;

function lineAround(lines: string, at: number): { start: number; end: number } {
  const start = lines.lastIndexOf('\n', at - 1) + 1;
  const end = lines.indexOf('\n', at);
  return { start, end: end === -1 ? lines.length : end };
}

/** The text of the lines around [start, end), `count` lines each way. */
function neighbourhood(lines: string, start: number, end: number, count: number): string {
  let from = start;
  for (let k = 0; k < count && from > 0; k++) from = lines.lastIndexOf('\n', from - 2) + 1;
  let to = end;
  for (let k = 0; k < count && to < lines.length; k++) {
    const next = lines.indexOf('\n', to + 1);
    to = next === -1 ? lines.length : next;
  }
  return lines.slice(from, to);
}

/**
 * Whether `printed` stands on a line of a stack listing somewhere in `lines` (the article body with its line
 * breaks): a line with an address column, or a line holding only the frame (and a listing's words) heading
 * frames the reader read under it, or in a listing that shows itself nearby. A line of code (`Print rs!au_lname`, `testdata!employee`) is no listing's line.
 */
function onStackLine(lines: string, printed: string, listed: boolean, occurrences = OCCURRENCES): boolean {
  let from = 0;
  for (let n = 0; n < occurrences; n++) {
    const at = lines.indexOf(printed, from);
    if (at === -1) return false;
    from = at + printed.length;
    const { start, end } = lineAround(lines, at);
    const line = lines.slice(start, end);
    // An instruction's operand in a disassembly (`jne nwlnknb!_NbiReceive+0xca`) is a branch target, not a frame.
    if (OPERAND_BEFORE.test(lines.slice(start, at))) continue;
    if (ADDRESS.test(line)) return true;
    // What is left besides the frame: annotations in brackets ("(FPO: ...)", "[omap]", one wrapped at the line's
    // end) do not count.
    const rest = line.replace(printed, ' ').replace(/\([^)]*(\)|$)|\[[^\]]*(\]|$)|<[^>]*>/g, ' ');
    const words = rest.match(/[A-Za-z]{2,}/g) ?? [];
    if (!words.every((w) => LISTING_WORD.test(w)) || /[^\s:>-]/.test(rest.replace(/[A-Za-z]{2,}/g, ''))) continue;
    // Frames one under the other, as the trace reader read them, are a listing themselves.
    if (listed) return true;
    const near = neighbourhood(lines, start, end, LISTING_LINES);
    if (ADDRESS.test(near) || LISTING_MARK.test(near)) return true;
  }
  return false;
}
