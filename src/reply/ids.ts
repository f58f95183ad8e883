/**
 * Every action id and button value the replies carry, in one place: the Slack adapter registers its
 * listeners from `ACTION_IDS` / `ACTION_ID_PATTERN` and hands clicks back to the bot's `answerAction`.
 * Several buttons of one kind in one actions block get a `:n` suffix (Slack wants ids unique per block);
 * `baseActionId` strips it.
 */
import { KbIdSchema, VerdictSchema, type KbId, type Verdict } from '../model.js';

export const ActionId = {
  /** value: KbId. Shows the file table, every platform. */
  Files: 'kb_files',
  /** value: KbId. Shows the rollback warnings. */
  Rollback: 'kb_rollback',
  /** value: KbId (the current top). Lists the thread's other candidates. */
  Others: 'kb_others',
  /** value: `encodeWhyValue`. The pasted frames aligned with the signature's. */
  Why: 'kb_why',
  /** value: KbId. Related articles named by the article. */
  Related: 'kb_related',
  /** value: KbId. Feedback: this match was right. */
  FeedbackRight: 'kb_feedback_right',
  /** value: KbId. Feedback: wrong; the reply changes to the next candidates. */
  FeedbackWrong: 'kb_feedback_wrong',
  /** value: KbId. Shows that article's card (candidate and search lists). */
  ShowArticle: 'kb_show_article',
  /** value: `encodeShareValue`. Posts an ephemeral /kb answer in the channel. */
  Share: 'kb_share',
  /** value: `encodeRecordValue` (the paste's frames and codes). Opens the "Record as known issue" modal. */
  Record: 'kb_record',
} as const;
export type ActionId = (typeof ActionId)[keyof typeof ActionId];

export const ACTION_IDS: readonly ActionId[] = Object.values(ActionId);

/** Matches every action id a reply can carry, suffixed or not: `app.action(ACTION_ID_PATTERN, …)`. */
export const ACTION_ID_PATTERN = /^kb_[a-z_]{1,40}(?::\d{1,3})?$/;

/** The slash command kbbot registers. */
export const SLASH_COMMAND = '/kb';

/** The message shortcut's callback id ("Find KB for this trace"). */
export const SHORTCUT_FIND_KB = 'kb_find_for_message';

/** The message shortcut "Record as known issue". */
export const SHORTCUT_RECORD = 'kb_record_message';

/** Modal callback ids: recording (or editing) a known issue, and naming the right answer after a thumbs-down. */
export const VIEW_RECORD = 'kb_record';
export const VIEW_CORRECTION = 'kb_feedback';

/** Block ids of the record modal's inputs (each input's element has action id `value`). */
export const RecordBlock = {
  Signature: 'signature',
  Title: 'title',
  Cause: 'cause',
  FixKind: 'fix_kind',
  FixSummary: 'fix_summary',
  FixedIn: 'fixed_in',
  Rollback: 'rollback',
  Links: 'links',
} as const;

/** Block ids of the correction modal. */
export const CorrectionBlock = { Choice: 'choice', Other: 'other' } as const;

/** The record button carries the paste's signature parts (frames, codes), one a line, as many as fit. */
export function encodeRecordValue(parts: readonly string[]): string {
  let value = 'rec';
  for (const part of parts) {
    if (value.length + part.length + 1 > BUTTON_VALUE_MAX) break;
    value += `\n${part}`;
  }
  return value;
}

export function decodeRecordValue(value: string): string[] {
  const [head, ...parts] = value.split('\n');
  return head === 'rec' ? parts.filter((p) => p.trim() !== '') : [];
}

/** `kb_files:2` → `kb_files`; undefined for an id that is not ours. */
export function baseActionId(actionId: string): ActionId | undefined {
  const colon = actionId.indexOf(':');
  const base = colon === -1 ? actionId : actionId.slice(0, colon);
  return (ACTION_IDS as readonly string[]).includes(base) ? (base as ActionId) : undefined;
}

/** Slack's cap on a button value. */
export const BUTTON_VALUE_MAX = 2000;

/** What a "Share in channel" button re-answers: the command text, or a match result when the text is too long to carry. */
export type SharePayload =
  | { kind: 'command'; text: string }
  | { kind: 'result'; verdict: Verdict; candidates: { kb: KbId; score: number }[] };

export function encodeShareValue(payload: SharePayload): string {
  if (payload.kind === 'command' && payload.text.length + 4 <= BUTTON_VALUE_MAX) return `cmd:${payload.text}`;
  if (payload.kind === 'command') return 'cmd:help';
  const list = payload.candidates.slice(0, 10).map((c) => `${c.kb}=${c.score.toFixed(3)}`);
  return `res:${payload.verdict}:${list.join(',')}`;
}

export function decodeShareValue(value: string): SharePayload | undefined {
  if (value.startsWith('cmd:')) return { kind: 'command', text: value.slice(4) };
  if (!value.startsWith('res:')) return undefined;
  const [verdictText = '', list = ''] = value.slice(4).split(':', 2);
  const verdict = VerdictSchema.safeParse(verdictText);
  if (!verdict.success) return undefined;
  const candidates: { kb: KbId; score: number }[] = [];
  for (const item of list.split(',')) {
    const [kb = '', score = ''] = item.split('=');
    const id = KbIdSchema.safeParse(kb);
    const n = Number(score);
    if (id.success && Number.isFinite(n)) candidates.push({ kb: id.data, score: Math.min(1, Math.max(0, n)) });
  }
  return { kind: 'result', verdict: verdict.data, candidates };
}

/** The why button carries the article and, when they fit, the pasted frames (`module!symbol` per line). */
export function encodeWhyValue(kb: KbId, frames: readonly string[]): string {
  let value = kb;
  for (const frame of frames) {
    if (value.length + frame.length + 1 > BUTTON_VALUE_MAX) break;
    value += `\n${frame}`;
  }
  return value;
}

export function decodeWhyValue(value: string): { kb: KbId; frames: string[] } | undefined {
  const [first = '', ...frames] = value.split('\n');
  const kb = KbIdSchema.safeParse(first.trim());
  return kb.success ? { kb: kb.data, frames: frames.filter((f) => f.trim() !== '') } : undefined;
}
