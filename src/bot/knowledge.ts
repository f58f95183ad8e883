/** What the bot answers from: the signatures and their match index, built together once per store version. */
import type { KbId, Signature } from '../model.js';
import { buildIndex, loadRules, type Rules } from '../match/index.js';
import type { Knowledge } from './types.js';

/** Indexes a loaded store; `rules` is loaded once by callers that rebuild on every reload. */
export function buildKnowledge(signatures: ReadonlyMap<KbId, Signature>, rules: Rules = loadRules()): Knowledge {
  return { signatures, index: buildIndex([...signatures.values()], rules) };
}
