/**
 * A set of strings for the parser's per-row lookups (a million sales lines, each checked against the customer
 * numbers). The cells of a sheet are distinct string objects, so a built-in Set hashes each one in the runtime and
 * compares whole strings along its bucket chain; here the hash is computed inline and kept next to its key's slot,
 * and a string is only compared when its hash matches.
 */
export class KeySet {
  private count = 0;
  /** Open addressing with linear probing, never more than half full: the hash of the key in each slot, 0 = free. */
  private hashes = new Int32Array(16);
  private keys: string[] = new Array<string>(16).fill('');

  constructor(keys: Iterable<string> = []) {
    for (const key of keys) this.add(key);
  }

  has(key: string): boolean {
    const hash = hashOf(key);
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.hashes[slot];
      if (stored === 0) return false;
      if (stored === hash && this.keys[slot] === key) return true;
    }
  }

  /** Adds the key; false when it was already there. */
  add(key: string): boolean {
    if (this.has(key)) return false;
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    this.place(key, hashOf(key));
    this.count++;
    return true;
  }

  private place(key: string, hash: number): void {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.hashes[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.keys[slot] = key;
  }

  private grow(): void {
    const { hashes, keys } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.keys = new Array<string>(hashes.length * 2).fill('');
    for (let slot = 0; slot < hashes.length; slot++)
      if (hashes[slot] !== 0) this.place(keys[slot], hashes[slot]);
  }
}

/**
 * FNV-1a over the UTF-16 code units, with a final mix so that the low bits (the slot) depend on every unit. Never 0,
 * which marks a free slot.
 */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash ^ (hash >>> 15)) | 1;
}
