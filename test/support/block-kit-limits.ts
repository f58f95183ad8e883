/**
 * Block Kit limits as Slack enforces them on chat.postMessage / chat.update / views.publish, for the Web API
 * stand-in and for tests: 50 blocks a message (100 on a Home tab), 3,000 characters of section text,
 * 10 fields of 2,000, 150 for a header, 10 context elements, 25 action elements, 255 for ids, and about
 * 12,000 characters across all blocks (Slack answers `msg_blocks_too_long` near 13.2k; we budget 12k).
 */

export interface BlockKitViolation {
  /** Slack's error code for the call: `invalid_blocks` or `msg_blocks_too_long`. */
  error: 'invalid_blocks' | 'msg_blocks_too_long';
  /** Slack-style messages: "must be less than 3001 characters [json-pointer:/blocks/0/text/text]". */
  details: string[];
}

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  totalText: 12_000,
} as const;

const KNOWN_BLOCK_TYPES = new Set([
  'section', 'header', 'divider', 'context', 'actions', 'image', 'rich_text', 'markdown', 'context_actions', 'input', 'file', 'video', 'table',
]);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.text === 'string' ? value.text : undefined;
}

/** Sum of every `text` string anywhere under a block: what Slack's cumulative budget counts. */
function countText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + countText(v), 0);
  if (!isObject(value)) return 0;
  let sum = 0;
  for (const [key, v] of Object.entries(value)) sum += key === 'text' && typeof v === 'string' ? v.length : countText(v);
  return sum;
}

function checkLength(details: string[], text: string | undefined, max: number, pointer: string, min = 0): void {
  if (text === undefined) return;
  if (text.length > max) details.push(`must be less than ${max + 1} characters [json-pointer:${pointer}]`);
  if (text.length < min) details.push(`must be more than ${min - 1} characters [json-pointer:${pointer}]`);
}

function checkBlock(block: unknown, at: string, details: string[], blockIds: Set<string>): void {
  if (!isObject(block) || typeof block.type !== 'string') {
    details.push(`missing required field: type [json-pointer:${at}]`);
    return;
  }
  if (!KNOWN_BLOCK_TYPES.has(block.type)) details.push(`unsupported type: ${block.type} [json-pointer:${at}/type]`);
  if (typeof block.block_id === 'string') {
    checkLength(details, block.block_id, BLOCK_KIT_LIMITS.id, `${at}/block_id`);
    if (blockIds.has(block.block_id)) details.push(`duplicate block_id [json-pointer:${at}/block_id]`);
    blockIds.add(block.block_id);
  }
  switch (block.type) {
    case 'section': {
      const fields = Array.isArray(block.fields) ? block.fields : undefined;
      if (block.text === undefined && fields === undefined) details.push(`must provide text or fields [json-pointer:${at}]`);
      checkLength(details, textOf(block.text), BLOCK_KIT_LIMITS.sectionText, `${at}/text/text`, 1);
      if (fields && fields.length > BLOCK_KIT_LIMITS.sectionFields) details.push(`must be at most ${BLOCK_KIT_LIMITS.sectionFields} items [json-pointer:${at}/fields]`);
      fields?.forEach((f, i) => checkLength(details, textOf(f), BLOCK_KIT_LIMITS.fieldText, `${at}/fields/${i}/text`, 1));
      break;
    }
    case 'header':
      if (!isObject(block.text) || block.text.type !== 'plain_text') details.push(`must be plain_text [json-pointer:${at}/text]`);
      checkLength(details, textOf(block.text), BLOCK_KIT_LIMITS.headerText, `${at}/text/text`, 1);
      break;
    case 'context':
      if (!Array.isArray(block.elements) || block.elements.length === 0) details.push(`must provide elements [json-pointer:${at}/elements]`);
      else if (block.elements.length > BLOCK_KIT_LIMITS.contextElements) details.push(`must be at most 10 items [json-pointer:${at}/elements]`);
      break;
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0) details.push(`must provide elements [json-pointer:${at}/elements]`);
      if (elements.length > BLOCK_KIT_LIMITS.actionElements) details.push(`must be at most 25 items [json-pointer:${at}/elements]`);
      const actionIds = new Set<string>();
      elements.forEach((el, i) => {
        if (!isObject(el)) return;
        const p = `${at}/elements/${i}`;
        checkLength(details, textOf(el.text), BLOCK_KIT_LIMITS.buttonText, `${p}/text/text`, 1);
        if (typeof el.value === 'string') checkLength(details, el.value, BLOCK_KIT_LIMITS.buttonValue, `${p}/value`);
        if (typeof el.action_id === 'string') {
          checkLength(details, el.action_id, BLOCK_KIT_LIMITS.id, `${p}/action_id`);
          if (actionIds.has(el.action_id)) details.push(`duplicate action_id [json-pointer:${p}/action_id]`);
          actionIds.add(el.action_id);
        }
      });
      break;
    }
    case 'markdown':
      checkLength(details, typeof block.text === 'string' ? block.text : undefined, BLOCK_KIT_LIMITS.totalText, `${at}/text`, 1);
      break;
    default:
      break;
  }
}

/**
 * Checks `blocks` as Slack would; undefined when they pass. `surface` is `message` (50 blocks)
 * or `view` (Home tab and modals, 100 blocks).
 */
export function findBlockKitViolation(blocks: unknown, surface: 'message' | 'view' = 'message'): BlockKitViolation | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return { error: 'invalid_blocks', details: ['must be an array [json-pointer:/blocks]'] };
  const details: string[] = [];
  const max = surface === 'message' ? BLOCK_KIT_LIMITS.messageBlocks : BLOCK_KIT_LIMITS.surfaceBlocks;
  if (blocks.length > max) details.push(`must be at most ${max} items [json-pointer:/blocks]`);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => checkBlock(block, `/blocks/${i}`, details, blockIds));
  if (details.length > 0) return { error: 'invalid_blocks', details };
  if (surface === 'message' && countText(blocks) > BLOCK_KIT_LIMITS.totalText) {
    return { error: 'msg_blocks_too_long', details: [`blocks hold more than ${BLOCK_KIT_LIMITS.totalText} characters`] };
  }
  return undefined;
}
