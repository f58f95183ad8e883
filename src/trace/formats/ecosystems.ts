/**
 * Per-ecosystem normalisation: the same crash must give the same key across builds, machines
 * and versions, so each frame keeps only the part that names the code. Line numbers, columns and
 * addresses never reach a frame; here go generated names (Java lambdas and `$1`, .NET async state
 * machines and display classes, Go closures, Rust hashes, JS bundle hashes), paths (the last two
 * parts), and spellings that differ between versions (Ruby 3.4's `Class#method`). The generic
 * frames of each ecosystem are data: rules/<lang>.txt.
 */
import type { Lang } from '../../model.js';

export interface ForeignName {
  module: string;
  symbol: string;
}

/** `a\b/c/d.py` → `c/d.py`: the part of a path that names the code, whatever the machine's folders. */
export function lastParts(path: string, count = 2): string {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  return parts.slice(-count).join('/');
}

function stripExtension(file: string, extensions: RegExp): string {
  return file.replace(extensions, '');
}

function java({ module, symbol }: ForeignName): ForeignName {
  let m = module.replace(/\$\$.*$/, '').replace(/\$\d+/g, '').replace(/\$Proxy\d+/, '$Proxy');
  m = m.replace(/GeneratedMethodAccessor\d+$/, 'GeneratedMethodAccessor').replace(/GeneratedConstructorAccessor\d+$/, 'GeneratedConstructorAccessor');
  let s = symbol.replace(/^lambda\$(.+?)\$\d+$/, 'lambda$$$1').replace(/^access\$\d+$/, 'access$$');
  s = s.replace(/\$lambda[-$]\d+$/, '$$lambda').replace(/\$\d+$/, '');
  // constructors name code too (a `<...>` symbol would read as "no symbol")
  if (s === '<init>') s = 'new';
  else if (s === '<clinit>') s = 'static-init';
  return { module: m, symbol: s };
}

function dotnet({ module, symbol }: ForeignName): ForeignName {
  let full = `${module}.${symbol}`.replace(/`\d+/g, '').replace(/\[[^\][]{0,200}\]/g, '').replace(/[+/]/g, '.');
  // async state machine / iterator: `C.<M>d__6.MoveNext` → `C.M`; lambda: `C.<>c__DisplayClass5_0.<M>b__0` → `C.M`
  full = full.replace(/\.<>c(?:__DisplayClass[\w]{0,20})?\.<([^<>]{1,200})>b__[\w]{1,20}$/, '.$1');
  full = full.replace(/\.<([^<>]{1,200})>[a-z]__[\w]{1,20}\.(?:MoveNext|System\.[\w.]{1,200})$/, '.$1');
  full = full.replace(/\.<([^<>]{1,200})>[a-z]__[\w]{1,20}$/, '.$1');
  const dot = full.lastIndexOf('.');
  return dot > 0 ? { module: full.slice(0, dot), symbol: full.slice(dot + 1) } : { module, symbol };
}

function python({ module, symbol }: ForeignName): ForeignName {
  const m = module.startsWith('<') ? module : stripExtension(lastParts(module), /\.pyc?$/);
  return { module: m, symbol: symbol.trim() };
}

function go({ module, symbol }: ForeignName): ForeignName {
  const vendor = module.lastIndexOf('/vendor/');
  const m = vendor >= 0 ? module.slice(vendor + 8) : module;
  let s = symbol.replace(/\[[^\]]{0,300}\]/g, '').replace(/\(\*?([\w]{1,200})\)/g, '$1');
  // closures and go statements: `F.func1.2`, `F.gowrap1` → `F`
  s = s.replace(/(?:\.(?:func|gowrap)\d{1,6}(?:\.\d{1,6})*)+$/, '').replace(/\.\d{1,6}$/, '');
  return { module: m, symbol: s };
}

function js({ module, symbol }: ForeignName): ForeignName {
  let m = module.replace(/[?#].*$/, '').replace(/^(?:webpack|file|https?|blob|chrome-extension|moz-extension|app):\/{2,3}[^/]*\/?/, '');
  if (/^node:|^internal\//.test(m) || m === '<native>') m = 'node:internal';
  else {
    // a package's file is named from the package on (`tapable/lib/hook`), an app's by its last two parts
    const pkg = m.replace(/\\/g, '/').lastIndexOf('node_modules/');
    m = pkg >= 0 ? m.replace(/\\/g, '/').slice(pkg + 13) : lastParts(m);
    // bundle hashes: `main.3f2a1b9c.js`, `chunk-4KJ2LQ.js`, `index-BdQ1a2b3.js`
    m = m.replace(/[.-][0-9a-zA-Z_]{6,20}(?=\.(?:m?js|cjs)$)/, (h) => (/\d/.test(h) ? '' : h));
    m = stripExtension(m, /\.(?:m?js|cjs|tsx?|jsx|coffee|vue|svelte)$/);
  }
  let s = symbol.replace(/^async\s/, '').replace(/^new\s/, '').replace(/\s\[as\s[^\]]{1,200}\]$/, '').replace(/\/<+$/, '').replace(/[*<]+$/, '');
  // an anonymous function is still code: it is named by its file (the module), as Sentry does
  if (s === 'Object.<anonymous>' || s === '' || s === 'global code' || s === 'eval code' || s === '<anonymous>') s = 'anonymous';
  return { module: m, symbol: s };
}

function rust({ module, symbol }: ForeignName): ForeignName {
  const s = symbol.replace(/::h[0-9a-f]{16}$/, '').replace(/(?:::\{\{closure\}\})+/g, '::{{closure}}');
  return { module, symbol: s };
}

function ruby({ module, symbol }: ForeignName): ForeignName {
  const m = module.startsWith('<') || module.startsWith('(') ? module : stripExtension(lastParts(module), /\.(?:rb|erb|rake|haml|slim|ru|jbuilder)$/);
  let s = symbol.replace(/^(?:block(?:\s\(\d+\slevels\))?|rescue|ensure)\sin\s/, '');
  if (s.startsWith('<top')) s = '<top>';
  // Ruby 3.4 prints `Class#method` / `Class.method`; earlier versions only the method
  const hash = Math.max(s.lastIndexOf('#'), s.lastIndexOf('.'));
  if (hash > 0 && !s.startsWith('<')) s = s.slice(hash + 1);
  return { module: m, symbol: s };
}

function php({ module, symbol }: ForeignName): ForeignName {
  const m = module.includes('/') || module.endsWith('.php') ? stripExtension(lastParts(module), /\.php$/) : module.replace(/^\\/, '');
  return { module: m, symbol: symbol.replace(/^\{closure(?::[^}]{0,300})?\}$/, '{closure}') };
}

function native({ symbol }: ForeignName): ForeignName {
  let s = symbol.replace(/\s\+\s\d{1,12}$/, '').replace(/\+0x[0-9a-f]{1,16}$/i, '');
  // Objective-C `-[UIApplication sendEvent:]` → `UIApplication.sendEvent:`
  const objc = /^[-+]\[(\S{1,300})\s(\S{1,300})\]$/.exec(s);
  if (objc) return { module: '', symbol: `${objc[1]}.${objc[2]}` };
  // Swift decorations: `closure #1 in`, `specialized`, `@objc`, `merged`, return types
  s = s.replace(/\s->\s.*$/, '').replace(/^(?:(?:closure|implicit closure) #\d{1,4} in |specialized |@objc |merged |partial apply for |thunk for |reabstraction thunk helper from )+/g, '');
  // the module of a native frame is spelt differently by every tool (libc.so.6, libc-2.31.so, libc): symbols alone.
  // The C++ name itself is then read as Windows symbols are (normalize.ts, NATIVE_SYMBOL), which imports this module.
  return { module: '', symbol: s };
}

function kernel({ module, symbol }: ForeignName): ForeignName {
  return { module, symbol: symbol.replace(/(?:\.(?:isra|constprop|part|cold|llvm|lto_priv)(?:\.\d{1,20})?)+$/, '') };
}

const BY_LANG: Record<Lang, (name: ForeignName) => ForeignName> = { java, dotnet, python, go, js, rust, ruby, php, native, kernel };

/** A frame's module and symbol as its ecosystem's rules say (not yet lower-cased or tagged). */
export function normalizeForeign(lang: Lang, name: ForeignName): ForeignName {
  return BY_LANG[lang](name);
}
