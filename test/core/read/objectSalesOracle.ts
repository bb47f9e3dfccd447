import type { Article, SaleLine, SheetMapping, WorkbookData } from '../../../src/core/kernel/model';
import type { SheetTable } from '../../../src/core/kernel/sheetTable';
import { lineMargin } from '../../../src/core/read/margins';
import type { ProblemLog } from '../../../src/core/read/problemLog';
import { articleKey, type CustomerRows } from '../../../src/core/read/salesColumns';
import { isTotalsKey, matchSpelling, requireColumn, SheetReader } from '../../../src/core/read/sheetReader';

/**
 * The oracle for the columnar sales lines: the parser and the margins as they were before the lines became columns
 * (one SaleLine object per line, margins written into the objects), kept verbatim but for the columns it also filled.
 */

/**
 * Sales lines: the hot path (a million rows). Column indexes are looked up once; a line without amount but with
 * quantity and unit price gets quantity × unit price.
 */
export function parseSalesAsObjects(
  table: SheetTable,
  mapping: SheetMapping,
  log: ProblemLog,
  customers: CustomerRows | null,
): SaleLine[] {
  const reader = new SheetReader(table, mapping, log);
  if (!requireColumn(reader, 'customerId')) return [];
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
  for (let i = reader.firstDataIndex; i < reader.endIndex; i++) {
    const cells = rows[i];
    const row = reader.rowNumber(i);
    const customerId = reader.text(cells, customerColumn, row);
    if (customerId === '' || isTotalsKey(customerId)) {
      reader.skipRow(cells, row, customerId !== '');
      continue;
    }
    if (customers !== null && customers.exactRow(customerId) < 0)
      matchSpelling(reader, customers, customerId, row, customerColumn);
    const quantity = reader.number(cells, quantityColumn, row);
    let amount = reader.number(cells, amountColumn, row);
    if (priceColumn >= 0 && quantity !== null) {
      const price = reader.number(cells, priceColumn, row);
      if (price !== null) amount = quantity * price;
    }
    const day = reader.day(cells, dateColumn, row);
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
  return lines;
}

const isShare = (value: number): boolean => Math.abs(value) <= 1;

const articleMargin = (line: SaleLine, article: Article | undefined): number | null => {
  if (article === undefined || line.amount === null) return null;
  const quantity = line.quantity ?? 1;
  if (article.margin !== undefined && article.margin !== null)
    return isShare(article.margin) ? line.amount * article.margin : quantity * article.margin;
  if (article.purchasePrice !== undefined && article.purchasePrice !== null)
    return line.amount - quantity * article.purchasePrice;
  return null;
};

const hasFigure = (article: Article): boolean =>
  (article.margin ?? null) !== null || (article.purchasePrice ?? null) !== null;

const articleIndex = (articles: readonly Article[]): Map<string, Article> => {
  const index = new Map<string, Article>();
  for (const article of articles.filter(hasFigure)) {
    for (const text of [article.articleName, article.articleNo]) {
      const key = articleKey(text);
      if (key !== '') index.set(key, article);
    }
  }
  return index;
};

/**
 * Fills every line's margin when the sales or article sheet has margins or purchase prices; undefined (and the lines
 * untouched) when neither has.
 */
export const applyMarginsToObjects = (
  sales: SaleLine[],
  articles: readonly Article[],
): WorkbookData['margins'] => {
  const index = articleIndex(articles);
  const salesHaveMargins = sales.some((line) => line.margin !== undefined);
  if (!salesHaveMargins && index.size === 0) return undefined;
  let margin = 0;
  let revenue = 0;
  const missing: SaleLine[] = [];
  for (const line of sales) {
    if (line.margin === undefined || line.margin === null)
      line.margin = articleMargin(
        line,
        index.get(articleKey(line.articleNo)) ?? index.get(articleKey(line.articleName)),
      );
    if (line.margin !== null && line.amount !== null) {
      margin += line.margin;
      revenue += line.amount;
    } else if (line.amount !== null) missing.push(line);
  }
  const averageShare = revenue !== 0 ? margin / revenue : 0;
  for (const line of missing) line.margin = (line.amount ?? 0) * averageShare;
  return { averageShare, estimatedLines: missing.length };
};
