/**
 * /kb, buttons, link unfurls, the message shortcut and App Home, end to end over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionId } from '../../src/reply/ids.js';
import { CHANNEL, conversation } from './e2e-helpers.js';
import { TRACE, nextTs, startHarness, userMessage, type Harness } from './harness.js';

let h: Harness;
let c: ReturnType<typeof conversation>;

beforeAll(async () => {
  h = await startHarness('http');
  c = conversation(h);
});
afterAll(() => h?.close());

describe('/kb', () => {
  it.each([
    ['Q272274', 'Information Store Stops Responding'],
    ['KB272274', 'Q272274'],
    ['272274', 'Q272274'],
    ['https://support.microsoft.com/kb/272274', 'Q272274'],
    ['search information store stops responding', 'Q272274'],
    ['help', '/kb'],
    [TRACE, 'Q272274'],
  ])('/kb %s answers ephemerally', async (text, expected) => {
    const response = await c.runCommand(text);
    expect(response.response_type).toBe('ephemeral');
    expect(String(response.text)).toContain(expected);
  });

  it('offers a Share button that posts the answer in the channel', async () => {
    const response = await c.runCommand('Q272274');
    const share = (response.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === ActionId.Share);
    expect(share).toBeDefined();
    const posts = h.api.okCallsTo('chat.postMessage').length;
    const ephemeral = { ts: nextTs() };
    await h.interactive(c.click(ActionId.Share, share!.value, ephemeral, { container: { type: 'message', message_ts: ephemeral.ts, channel_id: CHANNEL, is_ephemeral: true } }));
    const calls = await h.api.waitForCalls('chat.postMessage', posts + 1);
    expect(calls.at(-1)!.params).toMatchObject({ channel: CHANNEL });
    expect(calls.at(-1)!.params.thread_ts).toBeUndefined();
    expect(String(calls.at(-1)!.params.text)).toContain('Q272274');
  });

  it('/kb mute silences passive replies in the channel, /kb unmute brings them back', async () => {
    const channel = 'C0MUTED';
    await c.runCommandIn(channel, 'mute');
    await expect.poll(() => h.state.isMuted(channel)).toBe(true);
    await h.event(userMessage({ channel, text: TRACE }));
    await c.runCommandIn(channel, 'unmute');
    const after = userMessage({ channel, text: TRACE });
    await c.sendAndWait(after);
    const inChannel = h.api.okCallsTo('chat.postMessage').filter((c) => c.params.channel === channel);
    expect(inChannel.map((c) => c.params.thread_ts)).toEqual([after.ts]);
  });
});

describe('buttons', () => {
  it.each([
    [ActionId.Files, 'Store.exe'],
    [ActionId.Rollback, '5.5.2652.68'],
  ])('%s answers in the thread', async (actionId, expected) => {
    const { root, replyTs } = await c.answeredThread();
    const params = await c.clickAndWait(c.click(actionId, 'Q272274', { ts: replyTs, thread_ts: root }), 'chat.postMessage');
    expect(params).toMatchObject({ channel: CHANNEL, thread_ts: root });
    expect(String(params.text)).toContain(expected);
  });

  it('"Why this match" shows the clicker the aligned frames', async () => {
    const { root, replyTs } = await c.answeredThread();
    const value = 'Q272274\nSTORE!PUSH_NOTIFY::PushToClient\nSTORE!ScanForOutstandingNotifications';
    const params = await c.clickAndWait(c.click(ActionId.Why, value, { ts: replyTs, thread_ts: root }), 'chat.postEphemeral');
    expect(params).toMatchObject({ channel: CHANNEL, user: 'UHUMAN', thread_ts: root });
    expect(String(params.text)).toContain('Why Q272274 matched');
  });

  it('records "right" feedback durably and as one structured log line', async () => {
    const { root, replyTs } = await c.answeredThread();
    await c.clickAndWait(c.click(ActionId.FeedbackRight, 'Q272274', { ts: replyTs, thread_ts: root }), 'chat.postEphemeral');
    expect(await h.state.listFeedback()).toContainEqual(expect.objectContaining({ channel: CHANNEL, threadTs: root, kb: 'Q272274', verdict: 'right', user: 'UHUMAN' }));
    expect(h.logs).toContainEqual(expect.objectContaining({ event: 'feedback', verdict: 'right', kb: 'Q272274', threadTs: root }));
  });

  it('"wrong" is recorded and changes the reply in place', async () => {
    const { root, replyTs } = await c.answeredThread();
    const update = await c.clickAndWait(c.click(ActionId.FeedbackWrong, 'Q272274', { ts: replyTs, thread_ts: root }), 'chat.update');
    expect(update).toMatchObject({ channel: CHANNEL, ts: replyTs });
    expect(await h.state.listFeedback()).toContainEqual(expect.objectContaining({ threadTs: root, verdict: 'wrong' }));
    await expect.poll(async () => (await h.state.getThread(CHANNEL, root))?.candidates.map((c) => c.kb)).not.toContain('Q272274');
  });
});

describe('links, shortcut, home', () => {
  it('unfurls a support.microsoft.com KB link with the article card, and does not also reply in the thread', async () => {
    const url = 'https://support.microsoft.com/kb/272274';
    const msg = userMessage({ text: `<${url}>` });
    await h.event(msg);
    const unfurl = await c.sendAndWait({ type: 'link_shared', channel: CHANNEL, user: 'UHUMAN', message_ts: msg.ts, links: [{ domain: 'support.microsoft.com', url }], source: 'conversations_history', ts: nextTs() }, 'chat.unfurl');
    expect(unfurl).toMatchObject({ channel: CHANNEL, ts: msg.ts });
    expect(JSON.stringify((unfurl.unfurls as Record<string, unknown>)[url])).toContain('Q272274');
    expect(h.api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === msg.ts)).toHaveLength(0);
  });

  it('unfurls a link still in the composer by unfurl_id', async () => {
    const url = 'https://support.microsoft.com/kb/272274';
    const unfurl = await c.sendAndWait(
      { type: 'link_shared', channel: 'COMPOSER', user: 'UHUMAN', message_ts: 'COMPOSER-1', unfurl_id: 'U-1', source: 'composer', links: [{ domain: 'support.microsoft.com', url }], ts: nextTs() },
      'chat.unfurl',
    );
    expect(unfurl).toMatchObject({ unfurl_id: 'U-1', source: 'composer' });
    expect(unfurl.channel).toBeUndefined();
  });

  it('"Find KB for this trace" answers only the person who asked, in the message thread', async () => {
    const ts = nextTs();
    const params = await c.clickAndWait(
      {
        type: 'message_action',
        callback_id: 'kb_find_for_message',
        trigger_id: 'trigger-sc',
        team: { id: 'T0001' },
        user: { id: 'UASKER', name: 'sam' },
        channel: { id: CHANNEL, name: 'support' },
        message: { type: 'message', user: 'UHUMAN', ts, text: TRACE },
        response_url: h.api.responseUrl('shortcut-1'),
        message_ts: ts,
      },
      'chat.postEphemeral',
    );
    expect(params).toMatchObject({ channel: CHANNEL, user: 'UASKER', thread_ts: ts });
    expect(String(params.text)).toContain('Q272274');
  });

  it('publishes the App Home tab', async () => {
    const params = await c.sendAndWait({ type: 'app_home_opened', user: 'UHUMAN', channel: 'D0HOME', tab: 'home', ts: nextTs() }, 'views.publish');
    expect(params.user_id).toBe('UHUMAN');
    expect(JSON.stringify(params.view)).toContain('kb');
  });
});

