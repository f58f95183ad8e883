/**
 * Reads the qualified name out of an MSVC-decorated symbol: `?GetPtr@CShrMemPool@@QAEPAXK@Z` →
 * `CShrMemPool::GetPtr`. Only the name is recovered (no parameters, return type or template
 * arguments): that is all frame matching needs. Anything not understood ends the name early
 * rather than failing, and the scan is linear in the input.
 */

/** Longer "names" are not decorated symbols; leave them alone (and keep the work bounded). */
const MAX_DECORATED = 1024;

const OPERATORS: Record<string, string> = {
  '2': 'operator new', '3': 'operator delete', '4': 'operator=', '5': 'operator>>', '6': 'operator<<',
  '7': 'operator!', '8': 'operator==', '9': 'operator!=', A: 'operator[]', B: 'operator cast', C: 'operator->',
  D: 'operator*', E: 'operator++', F: 'operator--', G: 'operator-', H: 'operator+', I: 'operator&',
  J: 'operator->*', K: 'operator/', L: 'operator%', M: 'operator<', N: 'operator<=', O: 'operator>',
  P: 'operator>=', Q: 'operator,', R: 'operator()', S: 'operator~', T: 'operator^', U: 'operator|',
  V: 'operator&&', W: 'operator||', X: 'operator*=', Y: 'operator+=', Z: 'operator-=',
};

const SPECIAL_NAMES: Record<string, string> = {
  '7': '`vftable\'', '8': '`vbtable\'', E: '`vector deleting destructor\'', G: '`scalar deleting destructor\'',
  U: 'operator new[]', V: 'operator delete[]', F: '`default constructor closure\'', R: '`RTTI\'',
};

class Cursor {
  pos = 0;
  constructor(readonly s: string) {}
  peek(offset = 0): string {
    return this.s[this.pos + offset] ?? '';
  }
  take(): string {
    return this.s[this.pos++] ?? '';
  }
  /** Reads `name@`; undefined when no `@` follows within the string. */
  identifier(): string | undefined {
    const at = this.s.indexOf('@', this.pos);
    if (at < 0 || at === this.pos) return undefined;
    const name = this.s.slice(this.pos, at);
    this.pos = at + 1;
    return name;
  }
}

/** One name fragment: `name@`, a back-reference digit, `?$template@args@`, `?A0x…@` (anonymous namespace). */
function readFragment(c: Cursor, names: string[]): string | undefined {
  const ch = c.peek();
  if (ch >= '0' && ch <= '9') {
    c.take();
    return names[Number(ch)];
  }
  if (ch === '?') {
    if (c.peek(1) === '$') {
      c.pos += 2;
      const name = c.identifier();
      if (name === undefined || !skipTemplateArgs(c)) return undefined;
      if (names.length < 10) names.push(name);
      return name;
    }
    if (c.peek(1) === 'A') {
      c.pos += 2;
      return c.identifier() === undefined ? undefined : '`anonymous namespace\'';
    }
    return undefined;
  }
  const name = c.identifier();
  if (name !== undefined && names.length < 10) names.push(name);
  return name;
}

/** Skips template arguments up to and including their closing `@`. */
function skipTemplateArgs(c: Cursor): boolean {
  const names: string[] = [];
  for (let guard = 0; guard < 64; guard++) {
    if (c.peek() === '@') {
      c.take();
      return true;
    }
    if (!skipType(c, names)) return false;
  }
  return false;
}

/** Skips one encoded type; false when the encoding is not one this reader knows. */
function skipType(c: Cursor, names: string[], depth = 0): boolean {
  if (depth > 16) return false;
  const ch = c.take();
  if ('CDEFGHIJKMNOXZ'.includes(ch) && ch !== '') return true;
  if (ch >= '0' && ch <= '9') return true; // type back-reference
  if (ch === '_') return c.take() !== '';
  if (ch === 'P' || ch === 'Q' || ch === 'R' || ch === 'S' || ch === 'A' || ch === 'B') {
    if (c.peek() === 'E') c.take(); // __ptr64
    if (!'ABCD'.includes(c.take())) return false;
    return skipType(c, names, depth + 1);
  }
  if (ch === 'V' || ch === 'U' || ch === 'T' || ch === 'W') {
    if (ch === 'W') c.take(); // enum base type digit
    return skipQualifiedName(c, names);
  }
  if (ch === '$') {
    const kind = c.take();
    if (kind === '0') return skipNumber(c);
    if (kind === '$') {
      c.take();
      return skipType(c, names, depth + 1);
    }
    return false;
  }
  return false;
}

function skipQualifiedName(c: Cursor, names: string[]): boolean {
  for (let guard = 0; guard < 32; guard++) {
    if (c.peek() === '@') {
      c.take();
      return true;
    }
    if (readFragment(c, names) === undefined) return false;
  }
  return false;
}

/** Encoded number: `?`-negated, one digit (1-10) or hex letters A-P ending in `@`. */
function skipNumber(c: Cursor): boolean {
  if (c.peek() === '?') c.take();
  const ch = c.take();
  if (ch >= '0' && ch <= '9') return true;
  for (let k = c.pos - 1; k < c.s.length; k++) {
    if (c.s[k] === '@') {
      c.pos = k + 1;
      return true;
    }
    if (c.s[k]! < 'A' || c.s[k]! > 'P') return false;
  }
  return false;
}

/**
 * The qualified name of an MSVC-decorated symbol (`Scope::Name`), or the input unchanged when it is
 * not decorated (does not start with `?`) or nothing could be read.
 */
export function demangleMsvc(symbol: string): string {
  if (!symbol.startsWith('?') || symbol.length > MAX_DECORATED) return symbol;
  const c = new Cursor(symbol);
  c.pos = 1;
  const names: string[] = [];
  let basic: string | undefined;
  let special: 'ctor' | 'dtor' | undefined;
  if (c.peek() === '?') {
    c.take();
    const code = c.take();
    if (code === '0') special = 'ctor';
    else if (code === '1') special = 'dtor';
    else if (code === '_') basic = SPECIAL_NAMES[c.take()] ?? 'operator ?';
    else if (code === '$') {
      basic = c.identifier();
      if (basic === undefined || !skipTemplateArgs(c)) return basic ?? symbol;
    } else basic = OPERATORS[code] ?? 'operator ?';
  } else {
    basic = c.identifier();
    if (basic === undefined) return symbol.slice(1) || symbol;
    names.push(basic);
  }
  const scope: string[] = [];
  for (let guard = 0; guard < 32 && c.pos < symbol.length; guard++) {
    if (c.peek() === '@') break;
    const fragment = readFragment(c, names);
    if (fragment === undefined) break;
    scope.push(fragment);
  }
  scope.reverse();
  const owner = scope[scope.length - 1] ?? '';
  if (special === 'ctor') basic = owner;
  else if (special === 'dtor') basic = `~${owner}`;
  if (basic === undefined || basic === '') return scope.join('::') || symbol;
  return [...scope, basic].join('::');
}
