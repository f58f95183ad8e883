/**
 * Breakpad / Crashpad `minidump_stackwalk` output: `Thread 0 (crashed)`, frames
 * ` 3  libxul.so!nsEditor::Install() [nsEditor.cpp : 375 + 0x67]` or ` 4  libc.so.6 + 0x21c87`
 * (no symbol), register and `Found by:` lines between them; `Crash reason:  SIGSEGV` as a clue.
 * Socorro's crash-report table rows (`0  xul.dll  nsFoo::Bar(int)  hg:.../foo.cpp:12`) too.
 */
import type { Line } from './lines.js';
import { Traces, type Reader } from './reader.js';

const THREAD = /^\s*Thread\s\d{1,6}(?:\s\((crashed)\))?/;
const FRAME = /^\s*(\d{1,5})\s{1,6}([^\s!]{1,300})!(.{1,2000}?)(?:\s\[.{1,1000}\])?(?:\s\+\s0x[0-9a-f]{1,16})?\s*$/;
const NO_SYMBOL = /^\s*\d{1,5}\s{1,6}\S{1,300}\s\+\s0x[0-9a-f]{1,16}\s*$/;
const FOUND_BY = /^\s*(?:Found by:|[re]?[a-z0-9]{1,3}\s=\s0x|[a-z0-9]{2,5}\s=\s0x)/;
const CRASH_REASON = /^\s*Crash reason:\s+(\S{1,100})(.{0,200})$/;
const SOCORRO = /^\s*(\d{1,5})\t([^\t]{1,300})\t([^\t]{1,2000})(?:\t.{0,1000})?$/;

export const readBreakpad: Reader = (lines: Line[], claimed: Uint8Array) => {
  const out = new Traces('native');
  let inThread = false;
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i]) continue;
    const text = lines[i]!.text;
    const reason = CRASH_REASON.exec(text);
    if (reason) {
      claimed[i] = 1;
      out.exception(reason[1]!, reason[2]);
      continue;
    }
    if (THREAD.test(text) && !/Crashed:/.test(text)) {
      out.end();
      inThread = true;
      claimed[i] = 1;
      out.open(i);
      continue;
    }
    const socorro = SOCORRO.exec(lines[i]!.text);
    if (socorro) {
      claimed[i] = 1;
      if (socorro[1] === '0') out.end();
      if (!/^(?:@0x|0x)/.test(socorro[3]!)) out.frame(i, socorro[2]!, socorro[3]!);
      continue;
    }
    if (!inThread) continue;
    const frame = FRAME.exec(text);
    if (frame) {
      claimed[i] = 1;
      out.frame(i, frame[2]!, frame[3]!);
      continue;
    }
    if (NO_SYMBOL.test(text) || FOUND_BY.test(text)) {
      claimed[i] = 1;
      continue;
    }
    if (text.trim() === '') continue;
    out.end();
    inThread = false;
  }
  return out.output();
};
