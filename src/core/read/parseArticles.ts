import type { Article, SheetMapping } from '../kernel/model';
import type { SalesLines } from '../kernel/salesLines';
import type { SheetTable } from '../kernel/sheetTable';
import type { ProblemLog } from './problemLog';
import { isTotalsKey, requireColumn, SheetReader } from './sheetReader';

/** Article rows; a row needs a number or a name. */
export function parseArticles(table: SheetTable, mapping: SheetMapping, log: ProblemLog): Article[] {
  const reader = new SheetReader(table, mapping, log);
  const noColumn = reader.column('articleNo');
  const nameColumn = reader.column('articleName');
  if (noColumn < 0 && !requireColumn(reader, 'articleName')) return [];
  const categoryColumn = reader.column('category');
  const purchaseColumn = reader.column('purchasePrice');
  const marginColumn = reader.column('margin');
  const articles: Article[] = [];
  for (let i = reader.firstDataIndex; i < reader.endIndex; i++) {
    const cells = reader.rows[i];
    const row = reader.rowNumber(i);
    const articleNo = reader.text(cells, noColumn, row);
    const articleName = reader.text(cells, nameColumn, row);
    const key = articleNo || articleName;
    if (key === '' || isTotalsKey(key)) {
      reader.skipRow(cells, row, key !== '');
      continue;
    }
    const article: Article = { articleNo, articleName, category: reader.text(cells, categoryColumn, row) };
    if (purchaseColumn >= 0) article.purchasePrice = reader.number(cells, purchaseColumn, row);
    if (marginColumn >= 0) article.margin = reader.number(cells, marginColumn, row);
    articles.push(article);
  }
  return articles;
}

/** Without an articles sheet: every distinct article number + name that occurs in the sales lines. */
export function articlesFromSales(sales: SalesLines): Article[] {
  // Two levels instead of a joined key: no string is built per line of a million-line sheet.
  const byNumber = new Map<string, Map<string, Article>>();
  const articles: Article[] = [];
  for (let i = 0; i < sales.length; i++) {
    const articleNo = sales.articleNos[i];
    const articleName = sales.articleNames[i];
    let byName = byNumber.get(articleNo);
    if (!byName) byNumber.set(articleNo, (byName = new Map()));
    if (byName.has(articleName) || (articleNo === '' && articleName === '')) continue;
    const article = { articleNo, articleName, category: '' };
    byName.set(articleName, article);
    articles.push(article);
  }
  return articles;
}
