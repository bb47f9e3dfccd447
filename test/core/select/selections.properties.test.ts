import fc from 'fast-check';
import type {
  InactiveCustomersSelection,
  PurchasedArticlesSelection,
  SheetSelection,
} from '../../../src/core/campaign/campaign';
import type { Customer, Recipient, SaleLine, WorkbookData } from '../../../src/core/kernel/model';
import { parseWorkbook } from '../../../src/core/read/parseWorkbook';
import { customersToRecipients, recipientsOf } from '../../../src/core/select/recipients';
import { saleLinesOf, salesLines } from '../../../src/core/kernel/salesLines';
import { salesColumnsFromLines } from '../../../src/core/read/salesColumns';
import { runSelection } from '../../../src/core/select/selections';
import type { CellValue } from '../../../src/core/kernel/sheetTable';
import { addMonths, isoToDay } from '../../../src/core/kernel/values';
import { makeContact, makeCustomer, makeSale, makeWorkbookData } from '../builders';
import { sheet } from '../sheetBuilders';

/**
 * The sales index (dense ids, typed arrays, shortcuts for repeated texts) must select exactly what a plain scan of
 * the sales lines selects, on messy lines: customer numbers and article texts in varying case and spacing, one
 * article number sold under several names, names that equal another article's number, undated and empty lines,
 * lines of unknown customers. Workbooks come built by hand, parsed from sheets (the parser fills the sales columns
 * the selections use), and parsed with lines replaced or rows appended afterwards (the columns then no longer apply).
 */

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const day = (iso: string): number => isoToDay(iso) as number;
const DAYS = [null, day('2025-12-31'), day('2026-01-01'), day('2026-02-28'), day('2026-05-31')];
const CUSTOMER_IDS = ['K-1', 'k-1 ', 'K-2', ' K-3', 'K-4', '', 'K-9'];
const ARTICLE_NOS = ['A-1', 'a-1 ', 'A-2', '', 'Kalk'];
const ARTICLE_NAMES = ['Kalk', 'KALK', ' Zement', '', 'A-2', 'a-1'];

const saleArbitrary: fc.Arbitrary<SaleLine> = fc
  .record({
    customerId: pick(CUSTOMER_IDS),
    day: pick(DAYS),
    articleNo: pick(ARTICLE_NOS),
    articleName: pick(ARTICLE_NAMES),
    quantity: pick([null, 1, 3]),
  })
  .map((fields) => makeSale(fields));

const workbookArbitrary: fc.Arbitrary<WorkbookData> = fc
  .record({
    customerIds: fc.array(pick(CUSTOMER_IDS), { maxLength: 6 }),
    contactOf: fc.array(pick(['K-1', 'K-2', 'k-4', '']), { maxLength: 4 }),
    sales: fc.array(saleArbitrary, { maxLength: 30 }),
  })
  .map(({ customerIds, contactOf, sales }) =>
    makeWorkbookData({
      customers: customerIds.map((customerId) => makeCustomer({ customerId })),
      contacts: contactOf.map((customerId, i) => makeContact({ contactId: `P${i}`, customerId })),
      sales,
    }),
  );

/** Customer number cells as typed: text in other case and spacing, numbers and the same number as text. */
const CUSTOMER_CELLS: CellValue[] = [...CUSTOMER_IDS, 1001, ' 1001', '#N/A'];
const EXCEL_SERIAL_OF_1970 = 25_569;

const lineRowArbitrary: fc.Arbitrary<CellValue[]> = fc
  .tuple(
    pick([...DAYS.map((d) => (d === null ? '' : d + EXCEL_SERIAL_OF_1970)), '28.02.2026', '#N/A']),
    pick(CUSTOMER_CELLS),
    pick(ARTICLE_NOS),
    pick(ARTICLE_NAMES),
    pick<CellValue>(['', 1, 3]),
  )
  .map((cells) => [...cells]);

const parsedArbitrary: fc.Arbitrary<WorkbookData> = fc
  .record({
    customerIds: fc.array(pick(CUSTOMER_CELLS), { maxLength: 6 }),
    lines: fc.array(lineRowArbitrary, { maxLength: 30 }),
  })
  .map(({ customerIds, lines }) => {
    const parsed = parseWorkbook([
      sheet('Kunden', [['Kunden-Nr.', 'Firma'], ...customerIds.map((id, i) => [id, `Firma ${i}`])]),
      sheet('Umsätze', [['Rechnungsdatum', 'Kunden-Nr.', 'Artikel-Nr.', 'Bezeichnung', 'Menge'], ...lines]),
    ]);
    if (!parsed.ok || !parsed.value.mapping.customers || !parsed.value.mapping.sales)
      throw new Error('the generated sheets were not recognised');
    return parsed.value;
  });

const withLinesReplaced: fc.Arbitrary<WorkbookData> = parsedArbitrary.map((data) => ({
  ...data,
  sales: salesLines(saleLinesOf(data.sales).reverse().slice(1)),
}));

const withRowsAppended: fc.Arbitrary<WorkbookData> = fc
  .tuple(parsedArbitrary, saleArbitrary, pick(CUSTOMER_IDS))
  .map(([data, line, customerId]) => {
    data.sales = salesLines([...saleLinesOf(data.sales), line]);
    data.customers.push(makeCustomer({ customerId }));
    return data;
  });

const purchasedArbitrary: fc.Arbitrary<PurchasedArticlesSelection> = fc.record(
  {
    from: fc.constant('purchasedArticles' as const),
    articles: fc.subarray(['a-1', 'KALK', 'A-2', 'zement', 'A-404', '']),
    since: pick(['2026-01-01', '2026-02-28']),
    until: pick(['2026-02-28', '2026-05-31']),
    minQuantity: pick([1, 3, 4]),
  },
  { requiredKeys: ['from', 'articles'] },
);

const inactiveArbitrary: fc.Arbitrary<InactiveCustomersSelection> = fc.record(
  {
    from: fc.constant('inactiveCustomers' as const),
    months: pick([1, 3, 12]),
    asOf: pick(['2026-02-28', '2026-05-31']),
    includeNeverPurchased: fc.boolean(),
  },
  { requiredKeys: ['from', 'months', 'asOf'] },
);

const key = (text: string): string => text.trim().toLowerCase();

/** The plain scan: every customer in sheet order, every sales line of its customer number. */
const linesOf = (data: WorkbookData, customer: Customer): SaleLine[] =>
  key(customer.customerId) === ''
    ? []
    : saleLinesOf(data.sales).filter((line) => key(line.customerId) === key(customer.customerId));

const scanPurchased = (data: WorkbookData, selection: PurchasedArticlesSelection): Customer[] => {
  const wanted = new Set(selection.articles.map(key).filter((article) => article !== ''));
  const since = selection.since === undefined ? -Infinity : day(selection.since);
  const until = selection.until === undefined ? Infinity : day(selection.until);
  const dated = selection.since !== undefined || selection.until !== undefined;
  return data.customers.filter((customer) => {
    const matching = linesOf(data, customer).filter(
      (line) =>
        (wanted.has(key(line.articleNo)) || wanted.has(key(line.articleName))) &&
        (!dated || (line.day !== null && line.day >= since && line.day <= until)),
    );
    const quantity = matching.reduce((sum, line) => sum + (line.quantity ?? 1), 0);
    return matching.length > 0 && quantity >= (selection.minQuantity ?? 0);
  });
};

const scanInactive = (data: WorkbookData, selection: InactiveCustomersSelection): Customer[] => {
  const asOf = day(selection.asOf as string);
  const from = addMonths(asOf, -selection.months);
  return data.customers.filter((customer) => {
    const lines = linesOf(data, customer);
    if (lines.length === 0) return selection.includeNeverPurchased ?? true;
    return !lines.some((line) => line.day !== null && line.day >= from && line.day <= asOf);
  });
};

const who = (recipients: Recipient[]): string[] =>
  recipients.map((r) => `${r.kind}:${r.contactId}:${r.customerId}:${r.row}`);

const selected = (data: WorkbookData, selection: SheetSelection): string[] =>
  who(recipientsOf(data, runSelection(data, selection, { today: day('2026-05-31') }).records));

describe.each([
  ['built by hand', workbookArbitrary],
  ['parsed from sheets', parsedArbitrary],
  ['parsed, lines replaced afterwards', withLinesReplaced],
  ['parsed, a line and a customer appended afterwards', withRowsAppended],
])('selections on sales lines agree with a plain scan (%s)', (_source, workbooks) => {
  it('purchasedArticles', () => {
    fc.assert(
      fc.property(workbooks, purchasedArbitrary, (data, selection) => {
        expect(selected(data, selection)).toEqual(
          who(customersToRecipients(data, scanPurchased(data, selection))),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('inactiveCustomers', () => {
    fc.assert(
      fc.property(workbooks, inactiveArbitrary, (data, selection) => {
        expect(selected(data, selection)).toEqual(
          who(customersToRecipients(data, scanInactive(data, selection))),
        );
      }),
      { numRuns: 300 },
    );
  });
});

it("the parser's sales columns are those derived from its lines and customers", () => {
  fc.assert(
    fc.property(parsedArbitrary, (data) => {
      expect(data.salesColumns).toEqual(salesColumnsFromLines(data.sales, data.customers));
    }),
    { numRuns: 300 },
  );
});
