/**
 * Cheap linear scans that tell when an article cannot contain what an expensive parser looks for,
 * so ingest can skip that parser: of the archive's 57,000 articles only a few hundred hold a stack trace.
 * Each check must be implied by the parser it guards (never a guess), or skipping it would change output.
 */

/** Characters a stack frame's module may end with (see isModuleName in src/trace/frame.ts), `:` excepted. */
function isModuleEndChar(c: number): boolean {
  const l = c | 32;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 36 || c === 64 || c === 126 || c === 45 || c === 92;
}

/**
 * False when `text` cannot hold a stack frame: every frame the trace parser reads is a token
 * `module!symbol` (or `module!` before its symbol), so a `!` right after a module character is needed.
 */
export function mayHoldStackFrame(text: string): boolean {
  for (let at = text.indexOf('!', 1); at !== -1; at = text.indexOf('!', at + 1)) {
    if (isModuleEndChar(text.charCodeAt(at - 1))) return true;
  }
  return false;
}
