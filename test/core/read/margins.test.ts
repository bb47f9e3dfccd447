import type { WorkbookData } from '../../../src/core/kernel/model';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { parseWorkbook } from '../../../src/core/read/parseWorkbook';
import { saleLinesOf } from '../../../src/core/kernel/salesLines';

const table = (name: string, rows: CellValue[][]): SheetTable => ({ name, rows });

const customers = table('Kunden', [
  ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort'],
  ['K1', 'Alpha GmbH', 'Hauptstraße 1', '01067', 'Dresden'],
]);

const parsed = (tables: SheetTable[]): WorkbookData => {
  const result = parseWorkbook([customers, ...tables]);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const marginsOf = (data: WorkbookData) => saleLinesOf(data.sales).map((line) => line.margin);

describe('margins from purchase prices and margin columns', () => {
  it('reads a German purchase price on the sales sheet: amount − quantity × purchase price', () => {
    const data = parsed([
      table('Umsätze', [
        ['Datum', 'Kunden-Nr.', 'Artikel-Nr.', 'Menge', 'Betrag', 'Einkaufspreis'],
        [new Date(Date.UTC(2026, 8, 2)), 'K1', 'A-1', 2, 100, 30],
        [new Date(Date.UTC(2026, 8, 3)), 'K1', 'A-2', 1, 50, null],
      ]),
    ]);
    expect(data.mapping.sales?.columns.purchasePrice).toBe(5);
    // The second line has no purchase price: it gets the average share of the first (40 / 100).
    expect(marginsOf(data)).toEqual([40, 20]);
    expect(data.margins).toEqual({ averageShare: 0.4, estimatedLines: 1 });
  });

  it('reads an English margin per unit or as a share on the article sheet', () => {
    const data = parsed([
      table('Sales', [
        ['Date', 'Customer no.', 'Article no.', 'Quantity', 'Amount'],
        [new Date(Date.UTC(2026, 8, 2)), 'K1', 'A-1', 2, 100],
        [new Date(Date.UTC(2026, 8, 3)), 'K1', 'A-2', 4, 80],
      ]),
      table('Articles', [
        ['Article no.', 'Product name', 'Gross margin'],
        ['A-1', 'Chair', 12.5],
        ['A-2', 'Paper', 0.25],
      ]),
    ]);
    expect(data.mapping.articles?.columns.margin).toBe(2);
    expect(marginsOf(data)).toEqual([25, 20]);
    expect(data.margins?.estimatedLines).toBe(0);
  });

  it('prefers the sales sheet’s Deckungsbeitrag over the article sheet', () => {
    const data = parsed([
      table('Umsätze', [
        ['Datum', 'Kunden-Nr.', 'Artikel-Nr.', 'Menge', 'Betrag', 'Deckungsbeitrag'],
        [new Date(Date.UTC(2026, 8, 2)), 'K1', 'A-1', 2, 100, 35],
      ]),
      table('Artikel', [
        ['Artikelnummer', 'Bezeichnung', 'EK'],
        ['A-1', 'Stuhl', 10],
      ]),
    ]);
    expect(marginsOf(data)).toEqual([35]);
  });

  it('leaves the lines alone without such columns', () => {
    const data = parsed([
      table('Umsätze', [
        ['Datum', 'Kunden-Nr.', 'Betrag'],
        [new Date(Date.UTC(2026, 8, 2)), 'K1', 100],
      ]),
    ]);
    expect(marginsOf(data)).toEqual([undefined]);
    expect(data.margins).toBeUndefined();
  });
});
