/**
 * Everything after the first answer, end to end over HTTP: thread follow-ups, edits, /kb variants, mute,
 * buttons (details, feedback, share), link unfurls, the message shortcut, App Home, and a restart that
 * recovers a thread's match from the bot's own reply metadata.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionId } from '../../src/reply/ids.js';
import { BOT_TOKEN, TRACE, nextTs, startHarness, userMessage, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('http');
});
afterAll(() => h?.close());

const CHANNEL = 'C0PUBLIC';

async function sendAndWait(event: Record<string, unknown>, method = 'chat.postMessage'): Promise<Record<string, unknown>> {
  const before = h.api.okCallsTo(method).length;
  expect(await h.event(event)).toMatchObject({ status: 200 });
  const calls = await h.api.waitForCalls(method, before + 1);
  return calls.at(-1)!.params;
}

/** Pastes the trace and returns the thread root ts and the bot's reply ts. */
async function answeredThread(channel = CHANNEL): Promise<{ root: string; replyTs: string }> {
  const msg = userMessage({ channel, text: TRACE });
  await sendAndWait(msg);
  const reply = h.api.messages.find((m) => m.channel === channel && m.thread_ts === msg.ts);
  await waitForReplyTs(channel, String(msg.ts));
  return { root: String(msg.ts), replyTs: reply!.ts };
}

/** The bot stores its reply's ts right after Slack answers the post; edits and feedback need it. */
async function waitForReplyTs(channel: string, root: string): Promise<void> {
  await expect.poll(async () => (await h.state.getThread(channel, root))?.replyTs).toBeDefined();
}

function slashCommand(text: string, id: string, channel = CHANNEL): Record<string, string> {
  return {
    token: 'legacy',
    team_id: 'T0001',
    channel_id: channel,
    channel_name: 'support',
    user_id: 'UHUMAN',
    user_name: 'pat',
    command: '/kb',
    text,
    response_url: h.api.responseUrl(id),
    trigger_id: `trigger-${id}`,
    api_app_id: 'AKBBOT',
  };
}

async function runCommand(text: string): Promise<Record<string, unknown>> {
  const id = `cmd-${nextTs()}`;
  const res = await h.command(slashCommand(text, id));
  expect(res).toMatchObject({ status: 200 });
  await expect.poll(() => h.api.callsTo('response_url').some((c) => c.params.response_url_id === id)).toBe(true);
  return h.api.callsTo('response_url').find((c) => c.params.response_url_id === id)!.params;
}

function click(actionId: string, value: string, message: { ts: string; thread_ts?: string }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'kbbot' },
    user: { id: 'UHUMAN', username: 'pat', team_id: 'T0001' },
    api_app_id: 'AKBBOT',
    container: { type: 'message', message_ts: message.ts, channel_id: CHANNEL, is_ephemeral: false },
    trigger_id: 'trigger-click',
    channel: { id: CHANNEL, name: 'support' },
    message: { type: 'message', ts: message.ts, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}), text: 'reply', user: 'UKBBOT', bot_id: 'BKBBOT' },
    response_url: h.api.responseUrl(`click-${nextTs()}`),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: nextTs(), text: { type: 'plain_text', text: 'x' } }],
    ...extra,
  };
}

describe('thread follow-ups', () => {
  it.each([
    ['files for alpha?', 'Store.exe'],
    ['can I roll back?', '5.5.2652.68'],
    ['we run store.exe 5.5.2653.12', '5.5.2653.12'],
    ['alpha?', 'alpha'],
    ['is there a fix?', 'service pack'],
    ['related articles?', 'Q244976'],
    ['other candidates?', 'No other candidates'],
    ['why this match?', 'Why Q272274 matched'],
  ])('answers "%s" in the thread from the thread match', async (question, expected) => {
    const { root } = await answeredThread();
    const repliesBefore = h.api.callsTo('conversations.replies').length;
    const reply = await sendAndWait(userMessage({ text: question, thread_ts: root }));
    expect(reply.thread_ts).toBe(root);
    expect(String(reply.text)).toContain(expected);
    // The normal path reads the bot's own memory, never Slack's rate-limited thread history.
    expect(h.api.callsTo('conversations.replies').length).toBe(repliesBefore);
  });

  it('does not announce the same article twice in one thread', async () => {
    const { root } = await answeredThread();
    await h.event(userMessage({ text: TRACE, thread_ts: root }));
    await sendAndWait(userMessage({ text: 'alpha?', thread_ts: root }));
    const inThread = h.api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === root);
    expect(inThread.map((c) => String(c.params.text).slice(0, 11))).toEqual(['Known issue', 'Files for Q']);
  });

  it('stays out of threads it never answered', async () => {
    const root = nextTs();
    await h.event(userMessage({ text: 'files for alpha?', thread_ts: root }));
    const probe = userMessage({ text: 'KB272274' });
    await sendAndWait(probe);
    expect(h.api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === root)).toHaveLength(0);
  });

  it('does not read back threads started after it came up (it would remember answering them)', async () => {
    const root = `${Math.floor(Date.now() / 1000) + 60}.000100`;
    const reads = h.api.callsTo('conversations.replies').length;
    await h.event(userMessage({ text: 'files for alpha?', thread_ts: root }));
    await sendAndWait(userMessage({ text: 'KB272274' }));
    expect(h.api.callsTo('conversations.replies').length).toBe(reads);
  });

  it('after a restart with empty state, recovers the match from its reply metadata (once) and answers', async () => {
    const { root } = await answeredThread();
    await h.restart();
    const reply = await sendAndWait(userMessage({ text: 'files for alpha?', thread_ts: root }));
    expect(String(reply.text)).toContain('Store.exe');
    expect(h.api.callsTo('conversations.replies').filter((c) => c.params.ts === root)).toHaveLength(1);
    await sendAndWait(userMessage({ text: 'can I roll back?', thread_ts: root }));
    expect(h.api.callsTo('conversations.replies').filter((c) => c.params.ts === root)).toHaveLength(1);
  });
});

describe('when nothing is known', () => {
  const unknownTrace = '```\nFOO!Bar+0x1\nFOO!Baz+0x2\nFOO!Qux+0x3\n```';

  it('stays silent in a channel but answers in a DM', async () => {
    const inChannel = userMessage({ text: unknownTrace });
    await h.event(inChannel);
    const dm = userMessage({ channel: 'D0DIRECT', channel_type: 'im', text: unknownTrace });
    const reply = await sendAndWait(dm);
    expect(reply).toMatchObject({ channel: 'D0DIRECT', thread_ts: dm.ts });
    expect(String(reply.text)).toContain('No known KB article');
    expect(h.api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === inChannel.ts)).toHaveLength(0);
  });
});

describe('edits', () => {
  it('updates its earlier reply in place when the source message is edited, without posting again', async () => {
    const original = userMessage({ text: 'KB272274 looks relevant' });
    await sendAndWait(original);
    const reply = h.api.messages.find((m) => m.thread_ts === original.ts)!;
    await waitForReplyTs(CHANNEL, String(original.ts));
    const posts = h.api.okCallsTo('chat.postMessage').length;
    const update = await sendAndWait(
      {
        type: 'message',
        subtype: 'message_changed',
        channel: CHANNEL,
        channel_type: 'channel',
        ts: nextTs(),
        message: { type: 'message', user: 'UHUMAN', ts: original.ts, text: TRACE, edited: { user: 'UHUMAN', ts: nextTs() } },
        previous_message: { type: 'message', user: 'UHUMAN', ts: original.ts, text: original.text },
      },
      'chat.update',
    );
    expect(update).toMatchObject({ channel: CHANNEL, ts: reply.ts });
    expect(String(update.text)).toContain('Known issue');
    expect(h.api.okCallsTo('chat.postMessage').length).toBe(posts);
  });
});

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
    const response = await runCommand(text);
    expect(response.response_type).toBe('ephemeral');
    expect(String(response.text)).toContain(expected);
  });

  it('offers a Share button that posts the answer in the channel', async () => {
    const response = await runCommand('Q272274');
    const share = (response.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === ActionId.Share);
    expect(share).toBeDefined();
    const posts = h.api.okCallsTo('chat.postMessage').length;
    const ephemeral = { ts: nextTs() };
    await h.interactive(click(ActionId.Share, share!.value, ephemeral, { container: { type: 'message', message_ts: ephemeral.ts, channel_id: CHANNEL, is_ephemeral: true } }));
    const calls = await h.api.waitForCalls('chat.postMessage', posts + 1);
    expect(calls.at(-1)!.params).toMatchObject({ channel: CHANNEL });
    expect(calls.at(-1)!.params.thread_ts).toBeUndefined();
    expect(String(calls.at(-1)!.params.text)).toContain('Q272274');
  });

  it('/kb mute silences passive replies in the channel, /kb unmute brings them back', async () => {
    const channel = 'C0MUTED';
    await runCommandIn(channel, 'mute');
    await expect.poll(() => h.state.isMuted(channel)).toBe(true);
    await h.event(userMessage({ channel, text: TRACE }));
    await runCommandIn(channel, 'unmute');
    const after = userMessage({ channel, text: TRACE });
    await sendAndWait(after);
    const inChannel = h.api.okCallsTo('chat.postMessage').filter((c) => c.params.channel === channel);
    expect(inChannel.map((c) => c.params.thread_ts)).toEqual([after.ts]);
  });
});

async function runCommandIn(channel: string, text: string): Promise<void> {
  const id = `cmd-${nextTs()}`;
  await h.command(slashCommand(text, id, channel));
  await expect.poll(() => h.api.callsTo('response_url').some((c) => c.params.response_url_id === id)).toBe(true);
}

describe('buttons', () => {
  it.each([
    [ActionId.Files, 'Store.exe'],
    [ActionId.Rollback, '5.5.2652.68'],
  ])('%s answers in the thread', async (actionId, expected) => {
    const { root, replyTs } = await answeredThread();
    const params = await clickAndWait(click(actionId, 'Q272274', { ts: replyTs, thread_ts: root }), 'chat.postMessage');
    expect(params).toMatchObject({ channel: CHANNEL, thread_ts: root });
    expect(String(params.text)).toContain(expected);
  });

  it('"Why this match" shows the clicker the aligned frames', async () => {
    const { root, replyTs } = await answeredThread();
    const value = 'Q272274\nSTORE!PUSH_NOTIFY::PushToClient\nSTORE!ScanForOutstandingNotifications';
    const params = await clickAndWait(click(ActionId.Why, value, { ts: replyTs, thread_ts: root }), 'chat.postEphemeral');
    expect(params).toMatchObject({ channel: CHANNEL, user: 'UHUMAN', thread_ts: root });
    expect(String(params.text)).toContain('Why Q272274 matched');
  });

  it('records "right" feedback durably and as one structured log line', async () => {
    const { root, replyTs } = await answeredThread();
    await clickAndWait(click(ActionId.FeedbackRight, 'Q272274', { ts: replyTs, thread_ts: root }), 'chat.postEphemeral');
    expect(await h.state.listFeedback()).toContainEqual(expect.objectContaining({ channel: CHANNEL, threadTs: root, kb: 'Q272274', verdict: 'right', user: 'UHUMAN' }));
    expect(h.logs).toContainEqual(expect.objectContaining({ event: 'feedback', verdict: 'right', kb: 'Q272274', threadTs: root }));
  });

  it('"wrong" is recorded and changes the reply in place', async () => {
    const { root, replyTs } = await answeredThread();
    const update = await clickAndWait(click(ActionId.FeedbackWrong, 'Q272274', { ts: replyTs, thread_ts: root }), 'chat.update');
    expect(update).toMatchObject({ channel: CHANNEL, ts: replyTs });
    expect(await h.state.listFeedback()).toContainEqual(expect.objectContaining({ threadTs: root, verdict: 'wrong' }));
    await expect.poll(async () => (await h.state.getThread(CHANNEL, root))?.candidates.map((c) => c.kb)).not.toContain('Q272274');
  });
});

async function clickAndWait(payload: Record<string, unknown>, method: string): Promise<Record<string, unknown>> {
  const before = h.api.okCallsTo(method).length;
  expect(await h.interactive(payload)).toMatchObject({ status: 200 });
  return (await h.api.waitForCalls(method, before + 1)).at(-1)!.params;
}

describe('links, shortcut, home', () => {
  it('unfurls a support.microsoft.com KB link with the article card, and does not also reply in the thread', async () => {
    const url = 'https://support.microsoft.com/kb/272274';
    const msg = userMessage({ text: `<${url}>` });
    await h.event(msg);
    const unfurl = await sendAndWait({ type: 'link_shared', channel: CHANNEL, user: 'UHUMAN', message_ts: msg.ts, links: [{ domain: 'support.microsoft.com', url }], source: 'conversations_history', ts: nextTs() }, 'chat.unfurl');
    expect(unfurl).toMatchObject({ channel: CHANNEL, ts: msg.ts });
    expect(JSON.stringify((unfurl.unfurls as Record<string, unknown>)[url])).toContain('Q272274');
    expect(h.api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === msg.ts)).toHaveLength(0);
  });

  it('unfurls a link still in the composer by unfurl_id', async () => {
    const url = 'https://support.microsoft.com/kb/272274';
    const unfurl = await sendAndWait(
      { type: 'link_shared', channel: 'COMPOSER', user: 'UHUMAN', message_ts: 'COMPOSER-1', unfurl_id: 'U-1', source: 'composer', links: [{ domain: 'support.microsoft.com', url }], ts: nextTs() },
      'chat.unfurl',
    );
    expect(unfurl).toMatchObject({ unfurl_id: 'U-1', source: 'composer' });
    expect(unfurl.channel).toBeUndefined();
  });

  it('"Find KB for this trace" answers only the person who asked, in the message thread', async () => {
    const ts = nextTs();
    const params = await clickAndWait(
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
    const params = await sendAndWait({ type: 'app_home_opened', user: 'UHUMAN', channel: 'D0HOME', tab: 'home', ts: nextTs() }, 'views.publish');
    expect(params.user_id).toBe('UHUMAN');
    expect(JSON.stringify(params.view)).toContain('kb');
  });
});

describe('private content stays where it was posted', () => {
  it('a thread answered in one channel gives nothing away to the same thread ts in another channel', async () => {
    const { root } = await answeredThread('C0PRIVATE');
    await h.event(userMessage({ channel: 'C0ELSEWHERE', text: 'files for alpha?', thread_ts: root }));
    const probe = userMessage({ channel: 'C0ELSEWHERE', text: 'KB272274' });
    await sendAndWait(probe);
    const elsewhere = h.api.okCallsTo('chat.postMessage').filter((c) => c.params.channel === 'C0ELSEWHERE');
    expect(elsewhere.map((c) => c.params.thread_ts)).toEqual([probe.ts]);
  });

  it('never sends the bot token to a snippet URL outside Slack', async () => {
    const seen: (string | undefined)[] = [];
    const foreign = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end(TRACE);
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/files/evil.txt`;
      const msg = userMessage({ subtype: 'file_share', text: `<@UKBBOT> look`, files: [{ id: 'FEVIL', name: 'evil.txt', filetype: 'text', mimetype: 'text/plain', size: 100, url_private: url }] });
      await sendAndWait(msg);
      expect(seen.join()).not.toContain(BOT_TOKEN);
      expect(seen).toEqual([]);
    } finally {
      foreign.close();
    }
  });
});
