/**
 * "Why this match": the pasted frames lined up with the signature's, in a monospace block, so a
 * person can judge the match at a glance. Matched frames are marked, generic frames show the rule
 * that skipped them, and signature frames the paste lacks are listed at the end.
 */
import type { KnownBlock } from '@slack/types';
import type { Candidate, ClueMatch, Frame, Signature } from '../model.js';
import { context, section } from './blocks.js';
import { fitReply } from './limits.js';
import { clip, escapeMrkdwn, kbLink, kbUrl, percent } from './text.js';
import { votesLine } from './record.js';
import type { Reply } from './types.js';

const MARKS = { matched: '✓', fuzzy: '≈', skipped: '–', unmatched: '✗' } as const;
const FRAME_WIDTH = 44;
const MAX_ROWS = 40;

/** `KERNEL32.dll!BaseThreadStart` and `kernel32!basethreadstart` compare equal. */
function looseKey(frame: string): string {
  const bang = frame.indexOf('!');
  const module = bang === -1 ? '' : frame.slice(0, bang).replace(/\.(?:dll|exe|sys)$/i, '');
  return `${module}!${frame.slice(bang + 1)}`.toLowerCase();
}

function frameText(frame: Frame | undefined): string {
  return frame ? `${frame.module}!${frame.symbol}` : '?';
}

/** The why view for one candidate; `candidate.alignment` comes from the matcher. */
export function buildWhyReply(candidate: Candidate, signature: Signature | undefined, votes?: { confirmed: number; rejected: number }): Reply {
  const voted = votesLine(votes);
  const trace = signature?.traces[candidate.traceIndex ?? 0] ?? [];
  const heading = `*Why ${kbLink(candidate.kb)} matched* (confidence ${percent(candidate.score)}${signature && signature.traces.length > 1 ? `, signature trace ${(candidate.traceIndex ?? 0) + 1} of ${signature.traces.length}` : ''})`;
  if (candidate.alignment.length === 0 && (candidate.clueMatches?.length ?? 0) > 0) return buildClueWhy(candidate);
  if (candidate.alignment.length === 0) {
    const text = `No frame alignment for ${candidate.kb}: it was named, not matched from a trace.`;
    return fitReply({ text, blocks: [section(`${heading}\n${escapeMrkdwn(text)}${voted ? `\n${voted}` : ''}`)] });
  }
  const rows: string[] = [` #  ${'pasted frame'.padEnd(FRAME_WIDTH)}    signature frame`];
  const used = new Set<number>();
  for (const a of candidate.alignment.slice(0, MAX_ROWS)) {
    let right = '';
    if ((a.status === 'matched' || a.status === 'fuzzy') && a.signatureIndex !== undefined) {
      used.add(a.signatureIndex);
      right = `${a.signatureIndex} ${frameText(trace[a.signatureIndex])}${a.status === 'fuzzy' && a.reason ? ` (${a.reason})` : ''}`;
    } else if (a.status === 'skipped') {
      right = `skipped: ${a.reason ?? 'generic frame'}`;
    } else {
      right = 'not in the signature';
    }
    rows.push(`${String(a.queryIndex).padStart(2)}  ${clip(a.frame, FRAME_WIDTH).padEnd(FRAME_WIDTH)}  ${MARKS[a.status]} ${clip(right, 80)}`);
  }
  if (candidate.alignment.length > MAX_ROWS) rows.push(`    … ${candidate.alignment.length - MAX_ROWS} more pasted frames`);
  // A generic frame skipped in the paste is there, just not counted: only list frames truly absent.
  const skippedHere = new Set(candidate.alignment.filter((a) => a.status === 'skipped').map((a) => looseKey(a.frame)));
  const missing = trace.map((f, i) => ({ f, i })).filter(({ f, i }) => !used.has(i) && !skippedHere.has(looseKey(frameText(f))));
  for (const { f, i } of missing.slice(0, 10)) rows.push(`    ${''.padEnd(FRAME_WIDTH)}  · ${i} ${clip(frameText(f), 80)} (not in the paste)`);
  const matched = candidate.alignment.filter((a) => a.status === 'matched' || a.status === 'fuzzy').length;
  const skipped = candidate.alignment.filter((a) => a.status === 'skipped').length;
  const block = `\`\`\`\n${escapeMrkdwn(rows.join('\n').replaceAll('```', "'''"))}\n\`\`\``;
  const site = sharedSiteLine(candidate);
  const blocks = [
    section(`${heading}\n${matched} of ${trace.length} signature frames found; ${skipped} generic frame${skipped === 1 ? '' : 's'} skipped.${site ? `\n${site}` : ''}${voted ? `\n${voted}` : ''}`),
    section(block),
    context('✓ matched · ≈ close match · – skipped (generic, by rule) · ✗ not in the signature · · signature frame missing from the paste'),
  ];
  const shared = candidate.sharedSite?.articles.length ? `; shares its crash site with ${candidate.sharedSite.articles.join(', ')}` : '';
  const text = `Why ${candidate.kb} matched: ${matched} of ${trace.length} frames (${candidate.matchedFrames.slice(0, 3).join(', ')})${shared}`;
  return fitReply({ text: escapeMrkdwn(text), blocks }, { moreHint: `the signature is ${kbUrl(candidate.kb)}` });
}

/** Why a well-aligned candidate is only `possible`: its crash site is shared (match/crash-site.ts). */
function sharedSiteLine(candidate: Candidate): string | undefined {
  const site = candidate.sharedSite;
  if (!site) return undefined;
  const frames = site.frames.slice(0, 3).map((f) => `\`${escapeMrkdwn(f)}\``).join(' → ');
  const lines: string[] = [];
  if (site.articles.length > 0) {
    lines.push(
      `*Shared crash site:* ${kbLink(candidate.kb)} shares its crash site (${frames}${site.frames.length > 3 ? ' …' : ''}) with ${site.articles.map(kbLink).join(', ')}; nothing in the paste past these frames tells them apart, so none is named the match.`,
    );
  }
  if (site.leavesAt) lines.push(`*Another path:* the paste leaves this article's stack at its crash site (at \`${escapeMrkdwn(site.leavesAt)}\`): another crash through the same site, so it is offered as possible, not named the match.`);
  return lines.join('\n');
}

const CLUE_KINDS: Record<ClueMatch['kind'], string> = { event: 'Event-log entry', bugcheck: 'STOP screen', 'app-error': 'Application error', message: 'Error message', words: 'Words of the paste' };

/**
 * The why view of a match made from clues other than frames: for each pasted event, STOP screen or
 * application error, what was pasted, what the article prints, and which parts agreed (id and source,
 * description words, STOP code, driver, parameters, module, exception code), then the version checks.
 */
function buildClueWhy(candidate: Candidate): Reply {
  const matches = candidate.clueMatches ?? [];
  const heading = `*Why ${kbLink(candidate.kb)} matched* (confidence ${percent(candidate.score)})`;
  const blocks: KnownBlock[] = [section(heading)];
  for (const m of matches.slice(0, 6)) {
    const lines = [`*${CLUE_KINDS[m.kind]}*`, `pasted: ${escapeMrkdwn(clip(m.pasted, 300))}`, `article: ${escapeMrkdwn(clip(m.article, 300))}`, ...m.details.map((d) => `• ${escapeMrkdwn(clip(d, 200))}`)];
    blocks.push(section(lines.join('\n')));
  }
  const checks = candidate.versionChecks.map(
    (c) => `• ${c.file} ${c.reported} ${c.installed ? 'is at or above' : 'is below'} the fix ${c.fixed}${c.rollbackFloor ? `; rollback floor ${c.rollbackFloor} (${c.rollbackAllowed ? 'allowed' : 'not allowed'})` : ''}`,
  );
  if (checks.length > 0) blocks.push(section(`*Version check*\n${escapeMrkdwn(checks.join('\n'))}`));
  blocks.push(context('Event ids count only with their source; insertion strings (names, paths, numbers) are ignored, description words weigh by how rare they are.'));
  const first = matches[0];
  const text = `Why ${candidate.kb} matched: ${first ? `${first.pasted} ~ ${first.article} (${first.details.join('; ')})` : 'clues'}`;
  return fitReply({ text: escapeMrkdwn(clip(text, 2900)), blocks }, { moreHint: `the article is ${kbUrl(candidate.kb)}` });
}
