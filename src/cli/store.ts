/**
 * The one way every command loads the signature store: `--store DIR`, else `KBBOT_STORE`, else the bundled
 * signatures/ (resolveStoreDir); invalid files are skipped and reported on stderr in one line naming how
 * many and what to run, so lookup, match, search, console and start all say the same thing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildKnowledge, buildTeamLayer, layerKnowledge, type Knowledge } from '../bot/index.js';
import { loadTeamFolderSetting, type Config } from '../config.js';
import type { Signature } from '../model.js';
import { DEFAULT_DATA_DIR } from '../state/index.js';
import { loadStore, type LoadedStore } from '../store/index.js';
import { resolveStoreDir, type CommandIo } from './args.js';

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

/** Where the team folder is, whether or not it exists yet: KBBOT_TEAM_STORE, else team/ under the data folder. */
export function teamFolderPath(setting = loadTeamFolderSetting()): string {
  return setting.teamStoreDir ?? join(setting.dataDir ?? DEFAULT_DATA_DIR, 'team');
}

/** The team folder the offline commands read, when there is one. */
export function teamFolder(setting = loadTeamFolderSetting()): string | undefined {
  const dir = teamFolderPath(setting);
  return existsSync(dir) ? dir : undefined;
}

/** One of the team's recorded known issues, read from the team folder (for `kbbot lookup KI-3`). */
export async function teamSignature(id: string, dir = teamFolder()): Promise<Signature | undefined> {
  if (dir === undefined || !id.startsWith('KI-')) return undefined;
  const { FolderTeamStore } = await import('../store/team.js');
  return new FolderTeamStore(dir).get(id);
}

/**
 * The store and its match index, built once, with the team's recorded known issues (and votes) layered on
 * top when a team folder exists: what match, search, lookup, console and the offline start answer from,
 * so an issue recorded with `kbbot add` or from Slack answers offline too.
 */
export async function openKnowledge(options: OpenStoreOptions & { teamDir?: string | undefined }): Promise<{ store: LoadedStore; knowledge: Knowledge; base: Knowledge }> {
  const store = await openStore(options);
  const knowledge = buildKnowledge(store.signatures);
  const dir = 'teamDir' in options ? options.teamDir : teamFolder();
  if (dir === undefined || dir === store.dir) return { store, knowledge, base: knowledge };
  // Imported here: the team store module brings ioredis, which commands without a team folder never need.
  const { FolderTeamStore } = await import('../store/team.js');
  const team = new FolderTeamStore(dir);
  const [signatures, votes] = await Promise.all([team.list(), team.votes()]);
  return { store, knowledge: layerKnowledge(knowledge, buildTeamLayer(signatures, votes)), base: knowledge };
}
