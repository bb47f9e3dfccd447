import type { Day, Field, SheetMapping } from '../kernel/model';
import type { ProblemCode, Severity } from '../kernel/problems';
import type { CellValue, SheetTable } from '../kernel/sheetTable';
import {
  cellText,
  excelSerialToDay,
  isErrorValue,
  isTruthyFlag,
  parseDay,
  parseNumber,
  trimCell,
  type DateSystem,
} from '../kernel/values';
import { KeySet } from '../kernel/keySet';
import { normalizeHeader } from './headers';
import type { ProblemLog } from './problemLog';
import type { CustomerRows } from './salesColumns';

const TOTALS_WORDS: ReadonlySet<string> = new Set([
  'summe',
  'summen',
  'gesamt',
  'gesamtsumme',
  'zwischensumme',
  'total',
  'totals',
  'grandtotal',
  'subtotal',
]);

/** Excel's limit per cell; a longer text (from another program) could not be written back into a sheet. */
export const MAX_CELL_LENGTH = 32_767;
/** C0 controls and DEL, except tab and line breaks, which belong to cells (an address over two lines). */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/** The first `length` characters, without leaving half of a surrogate pair at the end. */
const cutAt = (text: string, length: number): string => {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
};

export const isBlankCell = (cell: CellValue | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && trimCell(cell) === '');

export function isBlankRow(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlankCell(cells[i])) return false;
  return true;
}

const isTotalsWord = (text: string): boolean => TOTALS_WORDS.has(normalizeHeader(text));

/** A "Summe"/"Gesamt"/"Total" row: its first text cell is one of those words (a colon ignored). */
function isTotalsRow(cells: readonly CellValue[]): boolean {
  const first = cells.find((cell) => typeof cell === 'string' && cell.trim() !== '');
  return typeof first === 'string' && isTotalsWord(first);
}

/** Cheap pre-check on the first letter: keys are mostly numbers, and this runs once per row of a large sheet. */
export function isTotalsKey(key: string): boolean {
  const initial = key.charCodeAt(0) | 32; // lower case of an ASCII letter
  return (initial === 115 || initial === 103 || initial === 116 || initial === 122) && isTotalsWord(key); // s g t z
}

/** Reads cells of one mapped sheet and reports bad ones; every method is cheap for good cells. */
export class SheetReader {
  readonly sheet: string;
  readonly rows: CellValue[][];
  readonly firstDataIndex: number;
  /** Index after the last data row: the sheet's end, or an Excel table's end above its totals row. */
  readonly endIndex: number;
  private readonly startRow: number;
  private readonly dateSystem: DateSystem;

  constructor(
    table: SheetTable,
    readonly mapping: SheetMapping,
    readonly log: ProblemLog,
  ) {
    this.sheet = table.name;
    this.rows = table.rows;
    this.startRow = table.startRow ?? 1;
    this.dateSystem = table.dateSystem ?? 1900;
    this.firstDataIndex = mapping.headerRow - this.startRow + 1;
    this.endIndex =
      mapping.lastRow === undefined
        ? this.rows.length
        : Math.min(this.rows.length, mapping.lastRow - this.startRow + 1);
  }

  rowNumber(index: number): number {
    return this.startRow + index;
  }

  column(field: Field): number {
    return this.mapping.columns[field] ?? -1;
  }

  header(column: number): string {
    // Only columns with a header are ever mapped, so a problem can always name the column by its header.
    return this.mapping.headers[column];
  }

  report(code: ProblemCode, severity: Severity, row: number, column?: number, value?: string): void {
    this.log.add(
      code,
      severity,
      this.sheet,
      row,
      column === undefined ? undefined : this.header(column),
      value,
    );
  }

  text(cells: readonly CellValue[], column: number, row: number): string {
    if (column < 0) return '';
    const cell = cells[column];
    if (cell === null || cell === undefined) return '';
    if (typeof cell !== 'string') return cellText(cell);
    const text = trimCell(cell);
    if (text.charCodeAt(0) === 35 && isErrorValue(text)) {
      this.report('errorValue', 'warning', row, column, text);
      return '';
    }
    return text.length > MAX_CELL_LENGTH || CONTROL_CHARACTER.test(text)
      ? this.clean(text, row, column)
      : text;
  }

  /** What Excel and the outputs can hold: no control characters, at most MAX_CELL_LENGTH characters. */
  private clean(text: string, row: number, column: number): string {
    let cleaned = text;
    if (CONTROL_CHARACTER.test(cleaned)) {
      cleaned = cleaned.replace(CONTROL_CHARACTERS, '').trim();
      this.report('controlCharactersRemoved', 'info', row, column);
    }
    if (cleaned.length > MAX_CELL_LENGTH) {
      this.report('cellTooLong', 'warning', row, column, String(cleaned.length));
      cleaned = cutAt(cleaned, MAX_CELL_LENGTH);
    }
    return cleaned;
  }

  number(cells: readonly CellValue[], column: number, row: number): number | null {
    if (column < 0) return null;
    const cell = cells[column];
    if (typeof cell === 'number') return cell;
    if (isBlankCell(cell)) return null;
    const value = parseNumber(cell);
    if (value === null) this.reportBadCell(cell, 'invalidNumber', row, column);
    return value;
  }

  day(cells: readonly CellValue[], column: number, row: number): Day | null {
    if (column < 0) return null;
    const cell = cells[column];
    if (typeof cell === 'number' && cell >= 61 && cell < 2_958_466)
      return excelSerialToDay(cell, this.dateSystem);
    const parsed = parseDay(cell ?? null, this.dateSystem);
    if (parsed.problem) this.reportBadCell(cell ?? null, parsed.problem, row, column);
    return parsed.day;
  }

  /** The header of the first opt-out column with a truthy flag, or null. */
  optOut(cells: readonly CellValue[], row: number): string | null {
    for (const column of this.mapping.optOutColumns) {
      const cell = cells[column] ?? null;
      if (cell === null || cell === '') continue; // the usual case, decided without trimming
      if (isTruthyFlag(cell)) return this.header(column);
      if (isErrorValue(cell)) this.reportBadCell(cell, 'errorValue', row, column);
    }
    return null;
  }

  extra(cells: readonly CellValue[], row: number): Record<string, string> {
    const extra: Record<string, string> = {};
    for (const column of this.mapping.extraColumns)
      extra[this.mapping.headers[column]] = this.text(cells, column, row);
    return extra;
  }

  /**
   * A row without its key (or with "Summe" as its key): silently skipped when blank, 'totalsRowSkipped' for a
   * totals row, else 'rowWithoutKey'.
   */
  skipRow(cells: readonly CellValue[], row: number, totalsKey = false): void {
    if (!totalsKey && isBlankRow(cells)) return;
    if (totalsKey || isTotalsRow(cells)) this.report('totalsRowSkipped', 'info', row);
    else this.report('rowWithoutKey', 'warning', row);
  }

  private reportBadCell(cell: CellValue, code: ProblemCode, row: number, column: number): void {
    const isError = isErrorValue(cell);
    this.report(isError ? 'errorValue' : code, 'warning', row, column, cellText(cell) || String(cell));
  }
}

export function requireColumn(reader: SheetReader, field: Field): boolean {
  if (reader.column(field) >= 0) return true;
  reader.log.add(
    'requiredColumnMissing',
    'warning',
    reader.sheet,
    reader.mapping.headerRow,
    undefined,
    undefined,
    field,
  );
  return false;
}

/** The id's code in `seen` (-1 for none), reported as a duplicate when an earlier row had it. */
export function reportDuplicate(
  reader: SheetReader,
  seen: KeySet,
  id: string,
  row: number,
  field: Field,
): number {
  if (id === '') return -1;
  const before = seen.size;
  const code = seen.code(id);
  if (code < before) reader.report('duplicateId', 'warning', row, reader.column(field), id);
  return code;
}

/**
 * The customer row of a number not written exactly as on the customers sheet: the same number in another form
 * ("123" for "00123", "k-1" for "K-1") is that customer, with a note; else 'unknownCustomer' and -1.
 */
export function matchSpelling(
  reader: SheetReader,
  customers: CustomerRows,
  customerId: string,
  row: number,
  column: number,
): number {
  const customerRow = customers.rowOf(customerId);
  if (customerRow < 0) reader.report('unknownCustomer', 'warning', row, column, customerId);
  else
    reader.log.add(
      'customerIdSpelling',
      'info',
      reader.sheet,
      row,
      reader.header(column),
      customerId,
      customers.idAt(customerRow),
    );
  return customerRow;
}
