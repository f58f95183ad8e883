/**
 * The local Slack stand-ins answer like Slack: other tests trust them to catch what Slack would refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSlackWebApi, type SlackWebApi } from '../support/slack-web-api.js';
import { startSocketModeServer } from '../support/socket-mode-server.js';

const TOKEN = 'xoxb-stand-in';

async function call(api: SlackWebApi, method: string, params: Record<string, unknown>, token = TOKEN): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const res = await fetch(`${api.url}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('Slack Web API stand-in', () => {
  let api: SlackWebApi;
  beforeAll(async () => {
    api = await startSlackWebApi({ botToken: TOKEN });
  });
  afterAll(() => api.close());

  it.each([
    ['51 blocks', Array.from({ length: 51 }, () => ({ type: 'divider' })), 'invalid_blocks'],
    ['a 3,001-character section', [section('x'.repeat(3001))], 'invalid_blocks'],
    ['11 fields', [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }], 'invalid_blocks'],
    ['a 151-character header', [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }], 'invalid_blocks'],
    ['5 full sections (15,000 characters)', Array.from({ length: 5 }, () => section('y'.repeat(3000))), 'msg_blocks_too_long'],
  ])('refuses %s as Slack would', async (_name, blocks, error) => {
    const { body } = await call(api, 'chat.postMessage', { channel: 'C1', text: 'fallback', blocks });
    expect(body).toMatchObject({ ok: false, error });
  });

  it('stores a threaded post with metadata and returns it from conversations.replies only when asked', async () => {
    const metadata = { event_type: 'kbbot_match', event_payload: { kb: 'Q272274' } };
    const posted = await call(api, 'chat.postMessage', { channel: 'C2', thread_ts: '1.000001', text: 'hi', metadata });
    expect(posted.body.ok).toBe(true);
    api.addMessage({ channel: 'C2', ts: '1.000001', text: 'parent', user: 'U1' });
    const plain = await call(api, 'conversations.replies', { channel: 'C2', ts: '1.000001' });
    expect((plain.body.messages as { metadata?: unknown }[]).some((m) => m.metadata)).toBe(false);
    const withMeta = await call(api, 'conversations.replies', { channel: 'C2', ts: '1.000001', include_all_metadata: 'true' });
    expect(withMeta.body.messages).toContainEqual(expect.objectContaining({ metadata }));
  });

  it('fails as told: 429 with Retry-After, then 500, then an ok:false error, then recovers', async () => {
    api.fail({ method: 'chat.update', kind: 'rate_limited', retryAfterSec: 2 });
    api.fail({ method: 'chat.update', kind: 'server_error' });
    api.fail({ method: 'chat.update', kind: 'error', error: 'not_in_channel' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await call(api, 'chat.update', { channel: 'C2', ts: 'nope', text: 't' }));
    expect(statuses.map((s) => [s.status, s.body.error])).toEqual([
      [429, 'ratelimited'],
      [500, 'internal_error'],
      [200, 'not_in_channel'],
      [200, 'message_not_found'],
    ]);
  });

  it('fails response_url posts only when a fault names response_url, not for a catch-all fault', async () => {
    const post = async () => {
      const res = await fetch(api.responseUrl('r-1'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi' }) });
      return [res.status, res.headers.get('retry-after')];
    };
    api.fail({ kind: 'server_error' });
    expect(await post()).toEqual([200, null]);
    api.clearFaults();
    api.fail({ method: 'response_url', kind: 'rate_limited', retryAfterSec: 3 });
    api.fail({ method: 'response_url', kind: 'server_error' });
    api.fail({ method: 'response_url', kind: 'error', error: 'expired_url' });
    const statuses = [await post(), await post(), await post(), await post()];
    expect(statuses).toEqual([[429, '3'], [500, null], [404, null], [200, null]]);
  });

  it('serves a snippet only with the bot token', async () => {
    const file = api.addFile({ name: 'trace.txt', content: 'STORE!PUSH_NOTIFY::PushToClient+0xb0' });
    const anonymous = await fetch(file.url_private);
    const authed = await fetch(file.url_private, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(anonymous.status).toBe(403);
    expect(await authed.text()).toContain('PushToClient');
  });

  it('rejects a bad token like Slack', async () => {
    const { body } = await call(api, 'auth.test', {}, 'xoxb-wrong');
    expect(body).toEqual({ ok: false, error: 'invalid_auth' });
  });
});

describe('Socket Mode stand-in', () => {
  it('says hello, pushes an envelope, records the ack and asks for a reconnect', async () => {
    const sm = await startSocketModeServer();
    const socket = new WebSocket(sm.url);
    const frames: Record<string, unknown>[] = [];
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      frames.push(frame);
      if (typeof frame.envelope_id === 'string') socket.send(JSON.stringify({ envelope_id: frame.envelope_id, payload: {} }));
    });
    await sm.waitForConnections(1);
    const ack = await sm.sendEvent({ type: 'event_callback', event_id: 'Ev1' }, { envelopeId: 'env-1' });
    expect(ack).toMatchObject({ envelope_id: 'env-1', payload: {} });
    sm.disconnect('refresh_requested');
    await expect.poll(() => frames.map((f) => f.type)).toEqual(['hello', 'events_api', 'disconnect']);
    socket.close();
    await sm.close();
  });
});
