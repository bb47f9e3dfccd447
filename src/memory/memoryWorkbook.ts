import type { SheetTable } from '../core/kernel/sheetTable';
import type {
  SheetInfo,
  SheetVisibility,
  UpdateTableRequest,
  WorkbookPort,
  WriteTableRequest,
} from '../core/workbook/workbookPort';
import { WorkbookError } from '../core/workbook/workbookError';
import { rowBelow, updateCells, withCells } from '../core/workbook/sheetUpdate';

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

/** The workbook port in memory: for tests and the browser preview. */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemorySheet>();
  activeSheet: string | null = null;
  private nextId = 1;

  constructor(tables: SheetTable[] = []) {
    for (const table of tables) this.sheets.set(table.name, this.newSheet(table, 'visible'));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return [...this.sheets.values()].map(infoOf);
  }

  async readSheet(name: string): Promise<SheetTable> {
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
    const target = this.find(request.sheet);
    if (!target) throw new WorkbookError('sheetNotFound', request.sheet);
    target.table = withCells(target.table, updateCells(request, rowBelow(target.table)));
    return infoOf(target);
  }

  async deleteSheet(name: string): Promise<void> {
    const sheet = this.find(name);
    if (sheet) this.sheets.delete(sheet.table.name);
  }

  /** What a person does in Excel: the sheet keeps its id and its table. */
  renameSheet(name: string, newName: string): void {
    const sheet = this.find(name);
    if (!sheet) throw new WorkbookError('sheetNotFound', name);
    this.sheets.delete(sheet.table.name);
    sheet.table = { ...sheet.table, name: newName };
    this.sheets.set(newName, sheet);
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
