/**
 * Conversation helpers for the end-to-end tests: send an event and wait for the bot's call, paste a trace and
 * get the thread, run /kb, click a button. Bound to one running harness.
 */
import { expect } from 'vitest';
import { TRACE, nextTs, userMessage, type Harness } from './harness.js';

export const CHANNEL = 'C0PUBLIC';

export function conversation(h: Harness) {
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

  async function runCommandIn(channel: string, text: string): Promise<void> {
    const id = `cmd-${nextTs()}`;
    await h.command(slashCommand(text, id, channel));
    await expect.poll(() => h.api.callsTo('response_url').some((c) => c.params.response_url_id === id)).toBe(true);
  }

  async function clickAndWait(payload: Record<string, unknown>, method: string): Promise<Record<string, unknown>> {
    const before = h.api.okCallsTo(method).length;
    expect(await h.interactive(payload)).toMatchObject({ status: 200 });
    return (await h.api.waitForCalls(method, before + 1)).at(-1)!.params;
  }

  return { sendAndWait, answeredThread, waitForReplyTs, slashCommand, runCommand, runCommandIn, click, clickAndWait };
}
