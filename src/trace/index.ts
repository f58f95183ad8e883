/** Reading pasted text: stack traces, KB references and other clues. */
export { parseTraces } from './traces.js';
export { normalizeFrame, normalizeModule, normalizeSymbol, type NormalFrame } from './normalize.js';
export { demangleMsvc } from './demangle.js';
