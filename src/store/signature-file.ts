/**
 * One signature file: read, parse (JSON or YAML by extension) and validate with the schema, reporting
 * every problem by path and field. Used by the loader on the main thread and on its worker.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FileRowSchema, FixSchema, FrameSchema, RollbackSchema, SignatureSchema, type Signature } from '../model.js';
import { compileFastCheck } from './fast-check.js';

export interface StoreError {
  /** The file, as `join(dir, relative path)`; in a pack, `<pack>#<id>` (or `<pack>#line N`). */
  path: string;
  /** The signature's id when it can be read (a pack line), so a reload can keep its last good version. */
  id?: string;
  /** A pack cut short or damaged: signatures after the damage are lost, not deleted. */
  truncated?: boolean;
  /** The zod issue path (`files.2.size`), or `(file)` when the file as a whole is unreadable. */
  field: string;
  message: string;
}

export type ValidatedFile = { ok: true; signature: Signature } | { ok: false; errors: StoreError[] };

const WHOLE_FILE = '(file)';
/** One reusable read buffer: signature files are a few KB; bigger ones fall back to readFileSync. */
const readBuffer = Buffer.allocUnsafe(1 << 20);

const KNOWN = {
  signature: new Set(Object.keys(SignatureSchema.shape)),
  fix: new Set(Object.keys(FixSchema.shape)),
  fileRow: new Set(Object.keys(FileRowSchema.shape)),
  rollback: new Set(Object.keys(RollbackSchema.shape)),
  frame: new Set(Object.keys(FrameSchema.shape)),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function collectUnknown(value: unknown, known: Set<string>, prefix: string, found: string[]): void {
  if (!isRecord(value)) return;
  for (const key in value) if (!known.has(key)) found.push(prefix + key);
}

function collectUnknownInList(list: unknown, known: Set<string>, prefix: string, found: string[]): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) collectUnknown(list[i], known, `${prefix}.${i}.`, found);
}

/** A typo in a field name would otherwise be dropped silently by the schema: name every key it does not know. */
function unknownFields(data: Record<string, unknown>): string[] {
  const found: string[] = [];
  collectUnknown(data, KNOWN.signature, '', found);
  collectUnknown(data.fix, KNOWN.fix, 'fix.', found);
  collectUnknownInList(data.files, KNOWN.fileRow, 'files', found);
  collectUnknownInList(data.packages, KNOWN.fileRow, 'packages', found);
  collectUnknownInList(data.rollback, KNOWN.rollback, 'rollback', found);
  if (Array.isArray(data.traces)) data.traces.forEach((trace, t) => collectUnknownInList(trace, KNOWN.frame, `traces.${t}`, found));
  return found;
}

/** Yes when the data is a signature exactly as kbbot writes it (fast-check.ts): the schema would return it unchanged. */
const isWrittenSignature = compileFastCheck(SignatureSchema);

/** Validates one signature's parsed content: the schema and unknown fields; `path` names it in errors. */
export function validateSignatureData(path: string, data: unknown): ValidatedFile {
  // Packs and ingested files pass as they are; anything else (a hand-written file leaving defaults out, a bad
  // field) goes through the schema, which fills the defaults or names what is wrong.
  if (isWrittenSignature(data)) return { ok: true, signature: data as Signature };
  const parsed = SignatureSchema.safeParse(data);
  const errors: StoreError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({ path, field: issue.path.map(String).join('.') || WHOLE_FILE, message: issue.message });
    }
  }
  if (isRecord(data)) {
    for (const field of unknownFields(data)) errors.push({ path, field, message: 'unknown field (misspelt?)' });
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, signature: parsed.data };
}

/** Validates parsed file content: the schema, unknown fields, and that the file is named after its id. */
export function validateSignatureFile(path: string, data: unknown): ValidatedFile {
  const result = validateSignatureData(path, data);
  if (!result.ok) return result;
  const id = result.signature.id;
  if (basename(path, extname(path)) === id) return result;
  return { ok: false, errors: [{ path, field: 'id', message: `id ${id} does not match the file name (expected ${id}${extname(path)})` }] };
}

/** Parses a file's text by its extension; a syntax error is reported with its position. */
export function parseSignatureText(path: string, text: string): { ok: true; data: unknown } | { ok: false; error: StoreError } {
  try {
    const data: unknown = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
    return { ok: true, data };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]?.replace(/:$/, '') ?? 'unparseable';
    return { ok: false, error: { path, field: WHOLE_FILE, message: `cannot parse: ${message}` } };
  }
}

/** Reads a small file with three syscalls (open, read, close); see load.ts for why synchronously. */
function readSmallFile(path: string): string {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      const read = readSync(fd, readBuffer, length, readBuffer.length - length, null);
      if (read === 0) return readBuffer.toString('utf8', 0, length);
      length += read;
      if (length === readBuffer.length) return readFileSync(path, 'utf8');
    }
  } finally {
    closeSync(fd);
  }
}

export function loadSignatureFile(path: string): ValidatedFile {
  let text: string;
  try {
    text = readSmallFile(path);
  } catch (error) {
    return { ok: false, errors: [{ path, field: WHOLE_FILE, message: `cannot read: ${(error as Error).message}` }] };
  }
  const parsed = parseSignatureText(path, text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  return validateSignatureFile(path, parsed.data);
}
