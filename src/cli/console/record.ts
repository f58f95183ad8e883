/**
 * `:record` in the console: the "Record as known issue" modal on one line. The line is read into the modal's
 * inputs (block ids), so the same use case as Slack's (bot/record.ts: readRecordForm, teamSignature) checks it
 * and builds the signature; the console writes it to the team folder and answers from it at once.
 */
import { MAX_SHOWN_PARTS, readRecordForm, teamSignature, type FormValues, type InputState } from '../../bot/record.js';
import { FixKindSchema } from '../../model.js';
import { RecordBlock } from '../../reply/index.js';
import type { TeamDraft } from '../../store/team.js';

/** The fields of the one-line form, in the modal's order, and the modal input each fills. */
const FIELDS = {
  title: RecordBlock.Title,
  cause: RecordBlock.Cause,
  'fix kind': RecordBlock.FixKind,
  fix: RecordBlock.FixSummary,
  'fixed in': RecordBlock.FixedIn,
  rollback: RecordBlock.Rollback,
  links: RecordBlock.Links,
  drop: RecordBlock.Signature,
} as const;
type Field = keyof typeof FIELDS;

const FIELD_OF_BLOCK = new Map<string, Field>(Object.entries(FIELDS).map(([field, block]) => [block, field as Field]));

export const RECORD_SYNTAX = [
  ':record title: … | cause: … | fix kind: … | fix: … | fixed in: store.exe 5.5.2654.3, … | rollback: … | links: Q272274, https://… | drop: 2, 5',
  `  only the title is needed (a first part without a field name is the title); fix kind: ${FixKindSchema.options.join(', ')}`,
  '  (unknown when left out); drop: the numbers of frames or codes not to record; no "|" inside a value',
].join('\n');

/** What `:record` alone shows: what would be recorded from the paste, and how to write the line. */
export function recordUsage(parts: readonly string[]): string {
  return [
    'Record the paste as a known issue: the next paste of this crash is answered with it. It is recognised by',
    ...parts.map((p, i) => `  ${String(i + 1).padStart(2)} ${p}`),
    RECORD_SYNTAX,
  ].join('\n');
}

const value = (text: string): InputState => ({ value: text });

/**
 * The line after `:record` as the modal's submitted inputs; `parts` are the paste's (checkboxes for the first
 * MAX_SHOWN_PARTS, as in the modal: `drop` unticks them). A field named twice or not known is an error.
 */
export function readRecordLine(line: string, parts: readonly string[]): { ok: true; values: FormValues } | { ok: false; error: string } {
  const given = new Map<Field, string>();
  for (const [i, segment] of line.split('|').entries()) {
    const text = segment.trim();
    if (text === '' && i === 0) continue;
    const named = /^([a-z ]{2,12}?)\s*:\s*(.*)$/i.exec(text);
    const field = named?.[1]?.toLowerCase().replace(/\s+/g, ' ') as Field | undefined;
    if (named && field !== undefined && field in FIELDS) {
      if (given.has(field)) return { ok: false, error: `${field}: given twice` };
      given.set(field, named[2]!.trim());
    } else if (i === 0) given.set('title', text);
    else return { ok: false, error: `"${text.slice(0, 40)}": name the field (${Object.keys(FIELDS).join(', ')}), as in "cause: …"` };
  }
  const values: FormValues = {};
  for (const [field, text] of given) {
    if (field === 'drop' || field === 'fix kind') continue;
    // the modal's multi-line inputs take one file or link a line; on one line they are separated by commas
    const lines = field === 'fixed in' || field === 'links' ? text.split(',').map((t) => t.trim()).join('\n') : text;
    values[FIELDS[field]] = { value: value(lines) };
  }
  values[RecordBlock.FixKind] = { value: { selected_option: { value: given.get('fix kind')?.toLowerCase() || 'unknown' } } };
  const dropped = new Set<number>();
  for (const n of (given.get('drop') ?? '').split(/[\s,]+/).filter((t) => t !== '')) {
    const at = Number(n);
    if (!Number.isInteger(at) || at < 1 || at > parts.length) return { ok: false, error: `drop: "${n}" is not the number of a frame or code (1 to ${parts.length})` };
    if (at > MAX_SHOWN_PARTS) return { ok: false, error: `drop: only the first ${MAX_SHOWN_PARTS} frames or codes can be dropped (as in Slack's form)` };
    dropped.add(at - 1);
  }
  const shown = parts.slice(0, MAX_SHOWN_PARTS).map((_, i) => i);
  values[RecordBlock.Signature] = { value: { selected_options: shown.filter((i) => !dropped.has(i)).map((i) => ({ value: `p${i}` })) } };
  return { ok: true, values };
}

/** The form's mistakes, each under the console field it belongs to. */
export function formErrors(errors: Record<string, string>): string {
  const under = ([block, message]: [string, string]): string =>
    `  ${FIELD_OF_BLOCK.get(block) ?? block}: ${message}${block === RecordBlock.FixKind ? ` (${FixKindSchema.options.join(', ')})` : ''}`;
  return ['Not recorded:', ...Object.entries(errors).map(under)].join('\n');
}

export type RecordResult = { ok: true; draft: TeamDraft } | { ok: false; error: string };

/** A `:record` line and the paste's parts → the team signature to write, or what is wrong, as Slack's form says it. */
export function recordDraft(line: string, parts: readonly string[], recording: { author: string; now: Date }): RecordResult {
  const read = readRecordLine(line, parts);
  if (!read.ok) return { ok: false, error: `Not recorded:\n  ${read.error}` };
  const form = readRecordForm(read.values, parts);
  if (!form.ok) return { ok: false, error: formErrors(form.errors) };
  return { ok: true, draft: teamSignature(form.fields, recording) };
}
