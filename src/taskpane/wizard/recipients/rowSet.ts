/**
 * The rows ticked in a pick list, as one byte per row: "select all filtered" over 150,000 rows is a copy and a loop
 * instead of a Set of 150,000 numbers (90 ms at 300,000 contacts). Immutable, so React sees each change.
 */
export class RowSet {
  private constructor(
    private readonly bits: Uint8Array,
    readonly size: number,
  ) {}

  static empty(rowCount: number): RowSet {
    return new RowSet(new Uint8Array(rowCount), 0);
  }

  has(row: number): boolean {
    return this.bits[row] === 1;
  }

  with(rows: Iterable<number>): RowSet {
    const bits = this.bits.slice();
    let size = this.size;
    for (const row of rows) {
      size += 1 - bits[row];
      bits[row] = 1;
    }
    return new RowSet(bits, size);
  }

  without(row: number): RowSet {
    if (!this.has(row)) return this;
    const bits = this.bits.slice();
    bits[row] = 0;
    return new RowSet(bits, this.size - 1);
  }

  /**
   * `of(row)` for each ticked row in list order, leaving out the rows it gives undefined for. One loop over the bytes:
   * the ids of 150,000 ticked rows, first listed as row numbers and then looked up, took 60 ms of the click's task.
   */
  pick<T>(of: (row: number) => T | undefined): T[] {
    const picked: T[] = [];
    for (let row = 0; row < this.bits.length; row++) {
      if (this.bits[row] !== 1) continue;
      const value = of(row);
      if (value !== undefined) picked.push(value);
    }
    return picked;
  }
}
