/** Answers to plain-words questions in a thread the bot answered, about that thread's match. */
import { checkVersions } from '../match/index.js';
import type { ParsedMessage, Signature, ThreadMatch } from '../model.js';
import {
  buildArticleCard,
  buildFilesReply,
  buildFixReply,
  buildHelpReply,
  buildNotice,
  buildOthersReply,
  buildRelatedReply,
  buildRollbackReply,
  buildVersionCheckReply,
  type Reply,
} from '../reply/index.js';
import type { DetectedIntent } from './intents.js';
import { candidateLines, whyFor } from './shared.js';
import type { Knowledge } from './types.js';

/** Titles of an article's related articles that the store holds. */
export function relatedTitles(k: Knowledge, sig: Signature): Map<string, string> {
  const titles = new Map<string, string>();
  for (const kb of sig.related) {
    const related = k.signatures.get(kb);
    if (related) titles.set(kb, related.title);
  }
  return titles;
}

/** The reply to one recognised follow-up; undefined when the thread has nothing to say it about. */
export function answerFollowup(k: Knowledge, thread: ThreadMatch, asked: DetectedIntent, parsed: ParsedMessage): Reply | undefined {
  if (asked.intent === 'help') return buildHelpReply();
  if (asked.intent === 'others') {
    const others = thread.candidates.filter((c) => c.kb !== thread.kb);
    return buildOthersReply(thread.kb, candidateLines(k, others));
  }
  if (thread.kb === undefined) return undefined;
  const sig = k.signatures.get(thread.kb);
  if (!sig) return buildNotice(`${thread.kb} is no longer in kbbot's store.`);
  switch (asked.intent) {
    case 'files':
      return buildFilesReply(sig, asked.platform);
    case 'rollback':
      return buildRollbackReply(sig);
    case 'fix':
      return buildFixReply(sig);
    case 'related':
      return buildRelatedReply(sig, relatedTitles(k, sig));
    case 'article':
      return buildArticleCard(sig);
    case 'why':
      return whyFor(k, sig.id, thread) ?? buildNotice(`${sig.id} was named in this thread, not matched from a trace, so there is no frame alignment to show.`);
    case 'version': {
      const checks = checkVersions(sig, parsed.clues);
      return buildVersionCheckReply(sig, checks);
    }
  }
}
