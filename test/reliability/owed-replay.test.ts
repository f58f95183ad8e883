/**
 * Replaying owed replies (src/slack/owed-replay.ts) against the real app and the Web API stand-in: an entry
 * left in the state store is answered once, also when two replays race; a reply already in the thread is
 * not posted again; a message that keeps failing is given up with one dead-letter line; entries younger
 * than the grace period are left for the instance that may still own them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OwedWork } from '../../src/state/index.js';
import { BOT_ID, BOT_USER, nextTs, startHarness, TRACE, type Harness } from '../slack/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('http');
});
afterAll(() => h?.close());
afterEach(() => h.api.clearFaults());

const NOW = { graceMs: 0, maxAttempts: 3 };

/** Owed work for a message that is in Slack (seeded in the stand-in), as a dead process left it. */
function owedMessage(fields: Partial<OwedWork> = {}, seed = true): OwedWork {
  const ts = nextTs();
  const channel = fields.channel ?? 'C0REPLAY';
  if (seed) h.api.addMessage({ channel, ts, text: TRACE, user: 'U1' });
  return { id: `msg:${channel}:${ts}`, kind: 'message', eventId: `Ev${ts}`, channel, channelType: 'channel', ts, text: TRACE, fileIds: [], at: Date.now() - 60_000, attempts: 0, ...fields };
}

const postsIn = (work: OwedWork) => h.api.callsTo('chat.postMessage').filter((c) => c.params.channel === work.channel && c.params.thread_ts === work.ts);
const stillOwed = async (work: OwedWork) => (await h.state.listOwed()).some((w) => w.id === work.id);

describe('replaying owed replies', () => {
  it('posts an owed reply exactly once, even when two replays race for it', async () => {
    const work = owedMessage();
    await h.state.owe(work);
    const reports = await Promise.all([h.app.replayOwed(NOW), h.app.replayOwed(NOW)]);
    expect(reports.reduce((n, r) => n + r.replayed, 0)).toBe(1);
    expect(postsIn(work)).toHaveLength(1);
    expect(String(postsIn(work)[0]?.params.text)).toContain('Q272274');
    expect(await stillOwed(work)).toBe(false);
  });

  it('does not post again when its reply is already in the thread', async () => {
    const work = owedMessage();
    h.api.addMessage({ channel: work.channel, ts: `${work.ts.split('.')[0]}.999999`, thread_ts: work.ts, text: 'earlier answer', user: BOT_USER, bot_id: BOT_ID });
    await h.state.owe(work);
    expect(await h.app.replayOwed(NOW)).toMatchObject({ alreadyPosted: 1, replayed: 0 });
    expect(postsIn(work)).toEqual([]);
    expect(await stillOwed(work)).toBe(false);
  });

  it('gives up an entry replayed too often with one dead-letter line holding the work', async () => {
    const work = owedMessage({ attempts: 3 });
    await h.state.owe(work);
    expect(await h.app.replayOwed(NOW)).toMatchObject({ abandoned: 1, replayed: 0 });
    expect(postsIn(work)).toEqual([]);
    expect(h.logs.filter((l) => l.event === 'dead_letter' && (l.work as OwedWork | undefined)?.id === work.id)).toMatchObject([{ level: 'error', error: 'too_many_attempts', work: { channel: work.channel, ts: work.ts, text: TRACE } }]);
    expect(await stillOwed(work)).toBe(false);
  });

  it('counts the attempt before replaying, and tries again on the next start when it could not tell', async () => {
    const work = owedMessage();
    await h.state.owe(work);
    h.api.fail({ method: 'conversations.replies', kind: 'error', error: 'invalid_auth' });
    expect(await h.app.replayOwed(NOW)).toMatchObject({ skipped: 1, replayed: 0 });
    expect(postsIn(work)).toEqual([]);
    expect((await h.state.listOwed()).find((w) => w.id === work.id)).toMatchObject({ attempts: 1 });
    expect(await h.app.replayOwed(NOW)).toMatchObject({ replayed: 1 });
    expect(postsIn(work)).toHaveLength(1);
    expect(await stillOwed(work)).toBe(false);
  });

  it('leaves entries younger than the grace period to the instance that may own them', async () => {
    const work = owedMessage({ at: Date.now() });
    await h.state.owe(work);
    expect(await h.app.replayOwed({ ...NOW, graceMs: 60_000 })).toMatchObject({ deferred: 1, replayed: 0 });
    expect(postsIn(work)).toEqual([]);
    expect(await stillOwed(work)).toBe(true);
    await h.state.settle(work.id);
  });

  it('drops an entry whose message was deleted, with a log line', async () => {
    const work = owedMessage({}, false);
    await h.state.owe(work);
    expect(await h.app.replayOwed(NOW)).toMatchObject({ abandoned: 1 });
    expect(postsIn(work)).toEqual([]);
    expect(h.logs.some((l) => l.outcome === 'gone' && (l.work as OwedWork | undefined)?.id === work.id)).toBe(true);
  });
});
