/**
 * A team's known issue (`KI-N`) written into a store: the next free id, the signature built from a
 * title, cause, fix and the identifying traces, in the store's own format (YAML when the store is
 * hand-written YAML, else JSON), created exclusively so two recorders never overwrite each other.
 * Shared by `kbbot add` and the Slack "record as known issue" flow.
 */
import { mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ErrorCode, KbBotError } from '../errors.js';
import { KbIdSchema, SignatureSchema, type FixKind, type KbId, type SignatureInput, type Trace } from '../model.js';
import { formatSignature, orderSignature } from './write.js';

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

function formatAs(format: 'json' | 'yaml', sig: SignatureInput): string {
  if (format === 'json') return formatSignature(sig);
  const data = orderSignature(SignatureSchema.parse(sig));
  return `# Team known issue recorded with kbbot add.\n${stringify(data, { lineWidth: 0 })}`;
}

/** The team store's id markers (store/team.ts), shared so `kbbot add` and the Slack record flow never take one id twice. */
const IDS_DIR = '.ids';

async function claimMarker(dir: string, id: KbId): Promise<void> {
  try {
    await (await open(join(dir, IDS_DIR, id), 'wx')).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new KbBotError(ErrorCode.SignatureInvalid, `${id} was just recorded by someone else in ${dir}; run again for the next id`, { id });
    }
    throw new KbBotError(ErrorCode.StoreUnreadable, `cannot claim ${id} in ${dir}: ${(error as Error).message}`, { id }, { cause: error });
  }
}

/** Writes the known issue into dir and returns its id and path. */
export async function addKnownIssue(dir: string, input: KnownIssueInput): Promise<{ id: KbId; path: string }> {
  const files = await signatureFiles(dir);
  // a team store (store/team.ts) claims ids by markers in `.ids/`: those are taken too, and ours is claimed there
  const claims = await readdir(join(dir, IDS_DIR)).catch(() => undefined);
  const taken = new Set([...files.map((f) => f.replace(/\.(json|ya?ml)$/, '')), ...(claims ?? [])]);
  let id: KbId;
  if (input.id !== undefined) {
    const parsed = KbIdSchema.safeParse(input.id);
    if (!parsed.success || !input.id.startsWith('KI-')) {
      throw new KbBotError(ErrorCode.Usage, `--id ${input.id}: a team known issue's id is KI- followed by digits (KI-12)`, { id: input.id });
    }
    if (taken.has(input.id)) throw new KbBotError(ErrorCode.SignatureInvalid, `${input.id} already exists in ${dir}`, { id: input.id });
    id = input.id;
  } else id = nextTeamId(taken);
  const sig = knownIssueSignature(id, input);
  if (claims !== undefined) await claimMarker(dir, id);
  const format = storeFormatOf(files);
  const path = join(dir, `${id}.${format === 'json' ? 'json' : 'yml'}`);
  await mkdir(dir, { recursive: true });
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new KbBotError(ErrorCode.SignatureInvalid, `${id} was just recorded by someone else in ${dir}; run again for the next id`, { id });
    }
    throw new KbBotError(ErrorCode.StoreUnreadable, `cannot write ${path}: ${(error as Error).message}`, { path }, { cause: error });
  }
  try {
    await handle.writeFile(formatAs(format, sig), 'utf8');
  } finally {
    await handle.close();
  }
  return { id, path };
}
