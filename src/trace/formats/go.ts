/**
 * Go panics and goroutine dumps: `panic: msg`, `goroutine 1 [running]:` (Go 1.22's
 * `goroutine 0 gp=... m=0 mp=... [idle]:` too), then pairs of lines `pkg.(*T).M(0x...)` /
 * `\t/path/file.go:12 +0x1d`, and `created by pkg.F in goroutine 7`. Each goroutine is a trace,
 * the panicking one first as printed. A function line counts only when its file line follows.
 */
import type { Line } from './lines.js';
import { Traces, type Reader } from './reader.js';

const GOROUTINE = /^\s*goroutine\s\d{1,9}(?:\s[^[\n]{0,200})?\s\[[^\]]{1,200}\]:\s*$/;
const PANIC = /^\s*(?:panic|fatal error):\s?(.{0,1000})$/;
const CREATED = /^\s*created by\s(\S{1,800}?)(?:\sin goroutine\s\d{1,9})?\s*$/;
/** `\t/p/f.go:12 +0x1d`, with `fp=0x.. sp=0x.. pc=0x..` when the runtime prints them (fatal errors). */
const FILE = /^\s*(\S{1,1000}\.(?:go|s)):\d{1,7}(?:\s\+0x[0-9a-f]{1,16})?(?:\s[a-z]{1,3}=0x[0-9a-f]{1,16}){0,4}\s*$/;

/** `github.com/a/b.(*T).M` → [`github.com/a/b`, `(*T).M`]: the package path ends at the first dot after the last slash. */
export function splitGoName(name: string): [string, string] {
  const slash = name.lastIndexOf('/', name.indexOf('(') >= 0 ? name.indexOf('(') : name.length);
  const dot = name.indexOf('.', slash + 1);
  // `panic(...)`, `goexit`: the runtime's own
  if (dot < 0) return ['runtime', name];
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/**
 * `pkg.(*T).M(0xc000012345, {0x1, 0x2})` → `pkg.(*T).M`: arguments hold no parentheses, so the call's
 * opening parenthesis is the last one; the name before it has no spaces.
 */
function funcName(text: string): string | undefined {
  const t = text.trim();
  if (!t.endsWith(')')) return undefined;
  const open = t.lastIndexOf('(');
  if (open <= 0) return undefined;
  const name = t.slice(0, open);
  if (/\s/.test(name) || name.length > 1000) return undefined;
  return name;
}

export const readGo: Reader = (lines: Line[], claimed: Uint8Array) => {
  const out = new Traces('go');
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i]) continue;
    const text = lines[i]!.text;
    if (GOROUTINE.test(text)) {
      claimed[i] = 1;
      out.end();
      out.open(i);
      continue;
    }
    const panic = PANIC.exec(text);
    if (panic && !text.trimStart().startsWith('panic(')) {
      out.end();
      out.exception(text.trimStart().startsWith('fatal') ? 'fatal error' : 'panic', panic[1]);
      continue;
    }
    const next = lines[i + 1]?.text ?? '';
    const created = CREATED.exec(text);
    const func = created ? undefined : funcName(text);
    if ((created || func) && FILE.test(next) && !claimed[i + 1]) {
      claimed[i] = 1;
      claimed[i + 1] = 1;
      const [module, symbol] = splitGoName(created ? created[1]! : func!);
      out.frame(i, module, symbol);
      i++;
      continue;
    }
    if (text.trim() === '' || /^\s*\[(?:signal|recovered)/.test(text)) continue;
    if (out.frameCount > 0) out.end();
  }
  return out.output();
};
