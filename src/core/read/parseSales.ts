import type { SheetMapping } from '../kernel/model';
import { CustomerIdCodes, noSalesLines, SalesLinesBuilder, type SalesLines } from '../kernel/salesLines';
import type { SheetTable } from '../kernel/sheetTable';
import type { ProblemLog } from './problemLog';
import type { CustomerRows } from './salesColumns';
import { lineMargin } from './margins';
import { isTotalsKey, matchSpelling, requireColumn, SheetReader } from './sheetReader';
import { ROWS_PER_STEP, runSteps, type Steps } from '../kernel/steps';

/** Sales lines with the numbers of SalesColumns that only the parser can fill cheaply, one entry per line. */
export interface ParsedSales {
  lines: SalesLines;
  customerRows: Int32Array;
}

/**
 * Sales lines: the hot path (a million rows). Column indexes are looked up once; a line without amount but with
 * quantity and unit price gets quantity × unit price.
 */
export const parseSales = (
  table: SheetTable,
  mapping: SheetMapping,
  log: ProblemLog,
  customers: CustomerRows | null,
): ParsedSales => runSteps(salesSteps(table, mapping, log, customers));

/** parseSales in steps (see kernel/steps.ts). */
export function* salesSteps(
  table: SheetTable,
  mapping: SheetMapping,
  log: ProblemLog,
  customers: CustomerRows | null,
): Steps<ParsedSales> {
  const reader = new SheetReader(table, mapping, log);
  if (!requireColumn(reader, 'customerId')) return { lines: noSalesLines(), customerRows: new Int32Array(0) };
  const customerColumn = reader.column('customerId');
  const dateColumn = reader.column('date');
  const noColumn = reader.column('articleNo');
  const nameColumn = reader.column('articleName');
  const quantityColumn = reader.column('quantity');
  const amountColumn = reader.column('amount');
  const priceColumn = amountColumn < 0 ? reader.column('unitPrice') : -1;
  const marginColumn = reader.column('margin');
  const purchaseColumn = reader.column('purchasePrice');
  const withMargin = marginColumn >= 0 || purchaseColumn >= 0;
  const rows = reader.rows;
  const room = Math.max(reader.endIndex - reader.firstDataIndex, 0);
  const lines = new SalesLinesBuilder(room, withMargin);
  const customerIds = new CustomerIdCodes(customers?.exactTexts);
  const customerRows = new Int32Array(room);
  for (let i = reader.firstDataIndex; i < reader.endIndex; i++) {
    if (i % ROWS_PER_STEP === 0) yield;
    const cells = rows[i];
    const row = reader.rowNumber(i);
    const customerId = reader.text(cells, customerColumn, row);
    if (customerId === '' || isTotalsKey(customerId)) {
      reader.skipRow(cells, row, customerId !== '');
      continue;
    }
    // One lookup gives the line's customer and its number's code, for the spelling the customers sheet uses.
    const exact = customers === null ? -1 : customers.exactIndex(customerId);
    let customerRow = -1;
    if (customers !== null) {
      customerRow = customers.rowOfExact(exact);
      if (customerRow < 0) customerRow = matchSpelling(reader, customers, customerId, row, customerColumn);
    }
    const quantity = reader.number(cells, quantityColumn, row);
    let amount = reader.number(cells, amountColumn, row);
    if (priceColumn >= 0 && quantity !== null) {
      const price = reader.number(cells, priceColumn, row);
      if (price !== null) amount = quantity * price;
    }
    customerRows[lines.length] = customerRow;
    lines.add(
      exact >= 0 ? exact : customerIds.codeOf(customerId),
      reader.day(cells, dateColumn, row),
      reader.text(cells, noColumn, row),
      reader.text(cells, nameColumn, row),
      quantity,
      amount,
      row,
      withMargin
        ? lineMargin(
            amount,
            quantity,
            reader.number(cells, marginColumn, row),
            reader.number(cells, purchaseColumn, row),
          )
        : null,
    );
  }
  return { lines: lines.build(customerIds), customerRows: customerRows.subarray(0, lines.length) };
}
