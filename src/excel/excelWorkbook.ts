import type { CellValue, SheetTable, TableData } from '../core/kernel/sheetTable';
import type {
  ChartRequest,
  DeletedRows,
  DeleteRowsRequest,
  SheetInfo,
  SheetVisibility,
  UpdateTableRequest,
  WorkbookPort,
  WriteTableRequest,
} from '../core/workbook/workbookPort';
import { WorkbookError } from '../core/workbook/workbookError';
import { firstReadBlockRows, jsonBytes, rowsPerBlock } from './blocks';
import { columnFormats, columnWidths, DATE_FORMAT, TEXT_FORMAT, toCells } from './cellValues';
import { type DateSystem, dateColumns, dateSystemFromProbe, isDateFormat } from './dates';
import { ExcelSession } from './excelSession';
import { toWorkbookError } from './hostErrors';
import { appendBelow, appendToTable, writeCells, writeGrid, type TableArea } from './sheetWrites';
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

const FORMAT_SAMPLE_ROWS = 100;
const MAX_SHEET_NAME = 31;
/** The chart's size in cells, placed one empty column right of the table. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;
/** The add-in's chart is found again by this name when its sheet is rewritten. */
const CHART_NAME = 'Kampagnen_Diagramm';
const AREA = 'rowIndex,columnIndex,rowCount,columnCount';

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

/** The sheet a write replaces, as loaded before anything changes. */
interface ExistingSheet {
  sheet: Excel.Worksheet;
  name: string;
  position: number;
  tables: string[];
  charts: string[];
  used: UsedArea | null;
  /** Number formats of the first data row (A2 on): a format people chose for a column is kept on a rewrite. */
  formats: string[];
}

interface WritePlan {
  existing: ExistingSheet | null;
  sheetNames: string[];
  tableName?: string;
  tableNames: string[];
  dateSystem: DateSystem;
}

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

const areaOf = (range: UsedArea): UsedArea => ({
  rowIndex: range.rowIndex,
  columnIndex: range.columnIndex,
  rowCount: range.rowCount,
  columnCount: range.columnCount,
});

/** Runs of neighbouring rows, from rows sorted bottom up (0-based), each as its top row and length. */
const runsOf = (rows: readonly number[]): { top: number; count: number }[] => {
  const runs: { top: number; count: number }[] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    if (run && run.top === row + 1) {
      run.top = row;
      run.count += 1;
    } else runs.push({ top: row, count: 1 });
  }
  return runs;
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
    return this.batch(undefined, async (session) => {
      const sheets = session.context.workbook.worksheets.load('items/name,items/visibility,items/id');
      await session.sync();
      const tables = sheets.items.map((sheet) => sheet.tables.load('items/name'));
      await session.sync();
      return sheets.items.map((sheet, i) => infoOf(sheet, tables[i]));
    });
  }

  async readSheet(name: string): Promise<SheetTable> {
    return this.batch(name, async (session) => {
      const { context } = session;
      const sheet = context.workbook.worksheets.getItem(name).load('name');
      const used = sheet.getUsedRangeOrNullObject(true).load(AREA);
      const dateProbe = context.workbook.functions.date(1904, 1, 1).load('value');
      const tables = queueTables(sheet);
      await session.sync();
      const dateSystem = dateSystemFromProbe(dateProbe.value);
      if (used.isNullObject) return { name: sheet.name, rows: [], dateSystem };
      const area = areaOf(used);
      const layout = await readLayout(sheet, tables, area, this.supportsExcelApi('1.13'), () =>
        session.sync(),
      );
      const rows = await this.readRows(session, sheet, area, dateSystem);
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
   * An existing sheet is rewritten in place — its table converted to a range, its old values cleared, the new ones
   * written, the table added again under its name — so that the sheet, references to it from other sheets, and the
   * column widths and formats people gave it stay. A new sheet, or one marked atomic (the state), is built completely
   * aside and then swapped in: a failure on the way leaves the previous sheet as it was.
   */
  async writeTable(request: WriteTableRequest): Promise<SheetInfo> {
    return this.batch(request.sheet, async (session) => {
      const plan = await this.planWrite(session, request);
      return session.withoutEvents(() =>
        plan.existing && !request.atomic
          ? this.rewriteInPlace(session, request, plan, plan.existing)
          : this.buildAside(session, request, plan),
      );
    });
  }

  /**
   * Writes the changed cells and appends the rows to the sheet's table (or below its last used row), in blocks
   * within the request limits. Nothing else on the sheet is written.
   */
  async updateTable(request: UpdateTableRequest): Promise<SheetInfo> {
    return this.batch(request.sheet, async (session) => {
      const { context } = session;
      const sheet = context.workbook.worksheets.getItem(request.sheet).load('name,id,visibility');
      const tables = sheet.tables.load('items/name');
      const used = sheet.getUsedRangeOrNullObject(true).load(AREA);
      const dateProbe = context.workbook.functions.date(1904, 1, 1).load('value');
      await session.sync();
      const dateSystem = dateSystemFromProbe(dateProbe.value);
      const tableName = tables.items.find((table) => sameName(table.name, request.tableName ?? ''))?.name;
      const table =
        tableName && request.append.rows.length > 0 ? await this.tableArea(session, sheet, tableName) : null;
      await session.withoutEvents(async () => {
        await writeCells(session, sheet, request.cells, dateSystem);
        if (request.append.rows.length === 0) return;
        if (table) await appendToTable(session, sheet, table, request.append, dateSystem);
        else {
          const below = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
          await appendBelow(session, sheet, request.append, below, dateSystem);
        }
      });
      return infoOf(sheet, tables);
    });
  }

  /**
   * The rows' cells in the table's columns (or the used range's) are deleted with shift up, as Excel's "Delete table
   * rows" does: runs of neighbouring rows as one range each, bottom up so that no index moves before it is used, all
   * in one request (two syncs in all, plus the events switch), whatever the number of rows.
   */
  async deleteRows(request: DeleteRowsRequest): Promise<DeletedRows> {
    return this.batch(request.sheet, async (session) => {
      const sheet = session.context.workbook.worksheets.getItem(request.sheet);
      const range = request.tableName
        ? sheet.tables.getItem(request.tableName).getRange().load(AREA)
        : sheet.getUsedRangeOrNullObject(true).load(AREA);
      await session.sync();
      if (range.isNullObject) return { how: 'deleted', rows: 0 };
      // a table's first row is its header; a used range's first row is where people's rows start
      const first = range.rowIndex + (request.tableName ? 1 : 0);
      const last = range.rowIndex + range.rowCount - 1;
      const rows = [...new Set(request.rows.map((row) => row - 1))]
        .filter((row) => row >= first && row <= last)
        .sort((a, b) => b - a);
      if (rows.length === 0) return { how: 'deleted', rows: 0 };
      await session.withoutEvents(async () => {
        for (const run of runsOf(rows))
          sheet.getRangeByIndexes(run.top, range.columnIndex, run.count, range.columnCount).delete('Up');
        await session.sync();
      });
      return { how: 'deleted', rows: rows.length };
    });
  }

  async deleteSheet(name: string): Promise<void> {
    await this.batch(name, async (session) => {
      const sheet = session.context.workbook.worksheets.getItemOrNullObject(name);
      await session.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await session.sync();
    });
  }

  async showRow(sheet: string, row: number): Promise<void> {
    await this.batch(sheet, async (session) => {
      const worksheet = session.context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRangeByIndexes(row - 1, 0, 1, 1).select();
      await session.sync();
    });
  }

  private async batch<T>(sheet: string | undefined, work: (session: ExcelSession) => Promise<T>): Promise<T> {
    try {
      return await this.run((context) =>
        work(new ExcelSession(context, this.syncTimeoutMs, this.supportsExcelApi)),
      );
    } catch (error) {
      throw toWorkbookError(error, sheet);
    }
  }

  private async tableArea(session: ExcelSession, sheet: Excel.Worksheet, name: string): Promise<TableArea> {
    const range = sheet.tables.getItem(name).getRange().load(AREA);
    await session.sync();
    return {
      name,
      row: range.rowIndex,
      column: range.columnIndex,
      rows: range.rowCount,
      columns: range.columnCount,
    };
  }

  /** One sync per block; a block over the payload or cell limit is halved and read again. */
  private async readRows(
    session: ExcelSession,
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
      const values = (await session.syncBlock()) ? block.values : null;
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

  private async planWrite(session: ExcelSession, request: WriteTableRequest): Promise<WritePlan> {
    const { workbook } = session.context;
    const sheets = workbook.worksheets.load('items/name');
    const tables = workbook.tables.load('items/name');
    const found = workbook.worksheets.getItemOrNullObject(request.sheet).load('name,position');
    const dateProbe = workbook.functions.date(1904, 1, 1).load('value');
    await session.sync();
    const existing = found.isNullObject ? null : await this.loadExisting(session, found);
    const otherTables = tables.items
      .map((table) => table.name)
      .filter((name) => !existing?.tables.some((own) => sameName(own, name)));
    const wanted = existing?.tables[0] ?? request.tableName;
    return {
      existing,
      sheetNames: sheets.items.map((sheet) => sheet.name),
      tableName: request.tableName && wanted && freeTableName(wanted, otherTables),
      tableNames: tables.items.map((table) => table.name),
      dateSystem: dateSystemFromProbe(dateProbe.value),
    };
  }

  private async loadExisting(session: ExcelSession, sheet: Excel.Worksheet): Promise<ExistingSheet> {
    const tables = sheet.tables.load('items/name');
    const charts = sheet.charts.load('items/name');
    const used = sheet.getUsedRangeOrNullObject(true).load(AREA);
    await session.sync();
    const area = used.isNullObject ? null : areaOf(used);
    const width = area ? area.columnIndex + area.columnCount : 0;
    const formats = width > 0 ? sheet.getRangeByIndexes(1, 0, 1, width).load('numberFormat') : null;
    if (formats) await session.sync();
    return {
      sheet,
      name: sheet.name,
      position: sheet.position,
      tables: tables.items.map((table) => table.name),
      charts: charts.items.map((chart) => chart.name),
      used: area,
      formats: formats ? formats.numberFormat[0].map(String) : [],
    };
  }

  private async rewriteInPlace(
    session: ExcelSession,
    request: WriteTableRequest,
    plan: WritePlan,
    existing: ExistingSheet,
  ): Promise<SheetInfo> {
    const { sheet, used } = existing;
    for (const table of existing.tables) sheet.tables.getItem(table).convertToRange();
    if (used)
      sheet
        .getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount)
        .clear('Contents');
    for (const chart of existing.charts.filter((name) => name === CHART_NAME))
      sheet.charts.getItem(chart).delete();
    sheet.visibility = VISIBILITY_TO_EXCEL[request.visibility ?? 'visible'];
    await session.sync();
    await writeGrid(session, sheet, request.data, { row: 0, column: 0 }, plan.dateSystem, {
      keptFormats: keptFormats(request.data, existing),
    });
    if (plan.tableName) addTable(sheet, request.data, plan.tableName);
    const oldWidth = used ? used.columnIndex + used.columnCount : 0;
    setColumnWidths(sheet, request.data, oldWidth);
    if (request.chart) addChart(sheet, request.data, request.chart);
    if (request.activate) sheet.activate();
    return this.loadInfo(session, sheet);
  }

  private async buildAside(
    session: ExcelSession,
    request: WriteTableRequest,
    plan: WritePlan,
  ): Promise<SheetInfo> {
    const { existing } = plan;
    const name = existing ? freeName('Kampagnen (neu)', plan.sheetNames) : request.sheet;
    const tableName =
      existing && plan.tableName ? freeTableName(`${plan.tableName}_neu`, plan.tableNames) : plan.tableName;
    const sheet = session.context.workbook.worksheets.add(name);
    sheet.visibility = VISIBILITY_TO_EXCEL[request.visibility ?? 'visible'];
    let table: Excel.Table | null = null;
    try {
      // on its own, so that a value block Office refuses as too large can be sent again to an existing sheet
      await session.sync();
      await writeGrid(session, sheet, request.data, { row: 0, column: 0 }, plan.dateSystem);
      table = tableName ? addTable(sheet, request.data, tableName) : null;
      sheet.freezePanes.freezeRows(1);
      setColumnWidths(sheet, request.data, 0);
      if (request.chart) addChart(sheet, request.data, request.chart);
      await session.sync();
    } catch (error) {
      const timedOut = error instanceof WorkbookError && error.code === 'hostTimeout';
      if (!timedOut) await this.discard(session, name);
      throw error;
    }
    if (existing) {
      existing.sheet.delete();
      sheet.name = existing.name;
      sheet.position = existing.position;
      if (table && plan.tableName) table.name = plan.tableName;
    }
    if (request.activate) sheet.activate();
    return this.loadInfo(session, sheet);
  }

  private async loadInfo(session: ExcelSession, sheet: Excel.Worksheet): Promise<SheetInfo> {
    sheet.load('name,id,visibility');
    const tables = sheet.tables.load('items/name');
    await session.sync();
    return infoOf(sheet, tables);
  }

  /** Best effort after a failed write: the half-built sheet goes, the original error is what the user sees. */
  private async discard(session: ExcelSession, name: string): Promise<void> {
    try {
      session.context.workbook.worksheets.getItemOrNullObject(name).delete();
      await session.sync();
    } catch {
      // the host is already failing; the caller reports the first error
    }
  }
}

const infoOf = (sheet: Excel.Worksheet, tables: Excel.TableCollection): SheetInfo => ({
  name: sheet.name,
  visibility: VISIBILITY_FROM_EXCEL[sheet.visibility],
  id: `excel:${sheet.id}`,
  tables: tables.items.map((table) => table.name),
});

/** Whether a format people gave a column shows the values as the add-in's `format` would: as text, date or figure. */
const keepsValuesSafe = (old: string, format: string): boolean => {
  if (format === TEXT_FORMAT) return old.includes('@');
  if (format === DATE_FORMAT) return isDateFormat(old);
  return !/^general$/i.test(old) && !old.includes('@') && !isDateFormat(old);
};

/**
 * Columns whose old rows keep the format people gave them on a rewrite: it must still keep the values safe — a text
 * format for a text column, a date format for a date column. Below the old rows the add-in's format applies.
 */
const keptFormats = (data: TableData, existing: ExistingSheet): Map<number, number> => {
  const rows = existing.used ? existing.used.rowIndex + existing.used.rowCount : 0;
  const kept = new Map<number, number>();
  columnFormats(data).forEach((format, column) => {
    if (keepsValuesSafe(existing.formats[column] ?? 'General', format)) kept.set(column, rows);
  });
  return kept;
};

const addTable = (sheet: Excel.Worksheet, data: TableData, name: string): Excel.Table => {
  const all = sheet.getRangeByIndexes(0, 0, data.rows.length + 1, Math.max(data.headers.length, 1));
  const table = sheet.tables.add(all, true);
  table.name = name;
  return table;
};

/** Widths for the columns from `from` on: the columns an earlier write made keep the widths people gave them. */
const setColumnWidths = (sheet: Excel.Worksheet, data: TableData, from: number): void => {
  columnWidths(data).forEach((points, column) => {
    if (column >= from) sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = points;
  });
};

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
  chart.name = CHART_NAME;
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
