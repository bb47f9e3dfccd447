import type { SheetSelection } from '../../../src/core/campaign/campaign';
import type { WorkbookData } from '../../../src/core/kernel/model';
import { runSelection } from '../../../src/core/select/selections';
import { recipientsOf } from '../../../src/core/select/recipients';
import { isoToDay } from '../../../src/core/kernel/values';
import { makeContact, makeCustomer, makeSale, makeWorkbookData } from '../builders';

const day = (iso: string): number => isoToDay(iso) as number;
const today = day('2026-05-31');

const customers = [
  makeCustomer({ customerId: 'K-1001', company: 'Müller Bau GmbH', city: 'Köln' }),
  makeCustomer({
    customerId: 'K-1002',
    company: 'Bäckerei Lang',
    city: 'Bonn',
    firstName: 'Eva',
    lastName: 'Lang',
  }),
  makeCustomer({ customerId: 'K-1003', company: 'Schmidt & Söhne', city: 'Köln' }),
  makeCustomer({ customerId: 'K-1004', company: 'Neukunde AG', city: 'Dresden' }),
  makeCustomer({ customerId: 'K-1005', company: 'Nur ohne Datum KG', city: 'Leipzig' }),
];
const contacts = [
  makeContact({ contactId: 'A1', customerId: 'K-1001', firstName: 'Anna', city: 'Köln' }),
  makeContact({ contactId: 'A2', customerId: 'k-1001', firstName: 'Ben' }),
  makeContact({ contactId: 'A3', customerId: 'K-1003', firstName: 'Carla', city: 'Bonn' }),
  makeContact({ contactId: 'A4', customerId: '', firstName: 'Dora', city: 'Köln' }),
];
const sales = [
  makeSale({
    customerId: 'K-1001',
    day: day('2026-02-28'),
    articleNo: 'A-1001',
    articleName: 'Zement 25 kg',
    quantity: 2,
  }),
  makeSale({
    customerId: 'K-1001',
    day: day('2025-11-02'),
    articleNo: 'A-1002',
    articleName: 'Kalk',
    quantity: 5,
  }),
  makeSale({
    customerId: 'K-1002',
    day: day('2026-02-27'),
    articleNo: 'A-1001',
    articleName: 'Zement 25 kg',
    quantity: 1,
  }),
  makeSale({
    customerId: 'K-1002',
    day: day('2026-06-15'),
    articleNo: 'A-2000',
    articleName: 'Brötchen',
    quantity: null,
  }),
  makeSale({
    customerId: 'k-1003',
    day: day('2026-05-31'),
    articleNo: 'A-1002',
    articleName: 'Kalk',
    quantity: 3,
  }),
  makeSale({
    customerId: 'K-1003',
    day: day('2026-01-10'),
    articleNo: 'A-1002',
    articleName: 'Kalk',
    quantity: 3,
  }),
  makeSale({
    customerId: 'K-1005',
    day: null,
    articleNo: 'A-1001',
    articleName: 'Zement 25 kg',
    quantity: 10,
  }),
  makeSale({
    customerId: 'K-9999',
    day: day('2026-03-01'),
    articleNo: 'A-1001',
    articleName: 'Zement 25 kg',
    quantity: 1,
  }),
];
const data = makeWorkbookData({ contacts, customers, sales });

/** Who a selection found: contact ids, or customer numbers of customers standing for themselves. */
const found = (selection: SheetSelection, workbook: WorkbookData = data): string[] =>
  recipientsOf(workbook, runSelection(workbook, selection, { today }).records).map(
    (r) => r.contactId || r.customerId,
  );

describe('contacts and customers', () => {
  it.each<[string, SheetSelection, string[]]>([
    // A contact without an address of its own is written to at its customer's address: filters see that address.
    [
      'contacts by filter',
      { from: 'contacts', filter: [{ column: 'Ort', op: 'equals', value: 'köln' }] },
      ['A1', 'A2', 'A4'],
    ],
    [
      'a contact without own city is not "empty" when its customer has one',
      { from: 'contacts', filter: [{ column: 'Ort', op: 'isEmpty' }] },
      [],
    ],
    ['contacts by ids', { from: 'contacts', ids: ['a3', ' A1 '] }, ['A1', 'A3']],
    [
      'contacts by ids and filter',
      { from: 'contacts', ids: ['A1', 'A3'], filter: [{ column: 'city', op: 'equals', value: 'Bonn' }] },
      ['A3'],
    ],
    ['all contacts', { from: 'contacts' }, ['A1', 'A2', 'A3', 'A4']],
    [
      'customers bring their contacts or stand for themselves',
      { from: 'customers', filter: [{ column: 'Ort', op: 'in', value: ['Köln', 'Bonn'] }] },
      ['A1', 'A2', 'K-1002', 'A3'],
    ],
    ['customers by ids', { from: 'customers', ids: ['K-1004'] }, ['K-1004']],
  ])('%s', (_, selection, expected) => {
    expect(found(selection)).toEqual(expected);
  });

  it('a contacts selection without a contacts sheet is an error, not an empty success', () => {
    const noContacts = makeWorkbookData({ contacts: null, customers });
    expect(runSelection(noContacts, { from: 'contacts' }, { today })).toEqual({
      records: [],
      problems: [{ code: 'sheetRoleNotFound', severity: 'error', detail: 'contacts' }],
    });
  });

  it('an unknown filter column is reported and selects nobody', () => {
    const result = runSelection(
      data,
      { from: 'customers', filter: [{ column: 'Region', op: 'equals', value: 'West' }] },
      { today },
    );
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([
      { code: 'columnNotFound', severity: 'error', sheet: 'Kunden', column: 'Region' },
    ]);
  });
});

describe('purchasedArticles', () => {
  it.each<[string, SheetSelection, string[]]>([
    [
      'by article number, case-insensitive',
      { from: 'purchasedArticles', articles: ['a-1001'] },
      ['A1', 'A2', 'K-1002', 'K-1005'],
    ],
    ['by article name', { from: 'purchasedArticles', articles: ['KALK'] }, ['A1', 'A2', 'A3']],
    [
      'number and name of the same article count once',
      { from: 'purchasedArticles', articles: ['A-1002', 'Kalk'], minQuantity: 6 },
      ['A3'],
    ],
    [
      'since is inclusive; undated lines drop out',
      { from: 'purchasedArticles', articles: ['A-1001'], since: '2026-02-28' },
      ['A1', 'A2'],
    ],
    [
      'until is inclusive',
      { from: 'purchasedArticles', articles: ['A-1001'], until: '2026-02-27' },
      ['K-1002'],
    ],
    [
      'minimum quantity is the total of matching lines',
      { from: 'purchasedArticles', articles: ['A-1002'], minQuantity: 6 },
      ['A3'],
    ],
    [
      'a line without quantity counts as one piece',
      { from: 'purchasedArticles', articles: ['Brötchen'], minQuantity: 1 },
      ['K-1002'],
    ],
  ])('%s', (_, selection, expected) => {
    expect(found(selection)).toEqual(expected);
  });

  it('warns about articles that occur nowhere, but not about articles of the articles sheet without sales', () => {
    const withArticles = makeWorkbookData({
      contacts,
      customers,
      sales,
      articles: [{ articleNo: 'A-3000', articleName: 'Gips', category: 'Baustoffe' }],
    });
    const result = runSelection(
      withArticles,
      { from: 'purchasedArticles', articles: ['Gips', 'A-404', 'Zement 25 kg'] },
      { today },
    );
    expect(result.problems).toEqual([{ code: 'unknownArticle', severity: 'warning', value: 'A-404' }]);
    expect(result.records).toHaveLength(4);
  });
});

describe('inactiveCustomers', () => {
  it.each<[string, SheetSelection, string[]]>([
    // Window [2026-02-28, 2026-05-31]: K-1001 bought on 02-28 (inclusive), K-1003 on 05-31 (inclusive).
    [
      '3 months up to asOf, both ends inclusive',
      { from: 'inactiveCustomers', months: 3, asOf: '2026-05-31' },
      ['K-1002', 'K-1004', 'K-1005'],
    ],
    ['asOf defaults to today', { from: 'inactiveCustomers', months: 3 }, ['K-1002', 'K-1004', 'K-1005']],
    [
      'purchases after asOf do not count',
      { from: 'inactiveCustomers', months: 1, asOf: '2026-06-01' },
      ['A1', 'A2', 'K-1002', 'K-1004', 'K-1005'],
    ],
    [
      'never purchased excluded on request; undated buyers stay',
      { from: 'inactiveCustomers', months: 3, asOf: '2026-05-31', includeNeverPurchased: false },
      ['K-1002', 'K-1005'],
    ],
    [
      'one day shorter window',
      { from: 'inactiveCustomers', months: 3, asOf: '2026-05-30' },
      ['K-1002', 'K-1004', 'K-1005', 'A3'],
    ],
  ])('%s', (_, selection, expected) => {
    expect(found(selection).sort()).toEqual(expected.sort());
  });

  it('without a contacts sheet customers are the recipients', () => {
    const noContacts = makeWorkbookData({ contacts: null, customers, sales });
    expect(found({ from: 'inactiveCustomers', months: 3, asOf: '2026-05-31' }, noContacts)).toEqual([
      'K-1002',
      'K-1004',
      'K-1005',
    ]);
    expect(found({ from: 'inactiveCustomers', months: 12, asOf: '2026-05-31' }, noContacts)).toEqual([
      'K-1004',
      'K-1005',
    ]);
  });
});
