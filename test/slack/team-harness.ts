/**
 * kbbot as `kbbot start` assembles it (runSlackBot: state store, signature store, team store and its poller,
 * the Bolt app) against the Slack stand-ins, for the recording and feedback tests; plus the few Slack
 * payloads those need: a click on a reply's button, a modal's submission filled in like a person would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { runSlackBot, type RunningBot } from '../../src/slack/run.js';
import { formBody, interactiveBody, postSigned, type PostResult } from '../support/sign.js';
import type { SlackWebApi } from '../support/slack-web-api.js';
import type { AckFrame, SocketModeServer } from '../support/socket-mode-server.js';
import { APP_TOKEN, BOT_TOKEN, eventCallback, nextTs, SIGNING_SECRET } from './harness.js';

export interface TeamBot {
  bot: RunningBot;
  dataDir: string;
  logs: Record<string, unknown>[];
  event(event: Record<string, unknown>): Promise<PostResult | AckFrame>;
  command(fields: Record<string, string>): Promise<PostResult | AckFrame>;
  interactive(payload: Record<string, unknown>): Promise<PostResult | AckFrame>;
  stop(): Promise<void>;
}

export interface TeamBotOptions {
  api: SlackWebApi;
  /** Socket Mode through this stand-in; HTTP mode without it. */
  sm?: SocketModeServer;
  /** Reuse a data directory (a restart). */
  dataDir?: string;
  redisUrl?: string;
  redisPrefix?: string;
  editors?: string;
  teamPollMs?: number;
}

/** A crash none of the bundled signatures knows. */
export const UNKNOWN_TRACE = [
  'Our billing service fell over again:',
  '```',
  'BILLSVC!LedgerCache::Evict+0x3c',
  'BILLSVC!LedgerCache::Insert+0x112',
  'BILLSVC!PostingWorker::Run+0x8e',
  'NTDLL!RtlpWorkerThread+0x5a',
  'KERNEL32!BaseThreadStart+0x37',
  '```',
].join('\n');

let events = 0;
const tempDirs: string[] = [];

export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

export async function startTeamBot(options: TeamBotOptions): Promise<TeamBot> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kbbot-team-e2e-')));
  if (!options.dataDir) tempDirs.push(dataDir);
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    ...(options.sm ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    SLACK_API_URL: options.api.url,
    PORT: '0',
    KBBOT_DATA_DIR: dataDir,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...(options.editors ? { KBBOT_EDITORS: options.editors } : {}),
  });
  if (config.slack.kind === 'offline') throw new Error('unreachable: credentials are set');
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'info', secrets: [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET], sink: (line) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const connectionsBefore = options.sm?.connectionCount ?? 0;
  const bot = await runSlackBot(config, config.slack, logger, {
    app: { socket: { clientPingTimeout: 400 } },
    ...(options.redisPrefix ? { redisPrefix: options.redisPrefix } : {}),
    ...(options.teamPollMs ? { teamPollMs: options.teamPollMs } : {}),
  });
  if (options.sm) await options.sm.waitForConnections(connectionsBefore + 1);
  const url = `http://127.0.0.1:${bot.port}/slack/events`;
  return {
    bot,
    dataDir,
    logs,
    event(event) {
      events += 1;
      const body = eventCallback(event, `EvTeam${String(events).padStart(6, '0')}`);
      return options.sm ? options.sm.sendEvent(body) : postSigned(url, body, { secret: SIGNING_SECRET });
    },
    command(fields) {
      return options.sm ? options.sm.sendCommand(fields) : postSigned(url, formBody(fields), { secret: SIGNING_SECRET });
    },
    interactive(payload) {
      return options.sm ? options.sm.sendInteractive(payload) : postSigned(url, interactiveBody(payload), { secret: SIGNING_SECRET });
    },
    async stop() {
      await bot.shutdown('test');
    },
  };
}

/** What the app answered in the acknowledgement (HTTP body, or the Socket Mode ack's payload). */
export function ackPayload(result: PostResult | AckFrame): Record<string, unknown> {
  if ('envelope_id' in result) return result.payload ?? {};
  return result.body === '' ? {} : (JSON.parse(result.body) as Record<string, unknown>);
}

interface Element {
  type: string;
  action_id: string;
  value?: string;
  options?: { value: string; text: { text: string } }[];
  initial_value?: string;
  initial_option?: { value: string };
  initial_options?: { value: string }[];
}
interface Block {
  type: string;
  block_id?: string;
  elements?: Element[];
  element?: Element;
  label?: { text: string };
}
export interface View {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: Block[];
}

/** The button with this action id in a message's blocks. */
export function findButton(blocks: unknown, actionId: string): Element | undefined {
  for (const block of (blocks ?? []) as Block[]) {
    const found = block.elements?.find((e) => e.type === 'button' && e.action_id.split(':')[0] === actionId);
    if (found) return found;
  }
  return undefined;
}

export function click(user: string, channel: string, message: { ts: string; thread_ts?: string }, button: Element, trigger = `trig-${nextTs()}`): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'kbbot' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'AKBBOT',
    container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false },
    trigger_id: trigger,
    channel: { id: channel, name: 'support' },
    message: { type: 'message', ts: message.ts, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}), text: 'reply', user: 'UKBBOT', bot_id: 'BKBBOT' },
    response_url: `http://127.0.0.1:1/unused-${nextTs()}`,
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value ?? '', action_ts: nextTs(), text: { type: 'plain_text', text: 'x' } }],
  };
}

/** What a person types into the record modal; `drop` unticks signature parts by their text. */
export interface Filled {
  [blockId: string]: string | string[] | undefined;
  drop?: string[];
}

/** The view_submission of `view` with each input as it opened, changed by `filled` (block id → text or option value). */
export function submission(user: string, view: View, filled: Filled): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const el = block.element;
    const given = filled[block.block_id];
    if (el.type === 'plain_text_input') values[block.block_id] = { [el.action_id]: { type: el.type, value: typeof given === 'string' ? given : (el.initial_value ?? null) } };
    if (el.type === 'static_select') {
      const value = typeof given === 'string' ? given : el.initial_option?.value;
      values[block.block_id] = { [el.action_id]: { type: el.type, selected_option: value ? { value, text: { type: 'plain_text', text: value } } : null } };
    }
    if (el.type === 'checkboxes') {
      const drop = new Set(filled.drop ?? []);
      const kept = (el.initial_options ?? []).filter((o) => !drop.has(el.options?.find((x) => x.value === o.value)?.text.text ?? ''));
      values[block.block_id] = { [el.action_id]: { type: el.type, selected_options: kept } };
    }
  }
  return {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'kbbot' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'AKBBOT',
    trigger_id: `trig-${nextTs()}`,
    view: { id: 'V0001', type: 'modal', team_id: 'T0001', callback_id: view.callback_id, private_metadata: view.private_metadata, hash: 'h1', state: { values }, blocks: view.blocks, title: view.title },
  };
}

export function slashCommand(api: SlackWebApi, user: string, channel: string, text: string): { fields: Record<string, string>; id: string } {
  const id = `cmd-${nextTs()}`;
  return {
    id,
    fields: {
      token: 'legacy',
      team_id: 'T0001',
      channel_id: channel,
      channel_name: 'support',
      user_id: user,
      user_name: user.toLowerCase(),
      command: '/kb',
      text,
      response_url: api.responseUrl(id),
      trigger_id: `trig-${id}`,
      api_app_id: 'AKBBOT',
    },
  };
}
