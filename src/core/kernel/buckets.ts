const NONE = -1;

/**
 * Records grouped by a dense key code, as linked lists in typed arrays: `first(code)` and `next[record]` walk a
 * group without allocating per record. Records added in descending order come out ascending (sheet order).
 */
export class Buckets {
  private heads = new Int32Array(1024).fill(NONE);
  readonly next: Int32Array;

  constructor(records: number) {
    this.next = new Int32Array(records).fill(NONE);
  }

  add(code: number, record: number): void {
    if (code >= this.heads.length) {
      const grown = new Int32Array(Math.max(code + 1, 2 * this.heads.length)).fill(NONE);
      grown.set(this.heads);
      this.heads = grown;
    }
    this.next[record] = this.heads[code];
    this.heads[code] = record;
  }

  /** The first record of the group, or -1. */
  first(code: number): number {
    return code >= 0 && code < this.heads.length ? this.heads[code] : NONE;
  }

  /** Whether the group holds more than one record. */
  isShared(code: number): boolean {
    const first = this.first(code);
    return first !== NONE && this.next[first] !== NONE;
  }
}
