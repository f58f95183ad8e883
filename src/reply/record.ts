/**
 * The team-knowledge surfaces: the "Record as known issue" button and modal, the "which answer was right?"
 * modal after a thumbs-down, the confirmation posted in the thread, and the small lines a card or the why
 * view add for team issues and votes. Modal limits (docs.slack.dev modal-views): title/submit/close ≤ 24,
 * private_metadata ≤ 3000, checkbox options ≤ 10 with text ≤ 75, plain-text inputs ≤ 3000.
 */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { FixKind, KbId, Signature } from '../model.js';
import { actions, context, section } from './blocks.js';
import { ActionId, CorrectionBlock, encodeRecordValue, RecordBlock, VIEW_CORRECTION, VIEW_RECORD } from './ids.js';
import { fitReply } from './limits.js';
import { code, escapeMrkdwn } from './text.js';
import type { Reply } from './types.js';

/** What the record modal opens with. */
export interface RecordPrefill {
  parts: string[];
  title?: string;
  cause?: string;
  fixKind?: FixKind;
  fixSummary?: string;
  fixedIn?: string;
  rollback?: string;
  links?: string;
}

/** Where the modal came from and what it edits; kept in the view's private_metadata (≤ 3000 chars). */
export interface RecordMeta {
  /** Channel and thread to tell when it is saved (absent: a /kb command, answered privately). */
  channel?: string;
  threadTs?: string;
  /** The issue being edited. */
  id?: KbId;
  parts: string[];
}

const METADATA_MAX = 3000;
const INPUT_MAX = 3000;
const SHOWN_PARTS = 10;

const FIX_KINDS: { kind: FixKind; label: string }[] = [
  { kind: 'hotfix', label: 'Hotfix' },
  { kind: 'service-pack', label: 'Service pack' },
  { kind: 'update', label: 'Update' },
  { kind: 'upgrade', label: 'Upgrade' },
  { kind: 'workaround', label: 'Workaround only' },
  { kind: 'none', label: 'No fix' },
  { kind: 'unknown', label: 'Not known yet' },
];

function plain(text: string, max = 75): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: text.length > max ? `${text.slice(0, max - 1)}…` : text, emoji: true };
}

/** The metadata as JSON, dropping the last parts until it fits. */
export function encodeRecordMeta(meta: RecordMeta): string {
  const parts = [...meta.parts];
  for (;;) {
    const json = JSON.stringify({ ...meta, parts });
    if (json.length <= METADATA_MAX || parts.length === 0) return json.slice(0, METADATA_MAX);
    parts.pop();
  }
}

export function decodeRecordMeta(text: string): RecordMeta | undefined {
  try {
    const raw = JSON.parse(text) as Partial<RecordMeta>;
    if (!Array.isArray(raw.parts) || !raw.parts.every((p) => typeof p === 'string')) return undefined;
    return {
      parts: raw.parts,
      ...(typeof raw.channel === 'string' ? { channel: raw.channel } : {}),
      ...(typeof raw.threadTs === 'string' ? { threadTs: raw.threadTs } : {}),
      ...(typeof raw.id === 'string' && /^KI-[1-9]\d{0,6}$/.test(raw.id) ? { id: raw.id } : {}),
    };
  } catch {
    return undefined;
  }
}

function textInput(blockId: string, label: string, options: { initial?: string | undefined; multiline?: boolean; optional?: boolean; hint?: string; placeholder?: string }): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    optional: options.optional ?? false,
    ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      multiline: options.multiline ?? false,
      max_length: INPUT_MAX,
      ...(options.initial ? { initial_value: options.initial.slice(0, INPUT_MAX) } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
    },
  } as KnownBlock;
}

/** The record (or edit) modal: the signature parts to keep, then title, cause, fix, fixed-in versions, rollback warning, links. */
export function buildRecordModal(prefill: RecordPrefill, meta: RecordMeta): ModalView {
  const blocks: KnownBlock[] = [];
  const shown = prefill.parts.slice(0, SHOWN_PARTS);
  if (shown.length > 0) {
    const options: PlainTextOption[] = shown.map((p, i) => ({ text: plain(p), value: `p${i}` }));
    const more = prefill.parts.length > SHOWN_PARTS ? ` The ${prefill.parts.length - SHOWN_PARTS} frames further down are kept as well.` : '';
    blocks.push({
      type: 'input',
      block_id: RecordBlock.Signature,
      label: plain('Signature: recognise this crash by', 2000),
      hint: plain(`Crash frame first. Untick frames that are not specific to this crash (thread start, exception dispatch).${more}`, 2000),
      element: { type: 'checkboxes', action_id: 'value', options, initial_options: options },
    } as KnownBlock);
  } else {
    blocks.push(context('No stack frames or codes found in that message: this issue will be found by `/kb KI-…` and search, not by matching pastes.'));
  }
  const kind = FIX_KINDS.find((k) => k.kind === (prefill.fixKind ?? 'unknown')) ?? FIX_KINDS[FIX_KINDS.length - 1]!;
  const kindOptions: PlainTextOption[] = FIX_KINDS.map((k) => ({ text: plain(k.label), value: k.kind }));
  blocks.push(
    textInput(RecordBlock.Title, 'Title', { initial: prefill.title, placeholder: 'Information Store crashes in PUSH_NOTIFY after failover' }),
    textInput(RecordBlock.Cause, 'Cause', { initial: prefill.cause, multiline: true, optional: true, placeholder: 'What goes wrong, as the team worked it out' }),
    {
      type: 'input',
      block_id: RecordBlock.FixKind,
      label: plain('Fix'),
      element: { type: 'static_select', action_id: 'value', options: kindOptions, initial_option: { text: plain(kind.label), value: kind.kind } },
    } as KnownBlock,
    textInput(RecordBlock.FixSummary, 'What to do', { initial: prefill.fixSummary, multiline: true, optional: true, placeholder: 'Install hotfix …; until then restart the service' }),
    textInput(RecordBlock.FixedIn, 'Fixed in', { initial: prefill.fixedIn, multiline: true, optional: true, hint: 'A file or product and its version, one a line: Store.exe 5.5.2654.3' }),
    textInput(RecordBlock.Rollback, 'Rollback warning', { initial: prefill.rollback, multiline: true, optional: true, hint: 'What goes wrong when going back; name the file and the oldest safe version (Store.exe 5.5.2652.68) and they are checked.' }),
    textInput(RecordBlock.Links, 'Links', { initial: prefill.links, multiline: true, optional: true, hint: 'One a line: URLs, KB numbers (Q272274), other KI ids.' }),
  );
  return {
    type: 'modal',
    callback_id: VIEW_RECORD,
    private_metadata: encodeRecordMeta(meta),
    title: plain(meta.id ? `Edit ${meta.id}` : 'Record known issue', 24),
    submit: plain(meta.id ? 'Save' : 'Record', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** After a thumbs-down: which answer was right? One of the other candidates, or a KB number / KI id. */
export interface CorrectionMeta {
  channel: string;
  threadTs?: string;
  fingerprint: string;
  rejected: KbId;
}

export function buildCorrectionModal(meta: CorrectionMeta, candidates: readonly { kb: KbId; title: string }[]): ModalView {
  const others = candidates.filter((c) => c.kb !== meta.rejected).slice(0, 10);
  const blocks: KnownBlock[] = [section(`Thanks: ${code(meta.rejected)} is ranked lower for this crash now. If you know the right answer, name it and it goes first for everyone who pastes this crash.`)];
  if (others.length > 0) {
    blocks.push({
      type: 'input',
      block_id: CorrectionBlock.Choice,
      optional: true,
      label: plain('One of the other candidates'),
      element: { type: 'static_select', action_id: 'value', options: others.map((c) => ({ text: plain(`${c.kb} ${c.title}`), value: c.kb })) },
    } as KnownBlock);
  }
  blocks.push(textInput(CorrectionBlock.Other, 'Or another answer', { optional: true, placeholder: 'Q272274, KB272274 or KI-3' }));
  return {
    type: 'modal',
    callback_id: VIEW_CORRECTION,
    private_metadata: JSON.stringify(meta).slice(0, METADATA_MAX),
    title: plain('Which was right?', 24),
    submit: plain('Save', 24),
    close: plain('Skip', 24),
    blocks,
  };
}

/** The reply with a "Record as known issue" button carrying the paste's frames and codes. */
export function withRecordButton(reply: Reply, parts: readonly string[]): Reply {
  const button = actions([{ text: ':memo: Record as known issue', actionId: ActionId.Record, value: encodeRecordValue(parts) }]);
  return fitReply({ text: reply.text, blocks: [...reply.blocks, button] });
}

/**
 * Posted in the thread the issue was worked out in. `console`: the offline console has no modal and no team
 * store of its own to retire from, so the notice says where those are done instead of offering commands it lacks.
 */
export function buildRecordedNotice(sig: Signature, user: string, edited: boolean, where: 'slack' | 'console' = 'slack'): Reply {
  const verb = edited ? 'Updated' : 'Recorded as';
  const text = `${verb} ${sig.id} by <@${user}>: ${escapeMrkdwn(sig.title)}`;
  const hint = edited ? '' : ' The next paste of this crash, in any channel, is answered with it.';
  const manage =
    where === 'console'
      ? `edit or retire it in Slack (\`/kb edit ${sig.id}\`, \`/kb retire ${sig.id}\`) or by hand in the team folder`
      : `\`/kb edit ${sig.id}\` · \`/kb retire ${sig.id}\``;
  return fitReply({ text, blocks: [section(`:memo: ${text}`), context(`\`/kb ${sig.id}\` shows it · ${manage}.${hint}`)] });
}

/** A card's origin: a team known issue (who recorded it, where) or a Microsoft KB article. */
export function originLine(sig: Signature): string {
  if (!sig.id.startsWith('KI-')) return 'KB article';
  const parts = [':busts_in_silhouette: Team known issue'];
  if (sig.author) parts.push(`recorded by <@${escapeMrkdwn(sig.author)}>`);
  if (sig.thread) parts.push(`<${sig.thread}|thread>`);
  if (sig.updatedAt && sig.updatedAt !== sig.createdAt) parts.push(`updated ${sig.updatedAt.slice(0, 10)}`);
  if (sig.retired) parts.push('*retired* (no longer matched)');
  return parts.join(' · ');
}

/** "confirmed by 2 people · rejected by 1" for the why view. */
export function votesLine(tally: { confirmed: number; rejected: number } | undefined): string | undefined {
  if (!tally || (tally.confirmed === 0 && tally.rejected === 0)) return undefined;
  const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  const parts: string[] = [];
  if (tally.confirmed > 0) parts.push(`:white_check_mark: confirmed by ${people(tally.confirmed)}`);
  if (tally.rejected > 0) parts.push(`:x: rejected by ${people(tally.rejected)}`);
  return `${parts.join(' · ')} for this crash`;
}
