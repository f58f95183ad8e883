/** Reading pasted text: stack traces, KB references and other clues. */
export { parseMessage } from './message.js';
export { parseTraces } from './traces.js';
export { decodeSlackText } from './slack.js';
export { extractKbRefs, parseKbRef } from './kbrefs.js';
export { extractClues } from './clues.js';
export { langOfModule, normalizeFrame, normalizeModule, normalizeSymbol, type NormalFrame } from './normalize.js';
export { readForeignStacks, READERS } from './formats/index.js';
export { demangleMsvc } from './demangle.js';
