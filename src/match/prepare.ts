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
export const MAX_FRAMES_READ = 4000;

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
  /** The symbol looks like an address or a placeholder, not a function name. */
  symbolless: boolean;
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
  return { module, symbol, key: `${module}!${symbol}`, display: n.module === '' ? n.symbol : `${n.module}!${n.symbol}`, symbolless: isSymbolless(symbol) };
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

/** Why a frame does not count (`Judged.why`); prepareTrace spells each out. */
export const Why = { counted: 0, aboveSentinel: 1, sentinel: 2, noSymbol: 3, repeat: 4, rule: 5, beyond: 6 } as const;

/**
 * One trace's frames judged, in buffers reused from trace to trace: building the index judges a million frames
 * and must not allocate per frame. Only the first `count` slots are meaningful.
 */
export class Judged {
  /** Rank among informative frames from the crash point, -1 when skipped. */
  readonly rank = new Int32Array(MAX_FRAMES_READ);
  /** Rule-list weight factor of each counted frame. */
  readonly factor = new Float64Array(MAX_FRAMES_READ);
  readonly why = new Uint8Array(MAX_FRAMES_READ);
  private readonly generic = new Int32Array(MAX_FRAMES_READ);
  count = 0;
  informative = 0;
  /** The counted frames are generic ones, read because the trace holds nothing else (FALLBACK_FACTOR). */
  fallback = false;
  sentinelRule = '';

  /**
   * Judges `frames[0..count)`: frames above an exception-dispatch sentinel, symbol-less frames, repeats and
   * generic frames are skipped, the rest ranked from the crash point (at most MAX_INFORMATIVE_FRAMES).
   */
  judge(frames: readonly FrameKey[], count: number, classify: (frame: FrameKey) => Verdict, sentinel: (frame: FrameKey) => string | undefined): void {
    let sentinelAt = -1;
    this.sentinelRule = '';
    for (let i = 0; i < Math.min(count, SENTINEL_DEPTH) && sentinelAt < 0; i++) {
      const rule = sentinel(frames[i] as FrameKey);
      if (rule) {
        sentinelAt = i;
        this.sentinelRule = rule;
      }
    }
    let rank = 0;
    let generic = 0;
    let previousKey = '';
    for (let index = 0; index < count; index++) {
      const f = frames[index] as FrameKey;
      this.rank[index] = -1;
      this.factor[index] = 1;
      if (index < sentinelAt) this.why[index] = Why.aboveSentinel;
      else if (index === sentinelAt) this.why[index] = Why.sentinel;
      else if (f.symbolless) this.why[index] = Why.noSymbol;
      else if (f.key === previousKey) this.why[index] = Why.repeat;
      else {
        const verdict = classify(f);
        previousKey = f.key;
        if (verdict.action === 'skip') {
          this.why[index] = Why.rule;
          this.generic[generic++] = index;
        } else if (rank >= MAX_INFORMATIVE_FRAMES) this.why[index] = Why.beyond;
        else {
          this.why[index] = Why.counted;
          if (verdict.action === 'down-weight') this.factor[index] = verdict.factor;
          this.rank[index] = rank++;
        }
      }
    }
    this.fallback = rank === 0 && generic > 0;
    if (rank === 0) {
      for (let k = 0; k < Math.min(generic, MAX_INFORMATIVE_FRAMES); k++) {
        const index = this.generic[k] as number;
        this.why[index] = Why.counted;
        this.factor[index] = FALLBACK_FACTOR;
        this.rank[index] = rank++;
      }
    }
    this.count = count;
    this.informative = rank;
  }
}

/** Reused by prepareTrace: one trace is judged at a time (no await in between). */
const judged = new Judged();

export function prepareTrace(trace: Trace, classifier: RuleClassifier, options: PrepareOptions = {}): PreparedFrame[] {
  const classify = options.classify ?? ((k: FrameKey) => classifier.classify(k.module, k.key));
  const keyOf = options.keyOf ?? frameKey;
  const sentinel = options.sentinel ?? ((k: FrameKey) => classifier.sentinel(k.key));
  const frames = trace.slice(0, MAX_FRAMES_READ).map(keyOf);
  judged.judge(frames, frames.length, classify, sentinel);
  const rule = judged.sentinelRule;
  return frames.map((f, index): PreparedFrame => {
    const frame: PreparedFrame = { index, display: f.display, module: f.module, symbol: f.symbol, key: f.key, factor: judged.factor[index] ?? 1, rank: judged.rank[index] ?? -1 };
    switch (judged.why[index]) {
      case Why.aboveSentinel:
        frame.skip = `above the exception dispatcher (${rule})`;
        break;
      case Why.sentinel:
        frame.skip = rule;
        break;
      case Why.noSymbol:
        frame.skip = 'no symbol';
        break;
      case Why.repeat:
        frame.skip = 'repeats the frame above (recursion)';
        break;
      case Why.rule: {
        const verdict = classify(f);
        frame.skip = verdict.action === 'skip' ? verdict.rule : 'generic frame';
        break;
      }
      case Why.beyond:
        frame.skip = `beyond the first ${MAX_INFORMATIVE_FRAMES} informative frames`;
        break;
      default:
        if (judged.fallback) frame.fallback = true;
    }
    return frame;
  });
}

export function informative(frames: PreparedFrame[]): PreparedFrame[] {
  return frames.filter((f) => f.rank >= 0);
}
