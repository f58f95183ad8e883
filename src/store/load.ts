/**
 * Loads a store: a directory of signature files (`*.json`, `*.yml`, `*.yaml`, in sub-folders too), or a
 * packed store, one `*.jsonl` / `*.jsonl.gz` file holding every signature (pack.ts).
 * Every file is validated with the schema; a bad file is reported by path and field and skipped,
 * so one typo in a hand-written signature never takes the bot down.
 *
 * Speed (the ingested archive, 57,000 files): ~3 s of CPU, a third each reading, JSON.parse and the schema.
 * Files are read with synchronous calls in batches, yielding to the event loop between batches so a
 * reload never stalls the bot: async `readFile` with 8-64 in flight was 4-10x slower (four thread-pool
 * hops per file), and splitting the work with a worker thread cost ~1.5 s more CPU (module start-up,
 * structured clone of the results) and was slower on the shared 2-core machine.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCode, KbBotError } from '../errors.js';
import type { KbId, Signature } from '../model.js';
import { createCompactor } from './compact.js';
import { isPackPath, readPack } from './pack.js';
import { loadSignatureFile, type StoreError, type ValidatedFile } from './signature-file.js';

export type { StoreError, ValidatedFile } from './signature-file.js';

export interface LoadedStore {
  dir: string;
  signatures: Map<KbId, Signature>;
  errors: StoreError[];
}

const EXTENSIONS = new Set(['.json', '.yml', '.yaml']);
/** Files per batch: ~10 ms of work between two yields to the event loop. */
const BATCH = 256;

/** The bundled `signatures/` folder, found from this module's location (src/store or dist/store), never the cwd. */
export function defaultStoreDir(): string {
  return fileURLToPath(new URL('../../signatures', import.meta.url));
}

async function listSignatureFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      // Dot-files are temp files of an atomic write in progress (see write.ts) or editor droppings.
      if (entry.name.startsWith('.')) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(full);
    }
  };
  await walk(dir);
  return found.sort();
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function loadInBatches(paths: readonly string[]): Promise<ValidatedFile[]> {
  const results: ValidatedFile[] = [];
  for (let start = 0; start < paths.length; start += BATCH) {
    for (const path of paths.slice(start, start + BATCH)) results.push(loadSignatureFile(path));
    await yieldToEventLoop();
  }
  return results;
}

/**
 * Loads every signature under `dir`, a folder or a pack file. Throws `store_unreadable` only when `dir`
 * itself cannot be read (or is a file that is not a pack).
 */
export async function loadStore(dir: string): Promise<LoadedStore> {
  let isPack = false;
  try {
    const info = await stat(dir);
    isPack = info.isFile() && isPackPath(dir);
    if (!info.isDirectory() && !isPack) {
      throw new Error(info.isFile() ? 'not a folder, nor a pack (*.jsonl or *.jsonl.gz)' : 'not a directory');
    }
  } catch (error) {
    throw new KbBotError(ErrorCode.StoreUnreadable, `cannot read store ${dir}: ${(error as Error).message}`, { dir }, { cause: error });
  }
  if (isPack) return { dir, ...(await readPack(dir)) };
  const paths = await listSignatureFiles(dir);
  const results = await loadInBatches(paths);
  const signatures = new Map<KbId, Signature>();
  const firstPath = new Map<KbId, string>();
  const errors: StoreError[] = [];
  const compact = createCompactor();
  results.forEach((result, i) => {
    const path = paths[i] as string;
    if (!result.ok) {
      errors.push(...result.errors);
      return;
    }
    const id = result.signature.id;
    const earlier = firstPath.get(id);
    if (earlier !== undefined) {
      errors.push({ path, field: 'id', message: `duplicate id ${id}: already loaded from ${relative(dir, earlier)}` });
      return;
    }
    firstPath.set(id, path);
    signatures.set(id, compact(result.signature));
  });
  return { dir, signatures, errors };
}
