/**
 * The use cases both adapters call (Slack and the console). Each returns data, a `BotAnswer`, and
 * never does I/O: the adapter posts, updates, stores the thread's match and applies effects.
 */
import type { KbId, Signature, ThreadMatch } from '../model.js';
import { buildArticleCard, buildHomeView, type Reply, type StoreStats } from '../reply/index.js';
import { parseKbRef } from '../trace/index.js';
import { answerAction } from './action.js';
import { answerCommand } from './command.js';
import { answerMessage } from './message.js';
import type { BotAnswer, BotOptions, Knowledge, MessageInput } from './types.js';

export type { AnswerKind, BotAnswer, BotEffect, BotOptions, ChannelType, Delivery, Knowledge, MessageInput, TeamLayer } from './types.js';
export { buildKnowledge, buildTeamLayer, layerKnowledge } from './knowledge.js';
export { matchKnowledge } from './shared.js';
export { detectIntent, INTENT_TABLE, type DetectedIntent, type FollowupIntent } from './intents.js';

export interface Bot {
  /** A message in a channel, group, DM or thread. */
  answerMessage(input: MessageInput): BotAnswer;
  /** `/kb <text>`: ephemeral, with a share button; mute/unmute come back as effects. */
  answerCommand(text: string): BotAnswer;
  /** A click on one of the reply's buttons (ids from src/reply/ids.ts). */
  answerAction(actionId: string, value: string, threadMatch?: ThreadMatch): BotAnswer;
  /** Unfurls for support.microsoft.com KB links the store knows; other links are left alone. */
  answerUnfurl(urls: readonly string[]): { url: string; reply: Reply }[];
  /** App Home content (blocks for a `home` view). */
  homeView(): Reply;
}

const statsCache = new WeakMap<object, StoreStats>();

/** Store size and what it holds, computed once per loaded store. */
export function storeStats(signatures: ReadonlyMap<KbId, Signature>): StoreStats {
  const cached = statsCache.get(signatures);
  if (cached) return cached;
  const stats: StoreStats = { articles: signatures.size, withTraces: 0, withFiles: 0, withRollback: 0, examples: [] };
  for (const sig of signatures.values()) {
    if (sig.traces.length > 0) stats.withTraces++;
    if (sig.files.length > 0) stats.withFiles++;
    if (sig.rollback.length > 0) stats.withRollback++;
    if (stats.examples.length < 3 && sig.traces.length > 0 && sig.files.length > 0) stats.examples.push({ kb: sig.id, title: sig.title });
  }
  statsCache.set(signatures, stats);
  return stats;
}

function unfurls(k: Knowledge, urls: readonly string[]): { url: string; reply: Reply }[] {
  const out: { url: string; reply: Reply }[] = [];
  for (const url of urls) {
    const kb = parseKbRef(url);
    const sig = kb === undefined ? undefined : k.signatures.get(kb);
    if (sig) out.push({ url, reply: buildArticleCard(sig) });
  }
  return out;
}

export function createBot(options: BotOptions): Bot {
  const now = options.now ?? Date.now;
  const answerNoneInChannels = options.answerNoneInChannels ?? false;
  return {
    answerMessage: (input) => answerMessage({ k: options.getKnowledge(), answerNoneInChannels, now: now() }, input),
    answerCommand: (text) => answerCommand(options.getKnowledge(), text, now()),
    answerAction: (actionId, value, threadMatch) => answerAction(options.getKnowledge(), actionId, value, threadMatch, now()),
    answerUnfurl: (urls) => unfurls(options.getKnowledge(), urls),
    homeView: () => buildHomeView(storeStats(options.getKnowledge().signatures)),
  };
}
