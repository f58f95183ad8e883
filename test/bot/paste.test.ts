/**
 * One use case answers a paste: a DM (as the console is), a mention and `/kb <paste>` give the same reply,
 * the slash command's only differences being its share button and delivery.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/bot/index.js';
import { ActionId, encodeShareValue, renderText } from '../../src/reply/index.js';
import { loadFixtureKnowledge } from './knowledge.js';
import { IIS_TRACE, SEED_TRACE, SHARED_FRAMES_TRACE, UNKNOWN_TRACE } from './traces.js';

let bot: Bot;
beforeAll(async () => {
  const knowledge = await loadFixtureKnowledge();
  bot = createBot({ getKnowledge: () => knowledge, now: () => 1_700_000_000_000 });
});

const withoutShare = (text: string) => text.replace(/\n\[Share in channel\]$/, '');

describe('a paste answered in a DM, in a mention and by /kb', () => {
  it.each([
    ['a known trace', SEED_TRACE, 'match'],
    ['another known trace', IIS_TRACE, 'match'],
    ['frames two articles share', SHARED_FRAMES_TRACE, 'possible'],
    ['a trace and a reference', `${SEED_TRACE}\nalso see Q900003`, 'match'],
    ['a reference', 'Anyone seen KB900003 before?', 'article'],
    ['a reference the store lacks', 'Q999999 and Q900003?', 'article'],
    ['an unknown trace', UNKNOWN_TRACE, 'none'],
  ])('%s → the same %s reply', (_, text, kind) => {
    const dm = bot.answerMessage({ text, channelType: 'im', isMention: false, channel: 'D1', threadTs: '1.1' });
    const mention = bot.answerMessage({ text: `<@UBOT> ${text}`, channelType: 'channel', isMention: true, channel: 'C1', threadTs: '2.2' });
    const command = bot.answerCommand(text);
    expect([dm.kind, mention.kind, command.kind]).toEqual([kind, kind, kind]);
    expect(command.delivery).toBe('ephemeral');
    const shown = renderText(dm.replies[0]!);
    expect(renderText(mention.replies[0]!)).toBe(shown);
    expect(withoutShare(renderText(command.replies[0]!))).toBe(shown);
  });

  it.each([
    ['a known trace', SEED_TRACE],
    ['frames two articles share', SHARED_FRAMES_TRACE],
    ['a reference', 'Anyone seen KB900003 before?'],
  ])('%s shared from /kb starts the thread a DM answer would (place filled in once posted)', (_, text) => {
    const dm = bot.answerMessage({ text, channelType: 'im', isMention: false, channel: '', threadTs: '' });
    expect(bot.answerCommand(text).threadMatch).toBeUndefined();
    const shared = bot.answerAction(ActionId.Share, encodeShareValue({ kind: 'command', text }));
    expect(shared.delivery).toBe('channel');
    expect(shared.threadMatch).toEqual(dm.threadMatch);
  });
});
