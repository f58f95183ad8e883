/**
 * The word index of every article's title, symptoms and messages (match/text-index.ts): which articles a paste's
 * words rank first, and which of its words are weighed at all.
 */
import { describe, expect, it } from 'vitest';
import { buildTextIndex, QUERY_WORDS, rankText, scoreOf, textQuery, wordDf } from '../../src/match/text-index.js';
import { SignatureSchema, type SignatureInput } from '../../src/model.js';
import { pasteWords } from '../../src/trace/text-words.js';

/** 200 articles about printers, so `printer` is common and the other words are rare. */
const FILLER: SignatureInput[] = Array.from({ length: 200 }, (_, k) => ({ id: `Q${800000 + k}`, title: `Printer queue problem`, symptoms: 'The printer stops.' }));
const store = (extra: SignatureInput[]) => [...FILLER, ...extra].map((s) => SignatureSchema.parse(s));
const idsOf = (signatures: ReturnType<typeof store>, text: string) => {
  const index = buildTextIndex(signatures);
  return rankText(index, textQuery(index, pasteWords(text)), 3).map((r) => signatures[r.sig]?.id);
};

describe('ranking articles by a paste\'s words', () => {
  it.each([
    [
      'a rare word the paste shares over common ones',
      [
        { id: 'Q1', title: 'Printer stops when the spooler restarts', symptoms: 'The printer stops.' },
        { id: 'Q2', title: 'Macro fails', symptoms: 'The DOCVARIABLE field fails in a header.' },
      ],
      'printer stops at the header DOCVARIABLE',
      'Q2',
    ],
    [
      'the title over the same words in a long symptoms section',
      [
        { id: 'Q1', title: 'Setup fails', symptoms: `Setup copies files. ${'Setup writes the registry. '.repeat(20)} Then the mailbox quota is exceeded.` },
        { id: 'Q2', title: 'Mailbox quota exceeded', symptoms: 'A user sees a message.' },
      ],
      'mailbox quota exceeded on EXCH01',
      'Q2',
    ],
    [
      'words of the messages an article prints',
      [
        { id: 'Q1', title: 'LPR port problem', symptoms: 'Adding a port fails.', errorMessages: ['Specified port cannot be added. Access denied.'] },
        { id: 'Q2', title: 'LPR port problem', symptoms: 'Adding a port is slow.' },
      ],
      '"Specified Port cannot be added. Access Denied."',
      'Q1',
    ],
  ])('puts first %s', (_, articles, paste, first) => {
    expect(idsOf(store(articles), paste)[0]).toBe(first);
  });

  it('leaves retired articles out', () => {
    const signatures = store([{ id: 'Q1', title: 'DOCVARIABLE field fails', retired: true }]);
    expect(idsOf(signatures, 'DOCVARIABLE field')).not.toContain('Q1');
  });

  it('scores one article by its own postings as the walk does', () => {
    const signatures = store([{ id: 'Q1', title: 'DOCVARIABLE field fails', symptoms: 'In a header.' }]);
    const index = buildTextIndex(signatures);
    const query = textQuery(index, pasteWords('docvariable in the header'));
    const [top] = rankText(index, query, 1);
    expect(scoreOf(index, query, top!.sig)).toBeCloseTo(top!.score, 5);
  });
});

describe('the words of a paste', () => {
  it('leave out the markup of an XML view or a web page, keeping the values between tags', () => {
    expect(pasteWords('<EventID Qualifiers="49152">7000</EventID>\n<Data>Mup</Data><Provider Name="Service Control Manager" />')).toEqual(['7000', 'mup']);
  });
});

describe('the words of a paste that are weighed', () => {
  const signatures = store(Array.from({ length: 100 }, (_, k) => ({ id: `Q${k + 1}`, title: `Word w${k} alone`, symptoms: '' })));
  const index = buildTextIndex(signatures);

  it('skips words in many articles', () => {
    expect(wordDf(index, 'printer')).toBe(200);
    expect(textQuery(index, ['printer', 'w1']).ids).toHaveLength(1);
  });

  it(`weighs no more than ${QUERY_WORDS} of a long paste's words`, () => {
    const words = Array.from({ length: 100 }, (_, k) => `w${k}`);
    expect(textQuery(index, [...words, 'nosuchword']).ids).toHaveLength(QUERY_WORDS);
  });
});
