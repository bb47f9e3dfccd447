import type { Language } from './language';
import type { Day } from './model';
import { dayToDate } from './values';

/**
 * The one set of number and date formats: the task pane, the command line and the sentences of the evaluation write
 * a figure the same way ("41,20 €", "+3,0 Pp.", "12,5 %", "31.12.2026"). The sheets keep numbers as numbers and get
 * the same formats as Excel number format codes (excelNumberFormat), which Excel shows in the reader's locale.
 */

export type FigureKind =
  | 'count' // "1.234"
  | 'money' // whole euros, for totals: "1.240 €", "€1,240"
  | 'cents' // euros and cents, for amounts per recipient: "41,20 €", "€41.20"
  | 'share' // a proportion: 0.125 → "12,5 %"
  | 'points' // a difference of proportions in percentage points: 0.03 → "+3,0 Pp.", "+3.0 pp"
  | 'roi' // a return on investment in whole percent: 1.08 → "+108 %"
  | 'day'; // a calendar day: "31.12.2026", "31 Dec 2026"

/** A number and how to read it. */
export interface Figure {
  kind: FigureKind;
  value: number;
  /** A change (an effect, a return): written with its sign, "+5.000 €". */
  signed?: boolean;
}

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
const POINTS_UNIT: Record<Language, string> = { de: 'Pp.', en: 'pp' };
/** Intl puts this no-break space between a number and its unit; the points unit gets the same. */
const NO_BREAK_SPACE = '\u00a0';

/** Every kind but days: what a sheet holds as a number under a number format. */
export type NumberKind = Exclude<FigureKind, 'day'>;

const NUMBER_OPTIONS: Record<NumberKind, Intl.NumberFormatOptions> = {
  count: {},
  money: { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 },
  cents: { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 },
  share: { style: 'percent', maximumFractionDigits: 1 },
  points: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  roi: { style: 'percent', maximumFractionDigits: 0 },
};

/** Digits kept before formatting, so that a value rounding to zero shows as 0, never as "-0 €". */
const ROUNDING: Record<NumberKind, (value: number) => number> = {
  count: (value) => value,
  money: (value) => Math.round(value),
  cents: (value) => Math.round(value * 100) / 100,
  share: (value) => value,
  points: (share) => Math.round(share * 1000) / 10,
  roi: (value) => Math.round(value * 100) / 100,
};

const numberFormats = new Map<string, Intl.NumberFormat>();

const numberFormat = (kind: NumberKind, lang: Language, signed: boolean): Intl.NumberFormat => {
  const key = `${kind}:${lang}:${signed}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      ...NUMBER_OPTIONS[kind],
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    numberFormats.set(key, format);
  }
  return format;
};

const dayFormats: Record<Language, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat(LOCALES.de, { dateStyle: 'medium', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'medium', timeZone: 'UTC' }),
};

/** "31.12.2026", "31 Dec 2026": the day a campaign starts, an evaluation counts to. */
export const formatDay = (day: Day, lang: Language): string => dayFormats[lang].format(dayToDate(day));

/** A figure as people read it, in their language. */
export const formatFigure = ({ kind, value, signed = false }: Figure, lang: Language): string => {
  if (kind === 'day') return formatDay(value, lang);
  const text = numberFormat(kind, lang, signed).format(ROUNDING[kind](value) || 0);
  return kind === 'points' ? `${text}${NO_BREAK_SPACE}${POINTS_UNIT[lang]}` : text;
};

/** "1.234", "1,234". */
export const formatCount = (count: number, lang: Language): string =>
  formatFigure({ kind: 'count', value: count }, lang);

const pointFormats = (digits: number): Record<Language, Intl.NumberFormat> => ({
  de: new Intl.NumberFormat(LOCALES.de, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }),
  en: new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }),
});
const wholePoints = pointFormats(0);
const finePoints = pointFormats(1);

/**
 * Percentage points as a number for a sentence ("+9 Prozentpunkte"): whole points from 2 up, where a decimal would
 * pretend a precision a plan does not have; one decimal below. 0.09 → "+9", 0.012 → "+1,2".
 */
export const formatPointsNumber = (share: number, lang: Language): string => {
  const points = share * 100;
  return (Math.abs(points) >= 2 ? wholePoints : finePoints)[lang].format(points);
};

const editableFormats: Record<Language, Intl.NumberFormat> = {
  de: new Intl.NumberFormat(LOCALES.de, { useGrouping: false, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(LOCALES.en, { useGrouping: false, maximumFractionDigits: 2 }),
};

/** An amount as people type it into a field, which reads it back (parseNumber): "1250,5", "1250.5". */
export const formatEditable = (value: number, lang: Language): string => editableFormats[lang].format(value);

const dateTimeFormats: Record<Language, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat(LOCALES.de, { dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'medium', timeStyle: 'short' }),
};

/** A moment (ISO timestamp) in the reader's own time zone: when a campaign was last changed. */
export const formatDateTime = (iso: string, lang: Language): string =>
  dateTimeFormats[lang].format(new Date(iso));

/** Excel's format code syntax: a space is shown as it is, text in quotes too. */
const EURO: Record<Language, (digits: string) => string> = {
  de: (digits) => `${digits} "€"`,
  en: (digits) => `"€"${digits}`,
};
const PERCENT: Record<Language, (digits: string) => string> = {
  de: (digits) => `${digits} %`,
  en: (digits) => `${digits}%`,
};

const unsignedCode = (kind: NumberKind, lang: Language): string => {
  switch (kind) {
    case 'count':
      return '#,##0';
    case 'money':
      return EURO[lang]('#,##0');
    case 'cents':
      return EURO[lang]('#,##0.00');
    case 'share':
      return PERCENT[lang]('0.0');
    case 'points':
      return `0.0 "${POINTS_UNIT[lang]}"`;
    case 'roi':
      return PERCENT[lang]('0');
  }
};

/** Positive with "+", negative with "-", zero without a sign: Excel's three sections. */
const signedCode = (code: string): string => {
  const zero = code.replace('#,##', '');
  return `+${code};-${code};${zero}`;
};

/** The Excel number format code of a kind, for a sheet cell holding `sheetNumber` of the figure. */
export const excelNumberFormat = (kind: NumberKind, lang: Language, signed = false): string => {
  const code = unsignedCode(kind, lang);
  return signed ? signedCode(code) : code;
};

/**
 * The number a sheet cell holds for a figure under its number format: a share or a return as a proportion (Excel's
 * percent format multiplies by 100), percentage points as points, money to the cent.
 */
export const sheetNumber = (kind: NumberKind, value: number): number => {
  const round = (digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits || 0;
  switch (kind) {
    case 'count':
      return value;
    case 'money':
    case 'cents':
      return round(2);
    case 'share':
    case 'roi':
      return round(4);
    case 'points':
      return Math.round(value * 10_000) / 100 || 0;
  }
};
