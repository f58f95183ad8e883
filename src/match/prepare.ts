/**
 * Turns a trace (crash frame first) into the frames matching reasons about: each frame
 * normalised, generic frames and frames above an exception-dispatch sentinel marked
 * skipped (with the rule that said so), repeats collapsed, and the remaining
 * "informative" frames ranked from the crash point.
 */
import type { Frame, Trace } from '../model.js';
import { normalizeFrame } from '../trace/index.js';
import type { RuleClassifier } from './rules.js';

/** Informative frames considered per trace; deeper frames carry almost no weight anyway. */
export const MAX_INFORMATIVE_FRAMES = 40;
/** A sentinel deeper than this is a nested handler, not the dispatcher above the fault. */
const SENTINEL_DEPTH = 16;
/**
 * Weight factor of generic frames read when a trace holds nothing else (Mozilla's signature
 * generation does the same: with every frame on the skip list, the skipped frames are the
 * signature). Such a trace and an article printing the same system frames can still meet.
 */
export const FALLBACK_FACTOR = 0.5;
/** Frames read per trace; protects against megabyte pastes of repeated frames. */
const MAX_FRAMES_READ = 4000;

export interface PreparedFrame {
  /** Position in the printed trace (0 = crash frame). */
  index: number;
  /** Normalised `module!symbol` as the trace module spells it, for people. */
  display: string;
  module: string;
  symbol: string;
  /** Lower-cased `module!symbol`: the index key. */
  key: string;
  /** Why the frame does not count, when it does not. */
  skip?: string;
  /** Rule-list weight factor (generic-modules.txt), 1 when none applies. */
  factor: number;
  /** Rank among informative frames from the crash point, -1 when skipped. */
  rank: number;
  /** A generic frame counted because the trace holds no other (FALLBACK_FACTOR). */
  fallback?: true;
}

export interface FrameKey {
  module: string;
  symbol: string;
  key: string;
  display: string;
}

/** Looks like an address or a placeholder, not a function name. */
function isSymbolless(symbol: string): boolean {
  if (symbol === '') return true;
  if (/^(0x)?[0-9a-f]{6,16}$/i.test(symbol)) return true;
  return symbol.startsWith('<') && symbol.endsWith('>');
}

export function frameKey(frame: Frame): FrameKey {
  const n = normalizeFrame(frame);
  const module = n.module.toLowerCase();
  const symbol = n.symbol.toLowerCase();
  return { module, symbol, key: `${module}!${symbol}`, display: n.module === '' ? n.symbol : `${n.module}!${n.symbol}` };
}

type Verdict = ReturnType<RuleClassifier['classify']>;

export interface PrepareOptions {
  /** Rule verdict of a normalised frame, usually cached. */
  classify?: (frame: FrameKey) => Verdict;
  /** Sentinel rule naming a normalised frame, usually cached while building an index. */
  sentinel?: (frame: FrameKey) => string | undefined;
  /** Frame normalisation, usually memoised while building an index. */
  keyOf?: (frame: Frame) => FrameKey;
}

export function prepareTrace(trace: Trace, classifier: RuleClassifier, options: PrepareOptions = {}): PreparedFrame[] {
  const classify = options.classify ?? ((k: FrameKey) => classifier.classify(k.module, k.key));
  const keyOf = options.keyOf ?? frameKey;
  const sentinel = options.sentinel ?? ((k: FrameKey) => classifier.sentinel(k.key));
  const frames = trace.slice(0, MAX_FRAMES_READ).map(keyOf);
  let sentinelAt = -1;
  let sentinelRule = '';
  for (let i = 0; i < Math.min(frames.length, SENTINEL_DEPTH) && sentinelAt < 0; i++) {
    const rule = sentinel(frames[i] as FrameKey);
    if (rule) {
      sentinelAt = i;
      sentinelRule = rule;
    }
  }
  const out: PreparedFrame[] = [];
  const generic: PreparedFrame[] = [];
  let rank = 0;
  let previousKey = '';
  frames.forEach((f, index) => {
    const frame: PreparedFrame = { index, display: f.display, module: f.module, symbol: f.symbol, key: f.key, factor: 1, rank: -1 };
    out.push(frame);
    if (index < sentinelAt) frame.skip = `above the exception dispatcher (${sentinelRule})`;
    else if (index === sentinelAt) frame.skip = sentinelRule;
    else if (isSymbolless(f.symbol)) frame.skip = 'no symbol';
    else if (f.key === previousKey) frame.skip = 'repeats the frame above (recursion)';
    else {
      const verdict = classify(f);
      previousKey = f.key;
      if (verdict.action === 'skip') {
        frame.skip = verdict.rule;
        generic.push(frame);
      } else if (rank >= MAX_INFORMATIVE_FRAMES) frame.skip = `beyond the first ${MAX_INFORMATIVE_FRAMES} informative frames`;
      else {
        frame.factor = verdict.action === 'down-weight' ? verdict.factor : 1;
        frame.rank = rank++;
      }
    }
  });
  if (rank === 0) {
    for (const frame of generic.slice(0, MAX_INFORMATIVE_FRAMES)) {
      delete frame.skip;
      frame.factor = FALLBACK_FACTOR;
      frame.fallback = true;
      frame.rank = rank++;
    }
  }
  return out;
}

export function informative(frames: PreparedFrame[]): PreparedFrame[] {
  return frames.filter((f) => f.rank >= 0);
}
