/**
 * Writes one signature file: validated, keys in the schema's order (so re-ingesting gives byte-identical
 * files and diffs stay readable), 2-space JSON, and atomic (temp file + rename) so a crash mid-run
 * never leaves a half-written file for the loader to trip over.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, KbBotError } from '../errors.js';
import { FileRowSchema, FixSchema, FrameSchema, RollbackSchema, SignatureSchema, type Signature, type SignatureInput } from '../model.js';

const SIGNATURE_KEYS = Object.keys(SignatureSchema.shape);
const FIX_KEYS = Object.keys(FixSchema.shape);
const FILE_ROW_KEYS = Object.keys(FileRowSchema.shape);
const ROLLBACK_KEYS = Object.keys(RollbackSchema.shape);
const FRAME_KEYS = Object.keys(FrameSchema.shape);

/** Copies `value` with its keys in `keys` order, dropping undefined values. */
function pick(value: object, keys: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (source[key] !== undefined) out[key] = source[key];
  }
  return out;
}

/** The signature as a plain object with every key in schema order (defaults applied). */
export function orderSignature(sig: Signature): Record<string, unknown> {
  const ordered = pick(sig, SIGNATURE_KEYS);
  ordered.traces = sig.traces.map((trace) => trace.map((frame) => pick(frame, FRAME_KEYS)));
  ordered.fix = pick(sig.fix, FIX_KEYS);
  ordered.files = sig.files.map((row) => pick(row, FILE_ROW_KEYS));
  ordered.packages = sig.packages.map((row) => pick(row, FILE_ROW_KEYS));
  ordered.rollback = sig.rollback.map((r) => pick(r, ROLLBACK_KEYS));
  return ordered;
}

/** The signature with defaults applied. Throws `signature_invalid` for a signature the schema rejects. */
export function checkedSignature(input: SignatureInput): Signature {
  const parsed = SignatureSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new KbBotError(ErrorCode.SignatureInvalid, `signature ${String(input.id)} is invalid: ${fields.join('; ')}`, {
      id: input.id,
      fields,
    });
  }
  return parsed.data;
}

/** The exact text `writeSignature` puts in a file. Throws `signature_invalid` for a signature the schema rejects. */
export function formatSignature(input: SignatureInput): string {
  return `${JSON.stringify(orderSignature(checkedSignature(input)), null, 2)}\n`;
}

/**
 * Writes `<dir>/<id>.json` atomically and resolves to its path. The temp file starts with a dot,
 * so a concurrent `loadStore` never reads it.
 */
export async function writeSignature(dir: string, sig: SignatureInput): Promise<string> {
  const text = formatSignature(sig);
  await mkdir(dir, { recursive: true });
  const target = join(dir, `${sig.id}.json`);
  const temp = join(dir, `.${sig.id}.json.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new KbBotError(ErrorCode.StoreUnreadable, `cannot write ${target}: ${(error as Error).message}`, { path: target }, { cause: error });
  }
  return target;
}
