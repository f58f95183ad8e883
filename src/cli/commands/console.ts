/**
 * `kbbot console [--store DIR] [--channel]`: talk to the bot offline. The same bot and the same
 * replies as in Slack, rendered as text; `kbbot start` falls back to it without Slack credentials.
 */
import { parseCommandArgs, processIo, STORE_OPTION, type CommandIo, type CommandSpec } from '../args.js';
import type { Knowledge } from '../../bot/index.js';
import type { LoadedStore } from '../../store/index.js';
import { openKnowledge, teamFolderPath } from '../store.js';
import { runConsole, type ConsoleOptions } from '../console/run-console.js';

export { consoleBanner, runConsole, type ConsoleOptions } from '../console/run-console.js';

export const consoleSpec = {
  name: 'console',
  synopsis: '[--store DIR] [--channel]',
  description:
    'Paste messages and see what kbbot would reply, offline. A message may span many lines: end it with an\n' +
    'empty line. The console keeps one thread, so follow-ups ("files for alpha?") work; /kb commands work;\n' +
    ':why, :files, :rollback, :others, :right, :wrong stand in for the buttons; :record records the paste as a\n' +
    'known issue in the team folder (KBBOT_TEAM_STORE, else team/ under KBBOT_DATA_DIR); :new starts a thread; :quit leaves.',
  options: {
    store: STORE_OPTION,
    channel: { type: 'boolean', description: 'behave as in a channel (silent when nothing is known) instead of a DM' },
  },
  positionals: { min: 0, max: 0 },
  examples: ['kbbot console', 'kbbot console --store ./signatures < paste.txt'],
} satisfies CommandSpec;

/**
 * Where `:record` writes: the team folder the offline commands read (created at the first recording), unless
 * it is the store itself (its known issues are then in the store's own index, and would be answered twice).
 */
export function consoleTeam(store: LoadedStore, base: Knowledge): ConsoleOptions['team'] {
  const dir = teamFolderPath();
  if (dir === store.dir) return undefined;
  return {
    base,
    // Imported here: the team store module brings ioredis, which a console that records nothing never needs.
    open: async () => (await import('../../store/team.js')).FolderTeamStore.open(dir),
  };
}

export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const parsed = parseCommandArgs(consoleSpec, argv);
  if (parsed.help) {
    io.out(parsed.text);
    return 0;
  }
  const { store, knowledge, base } = await openKnowledge({ command: 'console', flag: parsed.values.store, io });
  const team = consoleTeam(store, base);
  await runConsole({
    input: process.stdin,
    output: process.stdout,
    getKnowledge: () => knowledge,
    storeDir: store.dir,
    ...(parsed.values.channel ? { channelType: 'channel' } : {}),
    ...(team ? { team } : {}),
  });
  return 0;
}
