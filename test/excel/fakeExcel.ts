/**
 * A fake Excel request context that behaves like the real one where the adapter depends on it: proxies whose
 * properties must be loaded and synced before they are read, operations queued until sync() and applied in order,
 * the 5 MB request/response limit, `null` values above 5,000,000 cells, text-looking strings turned into numbers or
 * formulas unless the cell is formatted "@". Anything the adapter touches that is not modelled throws.
 *
 * It also holds what people put on a sheet besides values — formulas, notes, data validation, conditional formats,
 * number formats, references from other sheets — on the sheet object itself: a sheet that is deleted and built
 * again loses all of it, and references to a deleted sheet turn into #REF!, as in Excel.
 */
import type { RunBatch } from '../../src/excel/excelWorkbook';

export type Cell = string | number | boolean;
type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const CELL_LIMIT = 5_000_000;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** What Excel shows for a string it took as a formula (e.g. "+49 170 1234567": a space is the intersection operator). */
export const FORMULA_ERROR = '#NAME?';
const OP_BYTES = 100;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

interface FormatArea {
  row: number;
  column: number;
  rows: number;
  columns: number;
  formats: string[][] | string;
}

/** A cell area of a sheet, as a chart refers to it. */
export interface FakeReference {
  sheet: FakeSheet;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface FakeSeries {
  name: string;
  values: FakeReference | null;
  xValues: FakeReference | null;
}

export interface FakeChartData {
  name: string;
  type: string;
  title: string;
  series: FakeSeries[];
  /** Top-left and bottom-right cell the chart covers. */
  position: { from: FakeReference; to: FakeReference | null } | null;
}

/** A data validation rule or a conditional format over an area of a sheet. */
export interface FakeRule {
  row: number;
  column: number;
  rows: number;
  columns: number;
  rule: string;
}

const cellKey = (row: number, column: number): string => `${row},${column}`;

export class FakeSheet {
  deleted = false;
  readonly charts: FakeChartData[] = [];
  visibility: Visibility = 'Visible';
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly names = new Map<string, string>();
  /** "row,column" → formula; the cell holds the formula's last value. Writing a value into the cell removes it. */
  readonly formulas = new Map<string, string>();
  /** "row,column" → note text. */
  readonly notes = new Map<string, string>();
  readonly validations: FakeRule[] = [];
  readonly conditionalFormats: FakeRule[] = [];
  /** Merged areas, 0-based like the API's indexes. */
  readonly merges: { row: number; column: number; rows: number; columns: number }[] = [];
  private readonly columns: Cell[][] = [];
  private readonly formatAreas: FormatArea[] = [];

  constructor(
    public name: string,
    readonly id: string,
    private readonly generated?: {
      rows: number;
      columns: number;
      cell: (row: number, column: number) => Cell;
    },
  ) {}

  cell(row: number, column: number): Cell {
    if (this.generated) {
      const { rows, columns, cell } = this.generated;
      return row < rows && column < columns ? cell(row, column) : '';
    }
    return this.columns[column]?.[row] ?? '';
  }

  numberFormat(row: number, column: number): string {
    for (let i = this.formatAreas.length - 1; i >= 0; i -= 1) {
      const area = this.formatAreas[i];
      const inside =
        row >= area.row &&
        row < area.row + area.rows &&
        column >= area.column &&
        column < area.column + area.columns;
      if (inside)
        return typeof area.formats === 'string'
          ? area.formats
          : area.formats[row - area.row][column - area.column];
    }
    return 'General';
  }

  setNumberFormats(row: number, column: number, formats: string[][]): void {
    const first = formats[0][0];
    const uniform = formats.every((line) => line.every((format) => format === first));
    this.formatAreas.push({
      row,
      column,
      rows: formats.length,
      columns: formats[0].length,
      formats: uniform ? first : formats,
    });
  }

  setValues(row: number, column: number, values: Cell[][]): void {
    if (this.generated) throw new Error('fakeExcel: writing into a generated sheet is not modelled');
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        this.columns[column + c] ??= [];
        this.columns[column + c][row + r] = this.asExcelStores(value, this.numberFormat(row + r, column + c));
        this.formulas.delete(cellKey(row + r, column + c));
      }),
    );
  }

  /** What a person types: a formula, shown with its value. */
  setFormula(row: number, column: number, formula: string, value: Cell): void {
    this.setValues(row, column, [[value]]);
    this.formulas.set(cellKey(row, column), formula);
  }

  formula(row: number, column: number): string | undefined {
    return this.formulas.get(cellKey(row, column));
  }

  /** Range.clear('Contents'): values and formulas go, formats, notes and rules stay. */
  clearContents(row: number, column: number, rows: number, columns: number): void {
    for (let c = column; c < column + columns; c += 1)
      for (let r = row; r < row + rows; r += 1) {
        if (this.columns[c]) this.columns[c][r] = '';
        this.formulas.delete(cellKey(r, c));
      }
  }

  /**
   * Range.delete('Up') on this sheet's cells: the rows `row`…`row + rows - 1` of the columns go, what is below in those
   * columns moves up; formulas, notes, formats and rules move with their cells, rules and formats over the deleted rows
   * shrink. Tables, merges and references are the workbook's business (FakeExcel.deleteShiftUp).
   */
  shiftUp(row: number, column: number, rows: number, columns: number): void {
    if (this.generated) throw new Error('fakeExcel: deleting in a generated sheet is not modelled');
    const inColumns = (c: number, width = 1) => c >= column && c + width <= column + columns;
    for (let c = column; c < column + columns; c += 1) if (this.columns[c]) this.columns[c].splice(row, rows);
    for (const map of [this.formulas, this.notes] as Map<string, string>[]) {
      const moved = [...map].flatMap(([key, value]): [string, string][] => {
        const [r, c] = key.split(',').map(Number);
        if (!inColumns(c) || r < row) return [[key, value]];
        return r < row + rows ? [] : [[cellKey(r - rows, c), value]];
      });
      map.clear();
      for (const [key, value] of moved) map.set(key, value);
    }
    const shrink = <T extends { row: number; rows: number }>(area: T): T | null => {
      const gone = Math.max(0, Math.min(area.row + area.rows, row + rows) - Math.max(area.row, row));
      if (area.row >= row + rows) return { ...area, row: area.row - rows };
      if (gone === 0) return area;
      if (gone === area.rows) return null;
      return { ...area, row: Math.min(area.row, row), rows: area.rows - gone };
    };
    for (const list of [this.validations, this.conditionalFormats]) {
      const kept = list.flatMap((rule) =>
        inColumns(rule.column, rule.columns) ? (shrink(rule) ?? []) : [rule],
      );
      list.splice(0, list.length, ...kept);
    }
    const formats = this.formatAreas.flatMap((area) => {
      if (!inColumns(area.column, area.columns)) return [area];
      const next = shrink(area);
      if (!next || typeof area.formats === 'string') return next ? [next] : [];
      const lines = area.formats.filter((_, i) => area.row + i < row || area.row + i >= row + rows);
      return [{ ...next, formats: lines }];
    });
    this.formatAreas.splice(0, this.formatAreas.length, ...formats);
  }

  /** Excel carries a table's validation and conditional formats into rows added at its end. */
  extendRules(lastRow: number, column: number, columns: number, added: number): void {
    for (const rule of [...this.validations, ...this.conditionalFormats]) {
      const inside = rule.column >= column && rule.column + rule.columns <= column + columns;
      if (inside && rule.row + rule.rows - 1 === lastRow) rule.rows += added;
    }
  }

  /** Bounds of the non-empty cells (Excel's used range with valuesOnly), or null for an empty sheet. */
  usedArea(): { row: number; column: number; rows: number; columns: number } | null {
    if (this.generated) {
      const { rows, columns } = this.generated;
      return rows && columns ? { row: 0, column: 0, rows, columns } : null;
    }
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    this.columns.forEach((cells, column) =>
      cells.forEach((value, row) => {
        if (value === '') return;
        [top, left] = [Math.min(top, row), Math.min(left, column)];
        [bottom, right] = [Math.max(bottom, row), Math.max(right, column)];
      }),
    );
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Excel reads a string written through `values` like typed input unless the cell is text-formatted. */
  private asExcelStores(value: Cell, format: string): Cell {
    if (typeof value !== 'string' || format === '@') return value;
    if (/^[+-]?\d+(\.\d+)?$/.test(value)) return Number(value);
    return /^[=+-]/.test(value) ? FORMULA_ERROR : value;
  }
}

export interface FakeReferenceCell {
  from: FakeSheet;
  row: number;
  column: number;
  to: FakeSheet;
  toRow: number;
  toColumn: number;
  /** The cell it referred to was deleted: it shows #REF!. */
  broken?: boolean;
}

interface FakeTableData {
  name: string;
  sheet: FakeSheet;
  row: number;
  column: number;
  rows: number;
  columns: number;
  /** Excel's defaults: a header row, no totals row. */
  showHeaders?: boolean;
  showTotals?: boolean;
  /** The column names; default: the header row's texts. */
  columnNames?: string[];
}

export interface FakeStats {
  syncs: number;
  /** Syncs that carried at least one operation to the host. */
  requests: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Syncs Office refused for exceeding the payload limit. */
  rejectedForSize: number;
}

interface Operation {
  bytes: number;
  apply: () => number | void; // returns response bytes for loads
}

const NOT_PROXIED = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', 'nodeType', 'tagName']);

/** Wraps a fake API object so that touching anything it does not model fails loudly. */
function strict<T extends object>(target: T, kind: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (
        typeof property === 'symbol' ||
        property in object ||
        NOT_PROXIED.has(property) ||
        property.startsWith('$$')
      )
        return Reflect.get(object, property, receiver);
      throw new Error(`fakeExcel: ${kind}.${property} is not modelled`);
    },
    set(object, property, value, receiver) {
      if (typeof property === 'symbol' || property in object)
        return Reflect.set(object, property, value, receiver);
      throw new Error(`fakeExcel: setting ${kind}.${String(property)} is not modelled`);
    },
  });
}

const jsonBytes = (value: unknown): number => JSON.stringify(value).length;
const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The state of the fake workbook plus the knobs tests turn. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTableData[] = [];
  active: FakeSheet | null = null;
  /** What Range.select() selected last: only on the active sheet, as Excel's UI shows one sheet. */
  selection: { sheet: string; row: number; column: number } | null = null;
  dateSystem: 1900 | 1904 = 1900;
  eventsEnabled = true;
  /** enableEvents as it was at each sync that wrote cell values. */
  readonly eventsDuringValueWrites: boolean[] = [];
  calculationSuspensions = 0;
  payloadLimitBytes = PAYLOAD_LIMIT_BYTES;
  /** The sync with this number (1-based, counted over the fake's life) fails with GeneralException. */
  failOnSync: number | null = null;
  /** Every sync from now on never settles, as Excel on the web sometimes does. */
  hang = false;
  readonly stats: FakeStats = {
    syncs: 0,
    requests: 0,
    largestRequestBytes: 0,
    largestResponseBytes: 0,
    rejectedForSize: 0,
  };

  /** Cells of other sheets that show a cell of a sheet, like ='Leads'!B2. */
  readonly references: FakeReferenceCell[] = [];
  private sheetsMade = 0;

  /** Excel's worksheet ids: stable for the sheet's life, whatever it is called. */
  newSheetId(): string {
    this.sheetsMade += 1;
    return `{00000000-0001-0000-C000-${String(this.sheetsMade).padStart(12, '0')}}`;
  }

  /** A formula on `from` at (row, column) referring to a cell of `to`. */
  refer(from: FakeSheet, row: number, column: number, to: FakeSheet, toRow: number, toColumn: number): void {
    this.references.push({ from, row, column, to, toRow, toColumn });
  }

  /** What a referring cell shows: the cell it refers to, or #REF! once that sheet was deleted. */
  referenceValue(reference: FakeReferenceCell): Cell {
    return reference.to.deleted || reference.broken
      ? '#REF!'
      : reference.to.cell(reference.toRow, reference.toColumn);
  }

  /**
   * Range.delete('Up') as Excel does it: refused when it would move part of a table, a table's header row or part of a
   * merged area; a table whose data rows go shrinks (keeping one empty row, as Excel keeps), tables, merges and
   * references below move up, references to deleted cells show #REF!.
   */
  deleteShiftUp(
    sheet: FakeSheet,
    area: { row: number; column: number; rows: number; columns: number },
  ): void {
    const end = area.column + area.columns;
    const crosses = (c: number, width: number) => c < end && area.column < c + width;
    const within = (c: number, width: number) => c >= area.column && c + width <= end;
    for (const table of this.tables.filter((t) => t.sheet === sheet)) {
      if (!crosses(table.column, table.columns) || table.row + table.rows <= area.row) continue;
      if (!within(table.column, table.columns))
        throw new FakeOfficeError('InvalidOperation', 'the operation would shift cells in a table');
      if ((table.showHeaders ?? true) && table.row >= area.row && table.row < area.row + area.rows)
        throw new FakeOfficeError('InvalidOperation', "a table's header row cannot be deleted this way");
    }
    for (const merge of sheet.merges)
      if (
        crosses(merge.column, merge.columns) &&
        !within(merge.column, merge.columns) &&
        merge.row + merge.rows > area.row
      )
        throw new FakeOfficeError('InvalidOperation', 'cannot change part of a merged cell');
    sheet.shiftUp(area.row, area.column, area.rows, area.columns);
    for (const table of this.tables.filter((t) => t.sheet === sheet && within(t.column, t.columns))) {
      if (table.row >= area.row + area.rows) table.row -= area.rows;
      else if (table.row + table.rows > area.row) {
        const gone = Math.min(table.row + table.rows, area.row + area.rows) - Math.max(table.row, area.row);
        table.rows = Math.max(table.rows - gone, 2);
      }
    }
    for (const merge of sheet.merges)
      if (within(merge.column, merge.columns) && merge.row >= area.row + area.rows) merge.row -= area.rows;
    for (const reference of this.references) {
      if (reference.to !== sheet || !within(reference.toColumn, 1) || reference.toRow < area.row) continue;
      if (reference.toRow < area.row + area.rows) reference.broken = true;
      else reference.toRow -= area.rows;
    }
  }

  addSheet(name: string, rows: Cell[][] = []): FakeSheet {
    const sheet = new FakeSheet(name, this.newSheetId());
    if (rows.length) sheet.setValues(0, 0, rows);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  /** An Excel table over an area of a sheet (0-based indexes), as a user made it. */
  addTable(sheet: FakeSheet, name: string, area: Omit<FakeTableData, 'name' | 'sheet'>): void {
    this.checkTableName(name);
    this.tables.push({ name, sheet, ...area });
  }

  /** A sheet whose cells are computed on read, so that a 1,048,576-row sheet costs no memory. */
  addGeneratedSheet(
    name: string,
    rows: number,
    columns: number,
    cell: (row: number, column: number) => Cell,
  ): FakeSheet {
    const sheet = new FakeSheet(name, this.newSheetId(), { rows, columns, cell });
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sameName(sheet.name, name));
  }

  resetStats(): void {
    Object.assign(this.stats, {
      syncs: 0,
      requests: 0,
      largestRequestBytes: 0,
      largestResponseBytes: 0,
      rejectedForSize: 0,
    });
  }

  readonly run: RunBatch = async (batch) => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending()) await context.sync();
    return result;
  };

  /** Runs one batch: the size checks first (Office rejects the whole request), then the operations in order. */
  async execute(operations: Operation[]): Promise<void> {
    this.stats.syncs += 1;
    if (this.hang) return new Promise(() => undefined);
    if (operations.length) this.stats.requests += 1;
    const requestBytes = operations.reduce((sum, operation) => sum + operation.bytes, 0);
    if (this.failOnSync === this.stats.syncs)
      throw new FakeOfficeError('GeneralException', 'injected failure');
    if (requestBytes > this.payloadLimitBytes) {
      this.stats.rejectedForSize += 1;
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded');
    }
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, requestBytes);
    let responseBytes = 0;
    for (const operation of operations) responseBytes += operation.apply() ?? 0;
    if (responseBytes > this.payloadLimitBytes) {
      this.stats.rejectedForSize += 1;
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded');
    }
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
  }

  liveSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => !sheet.deleted && sameName(sheet.name, name));
  }

  checkSheetName(name: string, except?: FakeSheet): void {
    if (!name.trim() || name.length > 31 || /[:\\/?*[\]]/.test(name) || sameName(name, 'History'))
      throw new FakeOfficeError('InvalidArgument', `invalid sheet name ${name}`);
    const other = this.liveSheet(name);
    if (other && other !== except) throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name} exists`);
  }

  checkTableName(name: string, except?: FakeTableData): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name))
      throw new FakeOfficeError('InvalidArgument', `invalid table name ${name}`);
    if (this.tables.some((table) => table !== except && sameName(table.name, name)))
      throw new FakeOfficeError('ItemAlreadyExists', `table ${name} exists`);
  }

  visibleSheets(): FakeSheet[] {
    return this.sheets.filter((sheet) => !sheet.deleted && sheet.visibility === 'Visible');
  }
}

/** A loadable proxy: properties are readable only after load() and sync(). */
class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  /** Set by sync for OrNullObject proxies. */
  protected nullState: boolean | undefined;

  constructor(
    protected readonly context: FakeContext,
    private readonly kind: string,
  ) {}

  protected read<T>(property: string): T {
    if (!this.loaded.has(property))
      throw new FakeOfficeError('PropertyNotLoaded', `${this.kind}.${property} was not loaded and synced`);
    return this.loaded.get(property) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined)
      throw new FakeOfficeError('PropertyNotLoaded', `${this.kind}.isNullObject before sync`);
    return this.nullState;
  }

  protected properties(names: string): string[] {
    return names.split(',').map((name) => name.trim());
  }
}

class FakeContext {
  private queue: Operation[] = [];
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;

  constructor(readonly excel: FakeExcel) {
    this.workbook = strict(new FakeWorkbook(this), 'Workbook');
    this.runtime = strict(new FakeRuntime(this), 'Runtime');
  }

  enqueue(apply: Operation['apply'], bytes = OP_BYTES): void {
    this.queue.push({ apply, bytes });
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    await this.excel.execute(operations);
  }
}

class FakeRuntime {
  constructor(private readonly context: FakeContext) {}

  set enableEvents(value: boolean) {
    this.context.enqueue(() => {
      this.context.excel.eventsEnabled = value;
    });
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly functions: FakeFunctions;
  readonly application: FakeApplication;

  constructor(context: FakeContext) {
    this.worksheets = strict(new FakeWorksheetCollection(context), 'WorksheetCollection');
    this.tables = strict(new FakeTableCollection(context, null), 'TableCollection');
    this.functions = strict(new FakeFunctions(context), 'Functions');
    this.application = strict(new FakeApplication(context), 'Application');
  }
}

class FakeApplication {
  constructor(private readonly context: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue(() => {
      this.context.excel.calculationSuspensions += 1;
    });
  }
}

class FakeFunctions {
  constructor(private readonly context: FakeContext) {}

  date(year: number, month: number, day: number): FakeFunctionResult {
    const result = strict(new FakeFunctionResult(this.context), 'FunctionResult');
    this.context.enqueue(() => {
      const serial1900 = Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
      result.resolve(this.context.excel.dateSystem === 1904 ? serial1900 - 1_462 : serial1900);
    });
    return result;
  }
}

class FakeFunctionResult extends ClientObject {
  private wanted = false;

  constructor(context: FakeContext) {
    super(context, 'FunctionResult');
  }

  load(names: string): this {
    if (names !== 'value') throw new Error(`fakeExcel: FunctionResult.load(${names}) is not modelled`);
    this.wanted = true;
    return this;
  }

  resolve(value: number): void {
    if (this.wanted) this.loaded.set('value', value);
  }

  get value(): number {
    return this.read('value');
  }
}

class FakeWorksheetCollection extends ClientObject {
  constructor(context: FakeContext) {
    super(context, 'WorksheetCollection');
  }

  get items(): FakeWorksheet[] {
    return this.read('items');
  }

  load(names: string): this {
    const wanted = this.properties(names).map((name) => name.replace(/^items\//, ''));
    this.context.enqueue(() => {
      const live = this.context.excel.sheets.filter((sheet) => !sheet.deleted);
      const items = live.map((sheet) => FakeWorksheet.bound(this.context, sheet, wanted));
      this.loaded.set('items', items);
      return jsonBytes(items.map((item) => item.snapshot()));
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return FakeWorksheet.lookup(this.context, () => {
      const sheet = this.context.excel.liveSheet(name);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `sheet ${name} not found`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return FakeWorksheet.lookup(this.context, () => this.context.excel.liveSheet(name) ?? null);
  }

  add(name: string): FakeWorksheet {
    return FakeWorksheet.lookup(this.context, () => {
      this.context.excel.checkSheetName(name);
      const sheet = new FakeSheet(name, this.context.excel.newSheetId());
      this.context.excel.sheets.push(sheet);
      return sheet;
    });
  }
}

class FakeWorksheet extends ClientObject {
  private sheet: FakeSheet | null | undefined;
  private wanted: string[] = [];

  private constructor(context: FakeContext) {
    super(context, 'Worksheet');
  }

  /** A proxy resolved when its place in the queue is reached, as Office resolves getItem/add. */
  static lookup(context: FakeContext, find: () => FakeSheet | null): FakeWorksheet {
    const proxy = new FakeWorksheet(context);
    context.enqueue(() => {
      proxy.sheet = find();
      proxy.nullState = proxy.sheet === null;
    });
    return strict(proxy, 'Worksheet');
  }

  static bound(context: FakeContext, sheet: FakeSheet, wanted: string[]): FakeWorksheet {
    const proxy = new FakeWorksheet(context);
    proxy.sheet = sheet;
    proxy.nullState = false;
    proxy.wanted = wanted;
    proxy.snapshotInto();
    return strict(proxy, 'Worksheet');
  }

  /** The sheet behind the proxy at apply time; operations on a null object fail like in Office. */
  target(): FakeSheet {
    if (!this.sheet || this.sheet.deleted)
      throw new FakeOfficeError('ItemNotFound', 'worksheet does not exist');
    return this.sheet;
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  private snapshotInto(): void {
    const sheet = this.target();
    const values: Record<string, unknown> = {
      name: sheet.name,
      id: sheet.id,
      visibility: sheet.visibility,
      position: this.context.excel.sheets.filter((other) => !other.deleted).indexOf(sheet),
    };
    for (const name of this.wanted) {
      if (!(name in values)) throw new Error(`fakeExcel: Worksheet.load(${name}) is not modelled`);
      this.loaded.set(name, values[name]);
    }
  }

  load(names: string): this {
    this.context.enqueue(() => {
      this.wanted = this.properties(names);
      if (this.sheet === null) return 0;
      this.snapshotInto();
      return jsonBytes(this.snapshot());
    });
    return this;
  }

  get name(): string {
    return this.read('name');
  }

  set name(name: string) {
    this.context.enqueue(() => {
      const sheet = this.target();
      this.context.excel.checkSheetName(name, sheet);
      sheet.name = name;
    });
  }

  get id(): string {
    return this.read('id');
  }

  get visibility(): Visibility {
    return this.read('visibility');
  }

  set visibility(visibility: Visibility) {
    this.context.enqueue(() => {
      const sheet = this.target();
      const lastVisible = this.context.excel.visibleSheets().length === 1 && sheet.visibility === 'Visible';
      if (visibility !== 'Visible' && lastVisible)
        throw new FakeOfficeError('InvalidOperation', 'the last visible sheet cannot be hidden');
      sheet.visibility = visibility;
    });
  }

  get position(): number {
    return this.read('position');
  }

  set position(position: number) {
    this.context.enqueue(() => {
      const sheets = this.context.excel.sheets;
      const sheet = this.target();
      sheets.splice(sheets.indexOf(sheet), 1);
      const live = sheets.filter((other) => !other.deleted);
      const before = live[position];
      sheets.splice(before ? sheets.indexOf(before) : sheets.length, 0, sheet);
    });
  }

  // Office returns the same navigation object on every access, so what one access loads the next can read.
  private navigation = new Map<string, object>();

  private cached<T extends object>(key: string, create: () => T): T {
    if (!this.navigation.has(key)) this.navigation.set(key, create());
    return this.navigation.get(key) as T;
  }

  get names(): FakeNamedItemCollection {
    return this.cached('names', () =>
      strict(new FakeNamedItemCollection(this.context, this), 'NamedItemCollection'),
    );
  }

  get tables(): FakeTableCollection {
    return this.cached('tables', () =>
      strict(new FakeTableCollection(this.context, this), 'TableCollection'),
    );
  }

  get charts(): FakeChartCollection {
    return this.cached('charts', () =>
      strict(new FakeChartCollection(this.context, this), 'ChartCollection'),
    );
  }

  get freezePanes(): { freezeRows: (count: number) => void } {
    return this.cached('freezePanes', () =>
      strict(
        {
          freezeRows: (count: number) =>
            this.context.enqueue(() => {
              this.target().frozenRows = count;
            }),
        },
        'WorksheetFreezePanes',
      ),
    );
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    if (
      row < 0 ||
      column < 0 ||
      rows < 1 ||
      columns < 1 ||
      row + rows > MAX_ROWS ||
      column + columns > MAX_COLUMNS
    )
      throw new FakeOfficeError(
        'InvalidArgument',
        `range ${row},${column},${rows},${columns} is outside the sheet`,
      );
    return FakeRange.at(this.context, this, () => ({ row, column, rows, columns }));
  }

  getUsedRangeOrNullObject(valuesOnly: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error('fakeExcel: only the values-only used range is modelled');
    return FakeRange.at(this.context, this, () => this.target().usedArea());
  }

  delete(): void {
    this.context.enqueue(() => {
      const excel = this.context.excel;
      const sheet = this.target();
      const others = excel.sheets.filter((other) => !other.deleted && other !== sheet);
      if (!others.some((other) => other.visibility === 'Visible'))
        throw new FakeOfficeError('InvalidOperation', 'a workbook needs a visible sheet');
      sheet.deleted = true;
      excel.sheets.splice(excel.sheets.indexOf(sheet), 1);
      excel.tables.splice(0, excel.tables.length, ...excel.tables.filter((table) => table.sheet !== sheet));
      if (excel.active === sheet) excel.active = excel.visibleSheets()[0];
    });
  }

  activate(): void {
    this.context.enqueue(() => {
      const sheet = this.target();
      if (sheet.visibility !== 'Visible')
        throw new FakeOfficeError('InvalidOperation', 'a hidden sheet cannot be active');
      this.context.excel.active = sheet;
    });
  }
}

interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

class FakeRange extends ClientObject {
  private area: Area | null | undefined;

  private constructor(
    context: FakeContext,
    readonly worksheet: FakeWorksheet,
  ) {
    super(context, 'Range');
  }

  static at(context: FakeContext, worksheet: FakeWorksheet, locate: () => Area | null): FakeRange {
    const range = new FakeRange(context, worksheet);
    context.enqueue(() => {
      range.area = locate();
      range.nullState = range.area === null;
    });
    return strict(range, 'Range');
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.resolved();
      if (this.context.excel.active !== sheet)
        throw new FakeOfficeError('InvalidSelection', 'only a range on the active sheet can be selected');
      this.context.excel.selection = { sheet: sheet.name, row: area.row, column: area.column };
    });
  }

  resolved(): { sheet: FakeSheet; area: Area } {
    if (!this.area) throw new FakeOfficeError('ItemNotFound', 'range does not exist');
    return { sheet: this.worksheet.target(), area: this.area };
  }

  load(names: string): this {
    const wanted = this.properties(names);
    this.context.enqueue(() => {
      if (this.area === null) return 0;
      const { sheet, area } = this.resolved();
      const loaders: Record<string, () => unknown> = {
        rowIndex: () => area.row,
        columnIndex: () => area.column,
        rowCount: () => area.rows,
        columnCount: () => area.columns,
        values: () => (area.rows * area.columns > CELL_LIMIT ? null : this.grid((r, c) => sheet.cell(r, c))),
        numberFormat: () => this.grid((r, c) => sheet.numberFormat(r, c)),
      };
      let bytes = 0;
      for (const name of wanted) {
        if (!loaders[name]) throw new Error(`fakeExcel: Range.load(${name}) is not modelled`);
        const value = loaders[name]();
        this.loaded.set(name, value);
        bytes += jsonBytes(value);
      }
      return bytes;
    });
    return this;
  }

  private grid<T>(cell: (row: number, column: number) => T): T[][] {
    const { area } = this.resolved();
    const grid: T[][] = new Array(area.rows);
    for (let r = 0; r < area.rows; r += 1) {
      const line: T[] = new Array(area.columns);
      for (let c = 0; c < area.columns; c += 1) line[c] = cell(area.row + r, area.column + c);
      grid[r] = line;
    }
    return grid;
  }

  private checkShape(values: unknown[][], property: string): void {
    const { area } = this.resolved();
    if (
      !Array.isArray(values) ||
      values.length !== area.rows ||
      values.some((row) => row.length !== area.columns)
    )
      throw new FakeOfficeError('InvalidArgument', `${property}: the array does not match the range's size`);
  }

  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  get values(): Cell[][] | null {
    return this.read('values');
  }

  set values(values: Cell[][]) {
    this.context.enqueue(() => {
      this.checkShape(values, 'values');
      if (values.some((row) => row.some((value) => value === null || value === undefined)))
        throw new FakeOfficeError('InvalidArgument', 'values: null or undefined in the array');
      const { sheet, area } = this.resolved();
      sheet.setValues(area.row, area.column, values);
      this.context.excel.eventsDuringValueWrites.push(this.context.excel.eventsEnabled);
    }, jsonBytes(values));
  }

  delete(shift: string): void {
    if (shift !== 'Up') throw new Error(`fakeExcel: Range.delete(${shift}) is not modelled`);
    this.context.enqueue(() => {
      const { sheet, area } = this.resolved();
      this.context.excel.deleteShiftUp(sheet, area);
    });
  }

  clear(applyTo: string): void {
    if (applyTo !== 'Contents') throw new Error(`fakeExcel: Range.clear(${applyTo}) is not modelled`);
    this.context.enqueue(() => {
      const { sheet, area } = this.resolved();
      sheet.clearContents(area.row, area.column, area.rows, area.columns);
    });
  }

  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }

  set numberFormat(formats: string[][]) {
    this.context.enqueue(() => {
      this.checkShape(formats, 'numberFormat');
      const { sheet, area } = this.resolved();
      sheet.setNumberFormats(area.row, area.column, formats);
    }, jsonBytes(formats));
  }

  getMergedAreasOrNullObject(): ClientObject & { load(names: string): unknown; address: string } {
    const resolve = () => this.resolved();
    const context = this.context;
    const areas = new (class extends ClientObject {
      address = '';
      load(names: string): this {
        if (names !== 'address') throw new Error(`fakeExcel: RangeAreas.load(${names}) is not modelled`);
        context.enqueue(() => {
          const { sheet, area } = resolve();
          const inside = sheet.merges.filter(
            (merge) =>
              merge.row < area.row + area.rows &&
              area.row < merge.row + merge.rows &&
              merge.column < area.column + area.columns &&
              area.column < merge.column + merge.columns,
          );
          this.nullState = inside.length === 0;
          this.address = inside.map((merge) => `${sheet.name}!${a1(merge)}`).join(',');
          return jsonBytes(this.address);
        });
        return this;
      }
    })(this.context, 'RangeAreas');
    return strict(areas, 'RangeAreas');
  }

  get format(): { columnWidth: number } {
    const enqueue = (apply: () => void) => this.context.enqueue(apply);
    const resolved = () => this.resolved();
    return strict(
      {
        set columnWidth(points: number) {
          enqueue(() => {
            const { sheet, area } = resolved();
            for (let c = area.column; c < area.column + area.columns; c += 1)
              sheet.columnWidths.set(c, points);
          });
        },
        get columnWidth(): number {
          throw new Error('fakeExcel: reading RangeFormat.columnWidth is not modelled');
        },
      },
      'RangeFormat',
    );
  }
}

const columnName = (index: number): string => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** "B1:C1" of a 0-based area. */
const a1 = (area: { row: number; column: number; rows: number; columns: number }): string =>
  `${columnName(area.column)}${area.row + 1}:${columnName(area.column + area.columns - 1)}${area.row + area.rows}`;

class FakeTableCollection extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(context, 'TableCollection');
  }

  get items(): FakeTableItem[] {
    return this.read('items');
  }

  load(names: string): this {
    const layout = names === 'items/name,items/showHeaders,items/showTotals';
    if (names !== 'items/name' && !layout)
      throw new Error(`fakeExcel: TableCollection.load(${names}) is not modelled`);
    this.context.enqueue(() => {
      const sheet = this.worksheet?.target();
      const tables = this.context.excel.tables.filter((table) => !sheet || table.sheet === sheet);
      const items = tables.map((table) => this.item(table, layout));
      this.loaded.set('items', items);
      return jsonBytes(items.map(({ name }) => name));
    });
    return this;
  }

  getItem(name: string): FakeTable {
    if (!this.worksheet) throw new Error('fakeExcel: workbook.tables.getItem is not modelled');
    const table = strict(new FakeTable(this.context, this.worksheet), 'Table');
    this.context.enqueue(() => {
      const sheet = this.worksheet!.target();
      const found = this.context.excel.tables.find((t) => t.sheet === sheet && sameName(t.name, name));
      if (!found) throw new FakeOfficeError('ItemNotFound', `table ${name} not found`);
      table.data = found;
    });
    return table;
  }

  private item(table: FakeTableData, layout: boolean): FakeTableItem {
    if (!layout) return strict({ name: table.name }, 'Table') as FakeTableItem;
    const context = this.context;
    const worksheet = this.worksheet;
    const columnNames = (): string[] =>
      table.columnNames ??
      Array.from({ length: table.columns }, (_, c) => String(table.sheet.cell(table.row, table.column + c)));
    return strict(
      {
        name: table.name,
        showHeaders: table.showHeaders ?? true,
        showTotals: table.showTotals ?? false,
        getRange: () => {
          if (!worksheet)
            throw new Error('fakeExcel: Table.getRange of a workbook-level item is not modelled');
          return FakeRange.at(context, worksheet, () => ({ ...table }));
        },
        columns: strict(new FakeTableColumns(context, columnNames), 'TableColumnCollection'),
      },
      'Table',
    );
  }

  add(range: FakeRange, hasHeaders: boolean): FakeTable {
    if (!this.worksheet || hasHeaders !== true)
      throw new Error('fakeExcel: only sheet.tables.add(range, true) is modelled');
    const table = strict(new FakeTable(this.context, this.worksheet), 'Table');
    this.context.enqueue(() => {
      const { sheet, area } = range.resolved();
      if (sheet !== this.worksheet?.target())
        throw new FakeOfficeError('InvalidArgument', 'range on another sheet');
      const excel = this.context.excel;
      const overlaps = excel.tables.some(
        (other) =>
          other.sheet === sheet &&
          other.row < area.row + area.rows &&
          area.row < other.row + other.rows &&
          other.column < area.column + area.columns &&
          area.column < other.column + other.columns,
      );
      if (overlaps) throw new FakeOfficeError('InvalidOperation', 'tables cannot overlap');
      let n = excel.tables.length + 1;
      while (excel.tables.some((other) => sameName(other.name, `Table${n}`))) n += 1;
      table.data = { name: `Table${n}`, sheet, ...area };
      excel.tables.push(table.data);
    });
    return table;
  }
}

interface FakeTableItem {
  name: string;
  showHeaders: boolean;
  showTotals: boolean;
  getRange(): FakeRange;
  columns: FakeTableColumns;
}

class FakeTableColumns extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly names: () => string[],
  ) {
    super(context, 'TableColumnCollection');
  }

  get items(): { name: string }[] {
    return this.read('items');
  }

  load(names: string): this {
    if (names !== 'items/name')
      throw new Error(`fakeExcel: TableColumnCollection.load(${names}) is not modelled`);
    this.context.enqueue(() => {
      const items = this.names().map((name) => ({ name }));
      this.loaded.set('items', items);
      return jsonBytes(items);
    });
    return this;
  }
}

class FakeTable {
  data: FakeTableData | undefined;
  readonly rows: { add: (index: number | null | undefined, values: Cell[][]) => void };

  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet | null = null,
  ) {
    this.rows = strict({ add: (index, values) => this.addRows(index, values) }, 'TableRowCollection');
  }

  target(): FakeTableData {
    if (!this.data || !this.context.excel.tables.includes(this.data))
      throw new FakeOfficeError('ItemNotFound', 'table does not exist');
    return this.data;
  }

  set name(name: string) {
    this.context.enqueue(() => {
      const table = this.target();
      this.context.excel.checkTableName(name, table);
      table.name = name;
    });
  }

  getRange(): FakeRange {
    if (!this.worksheet)
      throw new Error('fakeExcel: Table.getRange() is modelled for sheet.tables.getItem only');
    return FakeRange.at(this.context, this.worksheet, () => {
      const { row, column, rows, columns } = this.target();
      return { row, column, rows, columns };
    });
  }

  /** The table goes, its cells and their formats stay. */
  convertToRange(): void {
    this.context.enqueue(() => {
      const table = this.target();
      const tables = this.context.excel.tables;
      tables.splice(tables.indexOf(table), 1);
    });
  }

  /**
   * Rows at the end of the table, as Excel adds them: the new rows take the number formats of the table's last row,
   * the table's validation and conditional formats grow with it. Cells below the table must be empty (Excel would
   * shift them down; not modelled).
   */
  private addRows(index: number | null | undefined, values: Cell[][]): void {
    if (index !== null && index !== undefined)
      throw new Error('fakeExcel: TableRowCollection.add at an index is not modelled');
    this.context.enqueue(() => {
      const table = this.target();
      if (values.some((row) => row.length !== table.columns))
        throw new FakeOfficeError('InvalidArgument', 'rows.add: the rows do not match the table width');
      const top = table.row + table.rows;
      for (let r = 0; r < values.length; r += 1)
        for (let c = 0; c < table.columns; c += 1)
          if (table.sheet.cell(top + r, table.column + c) !== '')
            throw new Error('fakeExcel: rows.add over cells below the table is not modelled');
      const formats = Array.from({ length: table.columns }, (_, c) =>
        table.rows > 1 ? table.sheet.numberFormat(top - 1, table.column + c) : 'General',
      );
      table.sheet.setNumberFormats(
        top,
        table.column,
        values.map(() => formats),
      );
      table.sheet.setValues(top, table.column, values);
      table.sheet.extendRules(top - 1, table.column, table.columns, values.length);
      table.rows += values.length;
      this.context.excel.eventsDuringValueWrites.push(this.context.excel.eventsEnabled);
    }, jsonBytes(values));
  }
}

class FakeNamedItemCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  add(name: string, reference: string): void {
    this.context.enqueue(() => {
      const names = this.worksheet.target().names;
      if ([...names.keys()].some((other) => sameName(other, name)))
        throw new FakeOfficeError('ItemAlreadyExists', `name ${name} exists`);
      names.set(name, reference);
    });
  }

  getItemOrNullObject(name: string): ClientObject {
    const item = new (class extends ClientObject {
      settle(exists: boolean) {
        this.nullState = !exists;
      }
    })(this.context, 'NamedItem');
    this.context.enqueue(() => {
      const names = this.worksheet.target().names;
      item.settle([...names.keys()].some((other) => sameName(other, name)));
    });
    return strict(item, 'NamedItem');
  }
}

/** The chart types of Excel.ChartType the adapter could plausibly ask for; any other string is refused like in Office. */
const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'BarClustered', 'Line', 'Pie', 'XYScatter']);
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

/** A range a chart may refer to: it must exist when the chart is built, on a sheet that is still there. */
const reference = (range: FakeRange): FakeReference => {
  const { sheet, area } = range.resolved();
  return { sheet, ...area };
};

/** Series values and x-axis values come from one row or one column, as in Office. */
const seriesReference = (range: FakeRange, method: string): FakeReference => {
  const ref = reference(range);
  if (ref.rows !== 1 && ref.columns !== 1)
    throw new FakeOfficeError('InvalidArgument', `${method}: the range must be a single row or column`);
  return ref;
};

class FakeChartCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    const chart = strict(new FakeChart(this.context, this.worksheet), 'Chart');
    this.context.enqueue(() => {
      if (!CHART_TYPES.has(type) || !SERIES_BY.has(seriesBy))
        throw new FakeOfficeError('InvalidArgument', `chart type ${type} or seriesBy ${seriesBy}`);
      const source = reference(sourceData);
      const byRows = seriesBy === 'Rows';
      const count = byRows ? source.rows : source.columns;
      const series = Array.from({ length: count }, (_, i) => ({
        name: `Series${i + 1}`,
        values: byRows
          ? { ...source, row: source.row + i, rows: 1 }
          : { ...source, column: source.column + i, columns: 1 },
        xValues: null,
      }));
      const charts = this.worksheet.target().charts;
      chart.data = { name: `Chart ${charts.length + 1}`, type, title: '', series, position: null };
      charts.push(chart.data);
    });
    return chart;
  }

  get items(): { name: string }[] {
    if (!this.loadedItems) throw new FakeOfficeError('PropertyNotLoaded', 'ChartCollection.items');
    return this.loadedItems;
  }

  private loadedItems: { name: string }[] | undefined;

  load(names: string): this {
    if (names !== 'items/name') throw new Error(`fakeExcel: ChartCollection.load(${names}) is not modelled`);
    this.context.enqueue(() => {
      this.loadedItems = this.worksheet.target().charts.map((chart) => strict({ name: chart.name }, 'Chart'));
      return jsonBytes(this.loadedItems);
    });
    return this;
  }

  getItem(name: string): { delete: () => void } {
    return strict(
      {
        delete: () =>
          this.context.enqueue(() => {
            const charts = this.worksheet.target().charts;
            const index = charts.findIndex((chart) => chart.name === name);
            if (index < 0) throw new FakeOfficeError('ItemNotFound', `chart ${name} not found`);
            charts.splice(index, 1);
          }),
      },
      'Chart',
    );
  }
}

class FakeChart {
  data: FakeChartData | undefined;
  readonly title: { text: string };
  readonly series: FakeSeriesCollection;

  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    const chart = () => this.target();
    const enqueue = (apply: () => void) => context.enqueue(apply);
    this.title = strict(
      {
        set text(text: string) {
          enqueue(() => {
            chart().title = text;
          });
        },
        get text(): string {
          throw new Error('fakeExcel: reading ChartTitle.text is not modelled');
        },
      },
      'ChartTitle',
    );
    this.series = strict(new FakeSeriesCollection(context, chart), 'ChartSeriesCollection');
  }

  set name(name: string) {
    this.context.enqueue(() => {
      this.target().name = name;
    });
  }

  target(): FakeChartData {
    if (!this.data || !this.worksheet.target().charts.includes(this.data))
      throw new FakeOfficeError('ItemNotFound', 'chart does not exist');
    return this.data;
  }

  setPosition(startCell: FakeRange, endCell?: FakeRange): void {
    this.context.enqueue(() => {
      const chart = this.target();
      const from = reference(startCell);
      const to = endCell ? reference(endCell) : null;
      const own = this.worksheet.target();
      if (from.sheet !== own || (to && to.sheet !== own))
        throw new FakeOfficeError('InvalidArgument', 'a chart is positioned on its own sheet');
      chart.position = { from, to };
    });
  }
}

class FakeSeriesCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly chart: () => FakeChartData,
  ) {}

  getItemAt(index: number): FakeChartSeries {
    return strict(
      new FakeChartSeries(this.context, () => {
        const series = this.chart().series[index];
        if (!series) throw new FakeOfficeError('ItemNotFound', `no series at ${index}`);
        return series;
      }),
      'ChartSeries',
    );
  }

  add(name?: string): FakeChartSeries {
    let added: FakeSeries | undefined;
    this.context.enqueue(() => {
      const series = this.chart().series;
      added = { name: name ?? `Series${series.length + 1}`, values: null, xValues: null };
      series.push(added);
    });
    return strict(
      new FakeChartSeries(this.context, () => {
        if (!added) throw new FakeOfficeError('ItemNotFound', 'series does not exist');
        return added;
      }),
      'ChartSeries',
    );
  }
}

class FakeChartSeries {
  constructor(
    private readonly context: FakeContext,
    private readonly series: () => FakeSeries,
  ) {}

  set name(name: string) {
    this.context.enqueue(() => {
      this.series().name = name;
    });
  }

  setValues(range: FakeRange): void {
    this.context.enqueue(() => {
      this.series().values = seriesReference(range, 'setValues');
    });
  }

  setXAxisValues(range: FakeRange): void {
    this.context.enqueue(() => {
      this.series().xValues = seriesReference(range, 'setXAxisValues');
    });
  }
}
