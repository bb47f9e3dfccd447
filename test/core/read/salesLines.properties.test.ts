import fc from 'fast-check';
import type { WorkbookData } from '../../../src/core/kernel/model';
import { saleLinesOf } from '../../../src/core/kernel/salesLines';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { parseWorkbook } from '../../../src/core/read/parseWorkbook';
import { ProblemLog } from '../../../src/core/read/problemLog';
import { CustomerRows, salesColumnsOf } from '../../../src/core/read/salesColumns';
import { sheet } from '../sheetBuilders';
import { applyMarginsToObjects, parseSalesAsObjects } from './objectSalesOracle';

/**
 * The columnar sales lines hold exactly what the object parser made of the same sheet, line for line and margin for
 * margin, on sheets as people keep them: German and English headers, a title above the header, serial and text
 * dates, broken dates, `#N/A`, German money text, blank rows, a totals row, a unit price instead of the amount,
 * margins or purchase prices on the sales or the article sheet, unknown customers — and the same sheet with rows
 * appended later.
 */

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const CUSTOMERS: CellValue[][] = [
  ['Kunden-Nr.', 'Firma'],
  ['K-1', 'Bau Meier'],
  [1002, 'Holz Huber'],
  ['K-3 ', 'Stein AG'],
];

/** Header sets: [date, customer, article no, name, quantity, amount or unit price, optional margin column]. */
const HEADERS = [
  ['Rechnungsdatum', 'Kunden-Nr.', 'Artikel-Nr.', 'Bezeichnung', 'Menge', 'Betrag'],
  ['Date', 'Customer No', 'Item No', 'Description', 'Qty', 'Amount'],
  ['Datum', 'Kundennummer', 'Artikelnummer', 'Artikel', 'Anzahl', 'Einzelpreis'],
] as const;
const MARGIN_HEADERS = [null, 'Marge', 'Einkaufspreis', 'Deckungsbeitrag'] as const;

const cellArbitrary = {
  date: pick<CellValue>([
    46023,
    46100.5,
    '28.02.2026',
    '2026-03-01',
    '2026-13-40',
    '#N/A',
    '',
    null,
    'gestern',
  ]),
  customer: pick<CellValue>(['K-1', 'k-1', ' K-1 ', 1002, '1002', '01002', 'K-3', 'K-9', '', '#N/A']),
  articleNo: pick<CellValue>(['A-1', 'a-1 ', 'A-2', '', 4711, '#N/A']),
  articleName: pick<CellValue>(['Kalk', 'KALK ', 'Zement', '', 'A-2']),
  quantity: pick<CellValue>([1, 3, '2', '2,5', '', null, 'viele', -1]),
  amount: pick<CellValue>([49.9, '1.234,50', '€ 12,00', '12.5', '', null, -20, '#N/A', 0]),
  margin: pick<CellValue>([0.25, '25 %', 5, '3,20', '', null, 'n/a']),
};

const lineArbitrary = (withMargin: boolean): fc.Arbitrary<CellValue[]> =>
  fc
    .tuple(
      cellArbitrary.date,
      cellArbitrary.customer,
      cellArbitrary.articleNo,
      cellArbitrary.articleName,
      cellArbitrary.quantity,
      cellArbitrary.amount,
      cellArbitrary.margin,
      fc.integer({ min: 0, max: 19 }),
    )
    .map(([date, customer, no, name, quantity, amount, margin, kind]) => {
      const cells = [date, customer, no, name, quantity, amount];
      if (withMargin) cells.push(margin);
      // Now and then a blank row, or a totals row as people add them below the lines.
      if (kind === 0) return cells.map(() => null);
      if (kind === 1) return ['Summe', null, null, null, 13, 1300, ...(withMargin ? [null] : [])];
      return cells;
    });

interface SalesCase {
  tables: SheetTable[];
  appended: CellValue[][];
}

const salesCaseArbitrary: fc.Arbitrary<SalesCase> = fc
  .record({
    headers: pick(HEADERS),
    margin: pick(MARGIN_HEADERS),
    title: fc.boolean(),
    articleSheet: pick([null, 'Einkaufspreis', 'Marge']),
  })
  .chain(({ headers, margin, title, articleSheet }) =>
    fc
      .record({
        lines: fc.array(lineArbitrary(margin !== null), { maxLength: 25 }),
        appended: fc.array(lineArbitrary(margin !== null), { minLength: 1, maxLength: 8 }),
      })
      .map(({ lines, appended }) => {
        const header: CellValue[] = margin === null ? [...headers] : [...headers, margin];
        const rows = [...(title ? [['Umsätze 2026']] : []), header, ...lines];
        const tables = [sheet('Kunden', CUSTOMERS), sheet('Umsätze', rows)];
        if (articleSheet !== null)
          tables.push(
            sheet('Artikel', [
              ['Artikel-Nr.', 'Bezeichnung', articleSheet],
              ['A-1', 'Kalk', '2,10'],
              ['A-2', 'Zement', 0.3],
            ]),
          );
        return { tables, appended };
      }),
  );

const parsed = (tables: SheetTable[]): WorkbookData | null => {
  const result = parseWorkbook(tables);
  return result.ok && result.value.mapping.sales ? result.value : null;
};

/** What the object parser and its margins make of the same sheets, with the mapping the parser recognised. */
const oracle = (tables: SheetTable[], data: WorkbookData) => {
  const salesTable = tables.find((t) => t.name === data.mapping.sales?.sheet) as SheetTable;
  const lines = parseSalesAsObjects(
    salesTable,
    data.mapping.sales!,
    new ProblemLog(),
    new CustomerRows(data.customers),
  );
  const margins = applyMarginsToObjects(lines, data.articles);
  return { lines, margins };
};

const withRows = (tables: SheetTable[], rows: CellValue[][]): SheetTable[] =>
  tables.map((table) => (table.name === 'Umsätze' ? { ...table, rows: [...table.rows, ...rows] } : table));

describe('sales lines as columns', () => {
  it('hold line for line what the object parser read, margins included, also after rows were appended', () => {
    let compared = 0;
    fc.assert(
      fc.property(salesCaseArbitrary, ({ tables, appended }) => {
        for (const sheets of [tables, withRows(tables, appended)]) {
          const data = parsed(sheets);
          if (data === null) continue;
          const expected = oracle(sheets, data);
          expect(saleLinesOf(data.sales)).toEqual(expected.lines);
          expect(data.margins).toEqual(expected.margins);
          compared += expected.lines.length;
        }
      }),
      { numRuns: 300 },
    );
    // The generator must reach the case it is about: many lines compared, not only empty sheets.
    expect(compared).toBeGreaterThan(1000);
  });

  it('give every line its customer row and day, as the selections read them', () => {
    fc.assert(
      fc.property(salesCaseArbitrary, ({ tables }) => {
        const data = parsed(tables);
        if (data === null) return;
        const columns = salesColumnsOf(data);
        const lookup = new CustomerRows(data.customers);
        saleLinesOf(data.sales).forEach((line, i) => {
          expect(columns.customerRows[i]).toBe(lookup.rowOf(line.customerId));
          expect(columns.days[i]).toBe(line.day ?? NaN);
        });
      }),
      { numRuns: 100 },
    );
  });
});
