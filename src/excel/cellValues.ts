import type { CellValue, TableData } from '../core/kernel/sheetTable';
import { type DateSystem, dateToSerial, serialToDate } from './dates';
import { jsonBytes } from './blocks';

/** Number formats (English codes, as the API wants them) for columns that must stay text, and for dates. */
export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'dd.mm.yyyy';
const WIDTH_SAMPLE_ROWS = 200;
/** Points per character of Excel's default font, and the width range in characters. */
const POINTS_PER_CHAR = 5.6;
const MIN_WIDTH_CHARS = 8;
const MAX_WIDTH_CHARS = 50;

export type ExcelValue = string | number | boolean;

/** Office gives empty cells as "" and dates as serials; the port wants null and Dates. */
export function toCells(row: unknown[], dates: ReadonlySet<number>, dateSystem: DateSystem): CellValue[] {
  return row.map((value, column) => {
    if (value === '' || value === null || value === undefined) return null;
    if (typeof value === 'number' && dates.has(column)) return serialToDate(value, dateSystem);
    return value as CellValue;
  });
}

/** Never null into `values` (Office rejects it): "" for empty, serials for dates. */
export const toExcelValue = (value: CellValue | undefined, dateSystem: DateSystem): ExcelValue => {
  if (value === null || value === undefined) return '';
  return value instanceof Date ? dateToSerial(value, dateSystem) : value;
};

/** A row padded to the width. */
export const toExcelRow = (row: readonly CellValue[], width: number, dateSystem: DateSystem): ExcelValue[] =>
  Array.from({ length: width }, (_, column) => toExcelValue(row[column], dateSystem));

/**
 * A string Excel would read as something else unless its cell is text: a formula ("+49 …", "-", "=", "@"), a number
 * ("01067" loses its zero) or a date ("1.2").
 */
export const misreadUnlessText = (value: CellValue | undefined): boolean =>
  typeof value === 'string' && (/^[=+\-@]/.test(value) || /^[\d\s.,/:%]+$/.test(value));

/**
 * Text format for the requested columns, for columns of strings only (Excel would turn "01067" into 1067) and for
 * every column holding a string Excel would take for a formula (`+49 …`, `-`, `=`); the requested number format for
 * columns of figures; date format for columns of Dates.
 */
export function columnFormats(data: TableData): Map<number, string> {
  const formats = new Map<number, string>();
  data.headers.forEach((_, column) => {
    const cells = data.rows.map((row) => row[column] ?? null);
    const filled = cells.filter((cell) => cell !== null && cell !== '');
    const allText = filled.length > 0 && filled.every((cell) => typeof cell === 'string');
    const looksLikeFormula = filled.some((cell) => typeof cell === 'string' && /^[=+-]/.test(cell));
    const figures = data.numberFormats?.[column];
    if (data.textColumns.includes(column) || allText || looksLikeFormula) formats.set(column, TEXT_FORMAT);
    else if (figures !== undefined) formats.set(column, figures);
    else if (cells.some((cell) => cell instanceof Date)) formats.set(column, DATE_FORMAT);
  });
  return formats;
}

/** Bytes of a row in a request: values plus one number format per cell at most, hence twice the values. */
export function sampleBytesPerRow(grid: readonly (readonly CellValue[])[]): number {
  const sample = grid.slice(0, WIDTH_SAMPLE_ROWS);
  return (2 * jsonBytes(sample)) / Math.max(sample.length, 1);
}

/** Widths from the header and a sample of rows: autofit over a million rows would stall Excel. */
export function columnWidths(data: TableData): number[] {
  const sample = data.rows.slice(0, WIDTH_SAMPLE_ROWS);
  return data.headers.map((header, column) => {
    const longest = Math.max(header.length, ...sample.map((row) => displayLength(row[column] ?? null)));
    return Math.min(Math.max(longest + 2, MIN_WIDTH_CHARS), MAX_WIDTH_CHARS) * POINTS_PER_CHAR;
  });
}

const displayLength = (value: CellValue): number => (value instanceof Date ? 10 : String(value ?? '').length);
