import type { KnownBlock } from '@slack/types';

/** One message as Slack receives it: blocks plus the plain `text` fallback (notifications, screen readers). */
export interface Reply {
  text: string;
  blocks: KnownBlock[];
}
