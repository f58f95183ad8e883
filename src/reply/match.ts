/**
 * Replies to a pasted trace: `match` (the top article, compact, with confidence, cause, fix, rollback
 * warning and files; details behind buttons), `possible` (candidates, one line each) and `none`.
 */
import type { KnownBlock } from '@slack/types';
import type { Candidate, KbId, Signature, VersionCheck } from '../model.js';
import { actions, context, section, type ButtonSpec } from './blocks.js';
import { articleBody, fallbackText, productLine, titleLine } from './article.js';
import { ActionId, encodeWhyValue } from './ids.js';
import { fitReply } from './limits.js';
import { code, escapeMrkdwn, kbLink, kbUrl, percent } from './text.js';
import type { Reply } from './types.js';

export interface MatchReplyInput {
  candidate: Candidate;
  /** The candidate's signature; a candidate the store no longer holds is shown by id and title. */
  signature: Signature | undefined;
  /** How many other candidates the thread has (the "Other candidates" button shows when > 0). */
  otherCount: number;
  /** The pasted frames, carried by the why button so it works without thread state. */
  pastedFrames?: readonly string[];
}

/** One line per version the person reported: fixed or not, and whether rolling back to it is allowed. */
export function versionCheckLine(check: VersionCheck): string {
  const head = check.installed
    ? `:white_check_mark: ${code(check.file)} ${code(check.reported)} already has the fix (${code(check.fixed)} or later).`
    : `:x: ${code(check.file)} ${code(check.reported)} is older than the fix ${code(check.fixed)}: not fixed yet.`;
  if (check.rollbackFloor === undefined) return head;
  const floor = check.rollbackAllowed
    ? ` Rolling back to ${code(check.reported)} after the fix is allowed (floor ${code(check.rollbackFloor)}).`
    : ` Do not roll back to ${code(check.reported)} after the fix: it is below the floor ${code(check.rollbackFloor)}.`;
  return head + floor;
}

function matchButtons(input: MatchReplyInput): ButtonSpec[] {
  const { candidate, signature } = input;
  const kb = candidate.kb;
  const buttons: ButtonSpec[] = [];
  if (signature && (signature.files.length > 0 || signature.packages.length > 0)) buttons.push({ text: 'Files', actionId: ActionId.Files, value: kb });
  if (signature && signature.rollback.length > 0) buttons.push({ text: 'Rollback', actionId: ActionId.Rollback, value: kb });
  if (input.otherCount > 0) buttons.push({ text: `Other candidates (${input.otherCount})`, actionId: ActionId.Others, value: kb });
  buttons.push({ text: 'Why this match', actionId: ActionId.Why, value: encodeWhyValue(kb, input.pastedFrames ?? []) });
  buttons.push({ text: ':thumbsup: Right', actionId: ActionId.FeedbackRight, value: kb });
  buttons.push({ text: ':thumbsdown: Wrong', actionId: ActionId.FeedbackWrong, value: kb });
  return buttons;
}

/** The top match, compact: what it is, how sure, cause, fix, rollback warning, files; the rest behind buttons. */
export function buildMatchReply(input: MatchReplyInput): Reply {
  const { candidate, signature } = input;
  const title = signature ? titleLine(signature) : `*${kbLink(candidate.kb)} ${escapeMrkdwn(candidate.title)}*`;
  const product = signature ? productLine(signature) : undefined;
  const head = [`:mag: ${title}`, `Known issue, confidence *${percent(candidate.score)}*${product ? ` · ${product}` : ''}`];
  const blocks: KnownBlock[] = [section(head.join('\n'))];
  if (candidate.versionChecks.length > 0) blocks.push(section(candidate.versionChecks.map(versionCheckLine).join('\n')));
  if (signature) blocks.push(...articleBody(signature));
  blocks.push(actions(matchButtons(input)));
  if (candidate.matchedFrames.length > 0) {
    const shown = candidate.matchedFrames.slice(0, 4).map(code).join(' · ');
    const more = candidate.matchedFrames.length > 4 ? ` +${candidate.matchedFrames.length - 4}` : '';
    blocks.push(context(`matched on ${shown}${more}`));
  }
  const clue = candidate.clueMatches?.[0];
  if (candidate.matchedFrames.length === 0 && clue) blocks.push(context(`matched on ${escapeMrkdwn(clue.details.slice(0, 3).join(' · '))}`));
  const lead = `Known issue (${percent(candidate.score)}): `;
  const text = signature ? fallbackText(signature, lead) : escapeMrkdwn(`${lead}${candidate.kb}: ${candidate.title}`);
  return fitReply({ text, blocks }, { moreHint: `the full article is at ${kbUrl(candidate.kb)}` });
}

export interface CandidateLine {
  kb: KbId;
  score: number;
  title: string;
}

const LIST_MAX = 5;

function candidateList(heading: string, candidates: readonly CandidateLine[], note: string): Reply {
  const shown = candidates.slice(0, LIST_MAX);
  const lines = shown.map((c) => `• ${kbLink(c.kb)} ${escapeMrkdwn(c.title)} — ${percent(c.score)}`);
  const blocks: KnownBlock[] = [section(`${heading}\n${lines.join('\n')}`)];
  if (shown.length > 0) blocks.push(actions(shown.map((c) => ({ text: c.kb, actionId: ActionId.ShowArticle, value: c.kb }))));
  const more = candidates.length > LIST_MAX ? ` ${candidates.length - LIST_MAX} more not shown.` : '';
  blocks.push(context(note + more));
  const text = escapeMrkdwn(`${heading.replace(/[*_]|:[a-z_]+: /g, '')} ${shown.map((c) => `${c.kb} (${percent(c.score)})`).join(', ')}`);
  return fitReply({ text, blocks });
}

/** Not sure: the candidates, one line each, a button to open each. */
export function buildPossibleReply(candidates: readonly CandidateLine[]): Reply {
  return candidateList(':grey_question: *This may be one of these known issues:*', candidates, 'Not sure enough to call it a match; open one to compare.');
}

/** The thread's other candidates (button or "other candidates?"). */
export function buildOthersReply(current: KbId | undefined, candidates: readonly CandidateLine[]): Reply {
  if (candidates.length === 0) {
    return fitReply({ text: 'No other candidates.', blocks: [section(`No other candidates${current ? ` besides ${kbLink(current)}` : ''}.`)] });
  }
  return candidateList('*Other candidates:*', candidates, 'Ranked by confidence.');
}

/** Nothing known (only where silence would be wrong: DMs, mentions, /kb). */
export function buildNoneReply(): Reply {
  const text = 'No known KB article matches this.';
  return fitReply({ text, blocks: [section(`:shrug: ${text} Try \`/kb search &lt;words&gt;\` with the error text or the module name.`)] });
}
