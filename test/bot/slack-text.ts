import { expect } from 'vitest';
import type { Reply } from '../../src/reply/index.js';

/** Every `<…>` Slack would parse as a control sequence is one of the bot's links to an article. */
export function expectOnlyArticleLinks(reply: Reply): void {
  const all = JSON.stringify(reply);
  for (const m of all.matchAll(/<([^>]*)>/g)) expect(m[1]).toMatch(/^https:\/\/support\.microsoft\.com\//);
}
