/**
 * Prose fields (symptoms, cause) without the stack-trace columns pasted into them: the trace itself is
 * kept in `traces`, and a reader of the symptoms wants the sentence, not `0156f6d0 004e7348 ...`.
 * Works on collapsed text token by token, so both article forms give the same string.
 */

const HEADER_WORDS = new Set([
  'frameptr', 'retaddr', 'returnad', 'param1', 'param2', 'param3', 'param4', 'param#1', 'param#2', 'param#3', 'param#4',
  'childebp', 'args', 'to', 'child', 'function', 'name', '#', 'callee-sp', 'arguments', 'callee', 'call', 'site', 'return-ra',
]);

/** An address column or a `module!symbol` frame. */
function isStrong(token: string): boolean {
  return /^(0x)?([0-9a-fA-F]{8}|[0-9a-fA-F]{16})$/.test(token) || /^[\w.@?$-]*![\w@?$<>~`'.:]/.test(token);
}

/** Trace furniture that belongs to a run of frames: header words, FPO/omap annotations, offsets, frame numbers. */
function isWeak(token: string): boolean {
  return (
    HEADER_WORDS.has(token.toLowerCase()) ||
    /^[([]/.test(token) ||
    /[\])]$/.test(token) ||
    /^\+?0x[0-9a-fA-F]+$/.test(token) ||
    /^[0-9a-fA-F]{1,2}$/.test(token) ||
    /^<no ?symbols>$/i.test(token) ||
    token === '+' ||
    token === '-'
  );
}

/** Drops every run of trace tokens holding two or more addresses or frames. */
export function withoutTraceNoise(prose: string): string {
  if (!prose.includes('!') && !/[0-9a-fA-F]{8}/.test(prose)) return prose;
  const tokens = prose.split(' ');
  const kept: string[] = [];
  let run: string[] = [];
  let strong = 0;
  const flush = () => {
    if (strong < 2) kept.push(...run);
    run = [];
    strong = 0;
  };
  for (const token of tokens) {
    if (isStrong(token)) {
      run.push(token);
      strong++;
    } else if (isWeak(token)) {
      run.push(token);
    } else {
      flush();
      kept.push(token);
    }
  }
  flush();
  return kept.join(' ');
}
