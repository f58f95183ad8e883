/**
 * .NET stacks: `   at Ns.Type.Method(Int32 x) in C:\src\F.cs:line 42`, Mono's
 * `at Ns.Type.Method (System.Object m) [0x00023] in <hash>:0`, localised `bei` / `à` / `ved` / `в`,
 * inner exceptions (` ---> X: msg`, `--- End of inner exception stack trace ---`: the inner
 * trace is printed first and becomes its own trace), async `--- End of stack trace from previous
 * location ---` (the same trace goes on).
 */
import type { Line } from './lines.js';
import { readUnclaimed, type Reader } from './reader.js';

/** `at` (or a translation), a dotted name without spaces, `(`parameters`)`, then `in file:line N` or Mono's `[0x..] in <..>:0`. */
const FRAME = /^\s*(?:at|bei|à|ved|в|en|w|在|於)\s+([^\s(]{1,500}\.[^\s(.]{1,300})\s?\(([^()]{0,1000})\)(.{0,1000})$/;
const HEADER = /^\s*(?:Unhandled [Ee]xception[.:]?\s+|---\s?>\s+)?((?:[A-Za-z_][\w`]{0,100}\.){1,20}[\w`]{0,100}(?:Exception|Error|Fault))(?::\s?(.{0,1000}))?$/;
const INNER_END = /^\s*---\s?(?:End of inner exception stack trace|Ende der internen Ausnahmestapelüberwachung|Fin de la trace de la pile d'exception interne)/i;
const ASYNC_SEPARATOR = /^\s*---\s?(?:End of stack trace from previous location|Ende der Stapelüberwachung vom vorhergehenden Ort|Fin de la trace de la pile)/i;

/** Parameters look like `Int32 x, String s` or nothing; a JavaScript location (`file.js:1:2`) or a Java one (`F.java:3`) does not. */
function isDotnetParameters(params: string, rest: string): boolean {
  if (params === '') return true;
  if (/:\d+(?::\d+)?$/.test(params) || params === 'native' || params === 'Native Method' || params === 'Unknown Source') return false;
  return params.includes(' ') || /^\s*(?:\[0x|<0x|in\s)/.test(rest) || params.includes('&') || params === '...';
}

export const readDotnet: Reader = (lines: Line[], claimed: Uint8Array) => {
  return readUnclaimed('dotnet', lines, claimed, (text, i, out) => {
    const frame = FRAME.exec(text);
    if (frame && isDotnetParameters(frame[2]!, frame[3]!)) {
      claimed[i] = 1;
      const name = frame[1]!;
      const dot = lastDotOutsideBrackets(name);
      out.frame(i, name.slice(0, dot), name.slice(dot + 1));
      return;
    }
    if (ASYNC_SEPARATOR.test(text)) {
      if (out.isOpen) claimed[i] = 1;
      return;
    }
    if (INNER_END.test(text)) {
      claimed[i] = 1;
      out.end();
      return;
    }
    const header = HEADER.exec(text);
    if (header) {
      if (out.isOpen) claimed[i] = 1;
      out.end();
      out.exception(header[1]!, header[2]);
      return;
    }
    if (text.trim() === '') return;
    out.end();
  });
};

/** The dot before the method name: `Ns.C.<M>d__6.MoveNext` splits before `MoveNext`; dots inside `<...>` or `[...]` do not count. */
function lastDotOutsideBrackets(name: string): number {
  let depth = 0;
  for (let i = name.length - 1; i > 0; i--) {
    const c = name[i];
    if (c === '>' || c === ']') depth++;
    else if ((c === '<' || c === '[') && depth > 0) depth--;
    else if (c === '.' && depth === 0) return i;
  }
  return name.lastIndexOf('.');
}
