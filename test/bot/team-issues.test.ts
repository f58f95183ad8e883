import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/bot/index.js';
import { buildIndex } from '../../src/match/index.js';
import { SignatureSchema, type Signature } from '../../src/model.js';
import { renderText } from '../../src/reply/index.js';
import { loadStore } from '../../src/store/index.js';
import { BOT_FIXTURES } from './knowledge.js';

const TEAM_ISSUE: Signature = SignatureSchema.parse({
  id: 'KI-12',
  title: 'Importer NPE on an empty CSV',
  cause: 'The importer reads the header row without checking the file has one.',
  fix: { kind: 'upgrade', summary: 'Upgrade the importer to 2.3.' },
  traces: [[
    { module: 'com.acme.importer.CsvReader', symbol: 'header', lang: 'java' },
    { module: 'com.acme.importer.Importer', symbol: 'run', lang: 'java' },
  ]],
  source: 'curated',
});

const PASTE = '```java.lang.NullPointerException\n\tat com.acme.importer.CsvReader.header(CsvReader.java:31)\n\tat com.acme.importer.Importer.run(Importer.java:88)\n\tat java.lang.Thread.run(Thread.java:833)```';

let bot: Bot;
beforeAll(async () => {
  const store = await loadStore(BOT_FIXTURES);
  const signatures = new Map(store.signatures);
  signatures.set(TEAM_ISSUE.id, TEAM_ISSUE);
  bot = createBot({ getKnowledge: () => ({ signatures, index: buildIndex([...signatures.values()]) }) });
});

describe("a team's known issues in the bot", () => {
  it('/kb KI-12 shows its card, saying it is a team known issue and linking nowhere at Microsoft', () => {
    const answer = bot.answerCommand('KI-12');
    expect(answer.kind).toBe('article');
    const text = JSON.stringify(answer.replies[0]?.blocks);
    expect(text).toContain('Team known issue');
    expect(text).not.toContain('support.microsoft.com/kb/12');
  });

  it('a pasted Java trace of the same crash is answered with the team issue', () => {
    const answer = bot.answerMessage({ text: PASTE, channelType: 'im', isMention: false, channel: 'D1', threadTs: '1.1' });
    expect(answer.kind).toBe('match');
    expect(renderText(answer.replies[0]!)).toContain('KI-12');
  });
});
