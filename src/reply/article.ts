/**
 * The article card and the compact pieces the match reply shares with it: cause, fix, rollback
 * warning and files, each a line or two, so the whole answer fits on one screen.
 */
import type { KnownBlock } from '@slack/types';
import { isTeamId, type ArticleKind, type FileRow, type Fix, type KbId, type Signature } from '../model.js';
import { actions, context, section, type ButtonSpec } from './blocks.js';
import { ActionId } from './ids.js';
import { fitReply } from './limits.js';
import { normalizePlatform } from './platforms.js';
import { code, escapeMrkdwn, kbLink, kbUrl, link, oneLine, summarize } from './text.js';
import type { Reply } from './types.js';
import { originLine } from './record.js';

const FIX_LABELS: Record<Fix['kind'], string> = {
  hotfix: ':wrench: Hotfix available',
  'service-pack': ':package: Fixed in a service pack',
  update: ':arrows_counterclockwise: Update available',
  upgrade: ':arrow_up: Fixed by upgrading',
  configuration: ':gear: Resolved by a change of settings or steps',
  workaround: ':construction: Workaround only',
  none: ':no_entry: No fix (by design or a limitation)',
  'not-yet': ':hourglass: No fix yet (Microsoft is researching it)',
  unknown: ':grey_question: No fix named by the article',
};

const KIND_LABELS: Record<Exclude<ArticleKind, 'problem'>, string> = {
  howto: 'How-to article',
  info: 'Information article',
  index: 'Index article (lists other articles, fixes or files)',
};

/** A team's known issue has no article and no Microsoft researching it: its unknowns say what the team has not recorded. */
const TEAM_FIX_LABELS: Partial<Record<Fix['kind'], string>> = {
  'not-yet': ':hourglass: No fix yet',
  unknown: ':grey_question: No fix recorded yet',
};

export function fixLabel(fix: Fix, teamIssue = false): string {
  return (teamIssue ? TEAM_FIX_LABELS[fix.kind] : undefined) ?? FIX_LABELS[fix.kind];
}

/** Only problem articles have a fix; older signature files have no kind and are problems. */
export function isProblem(sig: Signature): boolean {
  return (sig.articleKind ?? 'problem') === 'problem';
}

/**
 * `text` whole when it fits; otherwise cut at a word (a sentence end when near) and marked "…", with how much
 * of the article's text is left out, so a cut list never reads as complete.
 */
export function shortened(text: string, max: number): string {
  const flat = oneLine(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const sentenceEnd = cut.lastIndexOf('. ');
  const space = cut.lastIndexOf(' ');
  const end = sentenceEnd > max * 0.6 ? sentenceEnd + 1 : space > max * 0.6 ? space : cut.length;
  const left = flat.slice(end).trim().split(' ').length;
  return `${flat.slice(0, end).trimEnd()} … (+${left} more word${left === 1 ? '' : 's'} in the article)`;
}

/** `*Fix:* Hotfix available — summary`, then what carries it and the steps. */
export function fixLine(sig: Signature, max = 300): string {
  const parts = [`*Fix:* ${fixLabel(sig.fix, isTeamId(sig.id))}`];
  if (sig.fix.summary) parts.push(escapeMrkdwn(shortened(sig.fix.summary, max)));
  const extra: string[] = [];
  const carriers = sig.fix.carriers ?? [];
  if (sig.fix.after) extra.push(`Fixes released after ${escapeMrkdwn(sig.fix.after)}`);
  if (sig.fix.carriers === undefined) {
    // Files written before carriers were read (curated ones) name the pack and the fixing version.
    if (sig.fix.servicePack) extra.push(`Service pack: ${escapeMrkdwn(sig.fix.servicePack)}`);
    if (sig.fix.version) extra.push(`Fixed in ${code(sig.fix.version)}`);
  } else if (carriers.length > 0) extra.push(`${sig.fix.kind === 'upgrade' ? 'Fixed in' : 'Carried by'}: ${carriers.slice(0, 4).map(escapeMrkdwn).join(' · ')}${carriers.length > 4 ? ` … (+${carriers.length - 4} more)` : ''}`);
  const steps = sig.fix.steps;
  if (steps) {
    const shown = steps.first.map((s, i) => `${i + 1}. ${escapeMrkdwn(s)}`).join(' ');
    const left = steps.count - steps.first.length;
    extra.push(`${steps.count} steps: ${shown}${left > 0 ? ` … (+${left} more step${left === 1 ? '' : 's'} in the article)` : ''}`);
  }
  return `${parts.join(' — ')}${extra.length > 0 ? `\n${extra.join(sig.fix.carriers === undefined ? ' · ' : '\n')}` : ''}`;
}

export function causeLine(sig: Signature, max = 300): string | undefined {
  const text = sig.cause || sig.symptoms;
  if (!text) return undefined;
  const label = sig.cause ? 'Cause' : isProblem(sig) ? 'Symptoms' : 'Summary';
  return `*${label}:* ${escapeMrkdwn(shortened(text, max))}`;
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

/** The attributes that tell rows of one file apart (date, language, product, size), for the rows that need it. */
export function distinguishing(rows: readonly FileRow[]): Map<FileRow, string> {
  const out = new Map<FileRow, string>();
  const byName = new Map<string, FileRow[]>();
  for (const row of rows) byName.set(row.name.toLowerCase(), [...(byName.get(row.name.toLowerCase()) ?? []), row]);
  const fields: ((r: FileRow) => string | undefined)[] = [
    (r) => r.version,
    (r) => r.language,
    (r) => r.product ?? r.component,
    (r) => r.date,
    (r) => r.sizeText ?? r.size?.toLocaleString('en-US'),
  ];
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const differing = fields.slice(1).filter((f) => new Set(same.map(f)).size > 1);
    for (const row of same) {
      const label = differing.map((f) => f(row)).filter((v): v is string => v !== undefined).join(', ');
      if (label) out.set(row, label);
    }
  }
  return out;
}

/** One line per platform: `i386`: Store.exe `5.5.2654.3` · Emsmdb32.dll `5.5.2654.3`; rows of one file told apart. */
export function filesSummary(sig: Signature, perPlatform = 4, platforms = 4): string | undefined {
  if (sig.files.length === 0) return undefined;
  const groups = groupByPlatform(sig.files);
  const lines = groups.slice(0, platforms).map((g) => {
    const apart = distinguishing(g.rows);
    const shown = g.rows.slice(0, perPlatform).map((r) => {
      const tell = apart.get(r);
      return `${escapeMrkdwn(r.name)}${r.version ? ` ${code(r.version)}` : ''}${tell ? ` (${escapeMrkdwn(tell)})` : ''}`;
    });
    const more = g.rows.length > perPlatform ? ` … _+${g.rows.length - perPlatform} more_` : '';
    return `${code(g.printed)} ${shown.join(' · ')}${more}`;
  });
  if (groups.length > platforms) lines.push(`… _+${groups.length - platforms} more platforms_`);
  return `*Files the fix installs (${sig.files.length}):*\n${lines.join('\n')}`;
}

/** Cause, fix, rollback warning and files: the body both the match reply and the card show. */
export function articleBody(sig: Signature): KnownBlock[] {
  const kindLine = isProblem(sig) ? undefined : `_${KIND_LABELS[sig.articleKind as Exclude<ArticleKind, 'problem'>]}_`;
  const lines = [kindLine, causeLine(sig), isProblem(sig) ? fixLine(sig) : undefined].filter((l): l is string => l !== undefined);
  if (lines.length === 0) lines.push(`_No summary: see ${kbLink(sig.id)}_`);
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
  const fix = isProblem(sig) ? ` ${fixLabel(sig.fix, isTeamId(sig.id)).replace(/^:[a-z_]+: /, '')}.` : '';
  return escapeMrkdwn(`${lead}${sig.id}: ${sig.title}.${fix}${rollback}`);
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
