import type { CommandIo } from '../../src/cli/args.js';

/** A CommandIo that keeps what a command prints, for assertions. */
export function captureIo(): CommandIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    stdout: () => out,
    stderr: () => err,
  };
}
