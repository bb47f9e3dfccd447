import type { CellRef, CellValue, SheetTable } from '../core/kernel/sheetTable';

/**
 * Collects the non-empty cells of one sheet, row by row, into the smallest rectangle that holds them
 * (Excel's used range, values only: formatted but empty cells do not widen it).
 */
export class SheetGrid {
  private readonly rows: (CellValue[] | undefined)[] = [];
  private firstRow = Infinity;
  private lastRow = 0;
  private firstColumn = Infinity;
  private lastColumn = 0;
  /** Formula cells without a calculated value: they read as empty, and the core says where they are. */
  readonly uncalculated: CellRef[] = [];

  noteUncalculated(row: number, column: number): void {
    this.uncalculated.push({ row, column });
  }

  /** `row` and `column` are 1-based sheet coordinates; rows may arrive in any order. */
  set(row: number, column: number, value: CellValue): void {
    if (value === null) return;
    const cells = (this.rows[row - 1] ??= []);
    cells[column - 1] = value;
    this.firstRow = Math.min(this.firstRow, row);
    this.lastRow = Math.max(this.lastRow, row);
    this.firstColumn = Math.min(this.firstColumn, column);
    this.lastColumn = Math.max(this.lastColumn, column);
  }

  /** Call once: the collected cells are released while the table is built. */
  toTable(name: string, dateSystem: 1900 | 1904): SheetTable {
    if (this.lastRow === 0) return { name, rows: [], startRow: 1, startColumn: 1, dateSystem };
    const rows: CellValue[][] = [];
    for (let row = this.firstRow; row <= this.lastRow; row++) {
      rows.push(this.rectangleRow(this.rows[row - 1]));
      this.rows[row - 1] = undefined; // a million-row sheet must not be held twice
    }
    return { name, rows, startRow: this.firstRow, startColumn: this.firstColumn, dateSystem };
  }

  private rectangleRow(cells: CellValue[] | undefined): CellValue[] {
    const row = new Array<CellValue>(this.lastColumn - this.firstColumn + 1);
    for (let column = this.firstColumn; column <= this.lastColumn; column++) {
      row[column - this.firstColumn] = cells?.[column - 1] ?? null;
    }
    return row;
  }
}
