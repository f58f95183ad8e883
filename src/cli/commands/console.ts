/**
 * `kbbot console [--store DIR] [--channel]`: talk to the bot offline. The same bot and the same
 * replies as in Slack, rendered as text; `kbbot start` falls back to it without Slack credentials.
 */
import { loadStore } from '../../store/index.js';
import { buildKnowledge, type Knowledge } from '../../bot/index.js';
import { parseCommandArgs, processIo, resolveStoreDir, STORE_OPTION, type CommandIo, type CommandSpec } from '../args.js';
import { runConsole } from '../console/run-console.js';

export { consoleBanner, runConsole, type ConsoleOptions } from '../console/run-console.js';

export const consoleSpec = {
  name: 'console',
  synopsis: '[--store DIR] [--channel]',
  description:
    'Paste messages and see what kbbot would reply, offline. A message may span many lines: end it with an\n' +
    'empty line. The console keeps one thread, so follow-ups ("files for alpha?") work; /kb commands work;\n' +
    ':why, :files, :rollback, :others, :right, :wrong stand in for the buttons; :new starts a thread; :quit leaves.',
  options: {
    store: STORE_OPTION,
    channel: { type: 'boolean', description: 'behave as in a channel (silent when nothing is known) instead of a DM' },
  },
  positionals: { min: 0, max: 0 },
  examples: ['kbbot console', 'kbbot console --store ./signatures < paste.txt'],
} satisfies CommandSpec;

/** Loads a store folder and indexes it; problems in single files are reported, not fatal. */
export async function loadKnowledge(dir: string, io: CommandIo = processIo): Promise<Knowledge> {
  const store = await loadStore(dir);
  for (const e of store.errors.slice(0, 10)) io.err(`kbbot console: skipped ${e.path}: ${e.field}: ${e.message}\n`);
  if (store.errors.length > 10) io.err(`kbbot console: ${store.errors.length - 10} more invalid files skipped\n`);
  return buildKnowledge(store.signatures);
}

export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const parsed = parseCommandArgs(consoleSpec, argv);
  if (parsed.help) {
    io.out(parsed.text);
    return 0;
  }
  const storeDir = resolveStoreDir(parsed.values.store);
  const knowledge = await loadKnowledge(storeDir, io);
  await runConsole({ input: process.stdin, output: process.stdout, getKnowledge: () => knowledge, storeDir, ...(parsed.values.channel ? { channelType: 'channel' } : {}) });
  return 0;
}
