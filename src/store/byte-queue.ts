/** Bytes arriving in chunks, taken off the front in exact amounts: what the tar and zip readers parse from. */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private offset = 0;
  length = 0;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The next `n` bytes (the caller checked `length >= n`), removed from the queue. */
  take(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0]!;
      const copied = head.copy(out, filled, this.offset, Math.min(head.length, this.offset + n - filled));
      filled += copied;
      this.advance(copied, head.length);
    }
    this.length -= n;
    return out;
  }

  /** Drops up to `n` bytes without copying them; returns how many were dropped. */
  skip(n: number): number {
    let dropped = 0;
    while (dropped < n && this.chunks.length > 0) {
      const head = this.chunks[0]!;
      const step = Math.min(head.length - this.offset, n - dropped);
      dropped += step;
      this.advance(step, head.length);
    }
    this.length -= dropped;
    return dropped;
  }

  /** The next `n` bytes without removing them. */
  peek(n: number): Buffer {
    const head = this.chunks[0];
    if (head && head.length - this.offset >= n) return head.subarray(this.offset, this.offset + n);
    const saved = { chunks: [...this.chunks], offset: this.offset, length: this.length };
    const out = this.take(n);
    Object.assign(this, saved);
    return out;
  }

  private advance(step: number, headLength: number): void {
    this.offset += step;
    if (this.offset === headLength) {
      this.chunks.shift();
      this.offset = 0;
    }
  }
}
