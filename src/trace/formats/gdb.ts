/**
 * Native debugger backtraces. gdb `bt`: `#3  0x00007f... in func (a=1) at f.c:12` /
 * `#0  func (...) at f.c:12` / `... from /lib64/libc.so.6`; lldb `bt`: `frame #4: 0x... module`func + 56 at f.c:10`;
 * Android tombstones: `#00 pc 000000000004e0e8  /system/lib64/libc.so (abort+164)`. Frames named `??` have no symbol.
 */
import type { Line } from './lines.js';
import { readUnclaimed, type Reader } from './reader.js';

const GDB = /^\s*#(\d{1,5})\s+(?:0x[0-9a-fA-F]{1,16}\s+in\s+)?(\S.{0,3000})$/;
const LLDB = /^\s*\*?\s*frame\s#(\d{1,5}):\s+0x[0-9a-fA-F]{1,16}\s+([^`\s]{1,300})`(.{1,2000}?)(?:\s\+\s\d{1,9})?(?:\s+at\s\S{1,500})?\s*$/;
const TOMBSTONE = /^\s*#(\d{1,5})\s+pc\s+[0-9a-fA-F]{1,16}\s+(\S{1,500})(?:\s+\((.{1,1000}?)(?:\+\d{1,9})?\))?(?:\s+\(BuildId:\s\w{1,100}\))?\s*$/;
const SIGNAL = /^\s*(?:Program|Thread \d+ "[^"]{0,100}") received signal (SIG\w{1,12}),\s?(.{0,200})$/;
const LLDB_STOP = /stop reason = (\w{1,40}(?:\s\([^)]{0,200}\))?)/;

/** `func (a=1, b=...) at f.c:12` / `func () from /lib/x.so` → name (up to ` (` outside `<>`), and the library when named. */
function gdbCall(rest: string): { name: string; library?: string } | undefined {
  let depth = 0;
  let end = -1;
  for (let k = 0; k < rest.length; k++) {
    const c = rest[k];
    if (c === '<') depth++;
    else if (c === '>' && depth > 0) depth--;
    else if (c === '(' && depth === 0 && (rest[k - 1] === ' ' || k === rest.length - 1 || rest[k + 1] === ')' || /[\w=]/.test(rest[k + 1] ?? ''))) {
      end = k;
      break;
    }
  }
  if (end <= 0) return undefined;
  const name = rest.slice(0, end).trim();
  if (name === '' || name === '??' || /\s(?:at|from)\s/.test(name)) return undefined;
  const from = / from (\S{1,500})\s*$/.exec(rest);
  return from ? { name, library: from[1] } : { name };
}

/** gdb wraps long argument lists: an indented line after a frame continues it (`    argc@entry=1, ...) at f.c:72`). */
const CONTINUATION = /^\s+\S/;
const MAX_CONTINUATIONS = 3;

export const readGdb: Reader = (lines: Line[], claimed: Uint8Array) => {
  let continuations = 0;
  return readUnclaimed('native', lines, claimed, (text, i, out) => {
    const tomb = TOMBSTONE.exec(text);
    if (tomb) {
      claimed[i] = 1;
      if (tomb[1] === '00' || tomb[1] === '0') out.end();
      if (tomb[3]) out.frame(i, tomb[2]!, tomb[3]);
      else out.open(i);
      return;
    }
    const lldb = LLDB.exec(text);
    if (lldb) {
      claimed[i] = 1;
      if (lldb[1] === '0') out.end();
      out.frame(i, lldb[2]!, lldb[3]!);
      return;
    }
    const gdb = GDB.exec(text);
    const call = gdb ? gdbCall(gdb[2]!) : undefined;
    // a gdb frame shows an address, a source location or a library: `#1 foo(3)` in prose is not one
    if (gdb && /(?:^0x|\sat\s\S+:\d|\sfrom\s\S)/.test(text.trim().replace(/^#\d+\s+/, '')) && (call || gdb[2]!.startsWith('0x') || gdb[2]!.startsWith('??'))) {
      claimed[i] = 1;
      if (gdb[1] === '0') out.end();
      if (call) out.frame(i, call.library ?? '?', call.name);
      else out.open(i);
      continuations = 0;
      return;
    }
    if (out.isOpen && CONTINUATION.test(text) && !text.trimStart().startsWith('#') && continuations++ < MAX_CONTINUATIONS) {
      claimed[i] = 1;
      return;
    }
    const signal = SIGNAL.exec(text);
    if (signal) {
      out.end();
      out.exception(signal[1]!, signal[2]);
      return;
    }
    const stop = LLDB_STOP.exec(text);
    if (stop && /^\s*\*?\s*thread\s#/.test(text)) {
      out.end();
      out.exception(stop[1]!);
      return;
    }
    if (text.trim() === '' || /^\s*(?:backtrace:|\(gdb\)|\(lldb\))/.test(text)) return;
    out.end();
  });
};
