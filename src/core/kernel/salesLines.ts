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
  /**
   * Per line: the code of its customer number as written in the sheet (trimmed), an index into customerIdTexts. A
   * customer buys many times: a million lines hold a million integers and a text per customer, not a million texts.
   */
  readonly customerCodes: Int32Array;
  /** The customer numbers as written, by code; each text once. */
  readonly customerIdTexts: readonly string[];
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

/** The customer number of line i as written in the sheet (trimmed). */
export const customerIdAt = (sales: SalesLines, i: number): string =>
  sales.customerIdTexts[sales.customerCodes[i]];

/** The object view of line i. */
export const saleLineAt = (sales: SalesLines, i: number): SaleLine => {
  const line: SaleLine = {
    customerId: customerIdAt(sales, i),
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
  private readonly customerCodes: Int32Array;
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
    this.customerCodes = new Int32Array(room);
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

  /** `customerCode`: the number's code in the CustomerIdCodes given to `build`, whose texts the lines keep. */
  add(
    customerCode: number,
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
    this.customerCodes[i] = customerCode;
    this.articleNos[i] = articleNo;
    this.articleNames[i] = articleName;
    this.days[i] = day ?? NaN;
    this.quantities[i] = quantity ?? NaN;
    this.amounts[i] = amount ?? NaN;
    if (this.margins) this.margins[i] = margin ?? NaN;
    this.rows[i] = row;
  }

  build(customerIds: CustomerIdCodes): SalesLines {
    const n = this.count;
    for (const texts of [this.articleNos, this.articleNames]) texts.length = n;
    const lines: SalesLines = {
      length: n,
      customerCodes: this.customerCodes.subarray(0, n),
      customerIdTexts: customerIds.texts,
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
  const customerIds = new CustomerIdCodes();
  for (const line of lines)
    builder.add(
      customerIds.codeOf(line.customerId),
      line.day,
      line.articleNo,
      line.articleName,
      line.quantity,
      line.amount,
      line.row,
      line.margin ?? null,
    );
  return builder.build(customerIds);
};

/**
 * Codes for the customer numbers of sales lines, as written. The parser starts from the customers sheet's spellings,
 * whose codes its lookup of every line's number gives anyway (CustomerRows); other spellings get the codes after them.
 */
export class CustomerIdCodes {
  readonly texts: string[];
  private readonly others = new Map<string, number>();

  constructor(known: readonly string[] = []) {
    this.texts = [...known];
  }

  /** The code of a text not among the known ones. */
  codeOf(text: string): number {
    let code = this.others.get(text);
    if (code === undefined) this.others.set(text, (code = this.texts.push(text) - 1));
    return code;
  }
}

export const noSalesLines = (): SalesLines => salesLines([]);
