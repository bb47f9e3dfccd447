import type {
  InactiveCustomersSelection,
  PurchasedArticlesSelection,
  RecordSelection,
  SelectionDefinition,
} from './campaign';
import { compileSelectionFilter, type FilterableRecord, type RecordPredicate } from './filters';
import type { Contact, Customer, Day, Recipient, SaleLine, WorkbookData } from './model';
import { problem, type Problem } from './problems';
import { contactsToRecipients, customerKey, customersToRecipients } from './recipients';
import { addMonths, isoToDay } from './values';

export interface SelectionResult {
  recipients: Recipient[];
  problems: Problem[];
}

export interface SelectionOptions {
  today: Day;
}

/**
 * Sales lines pre-aggregated once per workbook, with dense integer ids instead of per-line strings and arrays:
 * a million lines would otherwise mean millions of small allocations on every cold run.
 * Days of customer c are days[dayStart[c] .. dayStart[c + 1]), ascending (compressed sparse rows); lines of
 * article a are lines[lineStart[a] .. lineStart[a + 1]).
 */
interface SalesIndex {
  /** Dense sales customer id of each row of data.customers; -1 for a customer without any sales line. */
  customerSalesIds: Int32Array;
  /** Number of dense sales customer ids: every customer key with any sales line, dated or not. */
  customerCount: number;
  lineCustomer: Int32Array;
  dayStart: Int32Array;
  days: Float64Array;
  /** Article number or name, lower-case → dense article id (a line is listed under both). */
  articleIds: Map<string, number>;
  lineStart: Int32Array;
  lines: Int32Array;
}

const salesIndexes = new WeakMap<WorkbookData, SalesIndex>();

const articleKey = (text: string): string => text.trim().toLowerCase();

/** Dense ids for keys; the raw text is looked up first, as most lines repeat it verbatim. */
const denseIds = (normalise: (text: string) => string) => {
  const ids = new Map<string, number>();
  const raw = new Map<string, number>();
  const idOf = (text: string): number => {
    const known = raw.get(text);
    if (known !== undefined) return known;
    const key = normalise(text);
    let id = key === '' ? -1 : ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    raw.set(text, id);
    return id;
  };
  return { ids, idOf };
};

/** Prefix sums of counts: start offsets of each group, length groups + 1. */
const offsets = (counts: Int32Array): Int32Array => {
  const start = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) start[i + 1] = start[i] + counts[i];
  return start;
};

/** The one pass over the line objects: everything later works on typed arrays. */
const readLines = (sales: readonly SaleLine[]) => {
  const customers = denseIds(customerKey);
  const articles = denseIds(articleKey);
  const lineCustomer = new Int32Array(sales.length);
  const lineDay = new Float64Array(sales.length);
  const lineArticles = new Int32Array(sales.length * 2);
  // An article number nearly always comes with the same name text: comparing with it spares a map lookup.
  const nameTextWith: string[] = [];
  const nameIdWith: number[] = [];
  for (let i = 0; i < sales.length; i++) {
    const line = sales[i];
    lineCustomer[i] = customers.idOf(line.customerId);
    lineDay[i] = line.day ?? NaN;
    const number = articles.idOf(line.articleNo);
    let name: number;
    if (number >= 0 && nameTextWith[number] === line.articleName) name = nameIdWith[number];
    else {
      name = articles.idOf(line.articleName);
      if (number >= 0) [nameTextWith[number], nameIdWith[number]] = [line.articleName, name];
    }
    lineArticles[2 * i] = number;
    lineArticles[2 * i + 1] = name === number ? -1 : name;
  }
  return { customers, articleIds: articles.ids, lineCustomer, lineDay, lineArticles };
};

/** Dated days per customer, each customer's days ascending. */
const daysByCustomer = (lineCustomer: Int32Array, lineDay: Float64Array, customerCount: number) => {
  const dayCounts = new Int32Array(customerCount);
  for (let i = 0; i < lineCustomer.length; i++) {
    if (lineCustomer[i] >= 0 && !Number.isNaN(lineDay[i])) dayCounts[lineCustomer[i]]++;
  }
  const dayStart = offsets(dayCounts);
  const days = new Float64Array(dayStart[customerCount]);
  const dayFill = dayStart.slice(0, -1);
  for (let i = 0; i < lineCustomer.length; i++) {
    if (lineCustomer[i] >= 0 && !Number.isNaN(lineDay[i])) days[dayFill[lineCustomer[i]]++] = lineDay[i];
  }
  for (let c = 0; c < customerCount; c++) days.subarray(dayStart[c], dayStart[c + 1]).sort();
  return { dayStart, days };
};

/** Sales lines per article id; a line is listed under its number and, when it differs, its name. */
const linesByArticle = (lineArticles: Int32Array, articleCount: number) => {
  const lineCounts = new Int32Array(articleCount);
  for (let j = 0; j < lineArticles.length; j++) if (lineArticles[j] >= 0) lineCounts[lineArticles[j]]++;
  const lineStart = offsets(lineCounts);
  const lines = new Int32Array(lineStart[articleCount]);
  const lineFill = lineStart.slice(0, -1);
  for (let j = 0; j < lineArticles.length; j++) {
    if (lineArticles[j] >= 0) lines[lineFill[lineArticles[j]]++] = j >> 1;
  }
  return { lineStart, lines };
};

const buildSalesIndex = (data: WorkbookData): SalesIndex => {
  const { customers, articleIds, lineCustomer, lineDay, lineArticles } = readLines(data.sales);
  const customerSalesIds = new Int32Array(data.customers.length);
  data.customers.forEach((customer, i) => {
    customerSalesIds[i] = customers.ids.get(customerKey(customer.customerId)) ?? -1;
  });
  return {
    customerSalesIds,
    customerCount: customers.ids.size,
    lineCustomer,
    ...daysByCustomer(lineCustomer, lineDay, customers.ids.size),
    articleIds,
    ...linesByArticle(lineArticles, articleIds.size),
  };
};

const salesIndex = (data: WorkbookData): SalesIndex => {
  const cached = salesIndexes.get(data);
  if (cached) return cached;
  const index = buildSalesIndex(data);
  salesIndexes.set(data, index);
  return index;
};

const filterRecords = <T extends FilterableRecord>(
  records: readonly T[],
  predicate: RecordPredicate,
  ids: readonly string[] | undefined,
  idOf: (record: T) => string,
): T[] => {
  const wanted = ids ? new Set(ids.map(customerKey)) : null;
  return records.filter(
    (record) => (wanted === null || wanted.has(customerKey(idOf(record)))) && predicate(record),
  );
};

const recordSelection = (data: WorkbookData, selection: RecordSelection): SelectionResult => {
  const records = selection.from === 'contacts' ? data.contacts : data.customers;
  if (records === null) {
    return { recipients: [], problems: [problem('sheetRoleNotFound', 'error', { detail: 'contacts' })] };
  }
  const compiled = compileSelectionFilter(data, selection);
  if (!compiled.ok) return { recipients: [], problems: compiled.error };
  if (selection.from === 'contacts') {
    const contacts = filterRecords(records as Contact[], compiled.value, selection.ids, (c) => c.contactId);
    return { recipients: contactsToRecipients(data, contacts), problems: [] };
  }
  const customers = filterRecords(records as Customer[], compiled.value, selection.ids, (c) => c.customerId);
  return { recipients: customersToRecipients(data, customers), problems: [] };
};

const knownArticles = (data: WorkbookData): Set<string> =>
  new Set(
    data.articles.flatMap((article) => [articleKey(article.articleNo), articleKey(article.articleName)]),
  );

/** Customers in sheet order whose dense sales id passes the test; customers without sales have -1. */
const customersWhere = (data: WorkbookData, index: SalesIndex, test: (id: number) => boolean): Customer[] =>
  data.customers.filter((_, i) => test(index.customerSalesIds[i]));

/**
 * Customers with matching sales lines in the period. A line without quantity counts as one piece, so a minimum
 * quantity never drops a purchase only because the quantity cell was empty.
 */
const purchasedArticles = (data: WorkbookData, selection: PurchasedArticlesSelection): SelectionResult => {
  const index = salesIndex(data);
  const since = selection.since === undefined ? null : isoToDay(selection.since);
  const until = selection.until === undefined ? null : isoToDay(selection.until);
  const problems: Problem[] = [];
  const counted = new Uint8Array(data.sales.length);
  const quantities = new Float64Array(index.customerCount);
  const bought = new Uint8Array(index.customerCount);
  let known: Set<string> | null = null;
  for (const article of selection.articles) {
    const id = index.articleIds.get(articleKey(article));
    if (id === undefined) {
      if (!(known ??= knownArticles(data)).has(articleKey(article))) {
        problems.push(problem('unknownArticle', 'warning', { value: article }));
      }
      continue;
    }
    for (let k = index.lineStart[id]; k < index.lineStart[id + 1]; k++) {
      const i = index.lines[k];
      const { day, quantity } = data.sales[i];
      const customer = index.lineCustomer[i];
      if (counted[i] || customer < 0) continue;
      if ((since !== null || until !== null) && day === null) continue;
      if ((since !== null && (day as Day) < since) || (until !== null && (day as Day) > until)) continue;
      counted[i] = 1;
      bought[customer] = 1;
      quantities[customer] += quantity ?? 1;
    }
  }
  const minimum = selection.minQuantity ?? 0;
  const selected = customersWhere(
    data,
    index,
    (id) => id >= 0 && bought[id] === 1 && quantities[id] >= minimum,
  );
  return { recipients: customersToRecipients(data, selected), problems };
};

/** Index of the first element ≥ value in days[from, to), which is ascending. */
const lowerBound = (days: Float64Array, from: number, to: number, value: number): number => {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * Customers without a dated sales line in [asOf − months, asOf], both inclusive. Undated lines say nothing about
 * activity, but a customer who has them did buy, so they do not count as "never purchased".
 */
const inactiveCustomers = (
  data: WorkbookData,
  selection: InactiveCustomersSelection,
  today: Day,
): SelectionResult => {
  const index = salesIndex(data);
  const asOf = (selection.asOf === undefined ? null : isoToDay(selection.asOf)) ?? today;
  const from = addMonths(asOf, -selection.months);
  const includeNever = selection.includeNeverPurchased ?? true;
  const inactive = customersWhere(data, index, (id) => {
    if (id < 0) return includeNever;
    const end = index.dayStart[id + 1];
    const first = lowerBound(index.days, index.dayStart[id], end, from);
    return first === end || index.days[first] > asOf;
  });
  return { recipients: customersToRecipients(data, inactive), problems: [] };
};

/** Runs one selection on the workbook: the recipients it matched, in sheet order, and the problems it met. */
export const runSelection = (
  data: WorkbookData,
  selection: SelectionDefinition,
  options: SelectionOptions,
): SelectionResult => {
  switch (selection.from) {
    case 'contacts':
    case 'customers':
      return recordSelection(data, selection);
    case 'purchasedArticles':
      return purchasedArticles(data, selection);
    case 'inactiveCustomers':
      return inactiveCustomers(data, selection, options.today);
  }
};
