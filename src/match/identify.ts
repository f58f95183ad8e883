/**
 * The frames that identify a crash, for recording it as a known issue (`kbbot add`, the Slack
 * "record" flow): each pasted trace prepared exactly as the matcher prepares queries, generic
 * frames (rules/), dispatcher frames and repeats left out, the first informative frames kept as printed.
 */
import type { Trace } from '../model.js';
import { prepareTrace } from './prepare.js';
import { RuleClassifier, loadRules, type Rules } from './rules.js';

/** Frames kept per trace: deeper frames carry almost no weight in matching. */
export const IDENTIFYING_FRAMES = 16;
/** Traces kept per known issue (a chained exception, a few threads). */
export const IDENTIFYING_TRACES = 4;

export function identifyingTraces(traces: Trace[], rules: Rules = loadRules()): Trace[] {
  const classifier = new RuleClassifier(rules);
  const out: Trace[] = [];
  for (const trace of traces) {
    if (out.length >= IDENTIFYING_TRACES) break;
    const kept = prepareTrace(trace, classifier)
      .filter((f) => f.rank >= 0)
      .slice(0, IDENTIFYING_FRAMES)
      .map((f) => {
        const { offset: _offset, ...frame } = trace[f.index]!;
        // Windows offsets tell builds apart; the other ecosystems' frames never carry one
        return frame.lang === undefined && _offset !== undefined ? { ...frame, offset: _offset } : frame;
      });
    if (kept.length > 0) out.push(kept);
  }
  return out;
}
