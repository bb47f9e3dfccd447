import type { Day } from './model';
import type { CellValue } from './sheetTable';

export type DateSystem = 1900 | 1904;

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 system (valid from serial 61 on, after the fake 1900-02-29). */
const SERIAL_1970 = 25_569;
/** The 1904 system counts from 1904-01-01 = serial 0, which is 1462 days after 1900-01-00. */
const OFFSET_1904 = 1_462;
/** Excel's last date, 9999-12-31. */
const MAX_SERIAL = 2_958_465;
/** Excel's 1900-02-29 that never existed (Lotus 1-2-3 compatibility). */
const FAKE_LEAP_DAY_SERIAL = 60;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

interface Civil {
  year: number;
  month: number;
  day: number;
}

function civilFromDays(days: Day): Civil {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
  };
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validCivilDay(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/**
 * A serial date as Excel stores it; the time of day is dropped. In the 1900 system serials below 60 are one day
 * off because Excel counts the non-existent 1900-02-29 (serial 60, mapped here to 1900-03-01; parseDay rejects it).
 */
export function excelSerialToDay(serial: number, dateSystem: DateSystem): Day {
  const whole = Math.floor(serial);
  if (dateSystem === 1904) return whole + OFFSET_1904 - SERIAL_1970;
  return whole < FAKE_LEAP_DAY_SERIAL ? whole - SERIAL_1970 + 1 : Math.max(whole, 61) - SERIAL_1970;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The calendar day a person at this machine calls today (their local date), as the core's day number. */
export const localDay = (now: Date): Day =>
  daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());

export function dayToIso(day: Day): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(d)}`;
}

function dayToGerman(day: Day): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${pad2(d)}.${pad2(month)}.${year}`;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d{1,2}:\d{2})/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:$|\s+\d{1,2}:\d{2})/;

/** An ISO date "YYYY-MM-DD", optionally followed by a time; null when it is not a real calendar date. */
export function isoToDay(iso: string): Day | null {
  const match = ISO_DATE.exec(iso.trim());
  return match ? validCivilDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** Two-digit years as Excel reads them: 00–29 would be Excel's rule; 00–69 → 20xx is closer to our data (birthdays). */
const expandYear = (digits: string): number => {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
};

function germanToDay(text: string): Day | null {
  const match = GERMAN_DATE.exec(text);
  return match ? validCivilDay(expandYear(match[3]), Number(match[2]), Number(match[1])) : null;
}

/**
 * Dates are read as their UTC calendar day: exceljs delivers date cells as UTC-midnight Dates, and adapters that
 * build Dates themselves must do the same (Date.UTC). Local time would shift the day in zones west of UTC.
 */
const dateObjectToDay = (date: Date): Day => Math.floor(date.getTime() / MS_PER_DAY);

/** The day as a cell's date: UTC midnight, as the adapters read dates back (see above). */
export const dayToDate = (day: Day): Date => new Date(day * MS_PER_DAY);

export interface ParsedDay {
  day: Day | null;
  problem?: 'invalidDate' | 'errorValue';
}

const NO_DAY: ParsedDay = { day: null };
const INVALID_DATE: ParsedDay = { day: null, problem: 'invalidDate' };
const ERROR_VALUE: ParsedDay = { day: null, problem: 'errorValue' };

function serialToParsedDay(serial: number, dateSystem: DateSystem): ParsedDay {
  const lowest = dateSystem === 1904 ? 0 : 1;
  if (!(serial >= lowest && serial <= MAX_SERIAL)) return INVALID_DATE;
  if (dateSystem === 1900 && Math.floor(serial) === FAKE_LEAP_DAY_SERIAL) return INVALID_DATE;
  return { day: excelSerialToDay(serial, dateSystem) };
}

function textToParsedDay(raw: string): ParsedDay {
  const text = raw.trim();
  if (text === '') return NO_DAY;
  if (isErrorValue(text)) return ERROR_VALUE;
  const day = text.includes('-') ? isoToDay(text) : germanToDay(text);
  return day === null ? INVALID_DATE : { day };
}

/** A date cell: Excel serial, Date, ISO text or German text (04.07.1996, 4.7.96). Empty cells give no problem. */
export function parseDay(value: CellValue, dateSystem: DateSystem): ParsedDay {
  if (value === null) return NO_DAY;
  if (typeof value === 'number') return serialToParsedDay(value, dateSystem);
  if (typeof value === 'string') return textToParsedDay(value);
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? INVALID_DATE : { day: dateObjectToDay(value) };
  }
  return INVALID_DATE;
}

/** Calendar months, clamped to the end of the month: 2026-05-31 − 3 months = 2026-02-28. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = civilFromDays(day);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return daysFromCivil(newYear, newMonth, Math.min(d, daysInMonth(newYear, newMonth)));
}

const CURRENCY_AND_SPACES = /[\s\u00a0\u202f€$£]|EUR|CHF/gi;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const GERMAN_THOUSANDS_ONLY = /^[+-]?\d{1,3}(?:\.\d{3})+$/;

/** Decides which of "." and "," is the decimal separator and returns JavaScript number syntax. */
function toJsNumberSyntax(text: string): string {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    return lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  }
  if (lastComma >= 0)
    return text.indexOf(',') === lastComma ? text.replace(',', '.') : text.replace(/,/g, '');
  // "1.234" in a German office is one thousand two hundred thirty-four, not 1.234.
  return GERMAN_THOUSANDS_ONLY.test(text) ? text.replace(/\./g, '') : text;
}

/**
 * A number cell or German/English number text ("1.234,50", "-12,5", "1234.5", "€ 12,00", "12 €", "12,50-").
 * Null for empty cells and for anything that is not a number.
 */
export function parseNumber(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  return readGermanNumber(value) ?? parseNumberText(value);
}

const DIGIT_0 = 48;
const DOT = 46;
const COMMA = 44;
const MINUS = 45;
/**
 * Up to 15 digits form an integer below 2^53 and 10^decimals is exact, so their quotient is the correctly rounded
 * value, the same number Number() reads from the text.
 */
const MAX_EXACT_DIGITS = 15;
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The usual German number text ("1.234,50", "-12,5", "17") read in one pass without building strings: it is the
 * text form of a sales amount. Null for any other form (currency, spaces, English decimals, "+", a trailing
 * minus, too many digits), which parseNumberText decides. Dots must group thousands exactly as that rule does.
 */
function readGermanNumber(text: string): number | null {
  const negative = text.charCodeAt(0) === MINUS;
  let digits = 0;
  let run = 0; // digits since the start, the last dot or the comma
  let dotSeen = false;
  let decimals = -1; // -1: no comma yet
  let mantissa = 0;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code - DIGIT_0;
    if (digit >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      digits++;
      run++;
      if (decimals >= 0) decimals++;
    } else if (code === DOT && decimals < 0 && run > 0 && run <= 3 && (!dotSeen || run === 3)) {
      dotSeen = true;
      run = 0;
    } else if (code === COMMA && decimals < 0 && run > 0 && (!dotSeen || run === 3)) {
      decimals = 0;
      run = 0;
    } else return null;
  }
  if (run === 0 || digits > MAX_EXACT_DIGITS || (dotSeen && decimals < 0 && run !== 3)) return null;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}

function parseNumberText(value: string): number | null {
  let text = value.replace(CURRENCY_AND_SPACES, '');
  if (text.endsWith('-') && !text.startsWith('-')) text = `-${text.slice(0, -1)}`;
  text = toJsNumberSyntax(text);
  return PLAIN_NUMBER.test(text) ? Number(text) : null;
}

/** Removes binary float noise (12.299999999999999 → 12.3) the way Excel shows 15 significant digits. */
export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** Below U+1680 JavaScript's trim() removes only the C0 spaces, U+0020 and the no-break space U+00A0. */
const keepsItsEnds = (code: number): boolean => code > 32 && code < 0x1680 && code !== 0xa0;

/** text.trim() without the call for the usual cell, one that neither starts nor ends with a space. */
export function trimCell(text: string): string {
  const last = text.length - 1;
  return last >= 0 && keepsItsEnds(text.charCodeAt(0)) && keepsItsEnds(text.charCodeAt(last))
    ? text
    : text.trim();
}

/**
 * A cell as trimmed text. Numbers without float noise, Dates as dd.mm.yyyy (the German office's way; a date column
 * is read with parseDay anyway), booleans as WAHR/FALSCH as German Excel shows them, Excel errors as ''.
 */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') {
    const text = trimCell(value);
    return isErrorValue(text) ? '' : text;
  }
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'WAHR' : 'FALSCH';
  return Number.isNaN(value.getTime()) ? '' : dayToGerman(dateObjectToDay(value));
}

const ERROR_VALUES: ReadonlySet<string> = new Set([
  '#N/A',
  '#NV',
  '#WERT!',
  '#VALUE!',
  '#REF!',
  '#BEZUG!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#ZAHL!',
  '#NULL!',
  '#SPILL!',
  '#ÜBERLAUF!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#FELD!',
  '#BLOCKED!',
  '#BLOCKIERT!',
  '#CONNECT!',
  '#VERBINDEN!',
  '#BUSY!',
  '#UNKNOWN!',
  '#UNBEKANNT!',
]);

/** An Excel error as the host delivers it in `values` (#N/A, #WERT!, …), in English or German. */
export function isErrorValue(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text.charCodeAt(0) === 35 /* # */ && ERROR_VALUES.has(text.toUpperCase());
}

const FALSY_FLAGS: ReadonlySet<string> = new Set([
  '',
  'nein',
  'n',
  'no',
  'non',
  '0',
  'falsch',
  'false',
  'f',
  'kein',
  'keine',
  'none',
  '-',
  '–',
  '—',
  '✗',
]);

const FIRST_WORD_END = /[\s,;:(]/;

/**
 * Whether an opt-out cell says "yes". An objection to advertising never expires and overrides every selection
 * (Art. 21 DSGVO), so anything that is not clearly "no" counts: ja, x, 1, wahr, yes, ✓, a date of objection, and
 * free text such as "per Telefon am 3.5." alike,
 * unless it starts with a no ("nein, Werbung erwünscht"). Excel error cells are no statement (reported as errorValue).
 */
export function isTruthyFlag(value: CellValue): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value instanceof Date) return true;
  const text = value.trim().toLowerCase();
  if (FALSY_FLAGS.has(text) || isErrorValue(text)) return false;
  // "nein, Werbung erwünscht", "keine Sperre": a leading "no" decides.
  return !FALSY_FLAGS.has(text.split(FIRST_WORD_END, 1)[0]);
}
