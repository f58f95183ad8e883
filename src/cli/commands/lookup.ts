/**
 * `kbbot lookup REF [--json] [--store DIR]`: shows one article's signature as a readable card,
 * or as the signature JSON. REF is Q272274, KB272274, 272274 or a support.microsoft.com URL.
 */
import { ErrorCode, KbBotError } from '../../errors.js';
import type { FileRow, KbId, Signature } from '../../model.js';
import { loadStore, orderSignature } from '../../store/index.js';
import { parseCommandArgs, processIo, resolveStoreDir, STORE_OPTION, type CommandIo, type CommandSpec } from '../args.js';

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

const DIGITS = /^\d{1,8}$/;

/** Canonical id from a reference; interim until trace/ exports parseKbRef. */
export function referenceToId(ref: string): KbId | undefined {
  const text = ref.trim();
  const bare = text.replace(/^(?:kb|q)/i, '');
  if (DIGITS.test(bare)) return `Q${Number(bare)}`;
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (!url.hostname.toLowerCase().endsWith('support.microsoft.com')) return undefined;
  // Old links carry the id in the query (?scid=kb;en-us;Q272274), newer ones in the path (/kb/272274, /help/272274/title).
  const parts = [...url.pathname.split('/'), ...url.search.replace(/^\?/, '').split(/[;&=]/)];
  for (const part of parts) {
    const candidate = part.replace(/^(?:kb|q)/i, '');
    if (DIGITS.test(candidate) && candidate.length >= 4) return `Q${Number(candidate)}`;
  }
  return undefined;
}

function fileLine(row: FileRow): string {
  const size = row.size === undefined ? '' : row.size.toLocaleString('en-US');
  const cells = [row.name.padEnd(16), (row.version ?? '').padEnd(14), size.padStart(11), ` ${row.date ?? ''}`, row.time ? ` ${row.time}` : ''];
  return `    ${cells.join(' ').trimEnd()}`;
}

/** Rows grouped by platform, in first-seen order; rows without one are grouped as "all platforms". */
function byPlatform(rows: FileRow[]): Map<string, FileRow[]> {
  const groups = new Map<string, FileRow[]>();
  for (const row of rows) {
    const key = row.platform ?? 'all platforms';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** The article as plain text: rollback warnings right under the title, where nobody misses them. */
export function renderCardText(sig: Signature): string {
  const lines: string[] = [`${sig.id}  ${sig.title}`];
  const meta = [sig.product, sig.versions.length > 0 ? `versions ${sig.versions.join(', ')}` : '', sig.published ? `published ${sig.published}` : '']
    .filter((m) => m !== '')
    .join(' | ');
  if (meta) lines.push(meta);
  for (const r of sig.rollback) {
    const floor = r.file && r.minVersion ? ` [${r.file} cannot go below ${r.minVersion}]` : '';
    lines.push(`!! ROLLBACK WARNING: ${r.text}${floor}`);
  }
  if (sig.symptoms) lines.push('', `Symptoms: ${sig.symptoms}`);
  if (sig.cause) lines.push('', `Cause: ${sig.cause}`);
  const fixTarget = [sig.fix.servicePack, sig.fix.version].filter(Boolean).join('; ');
  lines.push('', `Fix: ${sig.fix.kind}${fixTarget ? ` (${fixTarget})` : ''}${sig.fix.summary ? `: ${sig.fix.summary}` : ''}`);
  if (sig.status) lines.push(`Status: ${sig.status}`);
  for (const [title, rows] of [['Files the fix installs', sig.files], ['Packages', sig.packages]] as const) {
    if (rows.length === 0) continue;
    lines.push('', `${title}:`);
    for (const [platform, group] of byPlatform(rows)) lines.push(`  ${platform}`, ...group.map(fileLine));
  }
  const codes = [
    ...sig.stopCodes.map((c) => `STOP ${c}`),
    ...sig.exceptionCodes.map((c) => `exception ${c}`),
    ...sig.eventIds.map((e) => `event ${e}`),
  ];
  if (codes.length > 0) lines.push('', `Codes: ${codes.join(', ')}`);
  sig.traces.forEach((trace, i) => {
    lines.push('', `Trace ${i + 1} (${trace.length} frames, crash frame first):`);
    lines.push(...trace.map((f) => `    ${f.module}!${f.symbol}${f.offset ? `+${f.offset}` : ''}`));
  });
  if (sig.related.length > 0) lines.push('', `Related: ${sig.related.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const args = parseCommandArgs(lookupSpec, argv);
  if (args.help) {
    io.out(args.text);
    return 0;
  }
  const ref = args.positionals[0] ?? '';
  const id = referenceToId(ref);
  if (id === undefined) {
    throw new KbBotError(ErrorCode.BadReference, `'${ref}' is not a KB reference (try Q272274, KB272274, 272274 or a support.microsoft.com URL)`, { ref });
  }
  const store = await loadStore(resolveStoreDir(args.values.store));
  if (store.errors.length > 0) {
    const files = new Set(store.errors.map((e) => e.path)).size;
    io.err(`warning: ${files} invalid signature file(s) skipped; run kbbot validate\n`);
  }
  const sig = store.signatures.get(id);
  if (!sig) {
    io.err(`${id} is not in the store (${store.dir}, ${store.signatures.size} signatures)\n`);
    return 1;
  }
  io.out(args.values.json ? `${JSON.stringify(orderSignature(sig), null, 2)}\n` : renderCardText(sig));
  return 0;
}
