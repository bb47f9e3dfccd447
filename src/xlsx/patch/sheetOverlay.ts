import type { SheetTable } from '../../core/kernel/sheetTable';
import type { SheetInfo, WriteTableRequest } from '../../core/workbook/workbookPort';
import { toCellValue } from '../cellValues';
import { SheetGrid } from '../sheetGrid';
import { assertSheetName, assertTableNameSyntax } from '../tableWriter';
import { sheetRows } from './worksheetXml';
import type { WorkbookPatch } from './zipPatch';

/**
 * A streamed workbook's sheets as the port sees them: the values read from the input file, with the sheets
 * written and deleted since laid over them. `toPatch` hands the changes to the zip patch on save.
 */
export class SheetOverlay {
  private readonly inputNames: Set<string>;
  private readonly writes = new Map<string, WriteTableRequest>();
  private readonly deletions: string[] = [];
  private activeSheet: string | undefined;

  constructor(
    private readonly sheets: SheetInfo[],
    private readonly inputTables: Map<string, SheetTable>,
    private readonly dateSystem: 1900 | 1904,
  ) {
    this.inputNames = new Set(sheets.map(({ name }) => name.toLowerCase()));
  }

  listSheets(): SheetInfo[] {
    return this.sheets.map((sheet) => ({ ...sheet }));
  }

  readSheet(name: string): SheetTable | undefined {
    const written = this.writes.get(name.toLowerCase());
    return written ? writtenTable(written, this.dateSystem) : this.inputTables.get(name.toLowerCase());
  }

  /** Throws for a name Excel would reject, before anything changes. */
  write(request: WriteTableRequest): void {
    assertSheetName(request.sheet);
    if (request.tableName) assertTableNameSyntax(request.tableName);
    const key = request.sheet.toLowerCase();
    const existing = this.sheets.find(({ name }) => name.toLowerCase() === key);
    const visibility = request.visibility ?? 'visible';
    if (existing) existing.visibility = visibility;
    else this.sheets.push({ name: request.sheet, visibility });
    // a replaced sheet keeps the name as the user spelled it
    const sheet = existing?.name ?? request.sheet;
    this.writes.set(key, { ...request, sheet });
    this.inputTables.delete(key);
    if (request.activate) this.activeSheet = sheet;
  }

  delete(name: string): void {
    const key = name.toLowerCase();
    const index = this.sheets.findIndex((sheet) => sheet.name.toLowerCase() === key);
    if (index < 0) return;
    const [removed] = this.sheets.splice(index, 1);
    this.writes.delete(key);
    this.inputTables.delete(key);
    if (this.inputNames.has(key)) this.deletions.push(removed.name);
    if (this.activeSheet?.toLowerCase() === key) this.activeSheet = undefined;
  }

  toPatch(): WorkbookPatch {
    return {
      writes: [...this.writes.values()],
      deletions: [...this.deletions],
      activeSheet: this.activeSheet,
      dateSystem: this.dateSystem,
    };
  }
}

/** The sheet as a reader of the saved file would see it. */
const writtenTable = (request: WriteTableRequest, dateSystem: 1900 | 1904): SheetTable => {
  const { data, headers } = sheetRows(request);
  const grid = new SheetGrid();
  [headers, ...data.rows].forEach((row, rowIndex) =>
    row.forEach((value, column) => grid.set(rowIndex + 1, column + 1, toCellValue(value))),
  );
  return grid.toTable(request.sheet, dateSystem);
};
