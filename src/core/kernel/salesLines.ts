import type { Day, SaleLine } from './model';

/**
 * The sales lines as columns, one entry per line in sheet order. A million lines are eight arrays, not a million
 * objects: the parser spent most of its time moving freshly made line objects out of V8's young generation, and every
 * later major GC marked them again for as long as the workbook was open. Plain and typed arrays only, so the pane's
 * worker receives them by structured clone. Evaluation and selections read the columns; `saleLineAt` makes the object
 * view of one line where a caller wants it (the tests, the parse profile's fingerprint).
 */
export interface SalesLines {
  readonly length: number;
  /** The customer number as written in the sheet (trimmed). */
  readonly customerIds: readonly string[];
  readonly articleNos: readonly string[];
  readonly articleNames: readonly string[];
  /** NaN for an undated line. */
  readonly days: Float64Array;
  /** NaN where the cell is empty. */
  readonly quantities: Float64Array;
  /** NaN where the line has no amount. */
  readonly amounts: Float64Array;
  /**
   * What each line earned above its purchase cost (read/margins.ts); absent when the workbook tells no margins at all,
   * NaN for a line whose margin is unknown.
   */
  readonly margins?: Float64Array;
  /** 1-based sheet row of each line. */
  readonly rows: Int32Array;
}

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** The object view of line i. */
export const saleLineAt = (sales: SalesLines, i: number): SaleLine => {
  const line: SaleLine = {
    customerId: sales.customerIds[i],
    day: orNull(sales.days[i]),
    articleNo: sales.articleNos[i],
    articleName: sales.articleNames[i],
    quantity: orNull(sales.quantities[i]),
    amount: orNull(sales.amounts[i]),
    row: sales.rows[i],
  };
  if (sales.margins) line.margin = orNull(sales.margins[i]);
  return line;
};

/** Every line as an object, in order. */
export const saleLinesOf = (sales: SalesLines): SaleLine[] =>
  Array.from({ length: sales.length }, (_, i) => saleLineAt(sales, i));

/** Fills the columns line by line; the parser knows how many lines there can be at most. */
export class SalesLinesBuilder {
  private count = 0;
  // Sized up front: pushing a million strings spent most of its time growing (copying) the arrays.
  private readonly customerIds: string[];
  private readonly articleNos: string[];
  private readonly articleNames: string[];
  private readonly days: Float64Array;
  private readonly quantities: Float64Array;
  private readonly amounts: Float64Array;
  private readonly margins: Float64Array | undefined;
  private readonly rows: Int32Array;

  constructor(
    private readonly room: number,
    withMargins: boolean,
  ) {
    this.customerIds = new Array<string>(room);
    this.articleNos = new Array<string>(room);
    this.articleNames = new Array<string>(room);
    this.days = new Float64Array(room);
    this.quantities = new Float64Array(room);
    this.amounts = new Float64Array(room);
    this.margins = withMargins ? new Float64Array(room) : undefined;
    this.rows = new Int32Array(room);
  }

  /** Index the next line will have. */
  get length(): number {
    return this.count;
  }

  add(
    customerId: string,
    day: Day | null,
    articleNo: string,
    articleName: string,
    quantity: number | null,
    amount: number | null,
    row: number,
    margin: number | null = null,
  ): void {
    if (this.count === this.room) throw new RangeError('more sales lines than room for them');
    const i = this.count++;
    this.customerIds[i] = customerId;
    this.articleNos[i] = articleNo;
    this.articleNames[i] = articleName;
    this.days[i] = day ?? NaN;
    this.quantities[i] = quantity ?? NaN;
    this.amounts[i] = amount ?? NaN;
    if (this.margins) this.margins[i] = margin ?? NaN;
    this.rows[i] = row;
  }

  build(): SalesLines {
    const n = this.count;
    for (const texts of [this.customerIds, this.articleNos, this.articleNames]) texts.length = n;
    const lines: SalesLines = {
      length: n,
      customerIds: this.customerIds,
      articleNos: this.articleNos,
      articleNames: this.articleNames,
      days: this.days.subarray(0, n),
      quantities: this.quantities.subarray(0, n),
      amounts: this.amounts.subarray(0, n),
      rows: this.rows.subarray(0, n),
    };
    return this.margins ? { ...lines, margins: this.margins.subarray(0, n) } : lines;
  }
}

/** Columns of lines given as objects: hand-built workbooks, tests. Margins when any line has one. */
export const salesLines = (lines: readonly SaleLine[]): SalesLines => {
  const builder = new SalesLinesBuilder(
    lines.length,
    lines.some((line) => line.margin !== undefined),
  );
  for (const line of lines)
    builder.add(
      line.customerId,
      line.day,
      line.articleNo,
      line.articleName,
      line.quantity,
      line.amount,
      line.row,
      line.margin ?? null,
    );
  return builder.build();
};

export const noSalesLines = (): SalesLines => salesLines([]);
