/**
 * Rust panics: `thread 'main' panicked at src/main.rs:3:5:` with the message on the next line
 * (1.73+) or `panicked at 'msg', src/main.rs:3:5` (before), then `stack backtrace:` and frames
 * `  12: 0x55d4c2b1 - crate::module::function::h0123456789abcdef` or `  12: crate::f` with
 * `at src/x.rs:3:5` lines under them. Frames are read inside a backtrace block only.
 */
import type { Line } from './lines.js';
import { Traces, type Reader } from './reader.js';

const PANIC_NEW = /^\s*thread\s'([^']{0,200})'(?:\s\(\d+\))?\spanicked at\s(\S{1,1000}?):\d{1,7}:\d{1,7}:?\s*$/;
const PANIC_OLD = /^\s*thread\s'([^']{0,200})'\spanicked at\s'(.{0,1000})',\s\S{1,1000}$/;
const BACKTRACE = /^\s*stack backtrace:\s*$/;
const FRAME = /^\s*\d{1,5}:\s+(?:0x[0-9a-f]{1,16}\s-\s)?(.{1,2000}?)\s*$/;
const AT = /^\s*at\s\S{1,1000}:\d{1,7}(?::\d{1,7})?\s*$/;

/** `<alloc::boxed::Box<F> as core::ops::FnOnce<A>>::call_once` → crate `alloc`; `myapp::run` → `myapp`. */
export function splitRustName(name: string): [string, string] {
  if (name.startsWith('<')) {
    // `<F as threadpool::FnBox>::call_box`: the crate is the first path named inside
    const crate = /([A-Za-z_]\w{0,100})::/.exec(name);
    return crate ? [crate[1]!, name] : ['?', name];
  }
  const sep = name.indexOf('::');
  if (sep <= 0) return ['?', name];
  return [name.slice(0, sep), name.slice(sep + 2)];
}

export const readRust: Reader = (lines: Line[], claimed: Uint8Array) => {
  const out = new Traces('rust');
  let inBacktrace = false;
  let pendingPanic = false;
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i]) continue;
    const text = lines[i]!.text;
    const panicNew = PANIC_NEW.exec(text);
    const panicOld = panicNew ? undefined : PANIC_OLD.exec(text);
    if (panicNew || panicOld) {
      claimed[i] = 1;
      out.end();
      inBacktrace = false;
      if (panicOld) out.exception('panic', panicOld[2]);
      else pendingPanic = true;
      continue;
    }
    if (pendingPanic) {
      // 1.73+: the message is the line after `panicked at file:line:col:`
      pendingPanic = false;
      if (!/^\s*(?:note:|stack backtrace:)/.test(text)) {
        claimed[i] = 1;
        out.exception('panic', text);
        continue;
      }
      out.exception('panic');
    }
    if (BACKTRACE.test(text)) {
      claimed[i] = 1;
      out.end();
      inBacktrace = true;
      out.open(i);
      continue;
    }
    if (!inBacktrace) {
      // a backtrace pasted without its header: frames with an address and a path name
      if (!/^\s*\d{1,5}:\s+0x[0-9a-f]{1,16}\s-\s\S{0,300}::/.test(text)) continue;
      inBacktrace = true;
    }
    const frame = FRAME.exec(text);
    if (frame) {
      claimed[i] = 1;
      const [module, symbol] = splitRustName(frame[1]!);
      if (module !== '?') out.frame(i, module, symbol);
      continue;
    }
    if (AT.test(text)) {
      claimed[i] = 1;
      continue;
    }
    if (text.trim() === '') continue;
    out.end();
    inBacktrace = false;
  }
  if (pendingPanic) out.exception('panic');
  return out.output();
};
