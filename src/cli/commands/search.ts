/** `kbbot search WORDS [--store DIR] [--json]`: free-text search over titles and symptoms. */
import { searchText } from '../../match/index.js';
import { parseCommandArgs, processIo, STORE_OPTION, type CommandIo, type CommandSpec } from '../args.js';
import { openKnowledge } from '../store.js';

export const searchSpec = {
  name: 'search',
  synopsis: 'WORDS... [--limit N] [--json] [--store DIR]',
  description: 'Finds articles whose title or symptoms hold the words (a mistyped word still finds its article).',
  options: {
    limit: { type: 'string', value: 'N', description: 'how many articles to show (default 10)' },
    json: { type: 'boolean', description: 'print the hits as JSON' },
    store: STORE_OPTION,
  },
  positionals: { min: 1, max: 100 },
  examples: ['kbbot search store crash push notification', 'kbbot search "information store" stops --limit 5'],
} satisfies CommandSpec;

export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const args = parseCommandArgs(searchSpec, argv);
  if (args.help) {
    io.out(args.text);
    return 0;
  }
  const limit = args.values.limit === undefined ? 10 : Number(args.values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    io.err(`kbbot search: --limit must be a positive whole number, got '${args.values.limit ?? ''}'\n`);
    return 2;
  }
  const { knowledge } = await openKnowledge({ command: 'search', flag: args.values.store, io });
  const hits = searchText(knowledge.index, args.positionals, limit);
  if (args.values.json) io.out(`${JSON.stringify(hits, null, 2)}\n`);
  else if (hits.length === 0) io.out('no article matches those words\n');
  else io.out(hits.map((h) => `${h.kb.padEnd(8)} ${h.score.toFixed(2)}  ${h.title}`).join('\n') + '\n');
  return hits.length === 0 ? 1 : 0;
}
