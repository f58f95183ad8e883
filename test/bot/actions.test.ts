import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/bot/index.js';
import type { ThreadMatch } from '../../src/model.js';
import { ACTION_ID_PATTERN, ACTION_IDS, ActionId, baseActionId, renderText, type Reply } from '../../src/reply/index.js';
import { findBlockKitViolation } from '../support/block-kit-limits.js';
import { loadFixtureKnowledge } from './knowledge.js';
import { expectOnlyArticleLinks } from './slack-text.js';
import { SEED_TRACE } from './traces.js';

let bot: Bot;
let thread: ThreadMatch;
let matchReply: Reply;
let matchedCandidates: number;
beforeAll(async () => {
  const knowledge = await loadFixtureKnowledge();
  bot = createBot({ getKnowledge: () => knowledge, now: () => 42 });
  const answer = bot.answerMessage({ text: SEED_TRACE, channelType: 'channel', isMention: false, channel: 'C1', threadTs: '100.1' });
  // The runner-up is pinned here: how many weak candidates the matcher keeps is the matcher's business.
  thread = { ...answer.threadMatch!, candidates: [{ kb: 'Q272274', score: 0.97 }, { kb: 'Q900002', score: 0.32 }] };
  matchReply = answer.replies[0]!;
  matchedCandidates = answer.threadMatch!.candidates.length;
});

/** The buttons on a reply as [action_id, value]. */
function buttons(reply: Reply): [string, string][] {
  return reply.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.flatMap((e) => (e.type === 'button' ? [[e.action_id ?? '', e.value ?? ''] as [string, string]] : [])) : []));
}

describe('buttons on the match reply', () => {
  it('offers files, rollback, other candidates (when there are any), why and feedback, each id one the adapter registers', () => {
    const ids = buttons(matchReply).map(([id]) => id);
    const others = matchedCandidates > 1 ? [ActionId.Others] : [];
    expect(ids).toEqual([ActionId.Files, ActionId.Rollback, ...others, ActionId.Why, ActionId.FeedbackRight, ActionId.FeedbackWrong]);
    for (const id of ids) expect(id).toMatch(ACTION_ID_PATTERN);
  });

  it.each([
    [ActionId.Files, 'thread', ['Files, i386:', 'Files, alpha:', 'Packages, i386:']],
    [ActionId.Rollback, 'thread', ['Before rolling back', '5.5.2652.68']],
    [ActionId.Others, 'thread', ['Other candidates', 'Q900002']],
    [ActionId.Why, 'ephemeral', ['STORE!PUSH_NOTIFY::PushToClient', 'kernel32!basethreadstart', 'skipped']],
    [ActionId.FeedbackRight, 'ephemeral', ['recorded that Q272274 was right']],
  ])('%s answers with the right view', (actionId, delivery, shown) => {
    const value = actionId === ActionId.Others ? 'Q272274' : buttons(matchReply).find(([id]) => id === actionId)![1];
    const answer = bot.answerAction(actionId, value, thread);
    expect(answer.delivery).toBe(delivery);
    const text = renderText(answer.replies[0]!);
    for (const s of shown) expect(text).toContain(s);
    expect(findBlockKitViolation(answer.replies[0]!.blocks)).toBeUndefined();
    expectOnlyArticleLinks(answer.replies[0]!);
  });

  it.each([[ActionId.Files], [ActionId.Rollback], [ActionId.Related], [ActionId.ShowArticle]])(
    '%s clicked on an ephemeral /kb answer (no thread) answers only the person who clicked',
    (actionId) => {
      expect(bot.answerAction(actionId, 'Q272274', undefined).delivery).toBe('ephemeral');
    },
  );

  it('why works from the button alone, without the thread (an ephemeral /kb answer has none)', () => {
    const [, value] = buttons(matchReply).find(([id]) => id === ActionId.Why)!;
    expect(renderText(bot.answerAction(ActionId.Why, value, undefined).replies[0]!)).toContain('✓ 0 STORE!PUSH_NOTIFY::PushToClient');
  });

  it('feedback "right" is returned as an effect to record', () => {
    expect(bot.answerAction(ActionId.FeedbackRight, 'Q272274', thread).effect).toEqual({ kind: 'feedback', kb: 'Q272274', verdict: 'right' });
  });

  it('"wrong" is recorded and turns the reply in place into the next candidates', () => {
    const answer = bot.answerAction(ActionId.FeedbackWrong, 'Q272274', thread);
    expect(answer.effect).toEqual({ kind: 'feedback', kb: 'Q272274', verdict: 'wrong' });
    expect(answer.delivery).toBe('replace');
    expect(answer.threadMatch).toMatchObject({ verdict: 'possible', kb: 'Q900002', candidates: [{ kb: 'Q900002' }], updatedAt: 42 });
    const text = renderText(answer.replies[0]!);
    expect(text).toContain('Q900002');
    expect(text).not.toContain('Q272274 ');
  });

  it('"wrong" on the last candidate says there is nothing else', () => {
    const last = bot.answerAction(ActionId.FeedbackWrong, 'Q900002', { ...thread, kb: 'Q900002', candidates: [{ kb: 'Q900002', score: 0.3 }] });
    expect(last.threadMatch).toMatchObject({ verdict: 'none', candidates: [] });
    expect(last.threadMatch?.kb).toBeUndefined();
    expect(renderText(last.replies[0]!)).toContain('no other candidates');
  });
});

describe('other buttons', () => {
  it.each([
    ['kb_show_article:1', 'Q900003', 'Inetinfo.exe Access Violation'],
    [ActionId.Related, 'Q272274', 'Q244976'],
    [ActionId.Files, 'Q999999', 'not in kbbot'],
    [ActionId.Files, 'not-an-id', 'no longer works'],
  ])('%s with %s', (actionId, value, shown) => {
    expect(renderText(bot.answerAction(actionId, value, thread).replies[0]!)).toContain(shown);
  });

  it('an article opened from a list is announced in the thread and becomes what it asks about', () => {
    expect(bot.answerAction('kb_show_article:2', 'Q900003', thread).threadMatch).toMatchObject({ kb: 'Q900003', announced: ['Q272274', 'Q900003'] });
  });

  it.each([
    ['kb_files', 'kb_files'],
    ['kb_show_article:3', 'kb_show_article'],
    ['other_app_button', undefined],
  ])('%s is the %s action', (id, base) => {
    expect(baseActionId(id)).toBe(base);
  });

  it('lists every action id once', () => {
    expect(new Set(ACTION_IDS).size).toBe(ACTION_IDS.length);
    expect(ACTION_IDS).toContain('kb_share');
  });
});

describe('unfurls and App Home', () => {
  it('unfurls the support.microsoft.com links the store knows, and only those', () => {
    const unfurls = bot.answerUnfurl(['https://support.microsoft.com/kb/272274', 'https://support.microsoft.com/kb/999999', 'https://example.com/x']);
    expect(unfurls.map((u) => u.url)).toEqual(['https://support.microsoft.com/kb/272274']);
    expect(renderText(unfurls[0]!.reply)).toContain('Rollback:');
  });

  it('shows the store size and how to use the bot on App Home', () => {
    const home = bot.homeView();
    const text = renderText(home);
    expect(text).toContain('I know *4* KB articles: *4* with crash traces, *2* with file tables, *2* with rollback warnings.');
    expect(text).toContain('/kb search');
    expect(findBlockKitViolation(home.blocks, 'view')).toBeUndefined();
  });
});
