/**
 * The fields kbbot reads from a `message` event, and who wrote it: shared by the new-message path
 * (message.ts) and the edit path (edit.ts), which therefore need not import each other.
 */
export interface MessageEventFields {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown;
  files?: unknown;
  message?: MessageEventFields;
  previous_message?: MessageEventFields;
}

export function isBotMessage(event: Pick<MessageEventFields, 'subtype' | 'bot_id'>): boolean {
  return event.subtype === 'bot_message' || event.bot_id !== undefined;
}
