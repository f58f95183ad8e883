/**
 * `kbbot validate [--store DIR]`: checks every signature file with the schema the loader uses,
 * prints each invalid file with its bad fields, then a summary; exits 1 on any invalid file.
 */
import { relative } from 'node:path';
import { isPackPath, type StoreError } from '../../store/index.js';
import { parseCommandArgs, processIo, STORE_OPTION, type CommandIo, type CommandSpec } from '../args.js';
import { openStore } from '../store.js';

export const validateSpec = {
  name: 'validate',
  synopsis: '[--store DIR]',
  description: 'Checks every signature file (*.json, *.yml, *.yaml) in the store against the signature schema.\nPrints each invalid file with the field at fault; exits 1 when any file is invalid.',
  options: { store: STORE_OPTION },
  positionals: { min: 0, max: 0 },
  examples: ['kbbot validate', 'kbbot validate --store ./ingested'],
} satisfies CommandSpec;

/** Paths under the cwd print relative (shorter, clickable in editors); others stay absolute. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

function groupByFile(errors: StoreError[]): Map<string, StoreError[]> {
  const byFile = new Map<string, StoreError[]>();
  for (const e of errors) byFile.set(e.path, [...(byFile.get(e.path) ?? []), e]);
  return byFile;
}

export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const args = parseCommandArgs(validateSpec, argv);
  if (args.help) {
    io.out(args.text);
    return 0;
  }
  const store = await openStore({ command: 'validate', flag: args.values.store, io, reportInvalid: false });
  const dir = store.dir;
  const invalid = groupByFile(store.errors);
  for (const [path, errors] of invalid) {
    io.out(`${displayPath(path)}\n`);
    for (const e of errors) io.out(`  ${e.field}: ${e.message}\n`);
  }
  const valid = store.signatures.size;
  const withTraces = [...store.signatures.values()].filter((s) => s.traces.length > 0).length;
  if (valid + invalid.size === 0) {
    io.err(`no signature files (*.json, *.yml, *.yaml) in ${displayPath(dir)}\n`);
    return 1;
  }
  io.out(
    `${invalid.size > 0 ? '\n' : ''}${displayPath(dir)}: ${valid + invalid.size} ${isPackPath(dir) ? 'entries' : 'files'}, ${valid} valid (${withTraces} with traces), ${invalid.size} invalid\n`,
  );
  return invalid.size > 0 ? 1 : 0;
}
