import { firstTouchSteps, type Steps } from './steps';
/**
 * A set of strings for the parser's per-row lookups: a million sales lines, each checked against the customer
 * numbers. A built-in Set hashes every distinct cell string in the runtime and compares it with stored strings that
 * lie scattered over the heap; a profile showed those memory accesses as the top cost of reading sales lines. Here
 * the hash is computed inline, and a short key (up to 8 code units below 256, as ids are) is stored packed into its
 * slot, so that looking it up touches one slot and no other string.
 */
export class KeySet {
  private count = 0;
  /**
   * Open addressing with linear probing, never more than three quarters full. Five numbers per slot: the hash (0 for a free
   * slot), the packed key in two numbers, the key's length (for a key that does not pack, -1 - its index in
   * `unpacked` instead) and the key's index in the order of adding.
   */
  private slots = new Int32Array(16 * SLOT_SIZE);
  private readonly unpacked: string[] = [];

  /** Room for expectedSize keys from the start, so that a set filled from a sheet is not rebuilt as it grows. */
  constructor(expectedSize = 0) {
    let length = this.slots.length;
    while (expectedSize * 4 * SLOT_SIZE > length * 3) length *= 2;
    if (length > this.slots.length) this.slots = new Int32Array(length);
  }

  /**
   * Writes the empty table in steps, for a set about to be filled in steps: the system maps a new array's memory
   * when it is first touched (40 ms per 10 MB on the 2-core machine), and scattered lookups touch all of it at once.
   */
  *prepare(): Steps<void> {
    yield* firstTouchSteps(this.slots);
  }

  static of(keys: readonly string[]): KeySet {
    const set = new KeySet(keys.length);
    for (const key of keys) set.add(key);
    return set;
  }

  /** How many keys were added. */
  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** How many keys were added before this one (a dense id for it), or -1 when it was never added. */
  indexOf(key: string): number {
    const at = this.find(key);
    return at < 0 ? -1 : this.slots[at + 4];
  }

  /** Adds the key; false when it was already there. */
  add(key: string): boolean {
    const at = this.find(key);
    if (at >= 0) return false;
    this.insert(key, at);
    return true;
  }

  /** The key's dense id (see indexOf), adding it first when it is new: one lookup instead of two. */
  code(key: string): number {
    const at = this.find(key);
    if (at >= 0) return this.slots[at + 4];
    this.insert(key, at);
    return this.count - 1;
  }

  /** Puts the key read last (see probe) at the free place ~at. */
  private insert(key: string, at: number): void {
    this.slots[~at + 4] = this.count++;
    this.slots[~at] = probe.hash;
    this.slots[~at + 1] = probe.low;
    this.slots[~at + 2] = probe.high;
    this.slots[~at + 3] = probe.packs ? key.length : -this.unpacked.push(key);
    if (this.count * 4 * SLOT_SIZE > this.slots.length * 3) this.grow();
  }

  /** The key's place in `slots` when it is there, else ~ the free place where it would go. */
  private find(key: string): number {
    readKey(key);
    const { slots } = this;
    const mask = slots.length / SLOT_SIZE - 1;
    const { hash, low, high, packs } = probe;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT_SIZE;
      const stored = slots[at];
      if (stored === 0) return ~at;
      if (stored !== hash) continue;
      const length = slots[at + 3];
      if (
        packs
          ? length === key.length && slots[at + 1] === low && slots[at + 2] === high
          : length < 0 && this.unpacked[-1 - length] === key
      )
        return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length / SLOT_SIZE - 1;
    for (let from = 0; from < old.length; from += SLOT_SIZE) {
      if (old[from] === 0) continue;
      let slot = old[from] & mask;
      while (this.slots[slot * SLOT_SIZE] !== 0) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(from, from + SLOT_SIZE), slot * SLOT_SIZE);
    }
  }
}

const SLOT_SIZE = 5;
const PACKED_UNITS = 8;

/** What readKey found out about the key last read; one object, so that a lookup allocates nothing. */
const probe = { hash: 0, low: 0, high: 0, packs: false };

/**
 * FNV-1a over the UTF-16 code units, with a final mix so that the low bits (the slot) depend on every unit, never 0;
 * and the first 8 units packed one byte each, when the key has no more and none above 255.
 */
function readKey(key: string): void {
  let hash = 0x811c9dc5;
  let low = 0;
  let high = 0;
  let packs = key.length <= PACKED_UNITS;
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    hash = Math.imul(hash ^ unit, 0x01000193);
    if (unit > 255) packs = false;
    else if (i < 4) low |= unit << (i * 8);
    else if (i < PACKED_UNITS) high |= unit << ((i - 4) * 8);
  }
  probe.hash = (hash ^ (hash >>> 15)) | 1;
  probe.low = low;
  probe.high = high;
  probe.packs = packs;
}

/** A dense code per distinct text, starting at 0. */
export const codeIn = (codes: Map<string, number>, text: string): number => {
  let code = codes.get(text);
  if (code === undefined) codes.set(text, (code = codes.size));
  return code;
};
