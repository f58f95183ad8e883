/**
 * `kbbot lookup REF [--json] [--store DIR]`: shows one article's signature as a readable card,
 * or as the signature JSON. REF is Q272274, KB272274, 272274 or a support.microsoft.com URL.
 */
import { ErrorCode, KbBotError } from '../../errors.js';
import type { KbId, Signature } from '../../model.js';
import { buildArticleCard, buildFilesReply, buildRelatedReply, renderText } from '../../reply/index.js';
import { orderSignature } from '../../store/index.js';
import { parseKbRef } from '../../trace/index.js';
import { parseCommandArgs, processIo, STORE_OPTION, type CommandIo, type CommandSpec } from '../args.js';
import { openStore, teamSignature } from '../store.js';

export const lookupSpec = {
  name: 'lookup',
  synopsis: 'REF [--json] [--store DIR]',
  description: 'Shows what the store knows about one KB article: cause, fix, files per platform, packages,\nrollback warnings and related articles. REF: Q272274, KB272274, 272274 or a support.microsoft.com URL.',
  options: {
    json: { type: 'boolean', description: 'print the signature as JSON instead of the card' },
    store: STORE_OPTION,
  },
  positionals: { min: 1, max: 1 },
  examples: ['kbbot lookup Q272274', 'kbbot lookup KB272274 --json', 'kbbot lookup https://support.microsoft.com/kb/272274'],
} satisfies CommandSpec;

/**
 * The card as the console and Slack show it (the reply builders' card), followed by what its buttons
 * open: the full file table per platform with packages, and the related articles.
 */
export function renderLookupText(sig: Signature, titles: ReadonlyMap<KbId, string>): string {
  const replies = [buildArticleCard(sig)];
  if (sig.files.length + sig.packages.length > 0) replies.push(buildFilesReply(sig));
  if (sig.related.length > 0) replies.push(buildRelatedReply(sig, titles));
  return `${replies.map(renderText).join('\n\n')}\n`;
}

export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const args = parseCommandArgs(lookupSpec, argv);
  if (args.help) {
    io.out(args.text);
    return 0;
  }
  const ref = args.positionals[0] ?? '';
  const id = parseKbRef(ref);
  if (id === undefined) {
    throw new KbBotError(ErrorCode.BadReference, `'${ref}' is not a KB reference (try Q272274, KB272274, 272274 or a support.microsoft.com URL)`, { ref });
  }
  const store = await openStore({ command: 'lookup', flag: args.values.store, io });
  const sig = store.signatures.get(id) ?? (await teamSignature(id));
  if (!sig) {
    io.err(`${id} is not in the store (${store.dir}, ${store.signatures.size} signatures)\n`);
    return 1;
  }
  if (args.values.json) {
    io.out(`${JSON.stringify(orderSignature(sig), null, 2)}\n`);
    return 0;
  }
  const titles = new Map(sig.related.flatMap((kb) => { const t = store.signatures.get(kb)?.title; return t === undefined ? [] : [[kb, t] as const]; }));
  io.out(renderLookupText(sig, titles));
  return 0;
}
