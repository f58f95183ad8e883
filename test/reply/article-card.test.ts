import { describe, expect, it } from 'vitest';
import { SignatureSchema, type SignatureInput } from '../../src/model.js';
import { buildArticleCard, buildFilesReply, renderText } from '../../src/reply/index.js';

const sig = (over: Partial<SignatureInput>) => SignatureSchema.parse({ id: 'Q123456', title: 'A card', ...over });
const card = (over: Partial<SignatureInput>) => renderText(buildArticleCard(sig(over)));

describe('cards that say what the article says (issue 8)', () => {
  it.each([
    ['howto', 'How-to article'],
    ['info', 'Information article'],
    ['index', 'Index article'],
  ] as const)('shows no fix line on a %s article, and says what it is', (articleKind, label) => {
    const text = card({ articleKind, symptoms: 'This article lists the bugs fixed in Service Pack 3.', fix: { kind: 'service-pack', summary: 'Fixed in SP3.' } });
    expect(text).toContain(label);
    expect(text).toContain('Summary:');
    expect(text).not.toMatch(/Fix:|Symptoms:|Fixed in a service pack/);
  });

  it('names what carries the fix and the fixes-after pack apart', () => {
    const text = card({ fix: { kind: 'hotfix', summary: 'A supported fix is available.', carriers: ['Q248838engi.exe'], after: 'Service Pack 4' } });
    expect(text).toContain('Carried by: Q248838engi.exe');
    expect(text).toContain('Fixes released after Service Pack 4');
  });

  it('summarises steps as steps: the first ones and how many are left', () => {
    const text = card({ fix: { kind: 'configuration', summary: 'To resolve this problem, follow these steps:', carriers: [], steps: { count: 5, first: ['Start Registry Editor.', 'Locate the key.'] } } });
    expect(text).toContain('5 steps: 1. Start Registry Editor. 2. Locate the key. … (+3 more steps in the article)');
    expect(text).not.toMatch(/steps: 1\.$/m);
  });

  it('shortens a long cause visibly, saying how much is left', () => {
    const cause = `The causes are: ${Array.from({ length: 60 }, (_, i) => `cause number ${i}`).join(', ')}.`;
    const line = card({ cause }).split('\n').find((l) => l.includes('Cause:')) ?? '';
    expect(line).toMatch(/ … \(\+\d+ more words in the article\)$/);
  });

  it('shows the cause whole when it fits', () => {
    expect(card({ cause: 'The service does not release a handle.' })).toContain('Cause:* The service does not release a handle.');
  });

  it('tells rows of one file apart by what differs, and keeps sizes as printed', () => {
    const files = [
      { name: 'Winfilx.exe', size: 170496, date: '1997-03-17', language: 'English' },
      { name: 'Winfilx.exe', size: 169824, date: '1997-07-09', language: 'Danish' },
      { name: 'VB7.exe', sizeText: '1.79 MB' },
    ];
    const text = card({ files });
    expect(text).toContain('Winfilx.exe (English, 1997-03-17, 170,496)');
    expect(text).toContain('Winfilx.exe (Danish, 1997-07-09, 169,824)');
    const table = renderText(buildFilesReply(sig({ files })));
    expect(table).toContain('1.79 MB');
    expect(table).toContain('Danish');
  });

  it('keeps the cards of signatures written before these fields', () => {
    const text = card({ fix: { kind: 'hotfix', summary: 'Contact PSS.', servicePack: 'next Exchange Server 5.5 service pack' } });
    expect(text).toContain('Service pack: next Exchange Server 5.5 service pack');
  });
});
