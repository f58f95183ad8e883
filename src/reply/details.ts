/**
 * The details behind the buttons and follow-up questions: the file table per platform, rollback
 * warnings, fix availability, version checks and related articles.
 */
import type { KnownBlock } from '@slack/types';
import type { FileRow, KbId, Signature, VersionCheck } from '../model.js';
import { context, section } from './blocks.js';
import { fixLine, groupByPlatform, type PlatformGroup } from './article.js';
import { fitReply } from './limits.js';
import { versionCheckLine } from './match.js';
import { normalizePlatform } from './platforms.js';
import { code, escapeMrkdwn, kbLink, kbUrl, oneLine } from './text.js';
import type { Reply } from './types.js';

/** Every row, sizes as the article prints them, and the columns that tell rows of one file apart. */
function fileTable(rows: readonly FileRow[]): string {
  const extra: [string, (r: FileRow) => string | undefined][] = [
    ['Language', (r) => r.language],
    ['Product', (r) => r.product ?? r.component],
  ];
  const shownExtra = extra.filter(([, get]) => new Set(rows.map(get)).size > 1);
  const cells = rows.map((r) => [
    r.name,
    r.version ?? '-',
    r.sizeText ?? (r.size === undefined ? '-' : r.size.toLocaleString('en-US')),
    r.date ?? '-',
    ...shownExtra.map(([, get]) => get(r) ?? '-'),
  ]);
  const head = ['File', 'Version', 'Size', 'Date', ...shownExtra.map(([name]) => name)];
  const last = head.length - 1;
  const width = head.map((_, i) => Math.min(40, Math.max(...[head, ...cells].map((c) => (c[i] ?? '').length))));
  const pad = (c: string[]): string => c.map((v, i) => (i < last ? v.padEnd(width[i] ?? 0) : v)).join('  ').trimEnd();
  const body = [pad(head), ...cells.map(pad)].join('\n');
  return `\`\`\`\n${escapeMrkdwn(body.replaceAll('```', "'''"))}\n\`\`\``;
}

function platformSection(kind: string, group: PlatformGroup): KnownBlock {
  return section(`*${kind}, ${escapeMrkdwn(group.printed)}:*\n${fileTable(group.rows)}`);
}

/** The files the fix installs (and its packages), per platform, or for one platform only. */
export function buildFilesReply(sig: Signature, platform?: string): Reply {
  const wanted = platform === undefined ? undefined : normalizePlatform(platform);
  const pick = (rows: FileRow[]): PlatformGroup[] => groupByPlatform(rows).filter((g) => wanted === undefined || g.platform === wanted || g.platform === 'any');
  const files = pick(sig.files);
  const packages = pick(sig.packages);
  const scope = wanted === undefined ? '' : ` for ${escapeMrkdwn(platform ?? '')}`;
  if (files.length === 0 && packages.length === 0) {
    const known = groupByPlatform([...sig.files, ...sig.packages]).map((g) => g.printed);
    const text = sig.files.length + sig.packages.length === 0 ? `${sig.id} lists no files.` : `${sig.id} lists no files${scope}; it has files for ${known.join(', ')}.`;
    return fitReply({ text: escapeMrkdwn(text), blocks: [section(escapeMrkdwn(text).replace(sig.id, kbLink(sig.id)))] });
  }
  const blocks: KnownBlock[] = [section(`:floppy_disk: *Files the fix installs${scope}* (${kbLink(sig.id)}):`)];
  for (const group of files) blocks.push(platformSection('Files', group));
  for (const group of packages) blocks.push(platformSection('Packages', group));
  blocks.push(context('Versions are the minimum: later versions also carry the fix.'));
  const text = `Files for ${sig.id}${scope}: ${files.flatMap((g) => g.rows.map((r) => `${r.name} ${r.version ?? ''}`.trim())).join(', ')}`;
  return fitReply({ text: escapeMrkdwn(text), blocks }, { moreHint: `the full table is in ${kbUrl(sig.id)}` });
}

/** Every rollback warning, with its version floor. */
export function buildRollbackReply(sig: Signature): Reply {
  if (sig.rollback.length === 0) {
    const text = `${sig.id} gives no rollback restriction. Check the article before uninstalling anything.`;
    return fitReply({ text, blocks: [section(`${kbLink(sig.id)} gives no rollback restriction. Check the article before uninstalling anything.`)] });
  }
  const lines = sig.rollback.map((r) => {
    const floor = r.minVersion ? `\n   Floor: ${code(r.file ?? 'file')} ${code(r.minVersion)} or later.` : '';
    return `• ${escapeMrkdwn(oneLine(r.text))}${floor}`;
  });
  const blocks: KnownBlock[] = [section(`:warning: *Before rolling back ${kbLink(sig.id)}:*\n${lines.join('\n')}`)];
  const text = `Rollback warning for ${sig.id}: ${oneLine(sig.rollback[0]?.text ?? '')}`;
  return fitReply({ text: escapeMrkdwn(text), blocks }, { moreHint: `read ${kbUrl(sig.id)}` });
}

/** Is there a fix, and what kind. */
export function buildFixReply(sig: Signature): Reply {
  const status = sig.status ? `\n*Status:* ${escapeMrkdwn(oneLine(sig.status))}` : '';
  const blocks: KnownBlock[] = [section(`${kbLink(sig.id)}\n${fixLine(sig, 1200)}${status}`)];
  return fitReply({ text: escapeMrkdwn(`${sig.id}: ${sig.fix.kind} — ${oneLine(sig.fix.summary)}`), blocks });
}

/** Reported versions against the fix: fixed or not, rollback floor. */
export function buildVersionCheckReply(sig: Signature, checks: readonly VersionCheck[], note?: string): Reply {
  if (checks.length === 0) {
    const files = [...new Set(sig.files.filter((f) => f.version).map((f) => f.name))];
    const text = files.length === 0 ? `${sig.id} lists no file versions to compare with.` : `${sig.id} lists versions for ${files.join(', ')} only.`;
    return fitReply({ text: escapeMrkdwn(text), blocks: [section(escapeMrkdwn(text))] });
  }
  const blocks: KnownBlock[] = [section(`*Version check against ${kbLink(sig.id)}:*\n${checks.map(versionCheckLine).join('\n')}`)];
  if (note) blocks.push(context(escapeMrkdwn(note)));
  const text = checks.map((c) => `${c.file} ${c.reported}: ${c.installed ? 'has the fix' : `not fixed (fix is ${c.fixed})`}`).join('; ');
  return fitReply({ text: escapeMrkdwn(text), blocks });
}

/** Articles the article refers to, with titles when the store has them. */
export function buildRelatedReply(sig: Signature, titles: ReadonlyMap<KbId, string>): Reply {
  if (sig.related.length === 0) {
    return fitReply({ text: `${sig.id} names no related articles.`, blocks: [section(`${kbLink(sig.id)} names no related articles.`)] });
  }
  const lines = sig.related.slice(0, 20).map((kb) => `• ${kbLink(kb)}${titles.has(kb) ? ` ${escapeMrkdwn(titles.get(kb) ?? '')}` : ' _(not in the store)_'}`);
  const blocks: KnownBlock[] = [section(`*Related to ${kbLink(sig.id)}:*\n${lines.join('\n')}`)];
  return fitReply({ text: `Related to ${sig.id}: ${sig.related.join(', ')}`, blocks });
}
