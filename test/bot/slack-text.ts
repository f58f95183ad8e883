import { expect } from 'vitest';
import type { Reply } from '../../src/reply/index.js';

/** Every text Slack renders from a reply: the fallback and each `text` under the blocks (not button values). */
export function renderedTexts(reply: Reply): string[] {
  const out: string[] = [reply.text];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'text' && typeof x === 'string' ? out.push(x) : walk(x);
  };
  walk(reply.blocks);
  return out;
}

/** Every `<…>` Slack would parse as a control sequence is one of the bot's links to an article. */
export function expectOnlyArticleLinks(reply: Reply): void {
  for (const text of renderedTexts(reply)) for (const m of text.matchAll(/<([^>]*)>/g)) expect(m[1]).toMatch(/^https:\/\/support\.microsoft\.com\//);
}
