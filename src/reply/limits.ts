/**
 * Slack's Block Kit limits, enforced in one place. `fitReply` never fails: whatever a builder made
 * (a 40,000-character paste, an article with 300 files) comes out within the limits, cut with "…"
 * and a hint saying where the rest is. Slack answers `msg_blocks_too_long` near 13.2k characters
 * across blocks (bolt-js #2509), so the budget is 12k counted as the sum of every `text` string.
 */
import type { KnownBlock } from '@slack/types';
import { context } from './blocks.js';
import { clip } from './text.js';
import type { Reply } from './types.js';

export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  actionElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  totalText: 12_000,
  /** Notification / screen-reader fallback; Slack truncates at 40k, a fallback needs far less. */
  fallbackText: 4000,
} as const;

export interface FitOptions {
  /** `message` (50 blocks, 12k budget) or `view` (App Home: 100 blocks). */
  surface?: 'message' | 'view';
  /** Where the rest can be found, shown when something was cut ("open the article", "use the Files button"). */
  moreHint?: string;
}

const FENCE = '```';

/**
 * Clips mrkdwn without leaving it broken: an open ``` fence is closed (or the rest renders as plain
 * text), and a cut never lands inside a `<link|label>` or an `&amp;` entity.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - FENCE.length - 2));
  const lt = cut.lastIndexOf('<');
  if (lt > cut.lastIndexOf('>')) cut = cut.slice(0, lt);
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && amp > cut.lastIndexOf(';') && cut.length - amp < 6) cut = cut.slice(0, amp);
  let fences = 0;
  for (let at = cut.indexOf(FENCE); at !== -1; at = cut.indexOf(FENCE, at + FENCE.length)) fences++;
  return fences % 2 === 1 ? `${cut}…\n${FENCE}` : `${cut}…`;
}

/** Sum of every `text` string under a block: what Slack's cumulative budget counts. */
export function countText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + countText(v), 0);
  if (typeof value !== 'object' || value === null) return 0;
  let sum = 0;
  for (const [key, v] of Object.entries(value)) sum += key === 'text' && typeof v === 'string' ? v.length : countText(v);
  return sum;
}

/** Clamps one block's own limits (text lengths, field and element counts). */
function clampBlock(block: KnownBlock): KnownBlock {
  switch (block.type) {
    case 'section': {
      const out = { ...block };
      if (out.text) out.text = { ...out.text, text: clipMrkdwn(out.text.text, SLACK_LIMITS.sectionText) };
      if (out.fields) out.fields = out.fields.slice(0, SLACK_LIMITS.sectionFields).map((f) => ({ ...f, text: clipMrkdwn(f.text, SLACK_LIMITS.fieldText) }));
      return out;
    }
    case 'header':
      return { ...block, text: { ...block.text, text: clip(block.text.text, SLACK_LIMITS.headerText) } };
    case 'context':
      return {
        ...block,
        elements: block.elements
          .slice(0, SLACK_LIMITS.contextElements)
          .map((e) => ('text' in e && typeof e.text === 'string' ? { ...e, text: clipMrkdwn(e.text, SLACK_LIMITS.contextText) } : e)),
      };
    case 'actions':
      return {
        ...block,
        elements: block.elements.slice(0, SLACK_LIMITS.actionElements).map((e) =>
          e.type === 'button'
            ? { ...e, text: { ...e.text, text: clip(e.text.text, SLACK_LIMITS.buttonText) }, ...(e.value !== undefined ? { value: e.value.slice(0, SLACK_LIMITS.buttonValue) } : {}) }
            : e,
        ),
      };
    default:
      return block;
  }
}

function cutNotice(hint: string | undefined): KnownBlock {
  return context(`… shortened to fit Slack${hint ? `: ${hint}` : ''}`);
}

/** Keeps blocks in order until the text budget is spent; buttons (actions) are always kept. */
function fitBudget(blocks: KnownBlock[], budget: number, hint: string | undefined): KnownBlock[] {
  if (countText(blocks) <= budget) return blocks;
  const notice = cutNotice(hint);
  let left = budget - countText(notice) - blocks.filter((b) => b.type === 'actions').reduce((s, b) => s + countText(b), 0);
  const kept: KnownBlock[] = [];
  let cut = false;
  for (const block of blocks) {
    if (block.type === 'actions') {
      kept.push(block);
      continue;
    }
    if (cut) continue;
    const size = countText(block);
    if (size <= left) {
      kept.push(block);
      left -= size;
      continue;
    }
    cut = true;
    if (block.type === 'section' && block.text && !block.fields && left > 200) kept.push({ ...block, text: { ...block.text, text: clipMrkdwn(block.text.text, left) } });
  }
  kept.push(notice);
  return kept;
}

/** Drops blocks from the end (buttons last) until the count fits, leaving room for the notice. */
function fitCount(blocks: KnownBlock[], max: number, hint: string | undefined): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const kept = [...blocks];
  while (kept.length > max - 1) {
    let drop = -1;
    for (let i = kept.length - 1; i >= 0 && drop === -1; i--) if (kept[i]?.type !== 'actions') drop = i;
    kept.splice(drop === -1 ? kept.length - 1 : drop, 1);
  }
  kept.push(cutNotice(hint));
  return kept;
}

/** Brings any list of blocks within Slack's limits for the surface; never throws. */
export function fitBlocks(blocks: KnownBlock[], options: FitOptions = {}): KnownBlock[] {
  const surface = options.surface ?? 'message';
  const clamped = blocks.map(clampBlock);
  const counted = fitCount(clamped, surface === 'view' ? SLACK_LIMITS.viewBlocks : SLACK_LIMITS.messageBlocks, options.moreHint);
  return surface === 'view' ? counted : fitBudget(counted, SLACK_LIMITS.totalText, options.moreHint);
}

/** A reply within every limit, its fallback text included. */
export function fitReply(reply: Reply, options: FitOptions = {}): Reply {
  const text = clipMrkdwn(reply.text.trim() === '' ? 'kbbot' : reply.text, SLACK_LIMITS.fallbackText);
  return { text, blocks: fitBlocks(reply.blocks, options) };
}
