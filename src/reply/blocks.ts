/** Small constructors for the Block Kit pieces the builders use, so every builder spells them one way. */
import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, SectionBlock } from '@slack/types';

export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

export function fields(items: string[]): SectionBlock {
  return { type: 'section', fields: items.map((text) => ({ type: 'mrkdwn', text })) };
}

export function header(plain: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: plain, emoji: true } };
}

export function context(...mrkdwn: string[]): ContextBlock {
  return { type: 'context', elements: mrkdwn.map((text) => ({ type: 'mrkdwn', text })) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}

/** One actions block; repeated action ids get a `:n` suffix because Slack wants them unique per block. */
export function actions(buttons: ButtonSpec[]): ActionsBlock {
  const seen = new Map<string, number>();
  const elements: Button[] = buttons.map((b) => {
    const n = seen.get(b.actionId) ?? 0;
    seen.set(b.actionId, n + 1);
    return {
      type: 'button',
      text: { type: 'plain_text', text: b.text, emoji: true },
      action_id: n === 0 ? b.actionId : `${b.actionId}:${n}`,
      value: b.value,
      ...(b.style ? { style: b.style } : {}),
    };
  });
  return { type: 'actions', elements };
}
