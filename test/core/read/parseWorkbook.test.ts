import fc from 'fast-check';
import type { Article, MappingOverrides, WorkbookData } from '../../../src/core/kernel/model';
import type { Problem } from '../../../src/core/kernel/problems';
import { articlesFromSales } from '../../../src/core/read/parseArticles';
import { parseWorkbook } from '../../../src/core/read/parseWorkbook';
import { PROBLEMS_LISTED_PER_SHEET } from '../../../src/core/read/problemLog';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { dayToIso } from '../../../src/core/kernel/values';
import { saleLinesOf, salesLines } from '../../../src/core/kernel/salesLines';
import {
  articlesSheet,
  CUSTOMER_HEADERS,
  messyContacts,
  messyCustomers,
  messySales,
  sheet,
} from '../sheetBuilders';

function parsed(tables: SheetTable[], overrides?: MappingOverrides): WorkbookData {
  const result = parseWorkbook(tables, overrides);
  if (!result.ok) throw new Error(`expected data, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const where = (p: Problem) => [p.code, p.sheet, p.row, p.column ?? null, p.value ?? null];

describe('parseWorkbook on a messy German workbook', () => {
  const tables = [messyCustomers(), messyContacts(), messySales(), articlesSheet()];
  const data = parsed(tables);

  it('reads every customer row with a number, skipping title, blank and totals rows', () => {
    expect(data.customers.map((c) => [c.row, c.customerId, c.company])).toEqual([
      [4, '10001', 'Müller GmbH'],
      [5, '10002', 'Schmidt & Söhne KG'],
      [7, '10003', 'Wiener Bau'],
      [8, '10001', 'Müller GmbH (alt)'],
    ]);
  });

  it('repairs postal codes and e-mails and reads opt-outs', () => {
    expect(data.customers.map((c) => [c.postalCode, c.email, c.optOut])).toEqual([
      ['01067', 'info@mueller.de', null],
      ['80331', 'kontakt@schmidt.de', null],
      ['1010', '', 'Werbesperre'],
      ['', '', null],
    ]);
  });

  it('reads contacts, splitting the full name and keeping unknown columns', () => {
    expect(
      data.contacts?.map((c) => [
        c.row,
        c.contactId,
        c.customerId,
        c.salutation,
        c.title,
        c.firstName,
        c.lastName,
        c.optOut,
        c.extra,
      ]),
    ).toEqual([
      [2, 'K1', '10001', 'Herr', 'Dr.', 'Max', 'Mustermann', null, { Hobby: 'Golf' }],
      [3, 'K2', '10001', '', '', 'Anna', 'Schmidt', 'Unsubscribed', { Hobby: '' }],
      [4, 'K3', '10002', '', '', 'Erika', 'von Berg', 'Do not contact', { Hobby: 'Segeln' }],
      [6, 'K4', '99999', '', '', 'Fritz', 'Fremd', null, { Hobby: '' }],
      [7, '', '10002', '', '', 'Ohne', 'Nummer', null, { Hobby: '' }],
      [8, 'K2', '10001', '', '', 'Anna', 'Schmidt', 'Do not contact', { Hobby: '' }],
    ]);
  });

  it('keeps a reference to the row, not a copy', () => {
    expect(data.contacts?.[0].cells).toBe(tables[1].rows[1]);
    expect(data.customers[0].cells).toBe(tables[0].rows[3]);
  });

  it('reads sales lines with serial, text and broken dates and German numbers', () => {
    expect(
      saleLinesOf(data.sales).map((s) => [
        s.row,
        s.day === null ? null : dayToIso(s.day),
        s.customerId,
        s.articleNo,
        s.quantity,
        s.amount,
      ]),
    ).toEqual([
      [3, '2024-03-05', '10001', 'A-100', 10, 49.9],
      [4, '2024-07-04', '10002', 'A-200', 2, 1234.5],
      [6, null, '10001', 'A-100', null, 12],
      [7, '2024-04-18', '77777', 'A-300', 1, 3.5],
    ]);
  });

  it('reads the articles sheet', () => {
    expect(data.articles).toEqual([
      { articleNo: 'A-100', articleName: 'Druckerpapier A4', category: 'Büro' },
      { articleNo: 'A-200', articleName: 'Toner schwarz', category: 'Drucker' },
    ]);
  });

  it.each<[Problem['code'], string, number, string | null, string | null]>([
    ['postalCodeRestored', 'Kunden', 4, 'PLZ', '01067'],
    ['errorValue', 'Kunden', 7, 'E-Mail', '#N/A'],
    ['duplicateId', 'Kunden', 8, 'Kunden-Nr.', '10001'],
    ['totalsRowSkipped', 'Kunden', 9, null, null],
    ['rowWithoutKey', 'Kontakte', 5, null, null],
    ['unknownCustomer', 'Kontakte', 6, 'Customer ID', '99999'],
    ['duplicateId', 'Kontakte', 8, 'Contact ID', 'K2'],
    ['invalidDate', 'Umsätze', 6, 'Rechnungsdatum', '2024-13-40'],
    ['invalidNumber', 'Umsätze', 6, 'Menge', 'viele'],
    ['unknownCustomer', 'Umsätze', 7, 'Kunden-Nr.', '77777'],
    ['totalsRowSkipped', 'Umsätze', 8, null, null],
    ['totalsRowSkipped', 'Umsätze', 9, null, null],
  ])('reports %s on sheet %s row %i', (...expected) => {
    expect(data.problems.map(where)).toContainEqual(expected);
  });

  it('reports nothing else', () => expect(data.problems).toHaveLength(12));

  it('gives real severities: info for repairs and totals rows, warning for data problems', () => {
    const severities = Object.fromEntries(data.problems.map((p) => [p.code, p.severity]));
    expect(severities).toEqual({
      postalCodeRestored: 'info',
      errorValue: 'warning',
      duplicateId: 'warning',
      totalsRowSkipped: 'info',
      rowWithoutKey: 'warning',
      unknownCustomer: 'warning',
      invalidDate: 'warning',
      invalidNumber: 'warning',
    });
  });
});

describe('parseWorkbook: workbooks with missing sheets', () => {
  it('without a contacts sheet, contacts are null and customers carry the person', () => {
    const customers = sheet('Kunden', [
      ['Kd.-Nr.', 'Firma', 'Ansprechpartner', 'Str.', 'PLZ', 'Ort', 'Mail'],
      ['K-1', 'Bäckerei Korn', 'Frau Maria Korn', 'Markt 3', '01067', 'Dresden', 'maria@korn.de'],
    ]);
    const data = parsed([customers, messySales()]);
    expect(data.contacts).toBeNull();
    expect(data.customers[0]).toMatchObject({
      salutation: 'Frau',
      firstName: 'Maria',
      lastName: 'Korn',
      postalCode: '01067',
    });
  });

  it('without an articles sheet, articles are the distinct article number + name pairs of the sales lines', () => {
    const sales = sheet('Sales', [
      ['Date', 'Customer ID', 'SKU', 'Product', 'Qty'],
      [45356, 'C1', 'A-1', 'Paper', 1],
      [45357, 'C2', 'A-1', 'Paper', 2],
      [45358, 'C1', 'A-1', 'Paper (old name)', 1],
      [45359, 'C3', '', 'Service', 1],
      [45360, 'C3', '', '', 1],
    ]);
    expect(parsed([sales]).articles).toEqual([
      { articleNo: 'A-1', articleName: 'Paper', category: '' },
      { articleNo: 'A-1', articleName: 'Paper (old name)', category: '' },
      { articleNo: '', articleName: 'Service', category: '' },
    ]);
  });

  it('articles from sales lines: each number + name pair once, in the order it first occurs', () => {
    const pair = fc.record({
      articleNo: fc.constantFrom('', 'A-1', 'A-2', 'A-10', 'Artikelnummer-17'),
      articleName: fc.constantFrom('', 'Papier', 'Papier (alt)', 'Schrauben'),
    });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 60 }), (pairs) => {
        const lines = pairs.map((p, row) => ({
          ...p,
          customerId: 'K1',
          day: null,
          quantity: 1,
          amount: null,
          row,
        }));
        const seen = new Set<string>();
        const expected: Article[] = [];
        for (const p of pairs) {
          const key = JSON.stringify(p);
          if ((p.articleNo === '' && p.articleName === '') || seen.has(key)) continue;
          seen.add(key);
          expected.push({ ...p, category: '' });
        }
        expect(articlesFromSales(salesLines(lines))).toEqual(expected);
      }),
    );
  });

  it('without a customers sheet, references to customers are not checked', () => {
    const data = parsed([messyContacts(), messySales()]);
    expect(data.customers).toEqual([]);
    expect(data.problems.filter((p) => p.code === 'unknownCustomer')).toEqual([]);
  });

  it('a contacts sheet without a contact-id column is fine', () => {
    const contacts = sheet('Ansprechpartner', [
      ['Kundennr', 'Vorname', 'Nachname', 'E-Mail'],
      ['10001', 'Max', 'Mustermann', 'max@mueller.de'],
      ['10001', '', '', 'mailto:info@mueller.de'],
    ]);
    const data = parsed([contacts]);
    expect(data.contacts?.map((c) => [c.contactId, c.lastName, c.email])).toEqual([
      ['', 'Mustermann', 'max@mueller.de'],
      ['', '', 'info@mueller.de'],
    ]);
  });
});

describe('parseWorkbook: values per sheet', () => {
  it.each<[1900 | 1904, CellValue, string]>([
    [1900, 45356, '2024-03-05'],
    [1904, 43894, '2024-03-05'],
    [1900, 59, '1900-02-28'],
    [1900, 61, '1900-03-01'],
    [1900, new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    [1900, '5.3.24', '2024-03-05'],
  ])('in the %s date system the date cell %p is %s', (dateSystem, cell, expected) => {
    const sales = sheet(
      'Umsätze',
      [
        ['Datum', 'Kundennr', 'Artikel'],
        [cell, '1', 'Papier'],
      ],
      { dateSystem },
    );
    const [line] = saleLinesOf(parsed([sales]).sales);
    expect(line.day === null ? null : dayToIso(line.day)).toBe(expected);
  });

  it('the fake 1900-02-29 is an invalid date', () => {
    const sales = sheet('Umsätze', [
      ['Datum', 'Kundennr', 'Artikel'],
      [60, '1', 'Papier'],
    ]);
    const data = parsed([sales]);
    expect(data.sales.days[0]).toBeNaN();
    expect(data.problems.map(where)).toContainEqual(['invalidDate', 'Umsätze', 2, 'Datum', '60']);
  });

  it('computes the amount from quantity and unit price when there is no amount column', () => {
    const sales = sheet('Umsätze', [
      ['Datum', 'Kundennr', 'Artikel', 'Menge', 'Einzelpreis'],
      [45356, '1', 'Papier', 3, '2,50'],
      [45356, '1', 'Papier', 3, ''],
    ]);
    expect(saleLinesOf(parsed([sales]).sales).map((s) => s.amount)).toEqual([7.5, null]);
  });

  it.each<[CellValue, CellValue, string, boolean]>([
    [1067, '', '01067', true],
    [1067, 'DE', '01067', true],
    [1067, 'Germany', '01067', true],
    [1067, 'Deutschland', '01067', true],
    [1010, 'AT', '1010', false],
    [8001, 'Schweiz', '8001', false],
    ['01067', '', '01067', false],
    [80331, '', '80331', false],
  ])('postal code %p with country %p becomes %p', (plz, country, expected, restored) => {
    const customers = sheet('Kunden', [
      ['Kundennr', 'Firma', 'PLZ', 'Land'],
      ['1', 'A', plz, country],
    ]);
    const data = parsed([customers]);
    expect(data.customers[0].postalCode).toBe(expected);
    expect(data.problems.some((p) => p.code === 'postalCodeRestored')).toBe(restored);
  });

  it.each<[CellValue, CellValue, string]>([
    ['Hauptstraße', 12, 'Hauptstraße 12'],
    ['Hauptstraße', '12a', 'Hauptstraße 12a'],
    ['Hauptstraße 12', '12', 'Hauptstraße 12'],
    ['Hauptstraße', null, 'Hauptstraße'],
    [null, '7', '7'],
  ])('street %p and house number %p make %p', (street, houseNumber, expected) => {
    const customers = sheet('Kunden', [
      ['Kundennr', 'Firma', 'Straße', 'Hausnr.'],
      ['1', 'A', street, houseNumber],
    ]);
    expect(parsed([customers]).customers[0].street).toBe(expected);
  });

  it('reads error values in extra columns as empty text with a problem naming the column', () => {
    const customers = sheet('Kunden', [
      ['Kundennr', 'Firma', 'Umsatzklasse'],
      ['1', 'A', '#WERT!'],
    ]);
    const data = parsed([customers]);
    expect(data.customers[0].extra).toEqual({ Umsatzklasse: '' });
    expect(data.problems.map(where)).toContainEqual(['errorValue', 'Kunden', 2, 'Umsatzklasse', '#WERT!']);
  });

  it('reports an error value in an opt-out column and does not treat it as consent or objection', () => {
    const customers = sheet('Kunden', [
      ['Kundennr', 'Firma', 'Werbesperre'],
      ['1', 'A', '#NV'],
    ]);
    const data = parsed([customers]);
    expect(data.customers[0].optOut).toBeNull();
    expect(data.problems.map(where)).toContainEqual(['errorValue', 'Kunden', 2, 'Werbesperre', '#NV']);
  });

  it('reads rows shorter than the header and ignores columns without header', () => {
    const sales = sheet(
      'Umsätze',
      [
        ['Datum', 'Kundennr', 'Artikel', 'Betrag', ''],
        [45356, '1'],
        [45356, '1', 'Papier', 'zehn', '#NAME?'],
      ],
      { startRow: 3, startColumn: 2 },
    );
    const data = parsed([sales]);
    expect(saleLinesOf(data.sales).map((s) => [s.row, s.articleName, s.amount])).toEqual([
      [4, '', null],
      [5, 'Papier', null],
    ]);
    expect(data.problems.map(where)).toContainEqual(['invalidNumber', 'Umsätze', 5, 'Betrag', 'zehn']);
  });
});

describe('parseWorkbook: keys and limits', () => {
  it('a customers sheet without a customer number column gives no customers and one problem', () => {
    const customers = sheet('Kunden', [
      ['Firma', 'Straße', 'Ort'],
      ['A', 'Weg 1', 'Kiel'],
    ]);
    const data = parsed([customers]);
    expect(data.customers).toEqual([]);
    expect(data.problems).toContainEqual({
      code: 'requiredColumnMissing',
      severity: 'warning',
      sheet: 'Kunden',
      row: 1,
      detail: 'customerId',
    });
  });

  it.each(['Summe', 'Summen:', 'Gesamt', 'Total', 'Gesamtsumme', 'Zwischensumme'])(
    'a "%s" row on the customers sheet is an info, not a warning',
    (word) => {
      const customers = sheet('Kunden', [CUSTOMER_HEADERS, ['1', 'A'], [null, word, null, null, 3]]);
      const problems = parsed([customers]).problems.filter((p) => p.sheet === 'Kunden');
      expect(problems.map((p) => [p.code, p.severity, p.row])).toEqual([['totalsRowSkipped', 'info', 3]]);
    },
  );

  it('lists the first problems of a code per sheet and sums up the rest', () => {
    const rows: CellValue[][] = [['Datum', 'Kundennr', 'Artikel']];
    for (let i = 0; i < 1000; i++) rows.push([45356, `X${i}`, 'Papier']);
    const customers = sheet('Kunden', [
      ['Kundennr', 'Firma'],
      ['1', 'A'],
    ]);
    const unknown = parsed([customers, sheet('Umsätze', rows)]).problems.filter(
      (p) => p.code === 'unknownCustomer',
    );
    expect(unknown).toHaveLength(PROBLEMS_LISTED_PER_SHEET + 1);
    expect(unknown[0]).toMatchObject({ row: 2, value: 'X0' });
    expect(unknown[PROBLEMS_LISTED_PER_SHEET]).toEqual({
      code: 'unknownCustomer',
      severity: 'warning',
      sheet: 'Umsätze',
      more: 1000 - PROBLEMS_LISTED_PER_SHEET,
    });
  });

  it('shortens long values in problems', () => {
    const long = 'x'.repeat(200);
    const customers = sheet('Kunden', [
      ['Kundennr', 'Firma'],
      ['1', 'A'],
    ]);
    const sales = sheet('Umsätze', [
      ['Kundennr', 'Artikel', 'Menge'],
      ['1', 'Papier', long],
    ]);
    const [problem] = parsed([customers, sales]).problems;
    expect(problem.value).toHaveLength(60);
  });

  it('skips article rows without number and name', () => {
    const articles = sheet('Artikel', [
      ['Artikel-Nr.', 'Bezeichnung'],
      ['A-1', 'Papier'],
      [null, null],
      ['', ''],
      ['Summe', ''],
    ]);
    const data = parsed([articles]);
    expect(data.articles.map((a) => a.articleNo)).toEqual(['A-1']);
    expect(data.problems.map((p) => [p.code, p.row])).toContainEqual(['totalsRowSkipped', 5]);
  });

  it('an articles sheet without number and name columns gives no articles', () => {
    const articles = sheet('Artikel', [
      ['Warengruppe', 'Notiz'],
      ['Büro', ''],
    ]);
    const data = parsed([articles], { sheets: { articles: 'Artikel' } });
    expect(data.articles).toEqual([]);
    expect(data.problems.map((p) => p.code)).toContain('requiredColumnMissing');
  });
});

describe('parseWorkbook: explicit mapping', () => {
  it('fails with the problems when an explicit sheet or column is missing', () => {
    const result = parseWorkbook([messyCustomers()], {
      sheets: { sales: 'Verkäufe' },
      columns: { customers: { email: 'Mail privat' } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual([
      'sheetNotFound',
      'columnNotFound',
    ]);
  });

  it('uses explicit columns', () => {
    const data = parsed([messyCustomers()], { columns: { customers: { company: 'Ort' } } });
    expect(data.customers[0].company).toBe('Dresden');
    expect(data.customers[0].extra).toEqual({ Firma: 'Müller GmbH' });
  });
});
