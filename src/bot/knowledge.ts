/** What the bot answers from: the signatures and their match index, built together once per store version. */
import type { KbId, Signature, Vote } from '../model.js';
import { buildIndex, loadRules, tallyVotes, type Rules } from '../match/index.js';
import type { Knowledge, TeamLayer } from './types.js';

/** Indexes a loaded store; `rules` is loaded once by callers that rebuild on every reload. */
export function buildKnowledge(signatures: ReadonlyMap<KbId, Signature>, rules: Rules = loadRules()): Knowledge {
  return { signatures, index: buildIndex([...signatures.values()], rules) };
}

/**
 * The team's layer: its known issues (retired ones kept, for `/kb KI-3`) with an index of the live ones
 * alone, and the votes. Small, so it is rebuilt on every change without touching the archive's index.
 */
export function buildTeamLayer(signatures: readonly Signature[], votes: readonly Vote[], rules: Rules = loadRules()): TeamLayer {
  const byId = new Map(signatures.map((s) => [s.id, s] as const));
  const live = signatures.filter((s) => s.retired !== true);
  return { signatures: byId, index: buildIndex(live, rules), votes: tallyVotes(votes) };
}

/** Bundled + archive signatures first, then the team's: one read-only view, no copy of the large map. */
class LayeredSignatures implements ReadonlyMap<KbId, Signature> {
  constructor(
    private readonly base: ReadonlyMap<KbId, Signature>,
    private readonly team: ReadonlyMap<KbId, Signature>,
  ) {}
  get size(): number {
    let extra = 0;
    for (const id of this.team.keys()) if (!this.base.has(id)) extra++;
    return this.base.size + extra;
  }
  get(id: KbId): Signature | undefined {
    return this.team.get(id) ?? this.base.get(id);
  }
  has(id: KbId): boolean {
    return this.team.has(id) || this.base.has(id);
  }
  *entries(): MapIterator<[KbId, Signature]> {
    for (const [id, sig] of this.base) if (!this.team.has(id)) yield [id, sig];
    yield* this.team.entries();
  }
  *keys(): MapIterator<KbId> {
    for (const [id] of this.entries()) yield id;
  }
  *values(): MapIterator<Signature> {
    for (const [, sig] of this.entries()) yield sig;
  }
  [Symbol.iterator](): MapIterator<[KbId, Signature]> {
    return this.entries();
  }
  forEach(fn: (value: Signature, key: KbId, map: ReadonlyMap<KbId, Signature>) => void): void {
    for (const [id, sig] of this.entries()) fn(sig, id, this);
  }
}

const layered = new WeakMap<Knowledge, { team: TeamLayer; knowledge: Knowledge }>();

/** The store and the team layer searched together; the same pair gives the same object (no rebuild per answer). */
export function layerKnowledge(base: Knowledge, team: TeamLayer | undefined): Knowledge {
  if (!team) return base;
  const cached = layered.get(base);
  if (cached?.team === team) return cached.knowledge;
  const knowledge: Knowledge = { signatures: new LayeredSignatures(base.signatures, team.signatures), index: base.index, team };
  layered.set(base, { team, knowledge });
  return knowledge;
}
