const EMPTY_SLOT = -1;

const pairHash = (first: number, second: number): number => {
  const mixed = Math.imul(first ^ Math.imul(second, 0x85ebca6b), 0x9e3779b1);
  return mixed ^ (mixed >>> 15);
};

/**
 * Dense numbers for pairs of non-negative codes, in an open-addressing table of typed arrays: a pair such as
 * (name, firm) is then two numbers, not a joined string that would be built and hashed for every record.
 */
export class PairCoder {
  private firsts = new Int32Array(1024).fill(EMPTY_SLOT);
  private seconds = new Int32Array(1024);
  private codes = new Int32Array(1024);
  private size = 0;

  /** How many distinct pairs have a code. */
  get count(): number {
    return this.size;
  }

  code(first: number, second: number): number {
    const mask = this.firsts.length - 1;
    let slot = pairHash(first, second) & mask;
    while (this.firsts[slot] !== EMPTY_SLOT) {
      if (this.firsts[slot] === first && this.seconds[slot] === second) return this.codes[slot];
      slot = (slot + 1) & mask;
    }
    const code = this.size++;
    this.put(slot, first, second, code);
    if (2 * this.size > this.firsts.length) this.grow();
    return code;
  }

  private put(slot: number, first: number, second: number, code: number): void {
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.codes[slot] = code;
  }

  private grow(): void {
    const { firsts, seconds, codes } = this;
    this.firsts = new Int32Array(2 * firsts.length).fill(EMPTY_SLOT);
    this.seconds = new Int32Array(2 * firsts.length);
    this.codes = new Int32Array(2 * firsts.length);
    const mask = this.firsts.length - 1;
    for (let old = 0; old < firsts.length; old++) {
      if (firsts[old] === EMPTY_SLOT) continue;
      let slot = pairHash(firsts[old], seconds[old]) & mask;
      while (this.firsts[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      this.put(slot, firsts[old], seconds[old], codes[old]);
    }
  }
}
