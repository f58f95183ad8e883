import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot, type BotAnswer } from '../../src/bot/index.js';
import { ThreadMatchSchema } from '../../src/model.js';
import { ActionId } from '../../src/reply/index.js';
import { findBlockKitViolation } from '../support/block-kit-limits.js';
import { loadFixtureKnowledge } from './knowledge.js';
import { expectOnlyArticleLinks } from './slack-text.js';
import { SEED_TRACE } from './traces.js';

let bot: Bot;
beforeAll(async () => {
  const knowledge = await loadFixtureKnowledge();
  bot = createBot({ getKnowledge: () => knowledge });
});

const longName = 'VeryLongTemplate<'.repeat(60);
const hugeTrace = `${SEED_TRACE}\n${Array.from({ length: 1000 }, (_, i) => `STORE!${longName}Frame${i}+0x${i.toString(16)}`).join('\n')}`;
const manyRefs = Array.from({ length: 500 }, (_, i) => `Q${272274 + (i % 3 === 0 ? 0 : i)}`).join(' ');
const markup = `<!here> <@U999> &amp; <http://evil.example|click> ${SEED_TRACE}`;

function expectWithinLimits(answer: BotAnswer): void {
  for (const reply of answer.replies) {
    expect(findBlockKitViolation(reply.blocks)).toBeUndefined();
    expect(reply.text.length).toBeLessThanOrEqual(4000);
    expectOnlyArticleLinks(reply);
  }
}

describe('hostile input', () => {
  it.each([
    ['a 1,000-frame trace with 1,000-character names (1 MB)', hugeTrace],
    ['500 KB references', manyRefs],
    ['mentions and links around a trace', markup],
    ['a megabyte of one character', 'x'.repeat(1_000_000)],
  ])('%s gets replies within Slack limits, with no live mention or foreign link', (_, text) => {
    expectWithinLimits(bot.answerMessage({ text, channelType: 'im', isMention: true, channel: 'D1', threadTs: '1.1' }));
    expectWithinLimits(bot.answerCommand(text));
  });

  it('keeps thread memory small however large the paste', () => {
    const answer = bot.answerMessage({ text: hugeTrace, channelType: 'channel', isMention: false, channel: 'C1', threadTs: '1.1' });
    expect(ThreadMatchSchema.safeParse(answer.threadMatch).success).toBe(true);
    expect(JSON.stringify(answer.threadMatch).length).toBeLessThan(16_000);
    const why = answer.replies[0]!.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => 'action_id' in e && e.action_id === ActionId.Why);
    expect(why && 'value' in why ? why.value?.length : 0).toBeLessThanOrEqual(2000);
  });

  it('answers a long follow-up question in linear time', () => {
    const thread = bot.answerMessage({ text: SEED_TRACE, channelType: 'channel', isMention: false, channel: 'C1', threadTs: '1.1' }).threadMatch!;
    const started = performance.now();
    const answer = bot.answerMessage({ text: `${'roll '.repeat(200_000)}?`, channelType: 'channel', isMention: false, channel: 'C1', threadTs: '1.1', threadMatch: thread });
    expect(performance.now() - started).toBeLessThan(5000);
    expectWithinLimits(answer);
  });
});
