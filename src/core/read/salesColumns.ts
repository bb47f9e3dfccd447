import { KeySet } from '../kernel/keySet';
import type { Customer, SalesColumns, WorkbookData } from '../kernel/model';
import type { SalesLines } from '../kernel/salesLines';
import { customerKey } from './customerKeys';

/**
 * Customer numbers → customer rows, matched as everywhere else (customerKey: case, surrounding spaces and leading
 * zeros ignored). A sales line nearly always spells its customer number exactly as the customers sheet does: that is
 * one KeySet lookup, which the parser needs for its 'unknownCustomer' check anyway. Only other spellings pay for the
 * normalised lookup.
 */
export class CustomerRows {
  /** Per customer row: the first row with the same customer number; -1 for a row without one. */
  readonly firstRows: Int32Array;
  private readonly exact: KeySet;
  /** By the KeySet's index of an exact customer number: the first row of that number. */
  private readonly firstRowOfExact: number[] = [];
  /** By the same index: the number as the customers sheet writes it. */
  readonly exactTexts: string[] = [];
  private readonly firstRowByKey = new Map<string, number>();

  constructor(private readonly customers: readonly Customer[]) {
    this.firstRows = new Int32Array(customers.length);
    this.exact = new KeySet(customers.length);
    for (let row = 0; row < customers.length; row++) {
      const { customerId } = customers[row];
      const key = customerKey(customerId);
      let first = key === '' ? -1 : this.firstRowByKey.get(key);
      if (first === undefined) this.firstRowByKey.set(key, (first = row));
      this.firstRows[row] = first;
      if (this.exact.add(customerId)) {
        this.firstRowOfExact.push(first);
        this.exactTexts.push(customerId);
      }
    }
  }

  /** Whether a customer has exactly this number, spelled the same. */
  has(customerId: string): boolean {
    return this.exact.has(customerId);
  }

  /** The first row of the customer number when a customer has it spelled exactly so, else -1. */
  exactRow(customerId: string): number {
    return this.rowOfExact(this.exactIndex(customerId));
  }

  /** The number's index in exactTexts when a customer has it spelled exactly so, else -1. */
  exactIndex(customerId: string): number {
    return this.exact.indexOf(customerId);
  }

  /** The first row of the number at this index of exactTexts; -1 for -1. */
  rowOfExact(index: number): number {
    return index < 0 ? -1 : this.firstRowOfExact[index];
  }

  /** The customer number as the customers sheet writes it in a row. */
  idAt(row: number): string {
    return this.customers[row].customerId;
  }

  /** The first row of the customer number in any spelling, else -1. */
  rowOf(customerId: string): number {
    const row = this.exactRow(customerId);
    return row >= 0 ? row : (this.firstRowByKey.get(customerKey(customerId)) ?? -1);
  }
}

export const articleKey = (text: string): string => text.trim().toLowerCase();

/**
 * Dense ids of article numbers and names, matched as selections match them (trimmed, any case). The raw text is
 * looked up first, as most lines repeat it verbatim; and an article number nearly always comes with the same name
 * text, so comparing with that spares the name's lookup.
 */
class ArticleIds {
  /** Article number or name, trimmed and lower-case → dense id. */
  readonly ids = new Map<string, number>();
  private readonly raw = new Map<string, number>();
  private readonly nameTextWith: string[] = [];
  private readonly nameIdWith: number[] = [];

  /** Stores the ids of line i's number at 2i and of its name at 2i + 1 (-1 when empty or the same article). */
  put(lineArticles: Int32Array, i: number, articleNo: string, articleName: string): void {
    const number = this.idOf(articleNo);
    let name: number;
    if (number >= 0 && this.nameTextWith[number] === articleName) name = this.nameIdWith[number];
    else {
      name = this.idOf(articleName);
      if (number >= 0) {
        this.nameTextWith[number] = articleName;
        this.nameIdWith[number] = name;
      }
    }
    lineArticles[2 * i] = number;
    lineArticles[2 * i + 1] = name === number ? -1 : name;
  }

  private idOf(text: string): number {
    const known = this.raw.get(text);
    if (known !== undefined) return known;
    const key = articleKey(text);
    let id = key === '' ? -1 : this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    this.raw.set(text, id);
    return id;
  }
}

/** The columns for lines that did not come from the parser (built by hand, or replaced after parsing). */
export const salesColumnsFromLines = (sales: SalesLines, customers: readonly Customer[]): SalesColumns => {
  const lookup = new CustomerRows(customers);
  const rowOfCode = sales.customerIdTexts.map((customerId) => lookup.rowOf(customerId));
  const customerRows = new Int32Array(sales.length);
  for (let i = 0; i < sales.length; i++) customerRows[i] = rowOfCode[sales.customerCodes[i]];
  return { sales, customers, customerRows, days: sales.days, firstRows: lookup.firstRows };
};

/** The same arrays, and still of the same length: lines or customers appended later void the columns too. */
const describes = (columns: SalesColumns | undefined, data: WorkbookData): columns is SalesColumns =>
  columns !== undefined &&
  columns.sales === data.sales &&
  columns.customers === data.customers &&
  columns.customerRows.length === data.sales.length &&
  columns.firstRows.length === data.customers.length;

const derived = new WeakMap<WorkbookData, SalesColumns>();

/** The parser's columns when they describe the workbook's arrays, else columns derived once from its lines. */
export const salesColumnsOf = (data: WorkbookData): SalesColumns => {
  if (describes(data.salesColumns, data)) return data.salesColumns;
  let columns = derived.get(data);
  if (!describes(columns, data))
    derived.set(data, (columns = salesColumnsFromLines(data.sales, data.customers)));
  return columns;
};

/** The article ids of every sales line, as ArticleIds.put stores them. */
export interface LineArticles {
  /** Article number or name, trimmed and lower-case → dense id. */
  articleIds: ReadonlyMap<string, number>;
  /** Line i: the id of its number at 2i, of its name at 2i + 1; -1 when empty or the same article. */
  lineArticles: Int32Array;
}

const lineArticlesCache = new WeakMap<SalesLines, LineArticles>();

/**
 * Built on the first purchased-articles selection, not while parsing: inside the parser's loop over fresh cell
 * strings the same lookups measured about three times dearer (parse +225 ms for a cold group −60 ms at scale M).
 */
export const lineArticlesOf = (sales: SalesLines): LineArticles => {
  let built = lineArticlesCache.get(sales);
  if (built === undefined) {
    const articles = new ArticleIds();
    const lineArticles = new Int32Array(sales.length * 2);
    for (let i = 0; i < sales.length; i++)
      articles.put(lineArticles, i, sales.articleNos[i], sales.articleNames[i]);
    lineArticlesCache.set(sales, (built = { articleIds: articles.ids, lineArticles }));
  }
  return built;
};
