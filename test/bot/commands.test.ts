import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot, type BotAnswer } from '../../src/bot/index.js';
import { ActionId, decodeShareValue, renderText } from '../../src/reply/index.js';
import { findBlockKitViolation } from '../support/block-kit-limits.js';
import { loadFixtureKnowledge } from './knowledge.js';
import { expectOnlyArticleLinks } from './slack-text.js';
import { SEED_TRACE, UNKNOWN_TRACE } from './traces.js';

let bot: Bot;
beforeAll(async () => {
  const knowledge = await loadFixtureKnowledge();
  bot = createBot({ getKnowledge: () => knowledge });
});

function shareValue(answer: BotAnswer): string | undefined {
  for (const block of answer.replies[0]?.blocks ?? []) {
    if (block.type !== 'actions') continue;
    for (const e of block.elements) if (e.type === 'button' && e.action_id === ActionId.Share) return e.value;
  }
  return undefined;
}

describe('/kb', () => {
  it.each([
    ['Q272274', 'article', 'Q272274'],
    ['KB272274', 'article', 'Q272274'],
    ['272274', 'article', 'Q272274'],
    ['https://support.microsoft.com/kb/272274', 'article', 'Q272274'],
    ['<https://support.microsoft.com/default.aspx?scid=kb;en-us;Q272274>', 'article', 'Q272274'],
    ['Q999999', 'article', 'not in kbbot'],
    ['search information store', 'search', 'Q272274'],
    ['search', 'notice', 'Usage: `/kb search <words>`'],
    ['store crash', 'search', 'Q900002'],
    [SEED_TRACE, 'match', 'Q272274'],
    [UNKNOWN_TRACE, 'none', 'No known KB article'],
    ['help', 'help', '/kb mute'],
    ['', 'help', '/kb search'],
  ])('/kb %s → %s', (text, kind, shown) => {
    const answer = bot.answerCommand(text);
    expect(answer.kind).toBe(kind);
    expect(answer.delivery).toBe('ephemeral');
    expect(renderText(answer.replies[0]!)).toContain(shown);
    expect(findBlockKitViolation(answer.replies[0]!.blocks)).toBeUndefined();
    expectOnlyArticleLinks(answer.replies[0]!);
  });

  it.each([
    ['mute', 'mute', 'Muted'],
    ['unmute', 'unmute', 'Unmuted'],
    ['MUTE', 'mute', 'Muted'],
  ])('/kb %s returns the %s effect for the adapter to apply', (text, effect, shown) => {
    const answer = bot.answerCommand(text);
    expect(answer.effect).toEqual({ kind: effect });
    expect(renderText(answer.replies[0]!)).toContain(shown);
  });

  it.each([['Q272274'], ['search information store'], [SEED_TRACE]])('/kb %s carries a share button that re-answers it in the channel', (text) => {
    const value = shareValue(bot.answerCommand(text));
    expect(value).toBeDefined();
    const shared = bot.answerAction(ActionId.Share, value!);
    expect(shared.delivery).toBe('channel');
    expect(renderText(shared.replies[0]!)).toBe(renderText(bot.answerCommand(text).replies[0]!).replace(/\n\[Share in channel\]$/, ''));
  });

  it.each([
    ['Q272274', 'Q272274'],
    [SEED_TRACE, 'Q272274'],
  ])('a shared /kb %s starts a thread that answers follow-ups', (text, kb) => {
    const shared = bot.answerAction(ActionId.Share, shareValue(bot.answerCommand(text))!);
    expect(shared.threadMatch).toMatchObject({ channel: '', threadTs: '', kb, announced: [kb] });
    const posted = { ...shared.threadMatch!, channel: 'C9', threadTs: '9.9' };
    const followup = bot.answerMessage({ text: 'can I roll back?', channelType: 'channel', isMention: false, channel: 'C9', threadTs: '9.9', threadMatch: posted });
    expect(renderText(followup.replies[0]!)).toContain('Before rolling back');
  });

  it('an ephemeral /kb answer remembers no thread (there is none)', () => {
    expect(bot.answerCommand('Q272274').threadMatch).toBeUndefined();
  });

  it('shares a trace too long for a button as its result', () => {
    const long = `${SEED_TRACE}\n${'   0156ffd0  00000000  00000000 0156f718 0156f710 KERNEL32!BaseThreadStart+0x64\n'.repeat(40)}`;
    const value = shareValue(bot.answerCommand(long))!;
    expect(value.length).toBeLessThanOrEqual(2000);
    const decoded = decodeShareValue(value);
    expect(decoded).toMatchObject({ kind: 'result', verdict: 'match' });
    expect(decoded?.kind === 'result' && decoded.candidates[0]?.kb).toBe('Q272274');
    const shared = bot.answerAction(ActionId.Share, value);
    expect(shared.kind).toBe('match');
    expect(shared.threadMatch).toMatchObject({ kb: 'Q272274', verdict: 'match' });
    expect(renderText(shared.replies[0]!)).toContain('XADM: Information Store Stops Responding');
  });
});
