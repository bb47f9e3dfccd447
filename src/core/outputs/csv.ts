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
  if (text === '') return text;
  const flat = text.includes('\n') || text.includes('\r') ? text.replace(LINE_BREAK, ' ') : text;
  return FORMULA_START.test(flat) && !PLAIN_NUMBER.test(flat) ? `'${flat}` : flat;
};

/** The fields papaparse would quote (see its unparse): every other field it writes exactly as it is. */
const mayNeedQuotes = (field: string, delimiter: string): boolean =>
  field.includes('"') ||
  field.includes(delimiter) ||
  field.includes('\r') ||
  field.includes('\n') ||
  field.includes(BOM) ||
  field.startsWith(' ') ||
  field.endsWith(' ');

/**
 * CSV for Word mail merge and newsletter tools: UTF-8 with BOM, CRLF, RFC 4180 quoting only where needed.
 * papaparse quotes and escapes every field that needs it; the plain fields around them (nearly all of a target group)
 * are joined here, because papaparse's per-field checks cost more than the rest of the export together.
 */
export const toCsv = (table: TableData, options: CsvOptions = {}): string => {
  const { delimiter = ';', language = 'de' } = options;
  const config = { delimiter, newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"' };
  const width = table.headers.length;
  const fields: string[] = new Array<string>(width);
  const line = (row: readonly (CellValue | undefined)[]): string => {
    for (let i = 0; i < width; i++) {
      const field = csvField(cellText(row[i], language));
      fields[i] = mayNeedQuotes(field, delimiter) ? Papa.unparse([[field]], config) : field;
    }
    return fields.join(delimiter);
  };
  const lines = [line(table.headers)];
  for (const row of table.rows) lines.push(line(row));
  return BOM + lines.join('\r\n');
};
