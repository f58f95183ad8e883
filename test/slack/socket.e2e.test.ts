/**
 * The real Bolt app in Socket Mode: apps.connections.open on the Web API stand-in hands out the local
 * WebSocket server, which says hello, pushes envelopes, records acks and asks for reconnects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_TOKEN, TRACE, eventCallback, nextTs, startHarness, userMessage, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('socket');
});
afterAll(() => h?.close());

function postsIn(threadTs: unknown) {
  return h.api.okCallsTo('chat.postMessage').filter((c) => c.params.thread_ts === threadTs);
}

describe('Socket Mode', () => {
  it('connected with the app token through apps.connections.open', () => {
    expect(h.api.callsTo('apps.connections.open')[0]).toMatchObject({ token: APP_TOKEN, response: { ok: true } });
  });

  it('acknowledges an event envelope at once and answers the trace in its thread, once', async () => {
    const msg = userMessage({ text: TRACE });
    const ack = await h.sm!.sendEvent(eventCallback(msg, 'EvSOCK1'), { envelopeId: 'env-sock-1' });
    expect(ack.envelope_id).toBe('env-sock-1');
    // Loose sanity bound: the ack never waits for matching or the Web API (Slack's limit is 3 s).
    expect(ack.latencyMs).toBeLessThan(2_000);
    await expect.poll(() => postsIn(msg.ts).length).toBe(1);
    expect(String(postsIn(msg.ts)[0]!.params.text)).toContain('Q272274');
  });

  it('does not answer the same envelope redelivered (retry_attempt 1)', async () => {
    const msg = userMessage({ text: TRACE });
    const body = eventCallback(msg, 'EvSOCK2');
    await h.sm!.sendEvent(body, { envelopeId: 'env-sock-2' });
    await expect.poll(() => postsIn(msg.ts).length).toBe(1);
    const dupes = h.logs.filter((l) => l.msg === 'duplicate delivery ignored').length;
    const again = await h.sm!.sendEvent(body, { envelopeId: 'env-sock-2', retryAttempt: 1, retryReason: 'timeout' });
    expect(again.envelope_id).toBe('env-sock-2');
    await h.waitForLog('duplicate delivery ignored', dupes + 1);
    expect(postsIn(msg.ts)).toHaveLength(1);
  });

  it('acks a slash command envelope and answers through response_url', async () => {
    const id = `sock-cmd-${nextTs()}`;
    const ack = await h.sm!.sendCommand({
      command: '/kb',
      text: 'Q272274',
      channel_id: 'C0PUBLIC',
      user_id: 'UHUMAN',
      team_id: 'T0001',
      response_url: h.api.responseUrl(id),
      trigger_id: 't-1',
    });
    expect(ack.payload).toEqual({});
    await expect.poll(() => h.api.callsTo('response_url').find((c) => c.params.response_url_id === id)?.params.response_type).toBe('ephemeral');
  });

  it('acks a button click envelope and records the feedback', async () => {
    const msg = userMessage({ text: TRACE });
    await h.sm!.sendEvent(eventCallback(msg, 'EvSOCK5'));
    await expect.poll(() => postsIn(msg.ts).length).toBe(1);
    const replyTs = h.api.messages.find((m) => m.thread_ts === msg.ts)!.ts;
    const ack = await h.sm!.sendInteractive({
      type: 'block_actions',
      user: { id: 'UHUMAN' },
      team: { id: 'T0001' },
      channel: { id: 'C0PUBLIC' },
      container: { type: 'message', message_ts: replyTs, channel_id: 'C0PUBLIC', is_ephemeral: false },
      message: { type: 'message', ts: replyTs, thread_ts: msg.ts, user: 'UKBBOT', bot_id: 'BKBBOT', text: 'reply' },
      response_url: h.api.responseUrl('sock-click'),
      trigger_id: 't-2',
      actions: [{ type: 'button', action_id: 'kb_feedback_right', block_id: 'b', value: 'Q272274', action_ts: nextTs() }],
    });
    expect(ack.payload).toEqual({});
    await expect.poll(async () => (await h.state.listFeedback()).some((f) => f.threadTs === msg.ts && f.verdict === 'right')).toBe(true);
  });

  it('reconnects when Slack asks (disconnect: refresh_requested) and keeps answering', async () => {
    const opens = h.api.callsTo('apps.connections.open').length;
    const connections = h.sm!.connectionCount;
    h.sm!.disconnect('refresh_requested');
    await h.sm!.waitForConnections(connections + 1);
    expect(h.api.callsTo('apps.connections.open').length).toBe(opens + 1);
    const msg = userMessage({ text: TRACE });
    await h.sm!.sendEvent(eventCallback(msg, 'EvSOCK3'));
    await expect.poll(() => postsIn(msg.ts).length).toBe(1);
  });

  it('reconnects after the connection drops, and a redelivery of an event answered before the drop is not answered again', async () => {
    const msg = userMessage({ text: TRACE });
    const body = eventCallback(msg, 'EvSOCK4');
    await h.sm!.sendEvent(body);
    await expect.poll(() => postsIn(msg.ts).length).toBe(1);
    const connections = h.sm!.connectionCount;
    h.sm!.dropConnection();
    await h.sm!.waitForConnections(connections + 1);
    const dupes = h.logs.filter((l) => l.msg === 'duplicate delivery ignored').length;
    await h.sm!.sendEvent(body, { retryAttempt: 1, retryReason: 'timeout' });
    await h.waitForLog('duplicate delivery ignored', dupes + 1);
    expect(postsIn(msg.ts)).toHaveLength(1);
  });
});
