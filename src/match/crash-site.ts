/**
 * Crash sites: a signature trace's crash frame and the next few informative frames. Several
 * articles can crash at one site (one crash documented for several causes, or one article's
 * stack a frame or two deeper than another's); a paste that shows only what they share cannot
 * tell them apart, so it is answered `possible` with all of them instead of a `match` naming
 * one (issue 9.5). Which frames sit in the sites of two or more signatures is found once, at
 * index build; a query only looks up the frame where its alignment begins.
 */

/*
 * The shapes this module reads, stated here rather than imported: build.ts builds the shared
 * sites with the index, and score.ts reads build.ts, so importing either would make a cycle.
 */
/** An indexed trace (build.ts IndexedTrace): its signature and informative frame keys. */
interface SiteTrace {
  sig: number;
  keys: Int32Array;
}
/** A pasted frame matched to a signature frame (score.ts AlignedPair). */
interface SitePair {
  queryRank: number;
  signatureRank: number;
  resolution: { id: number };
}

/** The crash frame and the next two informative frames make a trace's crash site. */
export const SITE_FRAMES = 3;
/** Traces looked at per shared frame (a frame in the sites of hundreds of traces is not a site). */
const MAX_SITE_TRACES = 64;

/** Frame key id -> the traces whose crash site holds it, for keys in the sites of two or more signatures. */
export type SharedSites = Map<number, Int32Array>;

/** Built once with the index: the keys several signatures' crash sites share, and the traces holding them there. */
export function findSharedSites(traces: readonly SiteTrace[], keyCount: number): SharedSites {
  const signatures = new Int32Array(keyCount);
  const lastSig = new Int32Array(keyCount).fill(-1);
  traces.forEach((t) => {
    for (let r = 0; r < Math.min(SITE_FRAMES, t.keys.length); r++) {
      const k = t.keys[r]!;
      if (lastSig[k] !== t.sig) {
        lastSig[k] = t.sig;
        signatures[k]!++;
      }
    }
  });
  const holders = new Map<number, number[]>();
  traces.forEach((t, id) => {
    for (let r = 0; r < Math.min(SITE_FRAMES, t.keys.length); r++) {
      const k = t.keys[r]!;
      if (signatures[k]! < 2) continue;
      const list = holders.get(k);
      if (!list) holders.set(k, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  });
  const out: SharedSites = new Map();
  for (const [k, ids] of holders) out.set(k, Int32Array.from(ids));
  return out;
}

/** What the site check needs from the best candidate: its signature, the trace it aligned on, the alignment. */
export interface SiteCandidate {
  sig: number;
  traceId: number;
  score: { pairs: readonly SitePair[] };
}

export interface SiteSibling {
  sig: number;
  traceId: number;
}

function holdsAll(trace: SiteTrace, keys: readonly number[]): boolean {
  for (const k of keys) if (!trace.keys.includes(k)) return false;
  return true;
}

/**
 * The other signatures whose crash site holds the frame where the paste meets the best
 * candidate, and whose stack holds every frame the paste matched there: nothing in the
 * paste beyond what they share tells them apart. Empty when a matched frame fits only the
 * candidate (the paste reaches past the shared part: it can still be a `match`).
 */
export function siteSiblings(traces: readonly SiteTrace[], shared: SharedSites, top: SiteCandidate): SiteSibling[] {
  const pairs = top.score.pairs;
  const first = pairs[0];
  if (!first) return [];
  const holders = shared.get(first.resolution.id);
  if (!holders) return [];
  const matched = pairs.map((p) => p.resolution.id);
  const out: SiteSibling[] = [];
  const seen = new Set<number>([top.sig]);
  for (const id of holders.subarray(0, MAX_SITE_TRACES)) {
    const t = traces[id];
    if (!t || seen.has(t.sig) || !holdsAll(t, matched)) continue;
    seen.add(t.sig);
    out.push({ sig: t.sig, traceId: id });
  }
  return out;
}

/**
 * Where the paste leaves the candidate's stack at its crash site, as the position of the pasted
 * frame (or undefined when it does not): it goes from one site frame to the next without a frame the
 * candidate prints between them, or through frames of its own that `detour` says are another path
 * (a function of the same module: a frame of other software inside a quoted stack is not); or it follows the candidate only through the site and then
 * goes on down another path (several frames on both sides, or one frame that is not the
 * candidate's next frame misspelt or cut short: `differs`). Each says the paste's crash is
 * another one through the same site, which the store may not hold: at most `possible`.
 */
export function leavesSite(
  trace: SiteTrace,
  query: readonly { index: number }[],
  pairs: readonly SitePair[],
  differs: (queryRank: number, signatureRank: number) => boolean,
  detour: (fromRank: number, toRank: number) => boolean = () => false,
): number | undefined {
  const first = pairs[0];
  if (!first) return undefined;
  const site = first.signatureRank + SITE_FRAMES;
  // (a pasted frame of its own above the candidate's crash frame is not read as leaving: a generic
  // frame mistyped or cut short on top of a paste looks the same, and damaged pastes must still match)
  for (let k = 1; k < pairs.length; k++) {
    const a = pairs[k - 1]!;
    const b = pairs[k]!;
    if (b.signatureRank >= site) break;
    if (b.queryRank === a.queryRank + 1 && b.signatureRank > a.signatureRank + 1) return query[b.queryRank]?.index;
    // or it goes from one site frame to the candidate's next through a function of their own module the candidate does not print
    if (b.signatureRank === a.signatureRank + 1 && b.queryRank > a.queryRank + 1 && detour(a.queryRank, b.queryRank)) return query[a.queryRank + 1]?.index;
  }
  const last = pairs[pairs.length - 1]!;
  if (last.signatureRank >= site) return undefined;
  const pasteGoesOn = query.length - last.queryRank - 1;
  const signatureGoesOn = trace.keys.length - last.signatureRank - 1;
  if (pasteGoesOn === 0 || signatureGoesOn === 0) return undefined;
  const forked = (pasteGoesOn > 2 && signatureGoesOn > 2) || differs(last.queryRank + 1, last.signatureRank + 1);
  return forked ? query[last.queryRank + 1]?.index : undefined;
}
