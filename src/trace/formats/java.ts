/**
 * Java / Kotlin / Android stacks: `\tat pkg.Cls.m(F.java:123)`, `(Native Method)`, `(Unknown Source)`,
 * Java 9+ `app//` and `java.base@17/` prefixes, `Caused by:` (each cause its own trace),
 * `... N more` (the frames shared with the enclosing trace, elided), `Suppressed:` blocks (skipped,
 * as satyr does: they are a side story), logcat's `FATAL EXCEPTION:` header.
 */
import type { Line } from './lines.js';
import { readUnclaimed, type Reader } from './reader.js';

/** `at` + optional loader/module prefixes + `Class.method(` + a source location without spaces (or the two JVM phrases) + `)`. */
const FRAME = /^\s*at\s+(?:[\w.$-]{1,200}(?:@[\w.-]{1,60})?\/){0,3}([\w$.<>-]{1,400})\.([\w$<>-]{1,300})\((Native Method|Unknown Source(?::\d{1,7})?|[\w$.-]{0,200}(?::\d{1,7})?)\)/;
/** `java.lang.IllegalStateException: msg`, `Caused by: x.y.FooError`, `Exception in thread "main" ...`. */
const HEADER = /^\s*(?:Exception in thread "[^"]{0,200}"\s+)?(Caused by:\s+|Suppressed:\s+)?((?:[a-zA-Z_$][\w$]{0,100}\.){1,20}[\w$]{1,100})(?::\s?(.{0,1000}))?$/;
const MORE = /^\s*\.\.\.\s\d{1,7}\s(?:more|common frames omitted)/;
const THROWABLE = /(?:Exception|Error|Throwable|Failure|Fault|Crash)\w{0,40}$/;

function isSourceLocation(location: string): boolean {
  // `(Native Method)`, `(Unknown Source)`, `(Foo.java:12)`, `(SourceFile:3)`, `(:12)` — never empty (that is .NET's `M()`)
  return location.length > 0;
}

/** A header is Java's when a Java frame follows within a few lines (a .NET or Python paste shares the `x.y.Error: msg` shape). */
function framesFollow(lines: Line[], i: number): boolean {
  for (let k = i + 1; k < lines.length && k <= i + 4; k++) {
    const m = FRAME.exec(lines[k]!.text);
    if (m && isSourceLocation(m[3]!)) return true;
    if (/^\s*(?:Caused by:|Suppressed:|\.\.\.\s\d)/.test(lines[k]!.text)) return true;
  }
  return false;
}

export const readJava: Reader = (lines: Line[], claimed: Uint8Array) => {
  let suppressed = false;
  return readUnclaimed('java', lines, claimed, (text, i, out) => {
    const frame = FRAME.exec(text);
    if (frame && isSourceLocation(frame[3]!)) {
      claimed[i] = 1;
      if (!suppressed) out.frame(i, frame[1]!, frame[2]!);
      return;
    }
    if (MORE.test(text)) {
      claimed[i] = 1;
      if (!suppressed) out.end();
      return;
    }
    const header = HEADER.exec(text);
    if (header && (header[1] !== undefined || THROWABLE.test(header[2]!)) && framesFollow(lines, i)) {
      claimed[i] = 1;
      out.end();
      suppressed = header[1]?.startsWith('Suppressed') ?? false;
      if (!suppressed) {
        out.exception(header[2]!, header[3]);
        out.open(i);
      }
      return;
    }
    if (/^\s*(?:FATAL EXCEPTION:|Process: [\w.:]+, PID:)/.test(text)) {
      claimed[i] = 1;
      out.end();
      return;
    }
    if (text.trim() === '') return;
    // any other line ends the trace (a log line, prose)
    out.end();
    suppressed = false;
  });
};
