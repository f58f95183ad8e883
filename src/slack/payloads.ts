/**
 * The fields kbbot reads from Slack's payloads (events, `/kb`, button clicks, shortcuts, view submissions),
 * checked with zod at the edge instead of cast. Only what the listeners use is described; everything else
 * passes through untouched (Slack adds fields freely). A payload without a field kbbot needs is acknowledged
 * (the listener acks first), logged in one line naming the field, and not answered: answering it would mean
 * answering the wrong channel or thread.
 */
import { z } from 'zod';
import type { Logger } from '../log.js';

const Id = z.string().min(1);

/** A Slack message as kbbot reads it: a new message, the edited `message` of a `message_changed`, a shortcut's message. */
const MessageShape = {
  type: z.string().optional(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  ts: Id,
  thread_ts: z.string().optional(),
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  files: z.unknown().optional(),
};

/** The message inside a `message_changed` event (or its previous version): no channel of its own. */
export const InnerMessageSchema = z.looseObject(MessageShape);

/** `message` events (every subtype kbbot answers, and `message_changed`). */
export const MessageEventSchema = z.looseObject({
  ...MessageShape,
  channel: Id,
  channel_type: z.string().optional(),
  message: InnerMessageSchema.optional(),
  previous_message: InnerMessageSchema.optional(),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/** `app_mention` events: a message that names the bot. */
export const AppMentionEventSchema = z.looseObject({ ...MessageShape, channel: Id });

export const LinkSharedEventSchema = z.looseObject({
  channel: Id,
  message_ts: Id,
  links: z.array(z.looseObject({ domain: z.string().optional(), url: z.string().optional() })).default([]),
  unfurl_id: z.string().optional(),
  source: z.enum(['composer', 'conversations_history']).optional(),
});

export const AppHomeOpenedEventSchema = z.looseObject({ user: Id, tab: z.string().optional() });

/** `/kb …` as Slack posts it (form fields). */
export const SlashCommandSchema = z.looseObject({
  text: z.string().default(''),
  channel_id: Id,
  user_id: Id,
  trigger_id: Id,
});
export type SlashCommand = z.infer<typeof SlashCommandSchema>;

/** A click on a button of one of kbbot's replies (`block_actions`), with the button clicked. */
export const BlockActionSchema = z.looseObject({
  user: z.looseObject({ id: Id }),
  trigger_id: Id,
  channel: z.looseObject({ id: Id }).optional(),
  message: z.looseObject({ ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  container: z.looseObject({ is_ephemeral: z.boolean().optional() }).optional(),
});
export const ButtonSchema = z.looseObject({ action_id: Id, value: z.string().optional() });
export type BlockAction = z.infer<typeof BlockActionSchema>;
export type Button = z.infer<typeof ButtonSchema>;

/** A message shortcut ("Find KB for this trace", "Record as known issue"). */
export const MessageShortcutSchema = z.looseObject({
  user: z.looseObject({ id: Id }),
  channel: z.looseObject({ id: Id }),
  trigger_id: Id,
  message: InnerMessageSchema,
});

/** One input's state in `view.state.values[block_id][action_id]` (see InputState in bot/record.ts). */
const InputStateSchema = z.looseObject({
  value: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_options: z.array(z.looseObject({ value: z.string() })).optional(),
});

/** A modal's submission: who submitted, what the modal carried, what was typed. */
export const ViewSubmissionSchema = z.looseObject({
  user: z.looseObject({ id: Id }),
  view: z.looseObject({
    private_metadata: z.string().default(''),
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), InputStateSchema)) }),
  }),
});

/** What the correction modal carries in `private_metadata` (CorrectionMeta in reply/record.ts), as JSON. */
export const CorrectionMetaSchema = z.looseObject({
  channel: z.string(),
  threadTs: z.string().optional(),
  fingerprint: Id,
  rejected: Id,
});

/**
 * What Bolt itself reads from a delivery before any listener runs (to find the team, user and channel):
 * a delivery without these would make Bolt throw, and Slack would see an error instead of an ack.
 */
const InteractiveEnvelopeSchema = z.looseObject({
  user: z.looseObject({ id: Id }),
  team: z.looseObject({}).nullish(),
  channel: z.looseObject({}).optional(),
});
const ViewEnvelopeSchema = z.looseObject({ user: z.looseObject({ id: Id }), view: z.looseObject({}) });
const EventEnvelopeSchema = z.looseObject({ event: z.looseObject({ type: Id }) });
const VIEW_TYPES = new Set(['view_submission', 'view_closed']);

function envelopeSchema(body: Record<string, unknown>): z.ZodType | undefined {
  if (typeof body.command === 'string') return undefined;
  if (body.type === 'event_callback') return EventEnvelopeSchema;
  if (typeof body.type === 'string' && VIEW_TYPES.has(body.type)) return ViewEnvelopeSchema;
  return typeof body.type === 'string' ? InteractiveEnvelopeSchema : undefined;
}

interface ProcessEventTarget {
  processEvent(event: { body: Record<string, unknown>; ack: (response?: unknown) => Promise<void> } & Record<string, unknown>): Promise<void>;
}

/**
 * Checks every delivery's envelope before Bolt reads it (both receivers hand every request to `processEvent`):
 * one Bolt cannot read is acknowledged, logged in one line naming the field, and dropped.
 */
export function guardDeliveries(app: ProcessEventTarget, logger: Logger): void {
  const original = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const schema = envelopeSchema(event.body);
    const kind = typeof event.body.type === 'string' ? event.body.type.slice(0, 40) : 'delivery';
    if (schema && readPayload(schema, event.body, `${kind} payload`, logger) === undefined) {
      await event.ack();
      return;
    }
    return original(event);
  };
}

/**
 * The payload checked against `schema`; undefined (after one log line naming the payload and the field at
 * fault, e.g. `malformed message event: channel: Invalid input: expected string, received undefined`) when it
 * does not fit.
 */
export function readPayload<S extends z.ZodType>(schema: S, payload: unknown, what: string, logger: Logger): z.infer<S> | undefined {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(payload)';
  const problem = issue?.message ?? 'does not fit';
  logger.error(`malformed ${what}: ${field}: ${problem}`, { event: 'malformed_payload', payload: what, field, problem });
  return undefined;
}
