/**
 * Small made-up stores of articles that print error messages, indexed as the bot indexes a store, with the
 * parse + match path the bot runs on a paste.
 */
import { buildIndex, loadRules, matchMessage } from '../../src/match/index.js';
import { SignatureSchema, type SignatureInput } from '../../src/model.js';
import { parseMessage } from '../../src/trace/index.js';

const NOUNS = ['ledger', 'spooler', 'journal', 'mailbox', 'cabinet', 'toolbar'];

/** Articles printing one plain message each, so that common words ("the", "is", "not") are common in the store too. */
export function fillerArticles(count: number, idPrefix: string, word: string): SignatureInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${idPrefix}${String(i).padStart(4, '0')}`,
    title: `Filler ${i}`,
    errorMessages: [`The ${NOUNS[i % NOUNS.length]} ${word} ${i} is not open for this user`],
  }));
}

export function messageStore(inputs: SignatureInput[]) {
  const signatures = inputs.map((s) => SignatureSchema.parse(s));
  const index = buildIndex(signatures, loadRules());
  return { signatures, index, answer: (text: string) => matchMessage(index, parseMessage(text)) };
}
