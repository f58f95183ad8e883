/**
 * A message in a channel, DM or thread → at most one reply. The paste is answered by answerPaste
 * (paste.ts); what is a thread's own lives here: a trace re-matched in a thread stays silent when it
 * names only what the thread already announced, an unmatched paste is silent unless the bot was asked,
 * plain questions in a thread the bot answered are follow-ups, and direct words are a search.
 */
import type { ParsedMessage } from '../model.js';
import { buildHelpReply, buildSearchReply } from '../reply/index.js';
import { answerFollowup } from './followup.js';
import { detectIntent } from './intents.js';
import { answerPaste } from './paste.js';
import { searchKnowledge } from './shared.js';
import type { BotAnswer, Knowledge, MessageInput } from './types.js';

const SILENT: BotAnswer = { kind: 'silent', replies: [], delivery: 'thread' };

export interface MessageContext {
  k: Knowledge;
  answerNoneInChannels: boolean;
  now: number;
}

function speaksUp(input: MessageInput): boolean {
  return input.isMention || input.channelType === 'im';
}

/** Direct words to the bot with no trace, reference or thread: search for them, or explain what it does. */
function answerDirect(ctx: MessageContext, input: MessageInput): BotAnswer {
  const text = input.text.replace(/<@[A-Z0-9]+>/g, ' ').trim();
  const asked = detectIntent(text, { hasVersion: false, addressed: true });
  if (text === '' || asked?.intent === 'help') return { kind: 'help', replies: [buildHelpReply()], delivery: 'thread' };
  const hits = searchKnowledge(ctx.k, text, 5);
  if (hits.length === 0) return { kind: 'help', replies: [buildHelpReply()], delivery: 'thread' };
  return { kind: 'search', replies: [buildSearchReply(text, hits.map((h) => ({ kb: h.kb, title: h.title })))], delivery: 'thread' };
}

/** A plain question in a thread the bot answered, about that thread's match. */
function answerInThread(ctx: MessageContext, input: MessageInput, parsed: ParsedMessage): BotAnswer {
  const thread = input.threadMatch;
  if (!thread) return SILENT;
  const hasVersion = parsed.clues.some((c) => c.kind === 'file-version');
  const asked = detectIntent(input.text, { hasVersion, addressed: speaksUp(input) });
  if (!asked) return SILENT;
  const reply = answerFollowup(ctx.k, thread, asked, parsed);
  if (!reply) return SILENT;
  return { kind: 'followup', replies: [reply], delivery: 'thread', intent: asked.intent, threadMatch: { ...thread, updatedAt: ctx.now } };
}

export function answerMessage(ctx: MessageContext, input: MessageInput): BotAnswer {
  // After an edit everything is answered again (the adapter updates its reply in place).
  const announced = input.isEdit ? [] : (input.threadMatch?.announced ?? []);
  const paste = answerPaste(
    { k: ctx.k, now: ctx.now, place: { channel: input.channel, threadTs: input.threadTs }, ...(input.threadMatch ? { previous: input.threadMatch } : {}), announced, showUnknown: speaksUp(input) },
    input.text,
  );
  if (paste.kind === 'article') return { kind: 'article', replies: [paste.reply], delivery: 'thread', threadMatch: paste.threadMatch };
  if (paste.kind !== 'none') {
    if (paste.answered.every((kb) => announced.includes(kb))) return SILENT;
    return { kind: paste.kind, replies: [paste.reply], delivery: 'thread', threadMatch: paste.threadMatch };
  }
  // A lone event id or stop code that matches nothing, in a thread, is likely chat about the thread's match.
  if (paste.matched && (paste.hasTrace || !input.threadMatch)) {
    if (speaksUp(input) || ctx.answerNoneInChannels) return { kind: 'none', replies: [paste.reply], delivery: 'thread' };
    return SILENT;
  }
  if (input.threadMatch) return answerInThread(ctx, input, paste.parsed);
  if (paste.parsed.kbRefs.length > 0) return SILENT;
  return speaksUp(input) ? answerDirect(ctx, input) : SILENT;
}
