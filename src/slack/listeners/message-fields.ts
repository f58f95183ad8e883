/**
 * The fields kbbot reads from a `message` event (checked by MessageEventSchema in payloads.ts), and who wrote
 * it: shared by the new-message path (message.ts) and the edit path (edit.ts), which therefore need not import
 * each other.
 */
import type { MessageEvent } from '../payloads.js';

export type MessageEventFields = MessageEvent;

export function isBotMessage(event: { subtype?: string | undefined; bot_id?: string | undefined }): boolean {
  return event.subtype === 'bot_message' || event.bot_id !== undefined;
}
