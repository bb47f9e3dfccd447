import type { CellValue, TableData } from '../core/kernel/sheetTable';
import type { AppendedRows, CellWrite } from '../core/workbook/workbookPort';
import { WorkbookError } from '../core/workbook/workbookError';
import { jsonBytes, rowsPerBlock, PAYLOAD_BUDGET_BYTES } from './blocks';
import {
  columnFormats,
  misreadUnlessText,
  sampleBytesPerRow,
  TEXT_FORMAT,
  toExcelRow,
  toExcelValue,
  type ExcelValue,
} from './cellValues';
import type { DateSystem } from './dates';
import type { ExcelSession } from './excelSession';

/** What a range proxy and its operation cost in a request besides the values, by the fake's and Office's measure. */
const OPERATION_BYTES = 200;

export interface Origin {
  row: number;
  column: number;
}

export interface GridOptions {
  withHeader?: boolean;
  /**
   * Column → how many rows from the top already have a suitable format (people's own "@"-based or date format on a
   * sheet written before): those keep it; the format is set only below.
   */
  keptFormats?: ReadonlyMap<number, number>;
}

/**
 * `rows` rows in blocks within the payload budget, one sync per block: `queue(start, count)` queues a block's
 * operations. A block Office refuses as too large is sent again in halves.
 */
async function inBlocks(
  session: ExcelSession,
  sheet: Excel.Worksheet,
  rows: number,
  firstBlockRows: number,
  queue: (start: number, count: number) => void,
): Promise<void> {
  let blockRows = firstBlockRows;
  let start = 0;
  while (start < rows) {
    const count = Math.min(blockRows, rows - start);
    queue(start, count);
    session.suspendCalculation();
    if (await session.syncBlock()) start += count;
    else if (count === 1) throw new WorkbookError('payloadTooLarge', sheet.name);
    else blockRows = Math.ceil(count / 2);
  }
}

/** A grid of rows in blocks; the number formats of a block go before its values. */
export async function writeGrid(
  session: ExcelSession,
  sheet: Excel.Worksheet,
  data: TableData,
  origin: Origin,
  dateSystem: DateSystem,
  { withHeader = true, keptFormats = new Map() }: GridOptions = {},
): Promise<void> {
  const grid = withHeader ? [data.headers, ...data.rows] : data.rows;
  const width = Math.max(data.headers.length, 1);
  const formats = columnFormats(data);
  await inBlocks(
    session,
    sheet,
    grid.length,
    rowsPerBlock(sampleBytesPerRow(grid), width),
    (start, count) => {
      const block = grid.slice(start, start + count);
      const top = origin.row + start;
      for (const [column, format] of formats) {
        const from = Math.max(0, Math.min((keptFormats.get(column) ?? 0) - start, count));
        if (from === count) continue;
        const range = sheet.getRangeByIndexes(top + from, origin.column + column, count - from, 1);
        range.numberFormat = block.slice(from).map(() => [format]);
      }
      sheet.getRangeByIndexes(top, origin.column, count, width).values = block.map((row) =>
        toExcelRow(row, width, dateSystem),
      );
    },
  );
}

/** Consecutive cells of one column: one range, one operation. */
interface Run {
  row: number;
  column: number;
  values: CellValue[];
}

/** A run stays well within one request, also a whole column of a renamed campaign. */
const MAX_RUN_CELLS = 20_000;

const runsOf = (cells: readonly CellWrite[]): Run[] => {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: Run[] = [];
  for (const { row, column, value } of sorted) {
    const last = runs.at(-1);
    const continues = last && last.column === column && last.row + last.values.length === row;
    if (continues && last.values.length < MAX_RUN_CELLS) last.values.push(value);
    else runs.push({ row, column, values: [value] });
  }
  return runs;
};

const runBytes = (run: Run): number => 2 * jsonBytes(run.values) + OPERATION_BYTES;

const halves = (run: Run): Run[] => {
  const half = Math.ceil(run.values.length / 2);
  return [
    { ...run, values: run.values.slice(0, half) },
    { ...run, row: run.row + half, values: run.values.slice(half) },
  ];
};

/** Runs in groups whose requests stay within the payload budget. */
const blocksOf = (runs: Run[], budget: number): Run[][] => {
  const blocks: Run[][] = [];
  let bytes = Infinity;
  for (const run of runs) {
    const size = runBytes(run);
    if (bytes + size > budget) {
      blocks.push([]);
      bytes = 0;
    }
    blocks.at(-1)!.push(run);
    bytes += size;
  }
  return blocks;
};

/**
 * Writes single changed cells and nothing else, one range per run of neighbouring cells in a column. A string Excel
 * would misread gets the text format first; every other cell keeps the format people gave it.
 */
export async function writeCells(
  session: ExcelSession,
  sheet: Excel.Worksheet,
  cells: readonly CellWrite[],
  dateSystem: DateSystem,
): Promise<void> {
  const pending = blocksOf(runsOf(cells), PAYLOAD_BUDGET_BYTES);
  while (pending.length > 0) {
    const block = pending.shift()!;
    for (const run of block) {
      const range = sheet.getRangeByIndexes(run.row, run.column, run.values.length, 1);
      if (run.values.some(misreadUnlessText)) range.numberFormat = run.values.map(() => [TEXT_FORMAT]);
      range.values = run.values.map((value) => [toExcelValue(value, dateSystem)]);
    }
    session.suspendCalculation();
    if (await session.syncBlock()) continue;
    const bytes = block.reduce((sum, run) => sum + runBytes(run), 0);
    if (block.length === 1 && block[0].values.length === 1)
      throw new WorkbookError('payloadTooLarge', sheet.name);
    const runs = block.length === 1 ? halves(block[0]) : block;
    pending.unshift(...blocksOf(runs, Math.ceil(bytes / 2)));
  }
}

export interface TableArea {
  name: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** The appended rows laid out over the table's columns; a cell outside the table's columns is left out. */
const tableRows = (append: AppendedRows, table: TableArea, dateSystem: DateSystem): ExcelValue[][] =>
  append.rows.map((row) =>
    Array.from({ length: table.columns }, (_, c) =>
      toExcelValue(row[table.column + c - append.column], dateSystem),
    ),
  );

/**
 * New rows at the end of an Excel table (`TableRowCollection.add`, ExcelApi 1.1): the table grows, and Excel carries
 * its column formats, validation and conditional formats into the new rows. The rows take the column formats of the
 * table; a text column's strings that Excel would misread are written again after the column is set to text.
 */
export async function appendToTable(
  session: ExcelSession,
  sheet: Excel.Worksheet,
  table: TableArea,
  append: AppendedRows,
  dateSystem: DateSystem,
): Promise<void> {
  const values = tableRows(append, table, dateSystem);
  const textColumns = append.textColumns
    .map((c) => append.column + c - table.column)
    .filter((c) => c >= 0 && c < table.columns);
  const listObject = sheet.tables.getItem(table.name);
  const firstBlock = rowsPerBlock(sampleBytesPerRow(values), table.columns);
  await inBlocks(session, sheet, values.length, firstBlock, (start, count) => {
    const block = values.slice(start, start + count);
    const risky = textColumns.filter((c) => block.some((row) => misreadUnlessText(row[c])));
    listObject.rows.add(
      undefined,
      block.map((row) => row.map((value, c) => (risky.includes(c) && misreadUnlessText(value) ? '' : value))),
    );
    const top = table.row + table.rows + start;
    for (const c of risky) {
      const column = sheet.getRangeByIndexes(top, table.column + c, count, 1);
      column.numberFormat = block.map(() => [TEXT_FORMAT]);
      column.values = block.map((row) => [row[c]]);
    }
  });
}

/** Rows below the last used row of a sheet without a table: written like a grid, formats first. */
export const appendBelow = (
  session: ExcelSession,
  sheet: Excel.Worksheet,
  append: AppendedRows,
  row: number,
  dateSystem: DateSystem,
): Promise<void> => {
  const width = append.rows.reduce((max, cells) => Math.max(max, cells.length), 0);
  const data: TableData = {
    headers: new Array<string>(width).fill(''),
    rows: append.rows,
    textColumns: append.textColumns,
  };
  return writeGrid(session, sheet, data, { row, column: append.column }, dateSystem, { withHeader: false });
};
