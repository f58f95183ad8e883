/**
 * Reads one stack frame (`module!symbol+0xoff` and its printed variants) starting at a token.
 * Every loop is bounded by a constant number of tokens or characters, so scanning a text
 * token by token stays linear however hostile the input.
 */
import type { Frame } from '../model.js';
import {
  isSymbolStart, joinAfterScope, joinMangled, readSymbol, stripArguments, trimTrailingPunctuation, type SymbolRead,
} from './symbol.js';
import type { Token } from './tokens.js';

const MAX_MODULE_CHARS = 128;
const LEADING_NOISE = '>"\'*`(';
const TRAILING_NOISE = ',;.:`*)"\']';

export interface FrameScan {
  /** The frame read, or undefined when the tokens name a frame without a symbol (`mod!<nosymbols>`, `mod!0x77e6cbe8`). */
  frame?: Frame;
  /** Index of the first token after the frame. */
  next: number;
}

/** Disassembly mnemonics and debugger commands whose operands name code, not stack frames. */
const OPERAND_OF = new Set([
  'call', 'jmp', 'mov', 'push', 'lea', 'cmp', 'test', 'loop', 'ds:', 'ptr', 'offset',
  'u', 'ub', 'uf', 'ln', 'bp', 'bu', 'bm', 'x', 'dps', 'dds', 'dd', 'db', 'dc', 'g',
  // edit / display memory at a variable: `ed query!vqinfolevel ffffffff`
  'ed', 'eb', 'ew', 'eq', 'ea', 'eu', 'dw', 'dq', 'da', 'du', 'dt', 'dv',
]);

/** `jz`, `jnz`, `jbe`, `jecxz`...: conditional jumps. */
function isJump(word: string): boolean {
  return word.length >= 2 && word.length <= 5 && word[0] === 'j' && /^[a-z]+$/.test(word);
}

function isOperand(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.text.toLowerCase();
  if (prev === undefined) return false;
  if (OPERAND_OF.has(prev) || isJump(prev)) return true;
  // the second operand of `u NT!_IoAllocateMdl NT!_IoAllocateMdl+0x50`
  const before = tokens[i - 2]?.text.toLowerCase();
  return before !== undefined && prev.includes('!') && OPERAND_OF.has(before);
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

function isHex(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isHexDigit(s.charCodeAt(i))) return false;
  return true;
}

function isLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

function isModuleChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95 /* _ */ || c === 46 /* . */ || c === 36 /* $ */ ||
    c === 64 /* @ */ || c === 126 /* ~ */ || c === 45 /* - */ || c === 92 /* \ */ || c === 58 /* : */;
}

/** A module as printed: `STORE`, `store.exe`, `c:\winnt\system32\ntdll.dll`, `Image@10200000`. */
function isModuleName(s: string): boolean {
  if (s.length === 0 || s.length > MAX_MODULE_CHARS) return false;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isModuleChar(c)) return false;
    if (isLetter(c)) letters++;
  }
  if (letters === 0 || s.includes('//')) return false;
  const first = s.charCodeAt(0);
  if (first === 46 || first === 45 || first === 58) return false;
  if (s.endsWith(':') || s.startsWith('0x') || s.startsWith('0X')) return false;
  return true;
}

/** A symbol that is really "no symbol": `<nosymbols>`, `nosymbols`, a bare address. */
function isNoSymbol(s: string): boolean {
  const lower = s.toLowerCase();
  if (lower.startsWith('<no') || lower === 'nosymbols' || lower.startsWith('<unknown')) return true;
  if (lower.startsWith('0x')) return true;
  // `store!0048A274`: an address printed where the symbol goes (8 or 16 digits)
  const first = s.charCodeAt(0);
  return (first >= 48 && first <= 57) || (s.length >= 8 && isHex(s));
}

/** Parses offset text (`0xb0`, `b0`, `0x000000FD`, decimal with `bytes`) into `0x…`, or undefined. */
function offsetValue(text: string, decimal: boolean): string | undefined {
  let s = text;
  while (s.length > 0 && TRAILING_NOISE.includes(s[s.length - 1]!)) s = s.slice(0, -1);
  const paren = s.indexOf('(');
  if (paren > 0) s = s.slice(0, paren);
  if (s.startsWith('0x') || s.startsWith('0X')) {
    const digits = s.slice(2);
    return isHex(digits) && digits.length <= 16 ? `0x${digits}` : undefined;
  }
  if (!isHex(s) || s.length > 16) return undefined;
  if (decimal && /^\d+$/.test(s)) return `0x${Number(s).toString(16)}`;
  return `0x${s}`;
}

/** Reads what may follow a symbol: `Line N`, `+ 0xb0`, `+0xb0`, `+ 9 bytes`. Returns offset and next index. */
function readOffset(tokens: Token[], read: SymbolRead): { offset?: string; next: number } {
  let next = read.next;
  const lineWord = tokens[next]?.text.toLowerCase();
  if ((lineWord === 'line' || lineWord === 'line:') && /^\d+$/.test(tokens[next + 1]?.text ?? '')) next += 2;
  let text = read.offsetText;
  if (text === undefined) {
    const tok = tokens[next]?.text;
    if (tok === '+') {
      text = '';
      next++;
    } else if (tok !== undefined && tok.startsWith('+') && tok.length > 1) {
      text = tok.slice(1);
      next++;
    } else return { next };
  }
  if (text === '') {
    const tok = tokens[next]?.text;
    if (tok === undefined) return { next };
    text = tok;
    next++;
  }
  const bytes = tokens[next]?.text === 'bytes';
  const offset = offsetValue(text, bytes);
  if (bytes) next++;
  return { offset, next };
}

/**
 * Tries to read a frame at token i. Returns undefined when the token does not start a frame
 * (prose, prompts, URLs, disassembly labels and operands).
 */
export function scanFrame(tokens: Token[], i: number): FrameScan | undefined {
  const tok = tokens[i];
  if (!tok || tok.long) return undefined;
  let text = tok.text;
  let lead = 0;
  // current-frame marker, quotes, inline-code backticks, bold, an opening parenthesis of prose
  while (lead < text.length && LEADING_NOISE.includes(text[lead]!)) lead++;
  const bang = text.indexOf('!', lead);
  if (bang < 0) return undefined;
  let module = text.slice(lead, bang);
  // `function:STORE!EcFoo` (Dr. Watson field glued to the frame); keep `c:\path\x.dll` drive letters
  const colon = module.lastIndexOf(':');
  if (colon >= 0 && !(colon === 1 && module[2] === '\\')) module = module.slice(colon + 1);
  if (!isModuleName(module)) return undefined;
  if (isOperand(tokens, i)) return undefined;
  const prev = tokens[i - 1]?.text;

  let read: SymbolRead;
  if (bang + 1 === text.length) {
    // `USER32! Func(args)`, `userinit! <nosymbols>`, `module!` wrapped at the end of a line
    const after = tokens[i + 1];
    if (!after || after.long) return undefined;
    const a = after.text;
    if (isNoSymbol(a) || (a.endsWith('()') && isNoSymbol(a.slice(0, -2)))) return { next: i + 2 };
    const looksLikeFrame = a.includes('(') || a.includes('::') || a.includes('+0x') || tokens[i + 2]?.text === '+';
    if (!isSymbolStart(a.charCodeAt(0)) || !looksLikeFrame || a.includes('!')) return undefined;
    read = readSymbol(tokens, i + 1, 0);
  } else {
    const first = text.charCodeAt(bang + 1);
    const digit = first >= 48 && first <= 57;
    if (!isSymbolStart(first) && !digit && first !== 60 /* < */) return undefined;
    read = readSymbol(tokens, i, bang + 1);
  }
  if (read.symbol.startsWith('?')) read = joinMangled(tokens, read);
  else if (read.symbol.endsWith('::') && read.offsetText === undefined) read = joinAfterScope(tokens, read);

  const raw = read.symbol;
  // A disassembly label (`ntdll!RtlFreeHeap+0x1a:`) or a sentence ending in `!:` is not a frame.
  const label = read.offsetText !== undefined && read.offsetText.endsWith(':') && !read.offsetText.includes('(');
  if (label || (raw.endsWith(':') && !raw.endsWith('::'))) return undefined;
  if (raw.includes('://')) return undefined;
  const symbol = stripArguments(trimTrailingPunctuation(raw));
  if (symbol.length === 0) return undefined;
  if (isNoSymbol(symbol)) return { next: readOffset(tokens, read).next };
  if (!isSymbolStart(symbol.charCodeAt(0))) return undefined;
  const { offset, next } = readOffset(tokens, read);
  // VB / Access bang syntax in code samples: `rs!Field1 = x`, `y = Me!Text1`
  if (prev === '=' || tokens[read.next]?.text.startsWith('=')) return undefined;
  const frame: Frame = offset === undefined ? { module, symbol } : { module, symbol, offset };
  return { frame, next };
}
