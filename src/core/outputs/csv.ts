import Papa from 'papaparse';
import type { Language } from '../campaign';
import type { CellValue, TableData } from '../sheetTable';

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvOptions {
  /** Default ";", what German Excel and Word expect. */
  delimiter?: CsvDelimiter;
  /** Language of dates, numbers and booleans: de "31.12.2026", "1234,5", "WAHR"; en "2026-12-31", "1234.5", "TRUE". */
  language?: Language;
}

const BOM = '\uFEFF';
const LINE_BREAK = /\r\n|\r|\n/g;
/** Spreadsheet programs run a field starting with these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Phone numbers and numbers ("+49 221 123-45", "-12,50") are harmless, and Word would print an apostrophe. */
const PLAIN_NUMBER = /^[\d +()/\-.,]*\d[\d +()/\-.,]*$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Dates are calendar days in the core (UTC midnight); the UTC fields give the day the user entered. */
const formatDate = (date: Date, lang: Language): string => {
  if (Number.isNaN(date.getTime())) return '';
  const [year, month, day] = [date.getUTCFullYear(), pad2(date.getUTCMonth() + 1), pad2(date.getUTCDate())];
  return lang === 'de' ? `${day}.${month}.${year}` : `${year}-${month}-${day}`;
};

const cellText = (cell: CellValue | undefined, lang: Language): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return formatDate(cell, lang);
  if (typeof cell === 'boolean') return lang === 'de' ? (cell ? 'WAHR' : 'FALSCH') : cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return lang === 'de' ? String(cell).replace('.', ',') : String(cell);
  return cell;
};

/** The one transformation a field undergoes: no line breaks (Word would start a new record), no formula. */
export const csvField = (text: string): string => {
  const flat = text.replace(LINE_BREAK, ' ');
  return FORMULA_START.test(flat) && !PLAIN_NUMBER.test(flat) ? `'${flat}` : flat;
};

/** CSV for Word mail merge and newsletter tools: UTF-8 with BOM, CRLF, RFC 4180 quoting only where needed. */
export const toCsv = (table: TableData, options: CsvOptions = {}): string => {
  const { delimiter = ';', language = 'de' } = options;
  const width = table.headers.length;
  const fieldsOf = (row: readonly (CellValue | undefined)[]): string[] =>
    Array.from({ length: width }, (_, i) => csvField(cellText(row[i], language)));
  // Header and rows as one array of arrays: papaparse adds a stray line break after a header without rows.
  const text = Papa.unparse([table.headers, ...table.rows].map(fieldsOf), {
    delimiter,
    newline: '\r\n',
    quotes: false,
    quoteChar: '"',
    escapeChar: '"',
  });
  return BOM + text;
};
