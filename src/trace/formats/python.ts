/**
 * Python tracebacks: `Traceback (most recent call last):`, `  File "x.py", line 12, in f`, the code
 * line and 3.11 `^^^^` carets under it, `[Previous line repeated N more times]`, and the
 * exception line. The innermost frame is printed last, so each trace is reversed (crash frame
 * first). Chained exceptions ("The above exception was the direct cause...", "During handling of
 * the above exception...") give one trace per link; exception groups' `| ` margins are stripped.
 */
import type { Line } from './lines.js';
import { Traces, type Reader } from './reader.js';

const HEADER = /^\s*(?:\+\s*)?(?:\|\s*)?(?:Exception Group )?Traceback \(most recent call last\):/;
const FRAME = /^\s*(?:\|\s*)?File\s"([^"]{1,1000})",\sline\s(\d{1,7})(?:,\sin\s(.{1,300}?))?\s*$/;
const EXCEPTION = /^\s*(?:\|\s*)?((?:[A-Za-z_][\w]{0,100}\.){0,10}[A-Za-z_]\w{0,100}(?:Error|Exception|Exit|Interrupt|Warning|Iteration|Group|Timeout|Fault|Failure))(?::\s?(.{0,1000}))?$/;
const CHAIN = /^\s*(?:The above exception was the direct cause|During handling of the above exception)/;

export const readPython: Reader = (lines: Line[], claimed: Uint8Array) => {
  const out = new Traces('python');
  let inTrace = false;
  let sinceFrame = 0;
  const finish = (): void => {
    out.reverseOpen();
    out.end();
    inTrace = false;
  };
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i]) {
      if (inTrace) finish();
      continue;
    }
    const text = lines[i]!.text;
    if (HEADER.test(text)) {
      if (inTrace) finish();
      claimed[i] = 1;
      inTrace = true;
      sinceFrame = 0;
      out.open(i);
      continue;
    }
    const frame = FRAME.exec(text);
    if (frame) {
      claimed[i] = 1;
      if (!inTrace) {
        inTrace = true;
        out.open(i);
      }
      sinceFrame = 0;
      out.frame(i, frame[1]!, frame[3] ?? '<module>');
      continue;
    }
    if (!inTrace) continue;
    const exception = EXCEPTION.exec(text);
    if (exception && sinceFrame <= 4) {
      claimed[i] = 1;
      out.exception(exception[1]!, exception[2]);
      finish();
      continue;
    }
    if (CHAIN.test(text)) {
      claimed[i] = 1;
      finish();
      continue;
    }
    // code lines, carets, `[Previous line repeated ...]` sit between frames
    if (++sinceFrame > 4) finish();
    else claimed[i] = 1;
  }
  if (inTrace) finish();
  return out.output();
};
