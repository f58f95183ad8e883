/**
 * Recording a known issue: what the modal is pre-filled with (the paste's frames and codes, or an existing
 * issue's fields), and the submitted form read back into a team signature, every mistake named by the input
 * it belongs to (Slack shows them under that input: `response_action: errors`). Pure: the adapter opens the
 * modal, checks who may record, and writes to the team store.
 */
import { FixKindSchema, VersionSchema, type FileRow, type FixKind, type ParsedMessage, type Rollback, type Signature, type Trace } from '../model.js';
import { RecordBlock } from '../reply/ids.js';
import { extractKbRefs, parseKbRef, parseMessage } from '../trace/index.js';
import type { RecordPrefill } from '../reply/record.js';
import { pastedTrace } from './shared.js';

/** A submitted record form, read and checked. */
export interface TeamDraftFields {
  /** The signature parts kept (frames `module!symbol`, `STOP 0x…`, `exception …`, `Event ID n`). */
  parts: string[];
  title: string;
  cause: string;
  fixKind: FixKind;
  fixSummary: string;
  files: FileRow[];
  rollback: Rollback[];
  links: string[];
  /** KB numbers and KI ids given under links. */
  related: string[];
}

/** Parts the modal offers to keep or drop: checkboxes hold at most 10 options. */
export const MAX_SHOWN_PARTS = 10;
/** Frames a recorded signature keeps from a paste. */
const MAX_FRAMES = 16;

/** The paste's signature parts: its trace's frames (`module!symbol`, crash frame first), then its codes. */
export function recordParts(textOrParsed: string | ParsedMessage): string[] {
  const parsed = typeof textOrParsed === 'string' ? parseMessage(textOrParsed) : textOrParsed;
  const frames = pastedTrace(parsed.traces).slice(0, MAX_FRAMES).map((f) => `${f.module}!${f.symbol}`);
  const clues = parsed.clues.flatMap((c) =>
    c.kind === 'stop-code' ? [`STOP ${c.code}`] : c.kind === 'exception-code' ? [`exception ${c.code}`] : c.kind === 'event-id' ? [`Event ID ${c.id}`] : [],
  );
  return [...new Set([...frames, ...clues])];
}

/** A signature's parts, for editing it: its first trace and its codes. */
export function signatureParts(sig: Signature): string[] {
  return [
    ...(sig.traces[0] ?? []).map((f) => `${f.module}!${f.symbol}`),
    ...sig.stopCodes.map((c) => `STOP ${c}`),
    ...sig.exceptionCodes.map((c) => `exception ${c}`),
    ...sig.eventIds.map((id) => `Event ID ${id}`),
  ];
}

/** The modal's fields for an existing issue. */
export function prefillFromSignature(sig: Signature): RecordPrefill {
  const rollback = sig.rollback[0];
  return {
    parts: signatureParts(sig),
    title: sig.title,
    cause: sig.cause,
    fixKind: sig.fix.kind,
    fixSummary: sig.fix.summary,
    fixedIn: sig.files.map((f) => `${f.name}${f.version ? ` ${f.version}` : ''}`).join('\n'),
    rollback: rollback ? rollback.text : '',
    links: (sig.links ?? []).join('\n'),
  };
}

interface SignatureBits {
  traces: Trace[];
  stopCodes: string[];
  exceptionCodes: string[];
  eventIds: number[];
}

/** Parts back into the signature's trace and codes (unknown lines are frames without a module). */
export function partsToSignature(parts: readonly string[]): SignatureBits {
  const trace: Trace = [];
  const bits: SignatureBits = { traces: [], stopCodes: [], exceptionCodes: [], eventIds: [] };
  for (const part of parts) {
    const stop = /^STOP (0x[0-9A-F]{8})$/.exec(part);
    const exception = /^exception ([0-9a-f]{8})$/.exec(part);
    const event = /^Event ID (\d{1,9})$/.exec(part);
    if (stop?.[1]) bits.stopCodes.push(stop[1]);
    else if (exception?.[1]) bits.exceptionCodes.push(exception[1]);
    else if (event?.[1]) bits.eventIds.push(Number(event[1]));
    else {
      const bang = part.indexOf('!');
      if (bang > 0 && bang < part.length - 1) trace.push({ module: part.slice(0, bang), symbol: part.slice(bang + 1) });
    }
  }
  if (trace.length > 0) bits.traces.push(trace);
  return bits;
}

/** One submitted input's state, as Slack sends it in `view.state.values[block_id][action_id]`. */
export interface InputState {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
}
export type FormValues = Record<string, Record<string, InputState>>;

export type FormResult = { ok: true; fields: TeamDraftFields } | { ok: false; errors: Record<string, string> };

function firstInput(values: FormValues, block: string): InputState | undefined {
  const inputs = values[block];
  return inputs ? Object.values(inputs)[0] : undefined;
}

function text(values: FormValues, block: string): string {
  return (firstInput(values, block)?.value ?? '').trim();
}

function lines(value: string): string[] {
  return value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

const FILE_VERSION = /^(.+?)\s+v?(\d+(?:\.\d+){1,4})$/;
const ROLLBACK_FLOOR = /([A-Za-z0-9_.-]+\.(?:exe|dll|sys|ocx|drv|cpl|com))\D{0,40}?(\d+(?:\.\d+){1,4})/i;
const URL_LINE = /^<?(https?:\/\/[^\s<>|]+)(?:\|[^>]*)?>?$/;

function readFixedIn(value: string): { rows: FileRow[] } | { error: string } {
  const rows: FileRow[] = [];
  for (const [i, line] of lines(value).entries()) {
    const m = FILE_VERSION.exec(line);
    if (!m?.[1] || !m[2] || !VersionSchema.safeParse(m[2]).success) {
      return { error: `Line ${i + 1} ("${line.slice(0, 40)}"): write a file or product and its version, one a line, e.g. Store.exe 5.5.2654.3` };
    }
    rows.push({ name: m[1], version: m[2] });
  }
  return { rows };
}

function readRollback(value: string): Rollback[] {
  if (value === '') return [];
  const floor = ROLLBACK_FLOOR.exec(value);
  return [{ text: value, ...(floor?.[1] && floor[2] ? { file: floor[1], minVersion: floor[2] } : {}) }];
}

function readLinks(value: string): { links: string[]; related: string[] } | { error: string } {
  const links: string[] = [];
  const related: string[] = [];
  for (const [i, line] of lines(value).entries()) {
    const url = URL_LINE.exec(line);
    const kb = parseKbRef(line) ?? extractKbRefs(line)[0];
    if (url?.[1]) links.push(url[1]);
    else if (kb !== undefined) related.push(kb);
    else if (/^KI-[1-9]\d{0,6}$/.test(line)) related.push(line);
    else return { error: `Line ${i + 1} ("${line.slice(0, 40)}") is not a link: give a URL (https://…), a KB number (Q272274) or a KI id.` };
  }
  return { links, related };
}

/**
 * Reads the submitted record modal. `parts` are the signature parts the modal offered (from its private
 * metadata); the checkboxes say which were kept (parts beyond the first 10 are always kept).
 */
export function readRecordForm(values: FormValues, parts: readonly string[]): FormResult {
  const errors: Record<string, string> = {};
  const title = text(values, RecordBlock.Title);
  if (title === '') errors[RecordBlock.Title] = 'Give the issue a title.';
  else if (title.length > 200) errors[RecordBlock.Title] = 'Keep the title under 200 characters.';
  const kindInput = firstInput(values, RecordBlock.FixKind);
  const kind = FixKindSchema.safeParse(kindInput?.selected_option?.value);
  if (!kind.success) errors[RecordBlock.FixKind] = 'Choose what kind of fix it is (unknown if nobody knows yet).';
  const fixedIn = readFixedIn(text(values, RecordBlock.FixedIn));
  if ('error' in fixedIn) errors[RecordBlock.FixedIn] = fixedIn.error;
  const links = readLinks(text(values, RecordBlock.Links));
  if ('error' in links) errors[RecordBlock.Links] = links.error;
  let kept = [...parts];
  const checkboxes = firstInput(values, RecordBlock.Signature);
  if (parts.length > 0 && checkboxes) {
    const chosen = new Set((checkboxes.selected_options ?? []).map((o) => o.value));
    kept = parts.filter((_, i) => i >= MAX_SHOWN_PARTS || chosen.has(`p${i}`));
    if (kept.length === 0) errors[RecordBlock.Signature] = 'Keep at least one frame or code: they are how the next paste of this crash is recognised.';
  }
  if (Object.keys(errors).length > 0 || !kind.success || 'error' in fixedIn || 'error' in links) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      parts: kept,
      title,
      cause: text(values, RecordBlock.Cause),
      fixKind: kind.data as FixKind,
      fixSummary: text(values, RecordBlock.FixSummary),
      files: fixedIn.rows,
      rollback: readRollback(text(values, RecordBlock.Rollback)),
      links: links.links,
      related: links.related,
    },
  };
}

/** Where and by whom an issue is recorded. */
export interface Recording {
  author: string;
  /** Permalink of the thread it was worked out in, when known. */
  thread?: string;
  now: Date;
}

/**
 * The team signature for a submitted form: a new one (no `previous`), or `previous` edited. An edit keeps
 * the author, the thread, the first recording time and any further traces a hand-edited file has.
 */
export function teamSignature(fields: TeamDraftFields, recording: Recording, previous?: Signature): Omit<Signature, 'id'> {
  const bits = partsToSignature(fields.parts);
  const related = fields.related.filter((r) => /^(Q\d{1,8}|KI-[1-9]\d{0,6})$/.test(r));
  return {
    title: fields.title,
    product: previous?.product ?? '',
    versions: previous?.versions ?? [],
    keywords: previous?.keywords ?? [],
    symptoms: previous?.symptoms ?? '',
    cause: fields.cause,
    status: previous?.status ?? '',
    traces: [...bits.traces, ...(previous?.traces.slice(1) ?? [])],
    fix: { kind: fields.fixKind, summary: fields.fixSummary },
    files: fields.files,
    packages: previous?.packages ?? [],
    rollback: fields.rollback,
    related: related as Signature['related'],
    eventIds: bits.eventIds,
    stopCodes: bits.stopCodes,
    exceptionCodes: bits.exceptionCodes,
    source: 'curated',
    author: previous?.author ?? recording.author,
    ...(previous?.thread ?? recording.thread ? { thread: (previous?.thread ?? recording.thread) as string } : {}),
    links: fields.links,
    createdAt: previous?.createdAt ?? recording.now.toISOString(),
    updatedAt: recording.now.toISOString(),
    ...(previous?.retired ? { retired: true } : {}),
  };
}
