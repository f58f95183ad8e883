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
