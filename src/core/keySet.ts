/**
 * A set of strings for the parser's per-row lookups (a million sales lines, each checked against the customer
 * numbers). The cells of a sheet are distinct string objects, so a built-in Set hashes each one in the runtime and
 * then compares whole strings along its bucket chain; here the hash is computed inline and stored, and a string is
 * only compared when its hash matches.
 */
export class KeySet {
  private readonly keys: string[] = [];
  /** The hash of each key, by its index in keys; its length is the capacity. */
  private hashes = new Int32Array(8);
  /** Open addressing with linear probing, twice the capacity: index into keys + 1, or 0 for a free slot. */
  private slots = new Int32Array(16);

  constructor(keys: Iterable<string> = []) {
    for (const key of keys) this.add(key);
  }

  has(key: string): boolean {
    return this.slotOf(key, hashOf(key)) >= 0;
  }

  /** Adds the key; false when it was already there. */
  add(key: string): boolean {
    const hash = hashOf(key);
    if (this.slotOf(key, hash) >= 0) return false;
    if (this.keys.length === this.hashes.length) this.grow();
    this.hashes[this.keys.length] = hash;
    this.place(this.keys.length, hash);
    this.keys.push(key);
    return true;
  }

  /** The slot holding the key, or -1. */
  private slotOf(key: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === hash && this.keys[entry - 1] === key) return slot;
    }
  }

  private place(index: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }

  private grow(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.keys.length; i++) this.place(i, this.hashes[i]);
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix so that the low bits (the slot) depend on every unit. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash ^ (hash >>> 15)) | 0;
}
