/**
 * What the bot remembers about each thread it answered. The StateStore is the normal path; the bot also
 * writes the match into its reply's message metadata so that, after a restart with empty state, it can read
 * its own reply back with `conversations.replies` (rate-limited for most apps: a fallback, tried at most once
 * per thread per process).
 */
import type { types, webApi } from '@slack/bolt';
import { ThreadMatchSchema, type ThreadMatch } from '../model.js';
import type { Logger } from '../log.js';
import type { StateStore } from '../state/types.js';

export const METADATA_EVENT_TYPE = 'kbbot_match';
const MAX_RECOVERY_ATTEMPTS_REMEMBERED = 10_000;
const METADATA_TRACE_FRAMES = 12;


/** The metadata written on the bot's reply: the thread's match, small enough for Slack's metadata limits. */
export function matchMetadata(thread: ThreadMatch): types.MessageMetadata {
  return {
    event_type: METADATA_EVENT_TYPE,
    event_payload: {
      verdict: thread.verdict,
      ...(thread.kb ? { kb: thread.kb } : {}),
      candidates: thread.candidates.slice(0, 10).map((c) => ({ kb: c.kb, score: Number(c.score.toFixed(3)) })),
      announced: thread.announced.join(','),
      ...(thread.trace ? { trace: thread.trace.slice(0, METADATA_TRACE_FRAMES).map((f) => ({ module: f.module, symbol: f.symbol })) } : {}),
      ...(thread.fingerprint ? { fingerprint: thread.fingerprint } : {}),
    },
  };
}

interface RepliedMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** Rebuilds a thread's match from the bot's own reply (the last one carrying kbbot metadata). */
export function threadFromReplies(channel: string, threadTs: string, messages: RepliedMessage[], botUserId: string | undefined, botId: string | undefined): ThreadMatch | undefined {
  const ours = messages.filter(
    (m) => m.metadata?.event_type === METADATA_EVENT_TYPE && ((botId !== undefined && m.bot_id === botId) || (botUserId !== undefined && m.user === botUserId)),
  );
  const last = ours.at(-1);
  if (!last?.metadata?.event_payload) return undefined;
  const parsed = ThreadMatchSchema.safeParse({
    ...last.metadata.event_payload,
    channel,
    threadTs,
    replyTs: ours[0]?.ts,
    announced: String(last.metadata.event_payload.announced ?? '').split(',').filter((kb) => kb !== ''),
    updatedAt: Date.now(),
  });
  return parsed.success ? parsed.data : undefined;
}

export const DEFAULT_RECOVERIES_PER_MINUTE = 10;

export interface RecoveryOptions {
  /** Threads started before this (epoch seconds) may be read back; default: when the memory was created. */
  startedAtSec?: number;
  /** conversations.replies calls allowed per minute (default 10). */
  perMinute?: number;
}

export class ThreadMemory {
  private readonly triedRecovery = new Set<string>();
  private readonly startedAtSec: number;
  private budget = { windowStart: 0, used: 0 };

  constructor(
    private readonly state: StateStore,
    private readonly logger: Logger,
    private readonly options: RecoveryOptions = {},
  ) {
    this.startedAtSec = options.startedAtSec ?? Date.now() / 1000;
  }

  /**
   * Worth asking Slack? Only for threads started before this process (a newer thread the bot answered is
   * in state already), and within a per-minute budget: conversations.replies is Tier 1 for most apps.
   */
  private mayRecover(threadTs: string): boolean {
    if (!(Number(threadTs) < this.startedAtSec)) return false;
    const now = Date.now();
    if (now - this.budget.windowStart >= 60_000) this.budget = { windowStart: now, used: 0 };
    if (this.budget.used >= (this.options.perMinute ?? DEFAULT_RECOVERIES_PER_MINUTE)) return false;
    this.budget.used += 1;
    return true;
  }

  async get(channel: string, threadTs: string): Promise<ThreadMatch | undefined> {
    return this.state.getThread(channel, threadTs);
  }

  /** State first; when empty (after a restart), read the bot's reply back: once per thread, within budget. */
  async recover(client: webApi.WebClient, channel: string, threadTs: string, botUserId: string | undefined, botId: string | undefined): Promise<ThreadMatch | undefined> {
    const known = await this.state.getThread(channel, threadTs);
    if (known) return known;
    const key = `${channel}:${threadTs}`;
    if (this.triedRecovery.has(key) || !this.mayRecover(threadTs)) return undefined;
    if (this.triedRecovery.size >= MAX_RECOVERY_ATTEMPTS_REMEMBERED) this.triedRecovery.clear();
    this.triedRecovery.add(key);
    try {
      const result = await client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: 15 });
      const thread = threadFromReplies(channel, threadTs, (result.messages ?? []) as RepliedMessage[], botUserId, botId);
      if (thread) {
        await this.state.putThread(thread);
        this.logger.info('thread recovered from reply metadata', { channel, threadTs, kb: thread.kb });
      }
      return thread;
    } catch (error) {
      this.logger.warn('thread recovery failed', { channel, threadTs, err: error });
      return undefined;
    }
  }

  async remember(thread: ThreadMatch): Promise<void> {
    await this.state.putThread(thread);
  }
}
