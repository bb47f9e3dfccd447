import type { Article, SaleLine, WorkbookData } from '../kernel/model';
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
export const applyMargins = (sales: SaleLine[], articles: readonly Article[]): WorkbookData['margins'] => {
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
