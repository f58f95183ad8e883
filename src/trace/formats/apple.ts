/**
 * Apple crash reports (iOS / macOS, Swift and Objective-C): `Exception Type: EXC_BAD_ACCESS (SIGSEGV)`,
 * `*** Terminating app due to uncaught exception 'X', reason: '...'`, then under `Thread 0 Crashed:`
 * (or `Last Exception Backtrace:`) frames `0   MyApp   0x0000000100a1b2c4 ViewController.viewDidLoad() + 120`.
 * Unsymbolicated frames (`0x1000 + 4660`) hold the place of a frame but have no symbol.
 */
import type { Line } from './lines.js';
import { Traces, type Reader } from './reader.js';

const CRASHED = /^\s*(?:Thread\s\d{1,4}\s(?:name:\s.*)?Crashed:{0,2}.*|Last Exception Backtrace:|Crashed Thread:\s.*)$/;
const THREAD = /^\s*Thread\s\d{1,4}(?:\sname:.*|:{1,2}.*)?$/;
const FRAME = /^\s*(\d{1,4})\s{1,40}(\S{1,300}(?:\s\S{1,40})?)\s{1,40}(0x[0-9a-fA-F]{1,16})\s(.{1,2000}?)\s*$/;
const TYPE = /^\s*Exception Type:\s+(\S{1,100})(?:\s\((\w{1,40})\))?/;
const UNCAUGHT = /Terminating app due to uncaught exception '([^']{1,200})', reason: '(.{0,1000}?)'/;

/** `ViewController.viewDidLoad() + 120 (ViewController.swift:20)` → the symbol; `0x1000 + 4660` → undefined. */
function appleSymbol(rest: string): string | undefined {
  let s = rest.replace(/\s\(\S{1,300}:\d{1,7}\)\s*$/, '').replace(/\s\+\s\d{1,12}\s*$/, '').trim();
  if (/^0x[0-9a-fA-F]{1,16}$/.test(s) || s === '???' || s === '<redacted>') return undefined;
  s = s.replace(/\s\(in\s\S{1,300}\)$/, '');
  return s;
}

export const readApple: Reader = (lines: Line[], claimed: Uint8Array) => {
  const out = new Traces('native');
  let inCrashed = false;
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i]) continue;
    const text = lines[i]!.text;
    const type = TYPE.exec(text);
    if (type) {
      claimed[i] = 1;
      out.exception(type[1]!, type[2]);
      continue;
    }
    const uncaught = UNCAUGHT.exec(text);
    if (uncaught) {
      claimed[i] = 1;
      out.exception(uncaught[1]!, uncaught[2]);
      continue;
    }
    if (CRASHED.test(text)) {
      claimed[i] = 1;
      out.end();
      inCrashed = true;
      out.open(i);
      continue;
    }
    if (THREAD.test(text)) {
      out.end();
      inCrashed = false;
      continue;
    }
    if (!inCrashed) continue;
    const frame = FRAME.exec(text);
    if (frame) {
      claimed[i] = 1;
      const symbol = appleSymbol(frame[4]!);
      if (symbol) out.frame(i, frame[2]!, symbol);
      continue;
    }
    if (text.trim() === '') continue;
    out.end();
    inCrashed = false;
  }
  return out.output();
};
