/**
 * JavaScript stacks. V8 (Node.js, Chrome, Edge): `at fn (file:line:col)`, `at file:line:col`,
 * `at async fn (...)`, `at new C (...)`, `at Promise.all (index 0)`, `node:internal/...`.
 * Firefox and Safari: `fn@url:line:col`, `@url:line:col`, `fn/<@url:...`. The `Error: message`
 * line before them is kept as a clue.
 */
import type { Line } from './lines.js';
import { readUnclaimed, type Reader } from './reader.js';

const V8_CALL = /^\s*at\s+(?:async\s+)?(?:new\s+)?(.{1,400}?)\s\((.{1,1000})\)\s*$/;
/** V8 prints a location without a function as `file:line:column` (gdb's wrapped `at f.c:12` has no column). */
const V8_BARE = /^\s*at\s+(?:async\s+)?(\S{1,1000}:\d{1,7}:\d{1,7})\s*$/;
const GECKO = /^\s*([^\s@]{0,400})@(\S{1,1000}?):(\d{1,7})(?::\d{1,7})?\s*$/;
const HEADER = /^\s*(?:Uncaught\s+(?:\(in promise\)\s+)?|Unhandled(?:Promise)?Rejection:?\s+)?((?:[A-Z][\w$]{0,60})?(?:Error|Exception)|AbortError|DOMException)(?::\s?(.{0,1000}))?$/;

/** What a V8 location looks like: `file:1:2`, `file:1`, `native`, `<anonymous>`, `index 0`, `eval at ...`. */
function isV8Location(location: string): boolean {
  return /:\d{1,7}(?::\d{1,7})?$/.test(location) || location === 'native' || location === '<anonymous>' || /^index \d+$/.test(location) || location.startsWith('eval at ');
}

/** `file:12:5` → `file`. */
function fileOf(location: string): string {
  const m = /^(.*?)(?::\d{1,7}){1,2}$/.exec(location);
  return m ? m[1]! : location;
}

export const readJs: Reader = (lines: Line[], claimed: Uint8Array) => {
  return readUnclaimed('js', lines, claimed, (text, i, out) => {
    const call = V8_CALL.exec(text);
    if (call && isV8Location(call[2]!)) {
      claimed[i] = 1;
      const location = call[2]!.startsWith('eval at ') ? '<eval>' : fileOf(call[2]!);
      out.frame(i, location === 'native' || location === '<anonymous>' ? `<${location.replace(/[<>]/g, '')}>` : location, call[1]!);
      return;
    }
    const bare = V8_BARE.exec(text);
    if (bare) {
      claimed[i] = 1;
      // a frame without a function name still holds the place of one
      out.frame(i, fileOf(bare[1]!), '<anonymous>');
      return;
    }
    const gecko = GECKO.exec(text);
    if (gecko && (gecko[2]!.includes('/') || gecko[2]!.includes('.js'))) {
      claimed[i] = 1;
      out.frame(i, gecko[2]!, gecko[1]! === '' ? '<anonymous>' : gecko[1]!);
      return;
    }
    const header = HEADER.exec(text);
    if (header) {
      out.end();
      out.exception(header[1]!, header[2]);
      return;
    }
    if (text.trim() === '' || /^\s*\[native code\]\s*$/.test(text)) return;
    out.end();
  });
};
