/**
 * Conversations in threads, end to end over HTTP: follow-ups answered from the thread's match, silence where
 * the bot has nothing to say, edits updating the reply in place, a restart recovering a thread from the bot's
 * own reply metadata, and private content staying in its conversation.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, conversation } from './e2e-helpers.js';
import { BOT_TOKEN, TRACE, nextTs, startHarness, userMessage, type Harness } from './harness.js';

let h: Harness;
let c: ReturnType<typeof conversation>;

beforeAll(async () => {
  h = await startHarness('http');
  c = conversation(h);
});
afterAll(() => h?.close());

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
    const { root } = await c.answeredThread();
    const repliesBefore = h.api.callsTo('conversations.replies').length;
    const reply = await c.sendAndWait(userMessage({ text: question, thread_ts: root }));
    expect(reply.thread_ts).toBe(root);
    expect(String(reply.text)).toContain(expected);
    // The normal path reads the bot's own memory, never Slack's rate-limited thread history.
    expect(h.api.callsTo('conversations.replies').length).toBe(repliesBefore);
  });

  it('does not announce the same article twice in one thread', async () => {
    const { root } = await c.answeredThread();
    await h.event(userMessage({ text: TRACE, thread_ts: root }));
    await c.sendAndWait(userMessage({ text: 'alpha?', thread_ts: root }));
    const inThread = h.api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === root);
    expect(inThread.map((c) => String(c.params.text).slice(0, 11))).toEqual(['Known issue', 'Files for Q']);
  });

  it('stays out of threads it never answered', async () => {
    const root = nextTs();
    await h.event(userMessage({ text: 'files for alpha?', thread_ts: root }));
    const probe = userMessage({ text: 'KB272274' });
    await c.sendAndWait(probe);
    expect(h.api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === root)).toHaveLength(0);
  });

  it('does not read back threads started after it came up (it would remember answering them)', async () => {
    const root = `${Math.floor(Date.now() / 1000) + 60}.000100`;
    const reads = h.api.callsTo('conversations.replies').length;
    await h.event(userMessage({ text: 'files for alpha?', thread_ts: root }));
    await c.sendAndWait(userMessage({ text: 'KB272274' }));
    expect(h.api.callsTo('conversations.replies').length).toBe(reads);
  });

  it('after a restart with empty state, recovers the match from its reply metadata (once) and answers', async () => {
    const { root } = await c.answeredThread();
    await h.restart();
    const reply = await c.sendAndWait(userMessage({ text: 'files for alpha?', thread_ts: root }));
    expect(String(reply.text)).toContain('Store.exe');
    expect(h.api.callsTo('conversations.replies').filter((c) => c.params.ts === root)).toHaveLength(1);
    await c.sendAndWait(userMessage({ text: 'can I roll back?', thread_ts: root }));
    expect(h.api.callsTo('conversations.replies').filter((c) => c.params.ts === root)).toHaveLength(1);
  });
});

describe('when nothing is known', () => {
  const unknownTrace = '```\nFOO!Bar+0x1\nFOO!Baz+0x2\nFOO!Qux+0x3\n```';

  it('stays silent in a channel but answers in a DM', async () => {
    const inChannel = userMessage({ text: unknownTrace });
    await h.event(inChannel);
    const dm = userMessage({ channel: 'D0DIRECT', channel_type: 'im', text: unknownTrace });
    const reply = await c.sendAndWait(dm);
    expect(reply).toMatchObject({ channel: 'D0DIRECT', thread_ts: dm.ts });
    expect(String(reply.text)).toContain('No known KB article');
    expect(h.api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === inChannel.ts)).toHaveLength(0);
  });
});

describe('edits', () => {
  it('updates its earlier reply in place when the source message is edited, without posting again', async () => {
    const original = userMessage({ text: 'KB272274 looks relevant' });
    await c.sendAndWait(original);
    const reply = h.api.messages.find((m) => m.thread_ts === original.ts)!;
    await c.waitForReplyTs(CHANNEL, String(original.ts));
    const posts = h.api.okCallsTo('chat.postMessage').length;
    const update = await c.sendAndWait(
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

describe('private content stays where it was posted', () => {
  it('a thread answered in one channel gives nothing away to the same thread ts in another channel', async () => {
    const { root } = await c.answeredThread('C0PRIVATE');
    await h.event(userMessage({ channel: 'C0ELSEWHERE', text: 'files for alpha?', thread_ts: root }));
    const probe = userMessage({ channel: 'C0ELSEWHERE', text: 'KB272274' });
    await c.sendAndWait(probe);
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
      await c.sendAndWait(msg);
      expect(seen.join()).not.toContain(BOT_TOKEN);
      expect(seen).toEqual([]);
    } finally {
      foreign.close();
    }
  });
});

