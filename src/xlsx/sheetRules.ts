import type { CellValue, TableData } from '../core/kernel/sheetTable';

/** What every sheet and table the adapter writes must satisfy, checked before anything changes. */

export const TABLE_STYLE = 'TableStyleLight9';
const WIDTH_SAMPLE_ROWS = 1000;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const MAX_SHEET_NAME = 31;

/** Excel would refuse the file (or silently cut the name): checked before anything changes. */
export const assertSheetName = (name: string): void => {
  const valid = name.trim() !== '' && name.length <= MAX_SHEET_NAME && !/[:\\/?*[\]]|^'|'$/.test(name);
  if (!valid || name.toLowerCase() === 'history') throw new Error(`Invalid sheet name: ${name}`);
};

// Excel's rules: a letter, _ or \ first, then letters, digits, _ and .; never a cell reference like A1 or R1C1
const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u;
const CELL_REFERENCE = /^([A-Z]{1,3}\d+|R\d*C\d*|R|C)$/i;

/** Excel would "repair" the file and drop a table with another name. */
export const assertTableNameSyntax = (name: string): void => {
  if (!TABLE_NAME.test(name) || CELL_REFERENCE.test(name)) throw new Error(`Invalid table name: ${name}`);
};

/** A row as written: ids, postal codes and phones stay text even if the caller passes a number ('01067', '+49 …'). */
export const writtenRow = (row: CellValue[], textColumns: ReadonlySet<number>): CellValue[] =>
  textColumns.size === 0
    ? row
    : row.map((value, index) =>
        textColumns.has(index) && (typeof value === 'number' || typeof value === 'boolean')
          ? String(value)
          : value,
      );

export const withTextColumnsAsText = (data: TableData): TableData => {
  if (data.textColumns.length === 0) return data;
  const text = new Set(data.textColumns);
  return { ...data, rows: data.rows.map((row) => writtenRow(row, text)) };
};

/** Excel repairs (and warns about) a table whose column names are blank or repeated. */
export const uniqueHeaders = (headers: string[]): string[] => {
  const seen = new Set<string>();
  return headers.map((header, index) => {
    const base = header.trim() || `Spalte${index + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
};

const displayLength = (value: CellValue): number => {
  if (value === null) return 0;
  if (value instanceof Date) return 10; // dd.mm.yyyy
  return String(value).length;
};

/** Fitted to the header and a sample of the values: a full scan of a million rows buys nothing visible. */
export const columnWidths = (data: TableData): number[] => {
  const sample = data.rows.slice(0, WIDTH_SAMPLE_ROWS);
  return data.headers.map((header, index) => {
    // room for the header's filter button
    const longest = Math.max(header.length + 3, ...sample.map((row) => displayLength(row[index] ?? null)));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
};
