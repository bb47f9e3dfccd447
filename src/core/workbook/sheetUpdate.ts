import type { CellValue, SheetTable } from '../kernel/sheetTable';
import type { CellWrite, UpdateTableRequest } from './workbookPort';

/**
 * An update as single cells in sheet coordinates: its changed cells, then its appended rows from sheet row
 * `appendAt` on. Numbers and booleans in the appended rows' text columns become text, as every adapter stores them.
 */
export const updateCells = (request: UpdateTableRequest, appendAt: number): CellWrite[] => {
  const text = new Set(request.append.textColumns);
  const appended = request.append.rows.flatMap((row, r) =>
    row.flatMap((value, c): CellWrite[] => {
      if (value === null) return [];
      const stored =
        text.has(c) && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : value;
      return [{ row: appendAt + r, column: request.append.column + c, value: stored }];
    }),
  );
  return [...request.cells, ...appended];
};

/** The first sheet row below the rows a table holds (its used range when read). */
export const rowBelow = (table: SheetTable): number => (table.startRow ?? 1) - 1 + table.rows.length;

/**
 * The sheet as a reader sees it after the cells were written: a copy of `table`, grown where a cell lands outside
 * it. For the memory and file adapters, whose reads must show their own writes.
 */
export const withCells = (table: SheetTable, cells: readonly CellWrite[]): SheetTable => {
  let top = (table.startRow ?? 1) - 1;
  let left = (table.startColumn ?? 1) - 1;
  const rows = table.rows.map((row) => [...row]);
  for (const { row, column, value } of cells) {
    if (row < top) {
      rows.unshift(...Array.from({ length: top - row }, (): CellValue[] => []));
      top = row;
    }
    if (column < left) {
      for (const cells of rows) cells.unshift(...new Array<CellValue>(left - column).fill(null));
      left = column;
    }
    while (rows.length <= row - top) rows.push([]);
    const cells = rows[row - top];
    while (cells.length < column - left) cells.push(null);
    cells[column - left] = value;
  }
  return { ...table, rows, startRow: top + 1, startColumn: left + 1 };
};
