import type {
  InactiveCustomersSelection,
  PurchasedArticlesSelection,
  RecordSelection,
  SheetSelection,
} from '../campaign/campaign';
import { compileSelectionFilter, type FilterableRecord, type RecordPredicate } from './filters';
import type { Contact, Customer, Day, WorkbookData } from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import { workbookRecords } from './recipients';
import { customerKey } from '../read/customerKeys';
import { articleKey, lineArticlesOf, salesColumnsOf } from '../read/salesColumns';
import { addMonths, isoToDay } from '../kernel/values';

/** Record numbers, not recipients: the group builds a Recipient only for the rows it shows (see WorkbookRecords). */
export interface SelectionResult {
  /** The records found (see WorkbookRecords), in sheet order; a record may occur twice. */
  records: number[];
  problems: Problem[];
}

export interface SelectionOptions {
  today: Day;
}

/** Positions of the records that pass the filter (and, with `ids`, whose id is listed). */
const filterIndexes = <T extends FilterableRecord>(
  records: readonly T[],
  predicate: RecordPredicate,
  ids: readonly string[] | undefined,
  idOf: (record: T) => string,
): number[] => {
  const wanted = ids ? new Set(ids.map(customerKey)) : null;
  const found: number[] = [];
  records.forEach((record, i) => {
    if ((wanted === null || wanted.has(customerKey(idOf(record)))) && predicate(record)) found.push(i);
  });
  return found;
};

const found = (records: number[], problems: Problem[] = []): SelectionResult => ({ records, problems });

const ofCustomers = (data: WorkbookData, customerIndexes: number[], problems?: Problem[]) =>
  found(workbookRecords(data).ofCustomers(customerIndexes), problems);

const recordSelection = (data: WorkbookData, selection: RecordSelection): SelectionResult => {
  const records = selection.from === 'contacts' ? data.contacts : data.customers;
  if (records === null) {
    return {
      records: [],
      problems: [problem('sheetRoleNotFound', 'error', { detail: 'contacts' })],
    };
  }
  const compiled = compileSelectionFilter(data, selection);
  if (!compiled.ok) return { records: [], problems: compiled.error };
  if (selection.from === 'contacts') {
    // Record i is contact i.
    return found(filterIndexes(records as Contact[], compiled.value, selection.ids, (c) => c.contactId));
  }
  return ofCustomers(
    data,
    filterIndexes(records as Customer[], compiled.value, selection.ids, (c) => c.customerId),
  );
};

const knownArticles = (data: WorkbookData): Set<string> =>
  new Set(
    data.articles.flatMap((article) => [articleKey(article.articleNo), articleKey(article.articleName)]),
  );

/** Flags of the article ids the selection names; a name found neither in the lines nor the articles is a warning. */
const wantedArticles = (
  data: WorkbookData,
  articleIds: ReadonlyMap<string, number>,
  articles: readonly string[],
): { ids: Uint8Array; problems: Problem[] } => {
  const ids = new Uint8Array(articleIds.size);
  const problems: Problem[] = [];
  let known: Set<string> | null = null;
  for (const article of articles) {
    const id = articleIds.get(articleKey(article));
    if (id !== undefined) ids[id] = 1;
    else if (!(known ??= knownArticles(data)).has(articleKey(article)))
      problems.push(problem('unknownArticle', 'warning', { value: article }));
  }
  return { ids, problems };
};

/**
 * Customers with matching sales lines in the period. A line without quantity counts as one piece, so a minimum
 * quantity never drops a purchase only because the quantity cell was empty.
 */
const purchasedArticles = (data: WorkbookData, selection: PurchasedArticlesSelection): SelectionResult => {
  const { customerRows, days, firstRows } = salesColumnsOf(data);
  const { articleIds, lineArticles } = lineArticlesOf(data.sales);
  const since = selection.since === undefined ? null : isoToDay(selection.since);
  const until = selection.until === undefined ? null : isoToDay(selection.until);
  const dated = since !== null || until !== null;
  const wanted = wantedArticles(data, articleIds, selection.articles);
  /** By first customer row: total quantity of its matching lines, and whether it has any. */
  const totals = new Float64Array(data.customers.length);
  const bought = new Uint8Array(data.customers.length);
  // One pass over the line columns per selection; a line listed under two wanted articles counts once.
  for (let i = 0; i < customerRows.length; i++) {
    const number = lineArticles[2 * i];
    const name = lineArticles[2 * i + 1];
    if (!((number >= 0 && wanted.ids[number] === 1) || (name >= 0 && wanted.ids[name] === 1))) continue;
    const customer = customerRows[i];
    const day = days[i];
    if (customer < 0 || (dated && Number.isNaN(day))) continue;
    if ((since !== null && day < since) || (until !== null && day > until)) continue;
    const quantity = data.sales.quantities[i];
    totals[customer] += Number.isNaN(quantity) ? 1 : quantity;
    bought[customer] = 1;
  }
  const minimum = selection.minQuantity ?? 0;
  const selected: number[] = [];
  for (let i = 0; i < data.customers.length; i++) {
    const customer = firstRows[i];
    if (customer >= 0 && bought[customer] === 1 && totals[customer] >= minimum) selected.push(i);
  }
  return ofCustomers(data, selected, wanted.problems);
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
  const { customerRows, days, firstRows } = salesColumnsOf(data);
  const asOf = (selection.asOf === undefined ? null : isoToDay(selection.asOf)) ?? today;
  const from = addMonths(asOf, -selection.months);
  const includeNever = selection.includeNeverPurchased ?? true;
  // One pass over the line columns per selection: cheaper than sorting each customer's days for a binary search.
  const bought = new Uint8Array(data.customers.length);
  const active = new Uint8Array(data.customers.length);
  for (let i = 0; i < customerRows.length; i++) {
    const customer = customerRows[i];
    if (customer < 0) continue;
    bought[customer] = 1;
    if (days[i] >= from && days[i] <= asOf) active[customer] = 1; // false for an undated line (NaN)
  }
  const inactive: number[] = [];
  for (let i = 0; i < data.customers.length; i++) {
    const customer = firstRows[i];
    if (customer < 0 || bought[customer] === 0 ? includeNever : active[customer] === 0) inactive.push(i);
  }
  return ofCustomers(data, inactive);
};

/**
 * Runs one selection on the workbook: the recipients it matched, in sheet order, and the problems it met. The
 * selections that read the contact history need the identity graph (group/historySelections.ts).
 */
export const runSelection = (
  data: WorkbookData,
  selection: SheetSelection,
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
