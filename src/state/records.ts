/**
 * One write to the bot's state, as the file journal keeps it and as the Redis store's local outbox keeps it
 * while Redis is away: the same records, so both replay them the same way.
 */
import { z } from 'zod';
import { FeedbackSchema, ThreadMatchSchema } from '../model.js';
import { OwedWorkSchema } from './owed.js';

export const StateRecordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('mute'), channel: z.string().min(1), muted: z.boolean() }),
  z.object({ op: z.literal('feedback'), feedback: FeedbackSchema }),
  z.object({ op: z.literal('thread'), thread: ThreadMatchSchema }),
  z.object({ op: z.literal('claim'), key: z.string().min(1), until: z.number() }),
  z.object({ op: z.literal('owe'), work: OwedWorkSchema }),
  z.object({ op: z.literal('settle'), id: z.string().min(1) }),
]);
export type StateRecord = z.infer<typeof StateRecordSchema>;
