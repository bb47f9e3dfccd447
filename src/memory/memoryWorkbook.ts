import type { CellValue, SheetTable } from '../core/kernel/sheetTable';
import type {
  DeletedRows,
  DeleteRowsRequest,
  SheetInfo,
  SheetVisibility,
  UpdateTableRequest,
  WorkbookPort,
  WriteTableRequest,
} from '../core/workbook/workbookPort';
import { WorkbookError } from '../core/workbook/workbookError';
import { deletionColumns, rowBelow, updateCells, withCells, withoutRows } from '../core/workbook/sheetUpdate';

export interface MemorySheet {
  /** Stable while the sheet lives, like Excel's worksheet id. */
  id: string;
  table: SheetTable;
  visibility: SheetVisibility;
  /** Name of the Excel table on the sheet, if written as one; it covers the rows from its header down. */
  tableName?: string;
  textColumns: number[];
  /** Number format codes by column, as written. */
  numberFormats: Record<number, string>;
}

export const PORT_OPERATIONS = [
  'listSheets',
  'readSheet',
  'writeTable',
  'updateTable',
  'deleteRows',
  'deleteSheet',
  'showRow',
] as const;
export type PortOperation = (typeof PORT_OPERATIONS)[number];

/** A host failure to play: an operation, on every sheet or on one ("writeTable:KampagnenDaten"). */
export interface PlayedFailure {
  operation: PortOperation;
  sheet?: string;
}

/** "writeTable:KampagnenDaten,readSheet" as failures to play; unknown operations are left out. */
export const parseFailures = (spec: string): PlayedFailure[] =>
  spec
    .split(',')
    .map((part) => part.trim().split(':'))
    .filter(([operation]) => (PORT_OPERATIONS as readonly string[]).includes(operation))
    .map(([operation, sheet]) => ({ operation: operation as PortOperation, ...(sheet ? { sheet } : {}) }));

/** The workbook port in memory: for tests and the browser preview. */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemorySheet>();
  activeSheet: string | null = null;
  /** The cell a person would see selected: where showRow went last. */
  selection: { sheet: string; row: number } | null = null;
  /**
   * Operations that fail as Excel's do through the Office.js adapter (a WorkbookError 'hostError' naming the sheet),
   * so the preview and the browser run can provoke every failure path of the pane and lift it again.
   */
  failures: PlayedFailure[] = [];
  private nextId = 1;

  constructor(tables: SheetTable[] = []) {
    for (const table of tables) this.sheets.set(table.name, this.newSheet(table, 'visible'));
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.failIfPlayed('listSheets');
    return [...this.sheets.values()].map(infoOf);
  }

  async readSheet(name: string): Promise<SheetTable> {
    this.failIfPlayed('readSheet', name);
    const sheet = this.find(name);
    if (!sheet) throw new WorkbookError('sheetNotFound', name);
    return sheet.table;
  }

  async writeTable({
    sheet,
    tableName,
    data,
    visibility = 'visible',
    activate,
  }: WriteTableRequest): Promise<SheetInfo> {
    this.failIfPlayed('writeTable', sheet);
    const existing = this.find(sheet);
    const name = existing?.table.name ?? sheet;
    const rows = [data.headers, ...data.rows.map((row) => [...row])];
    const written: MemorySheet = {
      id: existing?.id ?? this.freshId(),
      table: { name, rows },
      visibility,
      tableName: existing?.tableName ?? tableName,
      textColumns: [...data.textColumns],
      numberFormats: { ...data.numberFormats },
    };
    this.sheets.set(name, written);
    if (activate) this.activeSheet = name;
    return infoOf(written);
  }

  /** The table covers the rows from its header down: appended rows go below the last row. */
  async updateTable(request: UpdateTableRequest): Promise<SheetInfo> {
    this.failIfPlayed('updateTable', request.sheet);
    const target = this.find(request.sheet);
    if (!target) throw new WorkbookError('sheetNotFound', request.sheet);
    target.table = withCells(target.table, updateCells(request, rowBelow(target.table)));
    return infoOf(target);
  }

  /** The rows go and the rows below move up, in the table's columns (the memory table spans the sheet). */
  async deleteRows({ sheet, tableName, rows }: DeleteRowsRequest): Promise<DeletedRows> {
    this.failIfPlayed('deleteRows', sheet);
    const target = this.find(sheet);
    if (!target) throw new WorkbookError('sheetNotFound', sheet);
    const area = deletionColumns(target.table, tableName ?? target.tableName);
    const inside = area ? rows.filter((row) => row >= area.top && row <= area.bottom) : [];
    if (area && inside.length > 0) target.table = withoutRows(target.table, inside, area.left, area.right);
    return { how: 'deleted', rows: new Set(inside).size };
  }

  async deleteSheet(name: string): Promise<void> {
    this.failIfPlayed('deleteSheet', name);
    const sheet = this.find(name);
    if (sheet) this.sheets.delete(sheet.table.name);
  }

  async showRow(sheet: string, row: number): Promise<void> {
    this.failIfPlayed('showRow', sheet);
    const target = this.find(sheet);
    if (!target) throw new WorkbookError('sheetNotFound', sheet);
    this.activeSheet = target.table.name;
    this.selection = { sheet: target.table.name, row };
  }

  /** What a person types into a cell (0-based place in the rows a read returns): a new value, nothing else. */
  editCell(name: string, row: number, column: number, value: CellValue): void {
    const sheet = this.find(name);
    if (!sheet) throw new WorkbookError('sheetNotFound', name);
    const rows = sheet.table.rows.map((cells) => [...cells]);
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= column) rows[row].push(null);
    rows[row][column] = value;
    sheet.table = { ...sheet.table, rows };
  }

  /** What a person does in Excel: the sheet keeps its id and its table. */
  renameSheet(name: string, newName: string): void {
    const sheet = this.find(name);
    if (!sheet) throw new WorkbookError('sheetNotFound', name);
    this.sheets.delete(sheet.table.name);
    sheet.table = { ...sheet.table, name: newName };
    this.sheets.set(newName, sheet);
  }

  private failIfPlayed(operation: PortOperation, sheet?: string): void {
    const played = this.failures.some(
      (f) =>
        f.operation === operation &&
        (f.sheet === undefined || f.sheet.toLowerCase() === sheet?.toLowerCase()),
    );
    if (played) throw new WorkbookError('hostError', sheet);
  }

  private newSheet(table: SheetTable, visibility: SheetVisibility): MemorySheet {
    return { id: this.freshId(), table, visibility, textColumns: [], numberFormats: {} };
  }

  private freshId(): string {
    return `memory:${this.nextId++}`;
  }

  /** Excel compares sheet names case-insensitively. */
  private find(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    for (const sheet of this.sheets.values()) if (sheet.table.name.toLowerCase() === lower) return sheet;
    return undefined;
  }
}

const infoOf = (sheet: MemorySheet): SheetInfo => ({
  name: sheet.table.name,
  visibility: sheet.visibility,
  id: sheet.id,
  tables: sheet.tableName ? [sheet.tableName] : [],
});
