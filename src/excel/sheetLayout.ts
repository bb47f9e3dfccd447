import { parseArea, type CellArea, type TableDefinition } from '../core/kernel/sheetTable';

/** What a sheet's values leave out and the core needs to read it as a person would: its tables and merged headers. */
export interface SheetLayout {
  tables: TableDefinition[];
  merges: CellArea[];
}

/** Headers are looked for in the first rows (the core's HEADER_SCAN_ROWS): merged cells further down do not matter. */
const MERGE_SCAN_ROWS = 30;

export interface UsedArea {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Queued with the sheet's first sync: the tables on it. */
export const queueTables = (sheet: Excel.Worksheet): Excel.TableCollection =>
  sheet.tables.load('items/name,items/showHeaders,items/showTotals');

/**
 * The tables' ranges and column names, and (where Excel has `getMergedAreasOrNullObject`, ExcelApi 1.13) the merged
 * areas of the first rows: one more sync, none when there is nothing to ask for.
 */
export async function readLayout(
  sheet: Excel.Worksheet,
  tables: Excel.TableCollection,
  area: UsedArea,
  withMerges: boolean,
  sync: () => Promise<void>,
): Promise<SheetLayout> {
  const queued = tables.items.map((table) => ({
    table,
    range: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
    columns: table.columns.load('items/name'),
  }));
  const merged = withMerges
    ? sheet
        .getRangeByIndexes(
          area.rowIndex,
          area.columnIndex,
          Math.min(area.rowCount, MERGE_SCAN_ROWS),
          area.columnCount,
        )
        .getMergedAreasOrNullObject()
        .load('address')
    : null;
  if (queued.length === 0 && merged === null) return { tables: [], merges: [] };
  await sync();
  return {
    tables: queued.map(({ table, range, columns }) => ({
      name: table.name,
      area: {
        top: range.rowIndex + 1,
        left: range.columnIndex + 1,
        bottom: range.rowIndex + range.rowCount,
        right: range.columnIndex + range.columnCount,
      },
      hasHeaderRow: table.showHeaders,
      totalsRowCount: table.showTotals ? 1 : 0,
      columns: columns.items.map((column) => column.name),
    })),
    merges: merged === null || merged.isNullObject ? [] : mergedAreas(merged.address),
  };
}

/** "Kontakte!B1:C1,Kontakte!E1:G1" → the areas spanning several columns. */
const mergedAreas = (address: string): CellArea[] =>
  address
    .split(',')
    .map(parseArea)
    .filter((area): area is CellArea => area !== null && area.right > area.left);
