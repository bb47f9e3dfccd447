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

/** The 1-based sheet columns the deletion moves: the table's, else the whole used range's. */
export const deletionColumns = (
  table: SheetTable,
  tableName: string | undefined,
): { left: number; right: number; top: number; bottom: number } | null => {
  const defined = tableName
    ? table.tables?.find((t) => t.name.toLowerCase() === tableName.toLowerCase())
    : undefined;
  if (defined) {
    const top = defined.area.top + (defined.hasHeaderRow ? 1 : 0);
    return {
      left: defined.area.left,
      right: defined.area.right,
      top,
      bottom: defined.area.bottom - defined.totalsRowCount,
    };
  }
  const startRow = table.startRow ?? 1;
  const startColumn = table.startColumn ?? 1;
  const width = Math.max(0, ...table.rows.map((row) => row.length));
  if (table.rows.length === 0 || width === 0) return null;
  return {
    left: startColumn,
    right: startColumn + width - 1,
    top: startRow,
    bottom: startRow + table.rows.length - 1,
  };
};

/**
 * The sheet as a reader sees it after rows were deleted with shift up in the columns `left`–`right` (1-based): the
 * cells of those rows go, the cells below in those columns move up, other columns stay; tables and merges below move
 * up too and a table the rows were in shrinks. For the memory and file adapters. `rows`: 1-based, inside top–bottom.
 */
export const withoutRows = (
  table: SheetTable,
  rows: readonly number[],
  left: number,
  right: number,
): SheetTable => {
  const deleted = [...new Set(rows)].sort((a, b) => a - b);
  if (deleted.length === 0) return table;
  const startRow = table.startRow ?? 1;
  const startColumn = table.startColumn ?? 1;
  const gone = new Set(deleted);
  const below = (row: number): number => {
    let n = 0;
    for (const r of deleted) if (r < row) n++;
    return n;
  };
  const grid = table.rows.map((row) => [...row]);
  const from = Math.max(0, left - startColumn);
  const to = right - startColumn;
  const height = grid.length;
  for (let column = from; column <= to; column++) {
    const kept: CellValue[] = [];
    for (let i = 0; i < height; i++) if (!gone.has(startRow + i)) kept.push(grid[i][column] ?? null);
    for (let i = 0; i < height; i++) {
      if (column >= grid[i].length && (kept[i] ?? null) === null) continue;
      while (grid[i].length <= column) grid[i].push(null);
      grid[i][column] = kept[i] ?? null;
    }
  }
  while (grid.length > 0 && grid[grid.length - 1].every((cell) => cell === null || cell === '')) grid.pop();
  for (const row of grid) while (row.length > 0 && (row[row.length - 1] ?? null) === null) row.pop();
  const upTo = (row: number): number => below(row + 1);
  const tables = table.tables?.map((t) =>
    t.area.left < left || t.area.right > right
      ? t
      : {
          ...t,
          area: {
            ...t.area,
            top: t.area.top - below(t.area.top),
            bottom: t.area.bottom - upTo(t.area.bottom),
          },
        },
  );
  return {
    ...table,
    rows: grid,
    ...(tables ? { tables } : {}),
  };
};
