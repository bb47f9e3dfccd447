import type { CellValue, SheetTable, TableData } from '../core/kernel/sheetTable';
import type {
  ChartRequest,
  SheetInfo,
  SheetVisibility,
  WorkbookPort,
  WriteTableRequest,
} from '../core/workbook/workbookPort';
import { WorkbookError } from '../core/workbook/workbookError';
import { firstReadBlockRows, jsonBytes, rowsPerBlock } from './blocks';
import { type DateSystem, dateColumns, dateSystemFromProbe, dateToSerial, serialToDate } from './dates';
import { isPayloadError, syncWithTimeout, toWorkbookError } from './hostErrors';
import { queueTables, readLayout, type UsedArea } from './sheetLayout';

export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** Default `Excel.run`; tests pass a fake context. */
  run?: RunBatch;
  /** Default 60 s: the longest a single context.sync() may take before the user sees 'hostTimeout'. */
  syncTimeoutMs?: number;
  /** Default `Office.context.requirements.isSetSupported('ExcelApi', version)`. */
  supportsExcelApi?: (version: string) => boolean;
}

/** Number formats (English codes, as the API wants them) for columns that must stay text, and for dates. */
const TEXT_FORMAT = '@';
const DATE_FORMAT = 'dd.mm.yyyy';
const FORMAT_SAMPLE_ROWS = 100;
const WIDTH_SAMPLE_ROWS = 200;
/** Points per character of Excel's default font, and the width range in characters. */
const POINTS_PER_CHAR = 5.6;
const MIN_WIDTH_CHARS = 8;
const MAX_WIDTH_CHARS = 50;
const MAX_SHEET_NAME = 31;
/** The chart's size in cells, placed one empty column right of the table. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;

const VISIBILITY_TO_EXCEL: Record<SheetVisibility, 'Visible' | 'Hidden' | 'VeryHidden'> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};
const VISIBILITY_FROM_EXCEL: Record<string, SheetVisibility> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

interface WritePlan {
  finalName: string;
  tempName: string;
  tableName?: string;
  tempTableName: string;
  replaced: Excel.Worksheet | null;
  position: number | null;
  dateSystem: DateSystem;
}

interface BuiltSheet {
  sheet: Excel.Worksheet;
  table: Excel.Table | null;
}

const isTimeout = (error: unknown): boolean => error instanceof WorkbookError && error.code === 'hostTimeout';

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `base`, or `base (2)`, `base (3)` … cut to Excel's 31 characters, free among `taken` (ignoring case). */
function freeName(base: string, taken: readonly string[], maxLength = MAX_SHEET_NAME): string {
  const isTaken = (name: string) => taken.some((other) => sameName(other, name));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = base.slice(0, maxLength - suffix.length) + suffix;
    if (!isTaken(candidate)) return candidate;
  }
}

const freeTableName = (base: string, taken: readonly string[]): string => {
  const isTaken = (name: string) => taken.some((other) => sameName(other, name));
  for (let n = 1; ; n += 1)
    if (!isTaken(n === 1 ? base : `${base}_${n}`)) return n === 1 ? base : `${base}_${n}`;
};

/** The workbook port on the open workbook, through Office.js. The only place besides officeHost.ts that knows Excel. */
export class ExcelWorkbook implements WorkbookPort {
  private readonly run: RunBatch;
  private readonly syncTimeoutMs: number;
  private readonly supportsExcelApi: (version: string) => boolean;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.syncTimeoutMs = options.syncTimeoutMs ?? 60_000;
    this.supportsExcelApi =
      options.supportsExcelApi ??
      ((version) => Office.context.requirements.isSetSupported('ExcelApi', version));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.batch(undefined, async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      await this.sync(context);
      return sheets.items.map((sheet) => ({
        name: sheet.name,
        visibility: VISIBILITY_FROM_EXCEL[sheet.visibility],
      }));
    });
  }

  async readSheet(name: string): Promise<SheetTable> {
    return this.batch(name, async (context) => {
      const sheet = context.workbook.worksheets.getItem(name).load('name');
      const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      const dateProbe = context.workbook.functions.date(1904, 1, 1).load('value');
      const tables = queueTables(sheet);
      await this.sync(context);
      const dateSystem = dateSystemFromProbe(dateProbe.value);
      if (used.isNullObject) return { name: sheet.name, rows: [], dateSystem };
      const area: UsedArea = {
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      };
      const layout = await readLayout(sheet, tables, area, this.supportsExcelApi('1.13'), () =>
        this.sync(context),
      );
      const rows = await this.readRows(context, sheet, area, dateSystem);
      const table: SheetTable = {
        name: sheet.name,
        rows,
        startRow: area.rowIndex + 1,
        startColumn: area.columnIndex + 1,
        dateSystem,
      };
      if (layout.tables.length > 0) table.tables = layout.tables;
      if (layout.merges.length > 0) table.merges = layout.merges;
      return table;
    });
  }

  /**
   * Builds the new sheet completely under a temporary name, then swaps it in: a failure on the way leaves the
   * previous sheet as it was. Which sheets may be replaced is the core's decision (the state's owned sheets), so a
   * workbook written by the command line is handled the same way here.
   */
  async writeTable(request: WriteTableRequest): Promise<void> {
    await this.batch(request.sheet, async (context) => {
      const plan = await this.planWrite(context, request);
      const events = this.supportsExcelApi('1.8');
      if (events) context.runtime.enableEvents = false;
      try {
        const built = await this.buildSheet(context, request, plan);
        if (events) context.runtime.enableEvents = true; // travels with the swap's sync
        await this.swapIn(context, built, request, plan);
      } catch (error) {
        if (events && !isTimeout(error)) await this.restoreEvents(context);
        throw error;
      }
    });
  }

  async deleteSheet(name: string): Promise<void> {
    await this.batch(name, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await this.sync(context);
      if (sheet.isNullObject) return;
      sheet.delete();
      await this.sync(context);
    });
  }

  private async batch<T>(
    sheet: string | undefined,
    work: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.run(work);
    } catch (error) {
      throw toWorkbookError(error, sheet);
    }
  }

  private sync(context: Excel.RequestContext): Promise<void> {
    return syncWithTimeout(context, this.syncTimeoutMs);
  }

  /** One sync per block; a block over the payload or cell limit is halved and read again. */
  private async readRows(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    area: UsedArea,
    dateSystem: DateSystem,
  ): Promise<CellValue[][]> {
    const rows: CellValue[][] = [];
    let blockRows = firstReadBlockRows(area.columnCount);
    let cap = Number.POSITIVE_INFINITY;
    let dates: Set<number> | null = null;
    while (rows.length < area.rowCount) {
      const count = Math.min(blockRows, area.rowCount - rows.length);
      const block = sheet
        .getRangeByIndexes(area.rowIndex + rows.length, area.columnIndex, count, area.columnCount)
        .load('values');
      const formats = dates
        ? null
        : sheet
            .getRangeByIndexes(
              area.rowIndex,
              area.columnIndex,
              Math.min(FORMAT_SAMPLE_ROWS, count),
              area.columnCount,
            )
            .load('numberFormat');
      const values = await this.syncBlock(context, () => block.values);
      if (!values) {
        if (count === 1) throw new WorkbookError('payloadTooLarge', sheet.name);
        cap = Math.ceil(count / 2);
        blockRows = cap;
        continue;
      }
      dates ??= dateColumns(values, formats?.numberFormat ?? []);
      for (const row of values) rows.push(toCells(row, dates, dateSystem));
      blockRows = rowsPerBlock(jsonBytes(values) / count, area.columnCount, cap);
    }
    return rows;
  }

  /** Syncs one block; `null` when Office refused it as too large (payload error or `null` values). */
  private async syncBlock<T>(context: Excel.RequestContext, result: () => T | null): Promise<T | null> {
    try {
      await this.sync(context);
    } catch (error) {
      if (isPayloadError(error)) return null;
      throw error;
    }
    return result();
  }

  private async planWrite(context: Excel.RequestContext, request: WriteTableRequest): Promise<WritePlan> {
    const sheets = context.workbook.worksheets.load('items/name');
    const tables = context.workbook.tables.load('items/name');
    const existing = context.workbook.worksheets.getItemOrNullObject(request.sheet).load('name,position');
    const dateProbe = context.workbook.functions.date(1904, 1, 1).load('value');
    await this.sync(context);
    const sheetNames = sheets.items.map((sheet) => sheet.name);
    const replaced = existing.isNullObject ? null : await this.withTables(context, existing);
    const replacedTables = replaced ? replaced.tables.items.map((table) => table.name) : [];
    const otherTables = tables.items
      .map((table) => table.name)
      .filter((name) => !replacedTables.includes(name));
    const tableName = request.tableName && freeTableName(request.tableName, otherTables);
    return {
      finalName: replaced ? existing.name : request.sheet,
      tempName: freeName('Kampagnen (neu)', sheetNames),
      tableName,
      tempTableName: freeTableName(
        `${tableName ?? 'Tabelle'}_neu`,
        tables.items.map((table) => table.name),
      ),
      replaced,
      position: replaced ? existing.position : null,
      dateSystem: dateSystemFromProbe(dateProbe.value),
    };
  }

  private async withTables(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<Excel.Worksheet> {
    sheet.tables.load('items/name');
    await this.sync(context);
    return sheet;
  }

  private async buildSheet(
    context: Excel.RequestContext,
    request: WriteTableRequest,
    plan: WritePlan,
  ): Promise<BuiltSheet> {
    const sheet = context.workbook.worksheets.add(plan.tempName);
    sheet.visibility = VISIBILITY_TO_EXCEL[request.visibility ?? 'visible'];
    try {
      // on its own, so that a value block Office refuses as too large can be sent again to an existing sheet
      await this.sync(context);
      await this.writeValues(context, sheet, request.data, plan.dateSystem);
      const { headers, rows } = request.data;
      const all = sheet.getRangeByIndexes(0, 0, rows.length + 1, Math.max(headers.length, 1));
      const table = request.tableName ? sheet.tables.add(all, true) : null;
      if (table) table.name = plan.tempTableName;
      sheet.freezePanes.freezeRows(1);
      columnWidths(request.data).forEach((points, column) => {
        sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = points;
      });
      if (request.chart) addChart(sheet, request.data, request.chart);
      await this.sync(context);
      return { sheet, table };
    } catch (error) {
      if (!isTimeout(error)) await this.discard(context, plan.tempName);
      throw error;
    }
  }

  /** Header and rows in blocks within the payload budget; number formats of a block go before its values. */
  private async writeValues(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    data: TableData,
    dateSystem: DateSystem,
  ): Promise<void> {
    const grid = [data.headers, ...data.rows];
    const width = Math.max(data.headers.length, 1);
    const formats = columnFormats(data);
    let blockRows = rowsPerBlock(sampleBytesPerRow(grid), width);
    let start = 0;
    while (start < grid.length) {
      const count = Math.min(blockRows, grid.length - start);
      const block = grid.slice(start, start + count);
      for (const [column, format] of formats) {
        sheet.getRangeByIndexes(start, column, count, 1).numberFormat = block.map(() => [format]);
      }
      sheet.getRangeByIndexes(start, 0, count, width).values = block.map((row) =>
        toExcelRow(row, width, dateSystem),
      );
      if (this.supportsExcelApi('1.6')) context.workbook.application.suspendApiCalculationUntilNextSync();
      if ((await this.syncBlock(context, () => true)) === null) {
        if (count === 1) throw new WorkbookError('payloadTooLarge', sheet.name);
        blockRows = Math.ceil(count / 2);
        continue;
      }
      start += count;
    }
  }

  private async swapIn(
    context: Excel.RequestContext,
    { sheet, table }: BuiltSheet,
    request: WriteTableRequest,
    plan: WritePlan,
  ): Promise<void> {
    plan.replaced?.delete();
    sheet.name = plan.finalName;
    if (plan.position !== null) sheet.position = plan.position;
    if (table && plan.tableName) table.name = plan.tableName;
    if (request.activate) sheet.activate();
    await this.sync(context);
  }

  /** Best effort after a failed write: the half-built sheet goes, the original error is what the user sees. */
  private async discard(context: Excel.RequestContext, tempName: string): Promise<void> {
    try {
      context.workbook.worksheets.getItemOrNullObject(tempName).delete();
      await this.sync(context);
    } catch {
      // the host is already failing; the caller reports the first error
    }
  }

  private async restoreEvents(context: Excel.RequestContext): Promise<void> {
    context.runtime.enableEvents = true;
    try {
      await this.sync(context);
    } catch {
      // the write itself has failed or timed out; its error is the one to report
    }
  }
}

/**
 * A clustered column chart beside the table, built series by series (ExcelApi 1.7, the manifest's minimum): the
 * plotted columns need not be next to each other, and a chart over one range would plot every column between.
 */
function addChart(sheet: Excel.Worksheet, data: TableData, request: ChartRequest): void {
  const [first, ...more] = request.valueColumns;
  if (first === undefined || data.rows.length === 0) return;
  const column = (index: number) => sheet.getRangeByIndexes(1, index, data.rows.length, 1);
  const categories = column(request.categoryColumn);
  const chart = sheet.charts.add('ColumnClustered', column(first), 'Columns');
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = data.headers[first];
  firstSeries.setXAxisValues(categories);
  for (const index of more) {
    const series = chart.series.add(data.headers[index]);
    series.setValues(column(index));
    series.setXAxisValues(categories);
  }
  chart.title.text = request.title;
  const left = data.headers.length + 1;
  chart.setPosition(
    sheet.getRangeByIndexes(0, left, 1, 1),
    sheet.getRangeByIndexes(CHART_ROWS - 1, left + CHART_COLUMNS - 1, 1, 1),
  );
}

/** Office gives empty cells as "" and dates as serials; the port wants null and Dates. */
function toCells(row: unknown[], dates: ReadonlySet<number>, dateSystem: DateSystem): CellValue[] {
  return row.map((value, column) => {
    if (value === '' || value === null || value === undefined) return null;
    if (typeof value === 'number' && dates.has(column)) return serialToDate(value, dateSystem);
    return value as CellValue;
  });
}

/** Never null into `values` (Office rejects it): "" for empty, serials for dates, rows padded to the width. */
function toExcelRow(
  row: readonly CellValue[],
  width: number,
  dateSystem: DateSystem,
): (string | number | boolean)[] {
  return Array.from({ length: width }, (_, column) => {
    const value = row[column] ?? null;
    if (value === null) return '';
    return value instanceof Date ? dateToSerial(value, dateSystem) : value;
  });
}

/**
 * Text format for the requested columns, for columns of strings only (Excel would turn "01067" into 1067) and for
 * every column holding a string Excel would take for a formula (`+49 …`, `-`, `=`); the requested number format for
 * columns of figures; date format for columns of Dates.
 */
function columnFormats(data: TableData): Map<number, string> {
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

function sampleBytesPerRow(grid: readonly CellValue[][]): number {
  const sample = grid.slice(0, WIDTH_SAMPLE_ROWS);
  // values plus one number format per cell at most, hence twice the values
  return (2 * jsonBytes(sample)) / Math.max(sample.length, 1);
}

/** Widths from the header and a sample of rows: autofit over a million rows would stall Excel. */
function columnWidths(data: TableData): number[] {
  const sample = data.rows.slice(0, WIDTH_SAMPLE_ROWS);
  return data.headers.map((header, column) => {
    const longest = Math.max(header.length, ...sample.map((row) => displayLength(row[column] ?? null)));
    return Math.min(Math.max(longest + 2, MIN_WIDTH_CHARS), MAX_WIDTH_CHARS) * POINTS_PER_CHAR;
  });
}

const displayLength = (value: CellValue): number => (value instanceof Date ? 10 : String(value ?? '').length);
