import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot, type ChannelType, type Knowledge, type MessageInput } from '../../src/bot/index.js';
import { renderText } from '../../src/reply/index.js';
import { loadFixtureKnowledge } from './knowledge.js';
import { IIS_TRACE, SEED_TRACE, SHARED_FRAMES_TRACE, UNKNOWN_TRACE } from './traces.js';

let bot: Bot;
let quietBot: Bot;
beforeAll(async () => {
  const knowledge = await loadFixtureKnowledge();
  bot = createBot({ getKnowledge: () => knowledge, now: () => 1_700_000_000_000 });
  quietBot = bot;
});

const message = (text: string, channelType: ChannelType = 'channel', isMention = false): MessageInput => ({ text, channelType, isMention, channel: 'C1', threadTs: '100.1' });

describe('a message outside a thread', () => {
  it.each([
    ['a pasted trace in a channel', 'match', message(SEED_TRACE), 'Q272274'],
    ['a trace in a private channel', 'match', message(SEED_TRACE, 'group'), 'Q272274'],
    ['a trace in a group DM', 'match', message(SEED_TRACE, 'mpim'), 'Q272274'],
    ['another known trace', 'match', message(IIS_TRACE), 'Q900003'],
    ['frames two articles share', 'possible', message(SHARED_FRAMES_TRACE), 'Q272274'],
    ['a KB reference', 'article', message('Anyone seen KB900003 before?'), 'Q900003'],
    ['a support.microsoft.com link', 'article', message('see <https://support.microsoft.com/kb/272274|this>'), 'Q272274'],
    ['an unknown trace in a DM', 'none', message(UNKNOWN_TRACE, 'im'), undefined],
    ['an unknown trace with a mention', 'none', message(`<@UBOT> ${UNKNOWN_TRACE}`, 'channel', true), undefined],
    ['an unknown trace in a channel', 'silent', message(UNKNOWN_TRACE), undefined],
    ['a reference the store lacks, in a channel', 'silent', message('Q999999 is unrelated'), undefined],
    ['a reference the store lacks, in a DM', 'article', message('Q999999?', 'im'), undefined],
    ['chat in a channel', 'silent', message('lunch at noon?'), undefined],
    ['a question in a DM', 'search', message('information store', 'im'), undefined],
    ['thanks in a DM', 'help', message('thanks a lot', 'im'), undefined],
  ])('%s → %s', (_, kind, input, kb) => {
    const answer = bot.answerMessage(input);
    expect(answer.kind).toBe(kind);
    expect(answer.replies).toHaveLength(kind === 'silent' ? 0 : 1);
    if (kb) expect(answer.threadMatch?.kb).toBe(kb);
    if (kb) expect(renderText(answer.replies[0]!)).toContain(kb);
  });

  it('remembers the match, its candidates, the pasted frames and what it announced', () => {
    const { threadMatch } = bot.answerMessage(message(SEED_TRACE));
    expect(threadMatch).toMatchObject({ channel: 'C1', threadTs: '100.1', verdict: 'match', kb: 'Q272274', announced: ['Q272274'], updatedAt: 1_700_000_000_000 });
    expect(threadMatch?.trace?.[0]).toMatchObject({ module: 'STORE', symbol: 'PUSH_NOTIFY::PushToClient' });
    expect(threadMatch?.candidates[0]).toMatchObject({ kb: 'Q272274' });
  });

  it('answers a trace and a reference in one message with one reply', () => {
    const answer = bot.answerMessage(message(`${SEED_TRACE}\nalso see Q900003`));
    expect(answer.replies).toHaveLength(1);
    const text = renderText(answer.replies[0]!);
    expect(text).toContain('Q272274');
    expect(text).toContain('Inetinfo.exe Access Violation');
    expect(answer.threadMatch?.announced).toEqual(['Q272274', 'Q900003']);
  });

  it('answers none in channels when configured to', async () => {
    const knowledge = await loadFixtureKnowledge();
    const talkative = createBot({ getKnowledge: () => knowledge, answerNoneInChannels: true });
    expect(talkative.answerMessage(message(UNKNOWN_TRACE)).kind).toBe('none');
    expect(quietBot.answerMessage(message(UNKNOWN_TRACE)).kind).toBe('silent');
  });

  it('reads the store through the getter on every answer (a swapped store is used at once)', async () => {
    const full = await loadFixtureKnowledge();
    let current: Knowledge = { ...full, signatures: new Map([...full.signatures].filter(([id]) => id !== 'Q900003')) };
    const swapping = createBot({ getKnowledge: () => current });
    expect(swapping.answerMessage(message('KB900003', 'im')).replies.map(renderText).join()).toContain('not in kbbot');
    current = full;
    expect(swapping.answerMessage(message('KB900003', 'im')).replies.map(renderText).join()).toContain('Inetinfo.exe');
  });
});

describe('a message in a thread the bot answered', () => {
  const inThread = (text: string, isEdit = false): MessageInput => ({ ...message(text), threadMatch: bot.answerMessage(message(SEED_TRACE)).threadMatch!, ...(isEdit ? { isEdit } : {}) });

  it.each([
    ['the same article named again', 'silent', 'so KB272274 it is', false],
    ['the same trace pasted again', 'silent', SEED_TRACE, false],
    ['the same trace, edited', 'match', SEED_TRACE, true],
    ['a new article', 'article', 'compare with Q900003', false],
    ['a new trace', 'match', IIS_TRACE, false],
  ])('%s → %s', (_, kind, text, isEdit) => {
    expect(bot.answerMessage(inThread(text, isEdit)).kind).toBe(kind);
  });

  it('takes the article named last as the subject of the next question', () => {
    const named = bot.answerMessage(inThread('compare with Q900003'));
    expect(named.threadMatch).toMatchObject({ kb: 'Q900003', verdict: 'match', announced: ['Q272274', 'Q900003'] });
    const files = bot.answerMessage({ ...message('files?'), threadMatch: named.threadMatch! });
    expect(renderText(files.replies[0]!)).toContain('W3svc.dll');
  });

  it('re-matches a new trace and keeps what was announced before', () => {
    const answer = bot.answerMessage(inThread(IIS_TRACE));
    expect(answer.threadMatch).toMatchObject({ kb: 'Q900003', announced: ['Q272274', 'Q900003'] });
  });
});
