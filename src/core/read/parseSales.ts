import type { SaleLine, SheetMapping } from '../kernel/model';
import type { SheetTable } from '../kernel/sheetTable';
import type { ProblemLog } from './problemLog';
import type { CustomerRows } from './salesColumns';
import { lineMargin } from './margins';
import { isTotalsKey, matchSpelling, requireColumn, SheetReader } from './sheetReader';

/** Sales lines with the numbers of SalesColumns that only the parser can fill cheaply, one entry per line. */
export interface ParsedSales {
  lines: SaleLine[];
  customerRows: Int32Array;
  days: Float64Array;
}

/**
 * Sales lines: the hot path (a million rows). Column indexes are looked up once; a line without amount but with
 * quantity and unit price gets quantity × unit price.
 */
export function parseSales(
  table: SheetTable,
  mapping: SheetMapping,
  log: ProblemLog,
  customers: CustomerRows | null,
): ParsedSales {
  const reader = new SheetReader(table, mapping, log);
  if (!requireColumn(reader, 'customerId'))
    return { lines: [], customerRows: new Int32Array(0), days: new Float64Array(0) };
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
  const lines: SaleLine[] = [];
  const rows = reader.rows;
  const room = Math.max(reader.endIndex - reader.firstDataIndex, 0);
  const customerRows = new Int32Array(room);
  const days = new Float64Array(room);
  for (let i = reader.firstDataIndex; i < reader.endIndex; i++) {
    const cells = rows[i];
    const row = reader.rowNumber(i);
    const customerId = reader.text(cells, customerColumn, row);
    if (customerId === '' || isTotalsKey(customerId)) {
      reader.skipRow(cells, row, customerId !== '');
      continue;
    }
    let customerRow = -1;
    if (customers !== null) {
      customerRow = customers.exactRow(customerId);
      if (customerRow < 0) customerRow = matchSpelling(reader, customers, customerId, row, customerColumn);
    }
    const quantity = reader.number(cells, quantityColumn, row);
    let amount = reader.number(cells, amountColumn, row);
    if (priceColumn >= 0 && quantity !== null) {
      const price = reader.number(cells, priceColumn, row);
      if (price !== null) amount = quantity * price;
    }
    const day = reader.day(cells, dateColumn, row);
    customerRows[lines.length] = customerRow;
    days[lines.length] = day ?? NaN;
    const line: SaleLine = {
      customerId,
      day,
      articleNo: reader.text(cells, noColumn, row),
      articleName: reader.text(cells, nameColumn, row),
      quantity,
      amount,
      row,
    };
    if (withMargin)
      line.margin = lineMargin(
        amount,
        quantity,
        reader.number(cells, marginColumn, row),
        reader.number(cells, purchaseColumn, row),
      );
    lines.push(line);
  }
  return {
    lines,
    customerRows: customerRows.subarray(0, lines.length),
    days: days.subarray(0, lines.length),
  };
}
