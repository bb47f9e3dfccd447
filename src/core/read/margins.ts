import type { Article, WorkbookData } from '../kernel/model';
import type { SalesLines } from '../kernel/salesLines';
import { articleKey } from './salesColumns';

/**
 * What a sale earned above its purchase cost, where the workbook says: the return on a campaign is honest on the
 * margin, not on the revenue (a 20 % margin turns "+5.000 € revenue" into "+1.000 €").
 *
 * - a margin column ("Marge", "Deckungsbeitrag"): an amount, per line on the sales sheet and per unit on the article
 *   sheet; a value of at most 1 is a share of the price ("0,25" or a cell formatted "25 %");
 * - a purchase price ("Einkaufspreis", "EK"): per unit; the line earns amount − quantity × purchase price.
 * The sales sheet's own figure wins over the article sheet's. Lines with neither get the average margin share of the
 * lines that have one, and are counted, so that the evaluation can say so.
 */

const isShare = (value: number): boolean => Math.abs(value) <= 1;

/** A sales line's margin from its own columns; null when they say nothing for this line. */
export const lineMargin = (
  amount: number | null,
  quantity: number | null,
  margin: number | null,
  purchasePrice: number | null,
): number | null => {
  if (margin !== null) return isShare(margin) ? (amount === null ? null : amount * margin) : margin;
  if (purchasePrice !== null && amount !== null) return amount - (quantity ?? 1) * purchasePrice;
  return null;
};

/** Line i's margin by its article's figure; NaN when the article has none or the line no amount. */
const articleMargin = (sales: SalesLines, i: number, article: Article | undefined): number => {
  const amount = sales.amounts[i];
  if (article === undefined || Number.isNaN(amount)) return NaN;
  const quantity = Number.isNaN(sales.quantities[i]) ? 1 : sales.quantities[i];
  if (article.margin !== undefined && article.margin !== null)
    return isShare(article.margin) ? amount * article.margin : quantity * article.margin;
  if (article.purchasePrice !== undefined && article.purchasePrice !== null)
    return amount - quantity * article.purchasePrice;
  return NaN;
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
 * The lines with every margin filled when the sales or article sheet has margins or purchase prices; the same lines
 * and no summary when neither has.
 */
export const applyMargins = (
  sales: SalesLines,
  articles: readonly Article[],
): { sales: SalesLines; summary?: WorkbookData['margins'] } => {
  const index = articleIndex(articles);
  // A margin column over no lines says nothing: as without one.
  const salesHaveMargins = sales.margins !== undefined && sales.length > 0;
  if (!salesHaveMargins && index.size === 0) return { sales };
  const margins = sales.margins ? Float64Array.from(sales.margins) : new Float64Array(sales.length).fill(NaN);
  let margin = 0;
  let revenue = 0;
  const missing: number[] = [];
  for (let i = 0; i < sales.length; i++) {
    if (Number.isNaN(margins[i]) && index.size > 0)
      margins[i] = articleMargin(
        sales,
        i,
        index.get(articleKey(sales.articleNos[i])) ?? index.get(articleKey(sales.articleNames[i])),
      );
    const amount = sales.amounts[i];
    if (Number.isNaN(amount)) continue;
    if (Number.isNaN(margins[i])) missing.push(i);
    else {
      margin += margins[i];
      revenue += amount;
    }
  }
  const averageShare = revenue !== 0 ? margin / revenue : 0;
  for (const i of missing) margins[i] = sales.amounts[i] * averageShare;
  return { sales: { ...sales, margins }, summary: { averageShare, estimatedLines: missing.length } };
};
