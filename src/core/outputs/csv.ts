import Papa from 'papaparse';
import type { Language } from '../kernel/language';
import type { CellValue, TableData } from '../kernel/sheetTable';

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvOptions {
  /** Default ";", what German Excel and Word expect. */
  delimiter?: CsvDelimiter;
  /** Language of dates, numbers and booleans: de "31.12.2026", "1234,5", "WAHR"; en "2026-12-31", "1234.5", "TRUE". */
  language?: Language;
}

const BOM = '\uFEFF';
const LINE_BREAK = /\r\n|\r|\n/g;
/**
 * The formula guard. A spreadsheet runs a field starting with "=" as a formula; one starting with "+", "-" or "@"
 * (also behind leading spaces or tabs) it runs too, and only a function call, a DDE link or an external reference
 * ("(", "|", "!") can do harm there (CSV injection: =HYPERLINK(…), =cmd|' /C calc'!A0, @SUM(…)). Exactly those fields
 * get a leading "'". Everything else stays as it is, because Word prints the CSV's text: "@home GmbH", "+Plus Bau",
 * "-Minus AG" and phone numbers reach the merged letter unchanged.
 */
const ALWAYS_FORMULA = /^[ \t]*=/;
const MAYBE_FORMULA = /^[ \t]*[+\-@]/;
const EXECUTES = /[(|!]/;
/** Phone numbers and numbers ("+49 (0)221 123-45", "-12,50") are no formulas, whatever they contain. */
const PLAIN_NUMBER = /^[\d +()/\-.,]*\d[\d +()/\-.,]*$/;

/** Whether a spreadsheet reader would execute the field (see the guard above). */
export const wouldExecute = (text: string): boolean =>
  (ALWAYS_FORMULA.test(text) || (MAYBE_FORMULA.test(text) && EXECUTES.test(text))) &&
  !PLAIN_NUMBER.test(text);

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Dates are calendar days in the core (UTC midnight); the UTC fields give the day the user entered. */
const formatDate = (date: Date, lang: Language): string => {
  if (Number.isNaN(date.getTime())) return '';
  const [year, month, day] = [date.getUTCFullYear(), pad2(date.getUTCMonth() + 1), pad2(date.getUTCDate())];
  return lang === 'de' ? `${day}.${month}.${year}` : `${year}-${month}-${day}`;
};

/** The text the letter prints: dates, numbers and truth values as the campaign's language writes them. */
const printedText = (cell: CellValue | undefined, lang: Language): string => {
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
  return wouldExecute(flat) ? `'${flat}` : flat;
};

/** A field of a quoted column (TableData.quotedColumns): in quotes even where none are needed. */
const alwaysQuoted = (field: string): string => `"${field.replace(/"/g, '""')}"`;

/** The fields papaparse would quote (see its unparse): every other field it writes exactly as it is. */
const mayNeedQuotes = (field: string, delimiter: string): boolean =>
  field.includes('"') ||
  field.includes(delimiter) ||
  field.includes('\r') ||
  field.includes('\n') ||
  field.includes(BOM) ||
  field.startsWith(' ') ||
  field.endsWith(' ');

const SPACE = 0x20;
const BOM_CODE = 0xfeff;
/** Below this code point are all characters that make a field special, besides the BOM. */
const SPECIAL_BELOW = 0x40;

/** Per code point below 0x40: 1 where a field holding it anywhere needs csvField or quotes (CR, LF, '"', delimiter). */
const specialCodes = (delimiter: CsvDelimiter): Uint8Array => {
  const special = new Uint8Array(SPECIAL_BELOW);
  for (const char of ['\r', '\n', '"', delimiter]) special[char.charCodeAt(0)] = 1;
  return special;
};

/** Per code point up to "@": 1 for a possible formula start (see the guard) or a leading space or tab. */
const SPECIAL_FIRST = Uint8Array.from({ length: 0x41 }, (_, code) =>
  Number('=+-@\t\r '.includes(String.fromCharCode(code))),
);

/**
 * One scan for a field that goes out exactly as it is: csvField would not change it and papaparse would not quote
 * it. Nearly every field of a target group is such a field, so this is the export's inner loop.
 */
const isPlain = (text: string, special: Uint8Array): boolean => {
  const last = text.length - 1;
  if (last < 0) return true;
  const first = text.charCodeAt(0);
  if ((first < SPECIAL_FIRST.length && SPECIAL_FIRST[first] === 1) || text.charCodeAt(last) === SPACE)
    return false;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code < SPECIAL_BELOW ? special[code] === 1 : code === BOM_CODE) return false;
  }
  return true;
};

/**
 * CSV for Word mail merge and newsletter tools: UTF-8 with BOM, CRLF, RFC 4180 quoting where needed and in the
 * table's quoted columns (postal codes, numbers, phones: a reader must not guess a number and drop a leading zero).
 * papaparse quotes and escapes every field that needs it; the plain fields around them (nearly all of a target group)
 * are joined here, because papaparse's per-field checks cost more than the rest of the export together.
 */
export const toCsv = (table: TableData, options: CsvOptions = {}): string => {
  // Concatenated, not joined: a string holding one character above U+00FF (the BOM, a "≥" in a selection's name) is
  // stored with two bytes for every character, so joining doubled a German CSV's memory (116 instead of 58 MB at
  // 180,000 members). Concatenated, V8 keeps each piece as it is until a reader needs the text as one.
  let text = '';
  for (const piece of csvChunks(table, options)) text += piece;
  return text;
};

/** Lines of CSV text handed out at a time by `csvChunks`. */
const CHUNK_LINES = 1000;

/** The text of `toCsv` in pieces, for a file written as it is made: the whole text of a large group is 60 MB. */
export function* csvChunks(table: TableData, options: CsvOptions = {}): Generator<string> {
  const { delimiter = ';', language = 'de' } = options;
  const config = { delimiter, newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"' };
  const width = table.headers.length;
  const special = specialCodes(delimiter);
  const fields: string[] = new Array<string>(width);
  const fieldOf = (text: string): string => {
    if (isPlain(text, special)) return text;
    const field = csvField(text);
    return mayNeedQuotes(field, delimiter) ? Papa.unparse([[field]], config) : field;
  };
  const quoted = new Uint8Array(width);
  for (const column of table.quotedColumns ?? []) if (column < width) quoted[column] = 1;
  const line = (row: readonly (CellValue | undefined)[], quotes: boolean): string => {
    for (let i = 0; i < width; i++) {
      const text = printedText(row[i], language);
      fields[i] = quotes && quoted[i] === 1 && text !== '' ? alwaysQuoted(csvField(text)) : fieldOf(text);
    }
    return fields.join(delimiter);
  };
  yield BOM + line(table.headers, false);
  for (let start = 0; start < table.rows.length; start += CHUNK_LINES) {
    const lines = table.rows.slice(start, start + CHUNK_LINES).map((row) => line(row, true));
    yield `\r\n${lines.join('\r\n')}`;
  }
}
