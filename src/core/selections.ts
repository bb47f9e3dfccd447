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
import { salesColumnsOf } from './salesColumns';
import { addMonths, isoToDay } from './values';

export interface SelectionResult {
  recipients: Recipient[];
  problems: Problem[];
}

export interface SelectionOptions {
  today: Day;
}

/**
 * The lines of each article, built once per workbook, with dense integer ids instead of per-line strings and
 * arrays: a million lines would otherwise mean millions of small allocations on every cold run. Customers are known
 * by their first customer row (SalesColumns), which the parser already found for every line.
 * Lines of article a are lines[lineStart[a] .. lineStart[a + 1]) (compressed sparse rows).
 */
interface ArticleIndex {
  /** Article number or name, lower-case → dense article id (a line is listed under both). */
  articleIds: Map<string, number>;
  lineStart: Int32Array;
  lines: Int32Array;
}

const articleIndexes = new WeakMap<WorkbookData, ArticleIndex>();

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

/** Article ids of each line: number at 2i, name at 2i + 1 (-1 when empty or the same article). */
const lineArticlesOf = (sales: readonly SaleLine[]) => {
  const articles = denseIds(articleKey);
  const lineArticles = new Int32Array(sales.length * 2);
  // An article number nearly always comes with the same name text: comparing with it spares a map lookup.
  const nameTextWith: string[] = [];
  const nameIdWith: number[] = [];
  for (let i = 0; i < sales.length; i++) {
    const line = sales[i];
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
  return { articleIds: articles.ids, lineArticles };
};

const buildArticleIndex = (sales: readonly SaleLine[]): ArticleIndex => {
  const { articleIds, lineArticles } = lineArticlesOf(sales);
  const lineCounts = new Int32Array(articleIds.size);
  for (let j = 0; j < lineArticles.length; j++) if (lineArticles[j] >= 0) lineCounts[lineArticles[j]]++;
  const lineStart = offsets(lineCounts);
  const lines = new Int32Array(lineStart[articleIds.size]);
  const lineFill = lineStart.slice(0, -1);
  for (let j = 0; j < lineArticles.length; j++) {
    if (lineArticles[j] >= 0) lines[lineFill[lineArticles[j]]++] = j >> 1;
  }
  return { articleIds, lineStart, lines };
};

const cached = <T>(cache: WeakMap<WorkbookData, T>, data: WorkbookData, build: () => T): T => {
  let index = cache.get(data);
  if (index === undefined) cache.set(data, (index = build()));
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

/**
 * Customers with matching sales lines in the period. A line without quantity counts as one piece, so a minimum
 * quantity never drops a purchase only because the quantity cell was empty.
 */
const purchasedArticles = (data: WorkbookData, selection: PurchasedArticlesSelection): SelectionResult => {
  const index = cached(articleIndexes, data, () => buildArticleIndex(data.sales));
  const { customerRows, days, firstRows } = salesColumnsOf(data);
  const since = selection.since === undefined ? null : isoToDay(selection.since);
  const until = selection.until === undefined ? null : isoToDay(selection.until);
  const problems: Problem[] = [];
  const counted = new Uint8Array(data.sales.length);
  /** By first customer row: total quantity of its matching lines, and whether it has any. */
  const totals = new Float64Array(data.customers.length);
  const bought = new Uint8Array(data.customers.length);
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
      const customer = customerRows[i];
      const day = days[i];
      if (counted[i] || customer < 0) continue;
      if ((since !== null || until !== null) && Number.isNaN(day)) continue;
      if ((since !== null && day < since) || (until !== null && day > until)) continue;
      counted[i] = 1;
      totals[customer] += data.sales[i].quantity ?? 1;
      bought[customer] = 1;
    }
  }
  const minimum = selection.minQuantity ?? 0;
  const selected = data.customers.filter((_, i) => {
    const customer = firstRows[i];
    return customer >= 0 && bought[customer] === 1 && totals[customer] >= minimum;
  });
  return { recipients: customersToRecipients(data, selected), problems };
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
  const inactive = data.customers.filter((_, i) => {
    const customer = firstRows[i];
    return customer < 0 || bought[customer] === 0 ? includeNever : active[customer] === 0;
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
