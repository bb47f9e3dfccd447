/**
 * Disjoint sets over 0…n−1 in one typed array. The root of a set is always its smallest member: for records in sheet
 * order that is the set's first record, whatever order the unions came in.
 */
export class UnionFind {
  readonly parent: Int32Array;

  /** `from`: start from these sets (a copy of another UnionFind's roots) instead of singletons. */
  constructor(size: number, from?: Int32Array) {
    this.parent = from ? from.slice() : new Int32Array(size);
    if (!from) for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(item: number): number {
    const parent = this.parent;
    let node = item;
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
    return node;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA < rootB) this.parent[rootB] = rootA;
    else if (rootB < rootA) this.parent[rootA] = rootB;
  }

  /** Every item's root, with every path compressed: afterwards `roots[i]` answers in O(1). */
  roots(): Int32Array {
    for (let i = 0; i < this.parent.length; i++) this.parent[i] = this.parent[this.parent[i]];
    return this.parent;
  }
}
