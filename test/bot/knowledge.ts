/** The bot's fixture store (test/fixtures/bot/), loaded and indexed the way the app does it. */
import { fileURLToPath } from 'node:url';
import type { Knowledge } from '../../src/bot/index.js';
import { buildIndex } from '../../src/match/index.js';
import type { Signature } from '../../src/model.js';
import { loadStore } from '../../src/store/index.js';

export const BOT_FIXTURES = fileURLToPath(new URL('../fixtures/bot', import.meta.url));

export async function loadFixtureKnowledge(): Promise<Knowledge> {
  const store = await loadStore(BOT_FIXTURES);
  if (store.errors.length > 0) throw new Error(`fixture store has errors: ${JSON.stringify(store.errors)}`);
  return { signatures: store.signatures, index: buildIndex([...store.signatures.values()]) };
}

export async function fixtureSignature(id: string): Promise<Signature> {
  const store = await loadStore(BOT_FIXTURES);
  const sig = store.signatures.get(id);
  if (!sig) throw new Error(`no fixture ${id}`);
  return sig;
}
