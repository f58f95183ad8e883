import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, detectIntent, type Bot, type MessageInput } from '../../src/bot/index.js';
import type { ThreadMatch } from '../../src/model.js';
import { renderText } from '../../src/reply/index.js';
import { loadFixtureKnowledge } from './knowledge.js';
import { SEED_TRACE } from './traces.js';

let bot: Bot;
let thread: ThreadMatch;
beforeAll(async () => {
  const knowledge = await loadFixtureKnowledge();
  bot = createBot({ getKnowledge: () => knowledge });
  const matched = bot.answerMessage({ text: SEED_TRACE, channelType: 'channel', isMention: false, channel: 'C1', threadTs: '100.1' }).threadMatch!;
  // The runner-up is pinned here: how many weak candidates the matcher keeps is the matcher's business.
  thread = { ...matched, candidates: [{ kb: 'Q272274', score: 0.97 }, { kb: 'Q900002', score: 0.32 }] };
});

const ask = (text: string, over: Partial<MessageInput> = {}): MessageInput => ({ text, channelType: 'channel', isMention: false, channel: 'C1', threadTs: '100.1', threadMatch: thread, ...over });

describe('follow-ups in the thread of a Q272274 match', () => {
  it.each([
    ['files?', 'files', ['Files, i386:', 'Files, alpha:', 'Emsmdb32.dll'], []],
    ['files for alpha?', 'files', ['Files, alpha:', '3,682,304'], ['Files, i386:']],
    ['i386', 'files', ['Files, i386:', '2,621,440'], ['Files, alpha:']],
    ['x86?', 'files', ['Files, i386:'], ['Files, alpha:']],
    ['can I roll back?', 'rollback', ['Before rolling back', 'Floor: `Store.exe` `5.5.2652.68`'], []],
    ['uninstall', 'rollback', ['Before rolling back'], []],
    ['is there a fix?', 'fix', ['Hotfix available', 'next Exchange Server 5.5 service pack'], []],
    ['service pack?', 'fix', ['Service pack:'], []],
    ['is it in SP4?', 'fix', ['Hotfix available'], []],
    ['related articles?', 'related', ['Q244976', 'not in the store', 'Q900003', 'Inetinfo.exe'], []],
    ['other candidates?', 'others', ['Q900002', 'Expanding Notifications'], []],
    ['we run store.exe 5.5.2653.12', 'version', ['5.5.2653.12', 'not fixed yet', '5.5.2654.3', 'floor `5.5.2652.68`'], ['already has']],
    ["we're on 5.5.2654.3", 'version', ['already has the fix'], ['not fixed']],
    ['we rolled back to store.exe 5.5.2650.1', 'version', ['below the floor `5.5.2652.68`'], []],
    ['why?', 'why', ['STORE!PUSH_NOTIFY::PushToClient', '✓', 'skipped'], []],
    ['help', 'help', ['/kb search'], []],
  ])('"%s" → %s', (text, intent, present, absent) => {
    const answer = bot.answerMessage(ask(text));
    expect(answer.kind).toBe('followup');
    expect(answer.intent).toBe(intent);
    const out = renderText(answer.replies[0]!);
    for (const p of present) expect(out).toContain(p);
    for (const a of absent) expect(out).not.toContain(a);
  });

  it.each([
    ["thanks, I'll schedule the maintenance window tonight and apply the files after the backup finishes"],
    ['ok'],
    ['lol'],
    ['who is on call this weekend for the exchange cluster in the second datacenter'],
  ])('stays silent on chat: "%s"', (text) => {
    expect(bot.answerMessage(ask(text)).kind).toBe('silent');
  });

  it('answers a long question when the bot is mentioned', () => {
    const answer = bot.answerMessage(ask('<@UBOT> once the backup finishes tonight I want to know about the files for the alpha boxes please', { isMention: true }));
    expect(answer.intent).toBe('files');
  });

  it('asks about a version the article does not list', () => {
    const out = renderText(bot.answerMessage(ask('we run foo.dll 1.2.3.4')).replies[0]!);
    expect(out).toContain('lists versions for Store.exe, Emsmdb32.dll only');
  });
});

describe('the intent table', () => {
  it.each([
    ['which files does the hotfix install?', 'files'],
    ['can we uninstall the hotfix?', 'rollback'],
    ['is the fix in a service pack?', 'fix'],
    ['any other matches?', 'others'],
    ['see also?', 'related'],
    ['what is the cause?', 'article'],
    ['how sure are you?', 'why'],
    ['alpha?', 'files'],
  ])('"%s" asks for %s', (text, intent) => {
    expect(detectIntent(text, { hasVersion: false, addressed: false })?.intent).toBe(intent);
  });

  it('takes a bare platform name as the platform to list files for', () => {
    expect(detectIntent('itanium?', { hasVersion: false, addressed: false })).toEqual({ intent: 'files', platform: 'ia64' });
  });
});
