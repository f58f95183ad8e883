/**
 * A team's known issue (`KI-N`) written into a store: the one writer of new known issues, for `kbbot add`
 * (addKnownIssue: the signature built from a title, cause, fix and the identifying traces, in the store's own
 * format) and the team store (FolderTeamStore.create, from the Slack "record as known issue" flow). The next
 * free id is claimed with a marker in `.ids/` when the folder is a team store and by creating the file
 * exclusively, so two recorders never take one id nor overwrite each other; the file is written to a temp
 * file and linked into place, so a reader (the team store's poller) never sees half of it.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ErrorCode, KbBotError } from '../errors.js';
import { KbIdSchema, SignatureSchema, type FixKind, type KbId, type Signature, type SignatureInput, type Trace } from '../model.js';
import { formatSignature, orderSignature } from './write.js';

/** A team signature before it has an id. */
export type TeamDraft = Omit<SignatureInput, 'id'>;

export interface KnownIssueInput {
  title: string;
  cause?: string;
  fixKind?: FixKind;
  fix?: string;
  /** A chosen id (`KI-7`); the next free one when absent. */
  id?: string;
  /** Identifying traces, crash frame first (see identifyingTraces in match/). */
  traces: Trace[];
}

const SIGNATURE_FILE = /^(Q\d+|KI-\d+)\.(json|ya?ml)$/;
const MAX_DEPTH = 8;

/** Every signature file name under dir (sub-folders too, as the loader reads them). */
async function signatureFiles(dir: string, depth = 0): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && depth === 0) return [];
    throw new KbBotError(ErrorCode.StoreUnreadable, `cannot read store ${dir}: ${(error as Error).message}`, { path: dir }, { cause: error });
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory() && depth < MAX_DEPTH) out.push(...(await signatureFiles(join(dir, e.name), depth + 1)));
    else if (e.isFile() && SIGNATURE_FILE.test(e.name)) out.push(e.name);
  }
  return out;
}

/** `KI-` + one more than the highest team id in use (`KI-1` in a store without any). Pure. */
export function nextTeamId(ids: Iterable<string>): KbId {
  let max = 0;
  for (const id of ids) {
    const m = /^KI-(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `KI-${max + 1}`;
}

/** YAML when most of the store's files are YAML (hand-written stores), else JSON (ingested ones). Pure. */
export function storeFormatOf(fileNames: string[]): 'json' | 'yaml' {
  const yaml = fileNames.filter((f) => /\.ya?ml$/.test(f)).length;
  return yaml > fileNames.length - yaml ? 'yaml' : 'json';
}

/** The signature of a known issue. Throws `signature_invalid` when it would not load. Pure. */
export function knownIssueSignature(id: KbId, input: KnownIssueInput): SignatureInput {
  if (input.traces.every((t) => t.length === 0)) {
    throw new KbBotError(ErrorCode.SignatureInvalid, 'no usable stack trace: nothing identifies the crash (paste the trace with its frames)', { id });
  }
  const sig: SignatureInput = {
    id,
    title: input.title.trim(),
    cause: input.cause?.trim() ?? '',
    traces: input.traces.filter((t) => t.length > 0),
    fix: { kind: input.fixKind ?? (input.fix ? 'workaround' : 'unknown'), summary: input.fix?.trim() ?? '' },
    source: 'curated',
  };
  formatSignature(sig); // validates, with the field at fault in the message
  return sig;
}

/** The YAML a team known issue is kept as: schema key order, versions quoted where YAML would read a number. */
export function formatTeamYaml(sig: Signature): string {
  return `# Team known issue ${sig.id}, recorded with kbbot. Edit with /kb edit ${sig.id} or by hand.\n${stringify(orderSignature(sig), { lineWidth: 0 })}`;
}

/** The team store's id markers (store/team.ts): ids claimed there are taken for every writer. */
export const IDS_DIR = '.ids';
/** Ids tried past the highest one seen before giving up (each failure is an id someone else just took). */
const MAX_ID_TRIES = 1_000;

/** Validates a team signature; throws `signature_invalid` naming the fields. */
export function parseTeamSignature(input: unknown): Signature {
  const parsed = SignatureSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new KbBotError(ErrorCode.SignatureInvalid, `team signature is invalid: ${fields.join('; ')}`, { fields });
  }
  if (!/^KI-[1-9]\d{0,6}$/.test(parsed.data.id)) throw new KbBotError(ErrorCode.SignatureInvalid, `team signature ids are KI-N, not ${parsed.data.id}`, { id: parsed.data.id });
  return parsed.data;
}

/** The id was taken between our look at the folder and our claim: try the next one (or report it). */
class IdTaken extends Error {}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Claims `id` (marker, then the file itself, created only if absent) and writes the signature; IdTaken when someone holds it. */
async function claimAndWrite(dir: string, sig: Signature, format: 'json' | 'yaml', markers: boolean): Promise<string> {
  const { id } = sig;
  await mkdir(dir, { recursive: true });
  if (markers) {
    try {
      await (await open(join(dir, IDS_DIR, id), 'wx')).close();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new IdTaken(id);
      throw new KbBotError(ErrorCode.StoreUnreadable, `cannot claim ${id} in ${dir}: ${(error as Error).message}`, { id }, { cause: error });
    }
  }
  // A file added by hand (or from git) without a marker also holds the id, whatever its extension.
  for (const ext of ['json', 'yml', 'yaml']) if (await exists(join(dir, `${id}.${ext}`))) throw new IdTaken(id);
  const path = join(dir, `${id}.${format === 'json' ? 'json' : 'yml'}`);
  const temp = join(dir, `.${id}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, format === 'json' ? formatSignature(sig) : formatTeamYaml(sig), 'utf8');
    // link, unlike rename, never replaces a file that appeared meanwhile.
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new IdTaken(id);
    throw new KbBotError(ErrorCode.StoreUnreadable, `cannot write ${path}: ${(error as Error).message}`, { path }, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  return path;
}

/**
 * Creates a known issue in `dir` under the next free `KI-N` (or `options.id`, refused when taken), in
 * `options.format` (default: the store's, see storeFormatOf). Validated before an id is spent on it.
 */
export async function createKnownIssue(dir: string, draft: TeamDraft, options: { id?: string; format?: 'json' | 'yaml' } = {}): Promise<{ signature: Signature; path: string }> {
  parseTeamSignature({ ...draft, id: 'KI-1' });
  const files = await signatureFiles(dir);
  const claims = await readdir(join(dir, IDS_DIR)).catch(() => undefined);
  const markers = claims !== undefined;
  const taken = new Set([...files.map((f) => f.replace(/\.(json|ya?ml)$/, '')), ...(claims ?? [])]);
  const format = options.format ?? storeFormatOf(files);
  if (options.id !== undefined) {
    const parsed = KbIdSchema.safeParse(options.id);
    if (!parsed.success || !options.id.startsWith('KI-')) {
      throw new KbBotError(ErrorCode.Usage, `--id ${options.id}: a team known issue's id is KI- followed by digits (KI-12)`, { id: options.id });
    }
    if (taken.has(options.id)) throw new KbBotError(ErrorCode.SignatureInvalid, `${options.id} already exists in ${dir}`, { id: options.id });
    const signature = parseTeamSignature({ ...draft, id: options.id });
    try {
      return { signature, path: await claimAndWrite(dir, signature, format, markers) };
    } catch (error) {
      if (error instanceof IdTaken) throw new KbBotError(ErrorCode.SignatureInvalid, `${options.id} was just recorded by someone else in ${dir}; run again for the next id`, { id: options.id });
      throw error;
    }
  }
  const first = Number(nextTeamId(taken).slice(3));
  for (let n = first; n < first + MAX_ID_TRIES; n += 1) {
    const signature = parseTeamSignature({ ...draft, id: `KI-${n}` });
    try {
      return { signature, path: await claimAndWrite(dir, signature, format, markers) };
    } catch (error) {
      if (!(error instanceof IdTaken)) throw error;
    }
  }
  throw new KbBotError(ErrorCode.StoreUnreadable, `no free known-issue id in ${dir} after KI-${first + MAX_ID_TRIES - 1}`, { path: dir });
}

/** Writes the known issue into dir (kbbot add) and returns its id and path. */
export async function addKnownIssue(dir: string, input: KnownIssueInput): Promise<{ id: KbId; path: string }> {
  // The trace check and validation first, so a refused paste spends no id and writes nothing.
  const { id: _placeholder, ...draft } = knownIssueSignature('KI-1', input);
  const { signature, path } = await createKnownIssue(dir, draft, input.id !== undefined ? { id: input.id } : {});
  return { id: signature.id, path };
}
