/**
 * The one way every command loads the signature store: `--store DIR`, else `KBBOT_STORE`, else the bundled
 * signatures/ (resolveStoreDir); invalid files are skipped and reported on stderr in one line naming how
 * many and what to run, so lookup, match, search, console and start all say the same thing.
 */
import { buildKnowledge, type Knowledge } from '../bot/index.js';
import { loadStore, type LoadedStore } from '../store/index.js';
import { resolveStoreDir, type CommandIo } from './args.js';
import type { Config } from '../config.js';

export interface OpenStoreOptions {
  /** `--store DIR` as given. */
  flag: string | undefined;
  /** The command's name, for the warning line. */
  command: string;
  io: CommandIo;
  /** `kbbot validate` lists every invalid file itself and wants no summary warning. */
  reportInvalid?: boolean;
  /** A configuration the caller already read (start); otherwise only KBBOT_STORE is read. */
  config?: Pick<Config, 'storeDir'>;
}

export async function openStore(options: OpenStoreOptions): Promise<LoadedStore> {
  const store = await loadStore(resolveStoreDir(options.flag, options.config));
  if (options.reportInvalid !== false && store.errors.length > 0) {
    const files = new Set(store.errors.map((e) => e.path)).size;
    options.io.err(`kbbot ${options.command}: warning: ${files} invalid signature file(s) skipped; run kbbot validate --store ${store.dir}\n`);
  }
  return store;
}

/** The store and its match index, built once: what match, search, console and the offline start answer from. */
export async function openKnowledge(options: OpenStoreOptions): Promise<{ store: LoadedStore; knowledge: Knowledge }> {
  const store = await openStore(options);
  return { store, knowledge: buildKnowledge(store.signatures) };
}
