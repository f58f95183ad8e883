/** Checks owed-work entries read back from the journal or Redis: a damaged entry is skipped, never replayed. */
import { z } from 'zod';
import type { OwedWork } from './types.js';

export const OwedWorkSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['message', 'mention']),
  eventId: z.string().optional(),
  channel: z.string().min(1),
  channelType: z.string().optional(),
  ts: z.string().min(1),
  threadTs: z.string().optional(),
  text: z.string(),
  fileIds: z.array(z.string()),
  at: z.number(),
  attempts: z.number().int().min(0),
  retryAt: z.number().optional(),
  deferrals: z.number().int().min(0).optional(),
  notPosted: z.boolean().optional(),
}) satisfies z.ZodType<OwedWork>;

/** The owed-work id of a message: the same channel+ts its dedupe claim uses. */
export function owedId(channel: string, ts: string): string {
  return `msg:${channel}:${ts}`;
}

/** First wait after Slack did not answer; doubled per deferral up to `MAX_DEFER_MS`. */
export const FIRST_DEFER_MS = 15_000;
export const MAX_DEFER_MS = 5 * 60_000;

/**
 * The entry rewritten after Slack did not answer (down past the retry budget): tried again after a backoff.
 * `countedAttempt`: the try was a replay whose attempt was counted beforehand (a guard against replays that
 * crash the bot); a try that ended because Slack did not answer is no crash, so it is given back.
 */
export function deferOwed(work: OwedWork, options: { countedAttempt: boolean; notPosted: boolean; now: number; firstDeferMs?: number }): OwedWork {
  const deferrals = (work.deferrals ?? 0) + 1;
  const first = options.firstDeferMs ?? FIRST_DEFER_MS;
  return {
    ...work,
    attempts: Math.max(0, work.attempts - (options.countedAttempt ? 1 : 0)),
    deferrals,
    retryAt: options.now + Math.min(Math.max(first, MAX_DEFER_MS), first * 2 ** (deferrals - 1)),
    notPosted: options.notPosted,
  };
}
