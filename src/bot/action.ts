/**
 * Button clicks on the bot's replies. Every button carries the article id (the why button also the
 * pasted frames), so a click works without thread state; the thread's match adds the candidates.
 */
import { KbIdSchema, type KbId, type ThreadMatch } from '../model.js';
import {
  ActionId,
  baseActionId,
  buildArticleCard,
  buildFilesReply,
  buildMatchReply,
  buildNotice,
  buildOthersReply,
  buildPossibleReply,
  buildRelatedReply,
  buildRollbackReply,
  buildUnknownArticleReply,
  decodeShareValue,
  decodeWhyValue,
  type Reply,
} from '../reply/index.js';
import { answerCommand } from './command.js';
import { relatedTitles } from './followup.js';
import { candidateLines, framesFromStrings, unique, whyFor } from './shared.js';
import type { BotAnswer, Delivery, Knowledge } from './types.js';

function inThread(kind: BotAnswer['kind'], reply: Reply, delivery: Delivery = 'thread'): BotAnswer {
  return { kind, replies: [reply], delivery };
}

function withArticle(k: Knowledge, value: string, build: (sig: NonNullable<ReturnType<Knowledge['signatures']['get']>>) => Reply): Reply {
  const kb = KbIdSchema.safeParse(value.trim());
  if (!kb.success) return buildNotice('That button no longer works; ask again with `/kb`.');
  const sig = k.signatures.get(kb.data);
  return sig ? build(sig) : buildUnknownArticleReply(kb.data);
}

function shared(k: Knowledge, value: string, now: number): BotAnswer {
  const payload = decodeShareValue(value);
  if (!payload) return inThread('notice', buildNotice('Nothing to share.'), 'ephemeral');
  if (payload.kind === 'command') return answerCommand(k, payload.text, now, false);
  const [top, ...others] = payload.candidates;
  // Channel and threadTs are filled in by the adapter once it has posted.
  const threadMatch: ThreadMatch = { channel: '', threadTs: '', verdict: payload.verdict, candidates: payload.candidates, announced: top ? [top.kb] : [], updatedAt: now };
  if (top) threadMatch.kb = top.kb;
  if (payload.verdict === 'match' && top) {
    const candidate = { ...top, title: k.signatures.get(top.kb)?.title ?? top.kb, matchedFrames: [], alignment: [], versionChecks: [] };
    return { ...inThread('match', buildMatchReply({ candidate, signature: k.signatures.get(top.kb), otherCount: others.length }), 'channel'), threadMatch };
  }
  return { ...inThread('possible', buildPossibleReply(candidateLines(k, payload.candidates)), 'channel'), threadMatch };
}

/** "Wrong": recorded, and the reply changes in place to the next candidates. */
function wrong(k: Knowledge, kb: KbId, thread: ThreadMatch | undefined, now: number): BotAnswer {
  const effect = { kind: 'feedback', kb, verdict: 'wrong' } as const;
  if (!thread) return { kind: 'notice', replies: [buildNotice(`Thanks, recorded that ${kb} was wrong.`)], delivery: 'ephemeral', effect };
  const remaining = thread.candidates.filter((c) => c.kb !== kb);
  const next = remaining[0];
  const threadMatch: ThreadMatch = { ...thread, verdict: next ? 'possible' : 'none', candidates: remaining, updatedAt: now };
  if (next) threadMatch.kb = next.kb;
  else delete threadMatch.kb;
  const reply = next ? buildPossibleReply(candidateLines(k, remaining)) : buildNotice(`Marked ${kb} as wrong. I have no other candidates for this trace.`);
  return { kind: next ? 'possible' : 'none', replies: [reply], delivery: 'replace', threadMatch, effect };
}

export function answerAction(k: Knowledge, actionId: string, value: string, thread: ThreadMatch | undefined, now: number): BotAnswer {
  // Without a thread (a click on an ephemeral /kb answer) details go only to the person who clicked.
  const details: Delivery = thread ? 'thread' : 'ephemeral';
  switch (baseActionId(actionId)) {
    case ActionId.Files:
      return inThread('followup', withArticle(k, value, (sig) => buildFilesReply(sig)), details);
    case ActionId.Rollback:
      return inThread('followup', withArticle(k, value, buildRollbackReply), details);
    case ActionId.Related:
      return inThread('followup', withArticle(k, value, (sig) => buildRelatedReply(sig, relatedTitles(k, sig))), details);
    case ActionId.ShowArticle: {
      const answer = inThread('article', withArticle(k, value, buildArticleCard), details);
      const kb = KbIdSchema.safeParse(value.trim());
      // The opened article becomes what the thread's next question is about.
      if (thread && kb.success && k.signatures.has(kb.data)) answer.threadMatch = { ...thread, kb: kb.data, announced: unique([...thread.announced, kb.data]), updatedAt: now };
      return answer;
    }
    case ActionId.Others: {
      const current = thread?.kb ?? KbIdSchema.safeParse(value).data;
      const others = (thread?.candidates ?? []).filter((c) => c.kb !== current);
      return inThread('followup', buildOthersReply(current, candidateLines(k, others)), details);
    }
    case ActionId.Why: {
      const why = decodeWhyValue(value);
      if (!why) return inThread('notice', buildNotice('That button no longer works.'), 'ephemeral');
      const trace = why.frames.length > 0 ? framesFromStrings(why.frames) : (thread?.trace ?? []);
      const reply = whyFor(k, why.kb, { ...thread, trace }) ?? buildNotice(`I no longer have the trace that matched ${why.kb}, so I cannot line it up again.`);
      return inThread('followup', reply, 'ephemeral');
    }
    case ActionId.FeedbackRight: {
      const kb = KbIdSchema.safeParse(value.trim());
      if (!kb.success) return inThread('notice', buildNotice('That button no longer works.'), 'ephemeral');
      return { kind: 'notice', replies: [buildNotice(`Thanks, recorded that ${kb.data} was right.`)], delivery: 'ephemeral', effect: { kind: 'feedback', kb: kb.data, verdict: 'right' } };
    }
    case ActionId.FeedbackWrong: {
      const kb = KbIdSchema.safeParse(value.trim());
      if (!kb.success) return inThread('notice', buildNotice('That button no longer works.'), 'ephemeral');
      return wrong(k, kb.data, thread, now);
    }
    case ActionId.Share:
      return shared(k, value, now);
    case ActionId.Record:
      // Opens a modal: the adapter does that with the click's trigger_id; nothing to post.
      return { kind: 'silent', replies: [], delivery: 'ephemeral' };
    case undefined:
      return { kind: 'silent', replies: [], delivery: 'ephemeral' };
  }
}
