/**
 * The generic-frame rule lists (rules/*.txt): loaded and validated line by line, so a
 * mistake in a hand edit is reported as `file:line` instead of silently changing matches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, KbBotError } from '../errors.js';
import { existsSync } from 'node:fs';
import { LangSchema, type Lang } from '../model.js';
import { normalizeModule, normalizeSymbol } from '../trace/index.js';
import { forEachRuleLine, RULES_DIR } from '../trace/rule-lists.js';
import { compileGlob, globMatches, isLiteralGlob, type Glob } from './glob.js';
import { editDistance } from './edit-distance.js';

export const FRAME_CATEGORIES = [
  'thread-start', 'exception', 'heap', 'rpc', 'kernel-trap', 'crt', 'loader', 'wait', 'debug', 'no-symbol',
  // the ecosystems' lists (rules/<lang>.txt)
  'runtime', 'reflection', 'framework', 'async', 'panic', 'test',
] as const;
export type FrameCategory = (typeof FRAME_CATEGORIES)[number];

export const RULE_FILES = { frames: 'generic-frames.txt', modules: 'generic-modules.txt', sentinels: 'sentinels.txt' } as const;

interface RuleOrigin {
  file: string;
  line: number;
}

export interface FrameRule extends RuleOrigin {
  glob: Glob;
  category?: FrameCategory;
}

export interface ModuleRule extends RuleOrigin {
  glob: Glob;
  factor: number;
}

export interface Rules {
  frames: FrameRule[];
  modules: ModuleRule[];
  sentinels: FrameRule[];
}

/** What the rules say about one normalised frame. */
export type FrameVerdict =
  | { action: 'keep' }
  | { action: 'skip'; rule: string }
  | { action: 'down-weight'; factor: number; rule: string };

export function defaultRulesDir(): string {
  return RULES_DIR;
}

function ruleError(origin: RuleOrigin, message: string): KbBotError {
  return new KbBotError(ErrorCode.RuleListInvalid, `${origin.file}:${origin.line}: ${message}`, { file: origin.file, line: origin.line });
}

/** The meaningful lines of a list: comments (`#` to end of line) and blank lines dropped. */
function ruleLines(text: string, file: string): { origin: RuleOrigin; content: string }[] {
  const out: { origin: RuleOrigin; content: string }[] = [];
  forEachRuleLine(text, file, (content, line) => out.push({ origin: { file, line }, content }));
  return out;
}

function checkFramePattern(pattern: string, origin: RuleOrigin): Glob {
  if (pattern.length > 300) throw ruleError(origin, 'pattern longer than 300 characters');
  if (!/^[\x21-\x7e ]+$/.test(pattern)) throw ruleError(origin, `pattern '${pattern}' has characters outside printable ASCII`);
  const bang = pattern.indexOf('!');
  if (bang <= 0 || bang === pattern.length - 1 || pattern.indexOf('!', bang + 1) >= 0) {
    throw ruleError(origin, `expected module!symbol (one '!', both sides non-empty), got '${pattern}'`);
  }
  // Patterns are spelt like frames and normalised the same way, so `_chkstk` and `chkstk@0` are one rule.
  const module = normalizeWildcardPart(pattern.slice(0, bang), normalizeModule);
  const symbol = normalizeWildcardPart(pattern.slice(bang + 1), normalizeSymbol);
  if (module === '' || symbol === '') throw ruleError(origin, `'${pattern}' normalises to an empty module or symbol`);
  return compileGlob(`${module}!${symbol}`);
}

function normalizeWildcardPart(part: string, normalize: (s: string) => string): string {
  if (part === '*') return part;
  const lead = part.startsWith('*') ? '*' : '';
  const trail = part.length > 1 && part.endsWith('*') ? '*' : '';
  return lead + normalize(part.slice(lead.length, part.length - trail.length)) + trail;
}

/**
 * An ecosystem's pattern (rules/java.txt): written as that ecosystem's normalised frames print
 * (`java.lang.reflect.*!*`), lower-cased and tagged with the ecosystem like the frames' keys.
 */
function checkLangPattern(pattern: string, origin: RuleOrigin, lang: Lang): Glob {
  if (pattern.length > 300) throw ruleError(origin, 'pattern longer than 300 characters');
  if (!/^[\x21-\x7e ]+$/.test(pattern)) throw ruleError(origin, `pattern '${pattern}' has characters outside printable ASCII`);
  const bang = pattern.indexOf('!');
  if (bang <= 0 || bang === pattern.length - 1 || pattern.indexOf('!', bang + 1) >= 0) {
    throw ruleError(origin, `expected module!symbol (one '!', both sides non-empty), got '${pattern}'`);
  }
  return compileGlob(`${lang}:${pattern.toLowerCase()}`);
}

export function parseFrameRules(text: string, file: string, withCategory: boolean, lang?: Lang): FrameRule[] {
  const check = (content: string, origin: RuleOrigin): Glob => (lang ? checkLangPattern(content, origin, lang) : checkFramePattern(content, origin));
  return ruleLines(text, file).map(({ origin, content }) => {
    if (!withCategory) return { ...origin, glob: check(content, origin) };
    const split = content.search(/\s\S+$/);
    if (split < 0) throw ruleError(origin, `expected 'module!symbol  category', got '${content}'`);
    const category = content.slice(split + 1);
    if (!(FRAME_CATEGORIES as readonly string[]).includes(category)) {
      throw ruleError(origin, `unknown category '${category}' (one of ${FRAME_CATEGORIES.join(', ')})`);
    }
    return { ...origin, glob: check(content.slice(0, split).trim(), origin), category: category as FrameCategory };
  });
}

export function parseModuleRules(text: string, file: string): ModuleRule[] {
  return ruleLines(text, file).map(({ origin, content }) => {
    const parts = content.split(/\s+/);
    if (parts.length !== 2) throw ruleError(origin, `expected 'module factor', got '${content}'`);
    const [module = '', factorText = ''] = parts;
    if (!/^[\w.*$-]+$/.test(module)) throw ruleError(origin, `bad module name '${module}'`);
    const factor = Number(factorText);
    if (!/^\d*\.?\d+$/.test(factorText) || !(factor > 0 && factor <= 1)) {
      throw ruleError(origin, `factor must be a number in (0, 1], got '${factorText}'`);
    }
    return { ...origin, glob: compileGlob(normalizeWildcardPart(module, normalizeModule)), factor };
  });
}

function readList(dir: string, name: string): string {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch (error) {
    throw new KbBotError(ErrorCode.RuleListInvalid, `cannot read rule list ${join(dir, name)}: ${(error as Error).message}`, { file: join(dir, name) }, { cause: error });
  }
}

/** One generic-frame list per ecosystem, `rules/<lang>.txt` (java.txt, python.txt, ...), same format as generic-frames.txt. */
export function langRuleFile(lang: Lang): string {
  return `${lang}.txt`;
}

/** The ecosystems' lists present in dir (a rules folder made for a test may hold none). */
function loadLangRules(dir: string): FrameRule[] {
  const out: FrameRule[] = [];
  for (const lang of LangSchema.options) {
    const file = langRuleFile(lang);
    if (existsSync(join(dir, file))) out.push(...parseFrameRules(readList(dir, file), file, true, lang));
  }
  return out;
}

/** Loads and validates rules/generic-frames.txt, generic-modules.txt, sentinels.txt and the ecosystems' rules/<lang>.txt. */
export function loadRules(dir: string = defaultRulesDir()): Rules {
  return {
    frames: [...parseFrameRules(readList(dir, RULE_FILES.frames), RULE_FILES.frames, true), ...loadLangRules(dir)],
    modules: parseModuleRules(readList(dir, RULE_FILES.modules), RULE_FILES.modules),
    sentinels: parseFrameRules(readList(dir, RULE_FILES.sentinels), RULE_FILES.sentinels, false),
  };
}

function describe(rule: RuleOrigin & { glob: Glob; category?: string }): string {
  return `${rule.file}:${rule.line} ${rule.glob.source}${rule.category ? ` (${rule.category})` : ''}`;
}

/**
 * A key's wildcard rules in file order: `*!name` by symbol, `module!pre*` by module, an ecosystem's
 * `java:pre*!*` by its tag (a Windows key never meets the hundreds of those), the rest always.
 */
interface GlobBuckets {
  bySymbol: Map<string, number[]>;
  byModule: Map<string, number[]>;
  byLang: Map<string, number[]>;
  everywhere: number[];
}

/** The ecosystem tag a glob's text must start with (`java` for `java:org.junit.*!*`), '' when none. */
function langOfGlob(glob: Glob): string {
  if (!glob.anchoredStart) return '';
  const first = glob.pieces[0] ?? '';
  const colon = first.indexOf(':');
  return colon > 0 && /^[a-z]+$/.test(first.slice(0, colon)) ? first.slice(0, colon) : '';
}

/** The ecosystem tag a key starts with (`java:…!…`), '' for Windows keys. */
function langOfKey(key: string): string {
  const colon = key.indexOf(':');
  return colon > 0 && colon < key.indexOf('!') ? key.slice(0, colon) : '';
}

function bucketGlobs(globs: FrameRule[]): GlobBuckets {
  const buckets: GlobBuckets = { bySymbol: new Map(), byModule: new Map(), byLang: new Map(), everywhere: [] };
  const add = (map: Map<string, number[]>, name: string, at: number): void => {
    const list = map.get(name);
    if (list) list.push(at);
    else map.set(name, [at]);
  };
  globs.forEach((rule, at) => {
    const bang = rule.glob.source.indexOf('!');
    const module = bang < 0 ? '*' : rule.glob.source.slice(0, bang);
    const symbol = bang < 0 ? '' : rule.glob.source.slice(bang + 1);
    if (module === '*' && bang >= 0 && !symbol.includes('*')) add(buckets.bySymbol, symbol, at);
    else if (!module.includes('*')) add(buckets.byModule, module, at);
    else if (langOfGlob(rule.glob) !== '') add(buckets.byLang, langOfGlob(rule.glob), at);
    else buckets.everywhere.push(at);
  });
  return buckets;
}

/** Shortest symbol read as the generic frame it is one slip away from (as resolve.ts reads store keys). */
const MIN_MISSPELT_SYMBOL = 10;
/** Shortest cut-short symbol read as the generic frame it begins (shorter prefixes name too many frames). */
const MIN_CUT_SYMBOL = 9;

/**
 * Fast lookup over a rule list: literal patterns by key; wildcard patterns bucketed by the
 * symbol or module they name, so a key is checked against a few globs, the first in file order winning.
 */
export class FrameRuleTable {
  private readonly literal = new Map<string, FrameRule>();
  /** Literal patterns in sorted order: a frame cut short in a paste is found by its prefix. */
  private readonly sortedLiterals: string[];
  /** Literal patterns by module, for names mistyped in a paste. */
  private readonly literalsByModule = new Map<string, string[]>();
  private readonly globs: FrameRule[] = [];
  private readonly buckets: GlobBuckets;

  constructor(rules: FrameRule[]) {
    for (const rule of rules) {
      if (isLiteralGlob(rule.glob)) {
        if (!this.literal.has(rule.glob.source)) this.literal.set(rule.glob.source, rule);
      } else this.globs.push(rule);
    }
    this.buckets = bucketGlobs(this.globs);
    this.sortedLiterals = [...this.literal.keys()].sort();
    for (const key of this.sortedLiterals) {
      const module = key.slice(0, Math.max(key.indexOf('!'), 0));
      this.literalsByModule.set(module, [...(this.literalsByModule.get(module) ?? []), key]);
    }
  }

  /**
   * The literal rule of the same module a long name is one slip away from (`ntdll!kiuserexcpetiondispatcher`),
   * so a generic frame stays generic when its name is mistyped.
   */
  private misspelt(key: string, bang: number): FrameRule | undefined {
    if (bang < 0 || key.length - bang - 1 < MIN_MISSPELT_SYMBOL) return undefined;
    for (const literal of this.literalsByModule.get(key.slice(0, bang)) ?? []) {
      if (editDistance(key, literal, 1) <= 1) return this.literal.get(literal);
    }
    return undefined;
  }

  /**
   * The literal rule a cut-short name begins (`ntdll!kiuserexcepti`: chat clients and narrow
   * terminals cut long names), so a generic frame stays generic when its name is cut short.
   */
  private cutShort(key: string, bang: number): FrameRule | undefined {
    if (bang < 0 || key.length - bang - 1 < MIN_CUT_SYMBOL) return undefined;
    let lo = 0;
    let hi = this.sortedLiterals.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sortedLiterals[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    const hit = this.sortedLiterals[lo];
    return hit !== undefined && hit.startsWith(key) ? this.literal.get(hit) : undefined;
  }

  /** The rule naming `key` (lower-cased module!symbol), described for explanations. */
  find(key: string): string | undefined {
    const literal = this.literal.get(key);
    if (literal) return describe(literal);
    const bang = key.indexOf('!');
    let first = Infinity;
    const check = (list: number[] | undefined): void => {
      for (const at of list ?? []) {
        if (at >= first) return;
        if (globMatches((this.globs[at] as FrameRule).glob, key)) first = at;
      }
    };
    check(this.buckets.bySymbol.get(key.slice(bang + 1)));
    check(this.buckets.byModule.get(key.slice(0, Math.max(bang, 0))));
    const lang = langOfKey(key);
    if (lang !== '') check(this.buckets.byLang.get(lang));
    check(this.buckets.everywhere);
    const hit = this.globs[first];
    if (hit) return describe(hit);
    const cut = this.cutShort(key, bang);
    if (cut) return `${describe(cut)}, cut short`;
    const slip = this.misspelt(key, bang);
    return slip ? `${describe(slip)}, misspelt` : undefined;
  }
}

/** Classifies normalised frames against a rule set. */
export class RuleClassifier {
  private readonly frames: FrameRuleTable;
  private readonly sentinels: FrameRuleTable;
  private readonly modules: ModuleRule[];
  private readonly moduleRules = new Map<string, ModuleRule | null>();

  constructor(rules: Rules) {
    this.frames = new FrameRuleTable(rules.frames);
    this.sentinels = new FrameRuleTable(rules.sentinels);
    this.modules = rules.modules;
  }

  classify(module: string, key: string): FrameVerdict {
    const skip = this.frames.find(key);
    if (skip) return { action: 'skip', rule: skip };
    let mod = this.moduleRules.get(module);
    if (mod === undefined) {
      // few distinct modules, many keys: remember each module's rule (null: none)
      mod = this.modules.find((r) => globMatches(r.glob, module)) ?? null;
      this.moduleRules.set(module, mod);
    }
    if (mod) return { action: 'down-weight', factor: mod.factor, rule: describe(mod) };
    return { action: 'keep' };
  }

  sentinel(key: string): string | undefined {
    return this.sentinels.find(key);
  }
}
