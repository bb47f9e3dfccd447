import type {
  InactiveCustomersSelection,
  PurchasedArticlesSelection,
  RecordSelection,
  SelectionDefinition,
} from './campaign';
import { compileFilter, type FilterableRecord, type RecordPredicate } from './filters';
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

interface SalesIndex {
  /** Article number or name, lower-case → its sales lines (a line is listed under both). */
  linesByArticle: Map<string, SaleLine[]>;
  /** Customer key → its distinct sales days, ascending. */
  daysByCustomer: Map<string, Float64Array>;
  /** Customer keys with any sales line, dated or not. */
  buyers: Set<string>;
}

const salesIndexes = new WeakMap<WorkbookData, SalesIndex>();

const articleKey = (text: string): string => text.trim().toLowerCase();

const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const salesIndex = (data: WorkbookData): SalesIndex => {
  const cached = salesIndexes.get(data);
  if (cached) return cached;
  const linesByArticle = new Map<string, SaleLine[]>();
  const days = new Map<string, Day[]>();
  const buyers = new Set<string>();
  for (const line of data.sales) {
    const customer = customerKey(line.customerId);
    buyers.add(customer);
    if (line.day !== null) pushTo(days, customer, line.day);
    const number = articleKey(line.articleNo);
    const name = articleKey(line.articleName);
    if (number) pushTo(linesByArticle, number, line);
    if (name && name !== number) pushTo(linesByArticle, name, line);
  }
  const daysByCustomer = new Map<string, Float64Array>();
  for (const [customer, list] of days) daysByCustomer.set(customer, Float64Array.from(list).sort());
  const index = { linesByArticle, daysByCustomer, buyers };
  salesIndexes.set(data, index);
  return index;
};

/** Customers in sheet order whose key is in the set. */
const customersIn = (data: WorkbookData, keys: ReadonlySet<string>): Customer[] =>
  data.customers.filter((customer) => keys.has(customerKey(customer.customerId)));

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
    return { recipients: [], problems: [problem('sheetRoleNotFound', 'error', { value: 'contacts' })] };
  }
  const compiled = compileFilter(selection.filter ?? [], data.mapping[selection.from], selection.from);
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

/**
 * Customers with matching sales lines in the period. A line without quantity counts as one piece, so a minimum
 * quantity never drops a purchase only because the quantity cell was empty.
 */
const purchasedArticles = (data: WorkbookData, selection: PurchasedArticlesSelection): SelectionResult => {
  const { linesByArticle } = salesIndex(data);
  const since = selection.since === undefined ? null : isoToDay(selection.since);
  const until = selection.until === undefined ? null : isoToDay(selection.until);
  const problems: Problem[] = [];
  const lines = new Set<SaleLine>();
  let articles: Set<string> | null = null;
  for (const article of selection.articles) {
    const found = linesByArticle.get(articleKey(article));
    if (found) for (const line of found) lines.add(line);
    else if (!(articles ??= knownArticles(data)).has(articleKey(article))) {
      problems.push(problem('unknownArticle', 'warning', { value: article }));
    }
  }
  const quantities = new Map<string, number>();
  for (const line of lines) {
    if ((since !== null || until !== null) && line.day === null) continue;
    if (since !== null && (line.day as Day) < since) continue;
    if (until !== null && (line.day as Day) > until) continue;
    const customer = customerKey(line.customerId);
    quantities.set(customer, (quantities.get(customer) ?? 0) + (line.quantity ?? 1));
  }
  const minimum = selection.minQuantity ?? 0;
  const selected = new Set([...quantities].filter(([, quantity]) => quantity >= minimum).map(([key]) => key));
  return { recipients: customersToRecipients(data, customersIn(data, selected)), problems };
};

/** Index of the first element ≥ value in an ascending array. */
const lowerBound = (sorted: Float64Array, value: number): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
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
  const { daysByCustomer, buyers } = salesIndex(data);
  const asOf = (selection.asOf === undefined ? null : isoToDay(selection.asOf)) ?? today;
  const from = addMonths(asOf, -selection.months);
  const includeNever = selection.includeNeverPurchased ?? true;
  const inactive = data.customers.filter((customer) => {
    const key = customerKey(customer.customerId);
    if (!buyers.has(key)) return includeNever;
    const days = daysByCustomer.get(key);
    if (!days) return true;
    const first = lowerBound(days, from);
    return first === days.length || days[first] > asOf;
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
