/** The shape of the free-text index (search.ts builds it on first use; build.ts keeps it on the MatchIndex). */
import type Fuse from 'fuse.js';

export interface SearchIndex {
  postings: Map<string, { docs: Int32Array; weights: Float32Array }>;
  vocabulary: string[];
  fuse?: Fuse<string>;
}
