/**
 * PHP stack traces: `#0 /var/www/src/Foo.php(43): App\Foo->bar('x')`, `#1 [internal function]: ...`,
 * ending `#N {main}`; `PHP Fatal error:  Uncaught X: msg in /p/f.php:29` and `Next X: msg` (PHP prints
 * the previous exception first) are kept as clues. Each `#0` starts a trace.
 */
import type { Line } from './lines.js';
import { readUnclaimed, type Reader } from './reader.js';

const FRAME = /^\s*#(\d{1,4})\s+(?:(\S.{0,999}?)\((\d{1,7})\)|\[internal function\]):\s+(\S.{0,1500}?)\s*$/;
const MAIN = /^\s*#\d{1,4}\s+\{main\}\s*$/;
const UNCAUGHT = /(?:Fatal error|Uncaught exception):?\s+(?:Uncaught\s+)?([\w\\]{1,200}(?:Exception|Error))(?::\s?(.{0,1000}?))?\s+in\s\S{1,1000}:\d{1,7}/;
const NEXT = /^\s*Next\s+([\w\\]{1,200}):\s?(.{0,1000}?)(?:\s+in\s\S{1,1000}:\d{1,7})?\s*$/;

/** `App\Foo->bar('x', 1)` → [`App\Foo`, `bar`]; `helper(1)` → [the file, `helper`]. */
function splitCall(call: string, file: string): [string, string] {
  const paren = call.indexOf('(');
  const name = paren > 0 ? call.slice(0, paren) : call;
  const arrow = Math.max(name.lastIndexOf('->'), name.lastIndexOf('::'));
  if (arrow > 0) return [name.slice(0, arrow), name.slice(arrow + 2)];
  return [file || '<internal>', name];
}

export const readPhp: Reader = (lines: Line[], claimed: Uint8Array) => {
  return readUnclaimed('php', lines, claimed, (text, i, out) => {
    const frame = FRAME.exec(text);
    if (frame) {
      claimed[i] = 1;
      if (frame[1] === '0') out.end();
      const [module, symbol] = splitCall(frame[4]!, frame[2] ?? '');
      out.frame(i, module, symbol);
      return;
    }
    if (MAIN.test(text)) {
      claimed[i] = 1;
      out.end();
      return;
    }
    const uncaught = UNCAUGHT.exec(text) ?? NEXT.exec(text);
    if (uncaught) {
      out.end();
      out.exception(uncaught[1]!, uncaught[2]);
      return;
    }
    if (text.trim() === '' || /^\s*(?:Stack trace:|thrown in)/.test(text)) return;
    out.end();
  });
};
