/**
 * The Slack workspace behind the Web API stand-in (slack-web-api.ts): the messages the bot posted or a test
 * seeded, snippet files, and the answer to each Web API method as Slack gives it (errors included).
 */
import { findBlockKitViolation } from './block-kit-limits.js';

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown;
  metadata?: unknown;
  user?: string;
  bot_id?: string;
}

export interface StandInFile {
  id: string;
  name: string;
  title: string;
  filetype: string;
  mimetype: string;
  pretty_type: string;
  size: number;
  preview: string;
  url_private: string;
  url_private_download: string;
}

export interface WorkspaceIdentity {
  botToken: string;
  appToken: string;
  botUserId: string;
  botId: string;
  teamId: string;
  enforceBlockKit: boolean;
  socketModeUrl: () => string | undefined;
}

const MAX_TEXT = 40_000;

export class StandInWorkspace {
  readonly messages: StoredMessage[] = [];
  readonly files = new Map<string, { meta: StandInFile; content: string }>();
  private tsCounter = 0;
  private readonly usedTriggers = new Set<string>();
  /** User groups for usergroups.users.list (KBBOT_EDITORS naming a group). */
  readonly userGroups = new Map<string, string[]>();

  constructor(private readonly identity: WorkspaceIdentity) {}

  private nextTs(): string {
    this.tsCounter += 1;
    return `${1_700_000_000 + this.tsCounter}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  addFile({ name, content, filetype = 'text' }: { name: string; content: string; filetype?: string }, origin: string): StandInFile {
    const id = `F${String(this.files.size + 1).padStart(6, '0')}`;
    const meta: StandInFile = {
      id,
      name,
      title: name,
      filetype,
      mimetype: 'text/plain',
      pretty_type: 'Plain Text',
      size: Buffer.byteLength(content),
      preview: content.slice(0, 200),
      url_private: `${origin}/files/${id}/${encodeURIComponent(name)}`,
      url_private_download: `${origin}/files/${id}/download/${encodeURIComponent(name)}`,
    };
    this.files.set(id, { meta, content });
    return meta;
  }

  private findMessage(channel: unknown, ts: unknown): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  private blockError(params: Record<string, unknown>, surface: 'message' | 'view'): Record<string, unknown> | undefined {
    if (!this.identity.enforceBlockKit) return undefined;
    const blocks = surface === 'view' ? (params.view as { blocks?: unknown } | undefined)?.blocks : params.blocks;
    const violation = findBlockKitViolation(blocks, surface);
    return violation ? { ok: false, error: violation.error, errors: violation.details } : undefined;
  }

  private postCheck(params: Record<string, unknown>): Record<string, unknown> | undefined {
    if (typeof params.channel !== 'string' || params.channel === '') return { ok: false, error: 'channel_not_found' };
    if (params.text === undefined && params.blocks === undefined && params.attachments === undefined) return { ok: false, error: 'no_text' };
    if (typeof params.text === 'string' && params.text.length > MAX_TEXT) return { ok: false, error: 'msg_too_long' };
    return this.blockError(params, 'message');
  }

  /** Answers one Web API method as Slack would. */
  answer(method: string, params: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    const { appToken, botToken, botUserId, botId, teamId } = this.identity;
    if (method === 'apps.connections.open') {
      if (token !== appToken) return { ok: false, error: token?.startsWith('xoxb-') ? 'not_allowed_token_type' : 'invalid_auth' };
      const url = this.identity.socketModeUrl();
      return url ? { ok: true, url } : { ok: false, error: 'internal_error' };
    }
    if (token !== botToken) return { ok: false, error: token ? 'invalid_auth' : 'not_authed' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://kbbot-test.slack.com/', team: 'kbbot test', user: 'kb-bot', team_id: teamId, user_id: botUserId, bot_id: botId, is_enterprise_install: false };
      case 'chat.postMessage': {
        const bad = this.postCheck(params);
        if (bad) return bad;
        const message: StoredMessage = { channel: String(params.channel), ts: this.nextTs(), text: params.text as string | undefined, blocks: params.blocks, user: botUserId, bot_id: botId };
        if (typeof params.thread_ts === 'string') message.thread_ts = params.thread_ts;
        if (params.metadata !== undefined) message.metadata = params.metadata;
        this.messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message: { ...message, type: 'message' } };
      }
      case 'chat.postEphemeral': {
        const bad = this.postCheck(params);
        if (bad) return bad;
        if (typeof params.user !== 'string') return { ok: false, error: 'user_not_in_channel' };
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'chat.update': {
        const bad = this.postCheck(params);
        if (bad) return bad;
        const message = this.findMessage(params.channel, params.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        if (message.user !== botUserId) return { ok: false, error: 'cant_update_message' };
        if (params.text !== undefined) message.text = params.text as string;
        if (params.blocks !== undefined) message.blocks = params.blocks;
        if (params.metadata !== undefined) message.metadata = params.metadata;
        return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
      }
      case 'chat.unfurl': {
        const byMessage = typeof params.channel === 'string' && typeof params.ts === 'string';
        const byId = typeof params.unfurl_id === 'string' && typeof params.source === 'string';
        if (!byMessage && !byId) return { ok: false, error: 'missing_unfurl_id' };
        if (typeof params.unfurls !== 'object' || params.unfurls === null) return { ok: false, error: 'invalid_unfurls_format' };
        for (const unfurl of Object.values(params.unfurls as Record<string, { blocks?: unknown }>)) {
          const violation = this.identity.enforceBlockKit ? findBlockKitViolation(unfurl?.blocks) : undefined;
          if (violation) return { ok: false, error: violation.error, errors: violation.details };
        }
        return { ok: true };
      }
      case 'conversations.replies': {
        const parent = this.findMessage(params.channel, params.ts);
        const thread = this.messages.filter((m) => m.channel === params.channel && (m.ts === params.ts || m.thread_ts === params.ts));
        if (!parent && thread.length === 0) return { ok: false, error: 'thread_not_found' };
        const withMetadata = params.include_all_metadata === true || params.include_all_metadata === 'true';
        const shown = thread.map(({ metadata, ...rest }) => ({ type: 'message', ...rest, ...(withMetadata && metadata ? { metadata } : {}) }));
        return { ok: true, messages: shown, has_more: false };
      }
      case 'views.publish':
        if (typeof params.user_id !== 'string') return { ok: false, error: 'invalid_arguments' };
        return this.blockError(params, 'view') ?? { ok: true, view: { id: 'V0001', ...(params.view as object) } };
      case 'files.info': {
        const file = this.files.get(String(params.file));
        return file ? { ok: true, file: file.meta, content: file.content } : { ok: false, error: 'file_not_found' };
      }
      case 'reactions.add':
        return { ok: true };
      case 'views.open': {
        // A trigger is good once (Slack also expires it after 3 s, not modelled).
        const trigger = params.trigger_id;
        if (typeof trigger !== 'string' || trigger === '') return { ok: false, error: 'invalid_trigger_id' };
        if (this.usedTriggers.has(trigger)) return { ok: false, error: 'exchanged_trigger_id' };
        this.usedTriggers.add(trigger);
        const view = params.view as { blocks?: unknown[]; private_metadata?: string } | undefined;
        if (!view || typeof view !== 'object') return { ok: false, error: 'invalid_arguments' };
        if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) return { ok: false, error: 'invalid_arguments', detail: 'private_metadata over 3000' };
        return this.blockError(params, 'view') ?? { ok: true, view: { id: `V${String(this.usedTriggers.size).padStart(4, '0')}`, ...(view as object) } };
      }
      case 'chat.getPermalink': {
        // Users' messages reach the stand-in only as events, so any channel + ts is taken to exist.
        if (typeof params.channel !== 'string' || typeof params.message_ts !== 'string') return { ok: false, error: 'invalid_arguments' };
        return { ok: true, channel: params.channel, permalink: `https://kbbot-test.slack.com/archives/${params.channel}/p${params.message_ts.replace('.', '')}` };
      }
      case 'usergroups.users.list': {
        const users = this.userGroups.get(String(params.usergroup));
        return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
