import type { Language } from '../kernel/language';
import { normalizeHeader } from '../read/headers';

/**
 * A number cell of an extra column arrives as JavaScript number text ("1234.5", see numberText): the reader keeps
 * no format. Word prints the CSV's text as it is, so the text must already read as the letter should.
 */
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

/** Headers of amounts in euros ("Umsatz 2025", "Bestellwert", "Rabatt €"): their numbers are printed as money. */
const MONEY_WORDS =
  /umsatz|betrag|preis|summe|kosten|rabatt|guthaben|saldo|wert$|euro?$|amount|revenue|price|cost|balance/;

export const isMoneyHeader = (header: string): boolean =>
  header.includes('€') || MONEY_WORDS.test(normalizeHeader(header));

/** Text any reader might take for a number or a date: "01067", "+49 351 1234", "23.07.2019", "1.234,56 €". */
const NUMBER_LIKE = /^[-+(]?\d[\d\s.,:/()+-]*(\s?€)?$/;

export const looksLikeNumber = (text: string): boolean => NUMBER_LIKE.test(text);

const MONEY: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/**
 * An extra column's value as a letter prints it: amounts as "1.234,56 €" (en "€1,234.56"), other decimals with the
 * language's decimal sign ("12,5"), whole numbers unchanged (customer numbers are no amounts: no grouping), text
 * unchanged.
 */
export const printedExtra = (value: string, money: boolean, lang: Language): string => {
  if (!NUMBER_TEXT.test(value)) return value;
  if (money) return MONEY[lang].format(Number(value));
  return lang === 'de' ? value.replace('.', ',') : value;
};
