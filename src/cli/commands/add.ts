/**
 * `kbbot add --store DIR --title TEXT [--cause TEXT] [--fix-kind KIND] [--fix TEXT] [--id ID] [FILE|-]`:
 * records a pasted crash as a team known issue (KI-N) from the frames that identify it.
 */
import { readFile } from 'node:fs/promises';
import { ErrorCode, KbBotError } from '../../errors.js';
import { FixKindSchema, type FixKind } from '../../model.js';
import { identifyingTraces, loadRules } from '../../match/index.js';
import { addKnownIssue } from '../../store/index.js';
import { parseMessage } from '../../trace/index.js';
import { parseCommandArgs, processIo, resolveStoreDir, STORE_OPTION, type CommandIo, type CommandSpec } from '../args.js';

export const addSpec = {
  name: 'add',
  synopsis: '--title TEXT [--cause TEXT] [--fix-kind KIND] [--fix TEXT] [--id KI-N] [--store DIR] [FILE|-]',
  description:
    'Records a pasted crash (a file, or stdin when FILE is - or missing) as a team known issue: a signature\n' +
    'file KI-N in the store, holding the frames that identify the crash (generic frames left out), in the\n' +
    "store's format. Prints the new id. A paste without a usable stack trace is refused.",
  options: {
    title: { type: 'string', value: 'TEXT', description: 'what the issue is called (required)' },
    cause: { type: 'string', value: 'TEXT', description: 'why it happens' },
    'fix-kind': { type: 'string', value: 'KIND', description: `${FixKindSchema.options.join(' | ')} (default: workaround with --fix, else unknown)` },
    fix: { type: 'string', value: 'TEXT', description: 'what to do about it' },
    id: { type: 'string', value: 'KI-N', description: 'the id to use (default: the next free KI- number in the store)' },
    store: STORE_OPTION,
  },
  positionals: { min: 0, max: 1 },
  examples: ['kbbot add --store team-kb --title "Importer crashes on empty CSV" --fix "upgrade to 2.3" crash.txt', 'pbpaste | kbbot add --store team-kb --title "NPE in DuplicateSearch"'],
} satisfies CommandSpec;

async function readInput(path: string | undefined): Promise<string> {
  if (path !== undefined && path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const args = parseCommandArgs(addSpec, argv);
  if (args.help) {
    io.out(args.text);
    return 0;
  }
  const { title, cause, fix, id, store } = args.values;
  if (title === undefined || title.trim() === '') throw new KbBotError(ErrorCode.Usage, '--title is required (see kbbot add --help)');
  const kindText = args.values['fix-kind'];
  let fixKind: FixKind | undefined;
  if (kindText !== undefined) {
    const parsed = FixKindSchema.safeParse(kindText);
    if (!parsed.success) throw new KbBotError(ErrorCode.Usage, `--fix-kind ${kindText}: one of ${FixKindSchema.options.join(', ')}`);
    fixKind = parsed.data;
  }
  const parsed = parseMessage(await readInput(args.positionals[0]));
  const traces = identifyingTraces(parsed.traces, loadRules());
  if (traces.length === 0) {
    const read = parsed.traces.reduce((n, t) => n + t.length, 0);
    io.err(
      read === 0
        ? 'kbbot add: no stack trace found in the paste; nothing to record (paste the whole trace, frames included)\n'
        : `kbbot add: the paste's ${read} frame(s) are all generic (runtime, framework or thread-start frames); nothing identifies the crash\n`,
    );
    return 1;
  }
  const added = await addKnownIssue(resolveStoreDir(store), { title, cause, fix, fixKind, id, traces });
  io.out(`${added.id}\n`);
  io.err(`wrote ${added.path} (${traces.length} trace(s), ${traces.reduce((n, t) => n + t.length, 0)} frame(s))\n`);
  return 0;
}
