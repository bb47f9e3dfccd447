import type { SheetTable } from '../core/kernel/sheetTable';
import type {
  SheetInfo,
  SheetVisibility,
  WorkbookPort,
  WriteTableRequest,
} from '../core/workbook/workbookPort';
import { WorkbookError } from '../core/workbook/workbookError';

export interface MemorySheet {
  table: SheetTable;
  visibility: SheetVisibility;
  /** Name of the Excel table on the sheet, if written as one. */
  tableName?: string;
  textColumns: number[];
  /** Number format codes by column, as written. */
  numberFormats: Record<number, string>;
}

/** The workbook port in memory: for tests and the browser preview. */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemorySheet>();
  activeSheet: string | null = null;

  constructor(tables: SheetTable[] = []) {
    for (const table of tables)
      this.sheets.set(table.name, { table, visibility: 'visible', textColumns: [], numberFormats: {} });
  }

  async listSheets(): Promise<SheetInfo[]> {
    return [...this.sheets.values()].map((s) => ({ name: s.table.name, visibility: s.visibility }));
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
  }: WriteTableRequest): Promise<void> {
    const existing = this.find(sheet);
    const name = existing?.table.name ?? sheet;
    const rows = [data.headers, ...data.rows.map((row) => [...row])];
    this.sheets.set(name, {
      table: { name, rows },
      visibility,
      tableName,
      textColumns: [...data.textColumns],
      numberFormats: { ...data.numberFormats },
    });
    if (activate) this.activeSheet = name;
  }

  async deleteSheet(name: string): Promise<void> {
    const sheet = this.find(name);
    if (sheet) this.sheets.delete(sheet.table.name);
  }

  /** Excel compares sheet names case-insensitively. */
  private find(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    for (const sheet of this.sheets.values()) if (sheet.table.name.toLowerCase() === lower) return sheet;
    return undefined;
  }
}
