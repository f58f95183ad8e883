/**
 * A bounded map whose entries expire: the in-process memory for dedupe claims and hot threads.
 * Insertion order doubles as age order (Map keeps it), so evicting the oldest is O(1).
 */
export class BoundedTtlCache<V> {
  private readonly map = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(maxEntries > 0)) throw new RangeError('maxEntries must be positive');
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.map.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /**
   * Stores `value` for `ttlMs` (Infinity: until evicted), evicting the oldest entries past the bound and
   * the expired ones at the old end: with one TTL (claims) nothing outlives it, so memory follows the
   * rate times the TTL, not the bound.
   */
  set(key: string, value: V, ttlMs = Number.POSITIVE_INFINITY): void {
    const now = this.now();
    this.map.delete(key);
    this.map.set(key, { value, expiresAt: now + ttlMs });
    for (const [oldKey, entry] of this.map) {
      if (this.map.size <= this.maxEntries && entry.expiresAt > now) break;
      this.map.delete(oldKey);
    }
  }

  /** Sets the key only when it is absent or expired; true when this call set it. */
  setIfAbsent(key: string, value: V, ttlMs: number): boolean {
    if (this.get(key) !== undefined) return false;
    this.set(key, value, ttlMs);
    return true;
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  /** Live entries with their expiry time, oldest first. */
  entries(): { key: string; value: V; expiresAt: number }[] {
    const now = this.now();
    const out: { key: string; value: V; expiresAt: number }[] = [];
    for (const [key, entry] of this.map) if (entry.expiresAt > now) out.push({ key, ...entry });
    return out;
  }

  /** Live values, oldest first. */
  values(): V[] {
    const now = this.now();
    const out: V[] = [];
    for (const entry of this.map.values()) if (entry.expiresAt > now) out.push(entry.value);
    return out;
  }
}
