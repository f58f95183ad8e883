/**
 * The article card and the compact pieces the match reply shares with it: cause, fix, rollback
 * warning and files, each a line or two, so the whole answer fits on one screen.
 */
import type { KnownBlock } from '@slack/types';
import { isTeamId, type FileRow, type Fix, type KbId, type Signature } from '../model.js';
import { actions, context, section, type ButtonSpec } from './blocks.js';
import { ActionId } from './ids.js';
import { fitReply } from './limits.js';
import { normalizePlatform } from './platforms.js';
import { code, escapeMrkdwn, kbLink, kbUrl, link, summarize } from './text.js';
import type { Reply } from './types.js';
import { originLine } from './record.js';

const FIX_LABELS: Record<Fix['kind'], string> = {
  hotfix: ':wrench: Hotfix available',
  'service-pack': ':package: Fixed in a service pack',
  update: ':arrows_counterclockwise: Update available',
  upgrade: ':arrow_up: Fixed by upgrading',
  workaround: ':construction: Workaround only',
  none: ':no_entry: No fix',
  unknown: ':grey_question: Fix: see the article',
};

export function fixLabel(fix: Fix): string {
  return FIX_LABELS[fix.kind];
}

/** `*Fix:* Hotfix available — summary · Service pack: …` */
export function fixLine(sig: Signature, max = 300): string {
  const parts = [`*Fix:* ${fixLabel(sig.fix)}`];
  if (sig.fix.summary) parts.push(escapeMrkdwn(summarize(sig.fix.summary, max)));
  const extra: string[] = [];
  if (sig.fix.servicePack) extra.push(`Service pack: ${escapeMrkdwn(sig.fix.servicePack)}`);
  if (sig.fix.version) extra.push(`Fixed in ${code(sig.fix.version)}`);
  return `${parts.join(' — ')}${extra.length > 0 ? `\n${extra.join(' · ')}` : ''}`;
}

export function causeLine(sig: Signature, max = 300): string | undefined {
  const text = sig.cause || sig.symptoms;
  if (!text) return undefined;
  return `*${sig.cause ? 'Cause' : 'Symptoms'}:* ${escapeMrkdwn(summarize(text, max))}`;
}

/** The rollback warning, prominent: the first warning in full (clipped), the floor as code. */
export function rollbackLine(sig: Signature, max = 360): string | undefined {
  const [first, ...rest] = sig.rollback;
  if (!first) return undefined;
  let text = escapeMrkdwn(summarize(first.text, max));
  let floor = '';
  // The floor stands out as code; spelt out separately only when the warning does not name it (no repeats).
  if (first.minVersion && text.includes(first.minVersion)) text = text.replace(first.minVersion, code(first.minVersion));
  else if (first.minVersion) floor = ` (keep ${code(first.file ?? 'the file')} at ${code(first.minVersion)} or later)`;
  const more = rest.length > 0 ? ` _+${rest.length} more warning${rest.length > 1 ? 's' : ''}_` : '';
  return `:warning: *Rollback:* ${text}${floor}${more}`;
}

export interface PlatformGroup {
  platform: string;
  /** As the article printed it (first row seen). */
  printed: string;
  rows: FileRow[];
}

/** File rows grouped by canonical platform, in the article's order. */
export function groupByPlatform(rows: readonly FileRow[]): PlatformGroup[] {
  const groups = new Map<string, PlatformGroup>();
  for (const row of rows) {
    const platform = normalizePlatform(row.platform);
    const group = groups.get(platform) ?? { platform, printed: row.platform ?? 'any platform', rows: [] };
    group.rows.push(row);
    groups.set(platform, group);
  }
  return [...groups.values()];
}

/** One line per platform: `i386`: Store.exe `5.5.2654.3` · Emsmdb32.dll `5.5.2654.3`. */
export function filesSummary(sig: Signature, perPlatform = 4, platforms = 4): string | undefined {
  if (sig.files.length === 0) return undefined;
  const groups = groupByPlatform(sig.files);
  const lines = groups.slice(0, platforms).map((g) => {
    const shown = g.rows.slice(0, perPlatform).map((r) => `${escapeMrkdwn(r.name)}${r.version ? ` ${code(r.version)}` : ''}`);
    const more = g.rows.length > perPlatform ? ` _+${g.rows.length - perPlatform} more_` : '';
    return `${code(g.printed)} ${shown.join(' · ')}${more}`;
  });
  if (groups.length > platforms) lines.push(`_+${groups.length - platforms} more platforms_`);
  return `*Files the fix installs:*\n${lines.join('\n')}`;
}

/** Cause, fix, rollback warning and files: the body both the match reply and the card show. */
export function articleBody(sig: Signature): KnownBlock[] {
  const lines = [causeLine(sig), fixLine(sig)].filter((l): l is string => l !== undefined);
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  const rollback = rollbackLine(sig);
  if (rollback) blocks.push(section(rollback));
  const files = filesSummary(sig);
  if (files) blocks.push(section(files));
  return blocks;
}

/** Buttons for details that sit behind the compact view. */
export function detailButtons(sig: Signature): ButtonSpec[] {
  const buttons: ButtonSpec[] = [];
  if (sig.files.length > 0 || sig.packages.length > 0) buttons.push({ text: 'Files', actionId: ActionId.Files, value: sig.id });
  if (sig.rollback.length > 0) buttons.push({ text: 'Rollback', actionId: ActionId.Rollback, value: sig.id });
  if (sig.related.length > 0) buttons.push({ text: 'Related', actionId: ActionId.Related, value: sig.id });
  return buttons;
}

export function titleLine(sig: Signature): string {
  return `*${kbLink(sig.id)} ${escapeMrkdwn(sig.title)}*`;
}

export function productLine(sig: Signature): string | undefined {
  const parts: string[] = [originLine(sig)];
  if (sig.product) parts.push(escapeMrkdwn(sig.product) + (sig.versions.length > 0 ? ` ${escapeMrkdwn(sig.versions.join(', '))}` : ''));
  if (sig.published) parts.push(`published ${sig.published}`);
  return parts.join(' · ');
}

/** The plain fallback: id, title, fix and the rollback warning (the part nobody should miss). */
export function fallbackText(sig: Signature, lead = ''): string {
  const rollback = sig.rollback[0] ? ` Rollback warning: ${summarize(sig.rollback[0].text, 200)}` : '';
  return escapeMrkdwn(`${lead}${sig.id}: ${sig.title}. ${fixLabel(sig.fix).replace(/^:[a-z_]+: /, '')}.${rollback}`);
}

/** An article's card: title, product, cause, fix, rollback warning, files, detail buttons. */
export function buildArticleCard(sig: Signature): Reply {
  const product = productLine(sig);
  const blocks: KnownBlock[] = [section(`:page_facing_up: ${titleLine(sig)}`), ...(product ? [context(product)] : []), ...articleBody(sig)];
  const buttons = detailButtons(sig);
  if (buttons.length > 0) blocks.push(actions(buttons));
  return fitReply({ text: fallbackText(sig), blocks }, { moreHint: `the full article is at ${kbUrl(sig.id)}` });
}

/** A reference to an article the store does not hold: say so, and link it. */
export function buildUnknownArticleReply(kb: KbId): Reply {
  const text = `${kb} is not in kbbot's store.`;
  if (isTeamId(kb)) return fitReply({ text, blocks: [section(`:grey_question: ${kb} is not among your team's known issues in kbbot's store.`)] });
  return fitReply({ text, blocks: [section(`:grey_question: ${kb} is not in kbbot's store. ${link(kbUrl(kb), 'Open it on support.microsoft.com')}`)] });
}
