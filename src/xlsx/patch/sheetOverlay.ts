import type { SheetTable } from '../../core/kernel/sheetTable';
import { rowBelow, updateCells, withCells, withoutRows } from '../../core/workbook/sheetUpdate';
import type {
  CellWrite,
  SheetInfo,
  SheetVisibility,
  UpdateTableRequest,
  WriteTableRequest,
} from '../../core/workbook/workbookPort';
import { toCellValue } from '../cellValues';
import { SheetGrid } from '../sheetGrid';
import { assertSheetName, assertTableNameSyntax } from '../sheetRules';
import type { PackageIndex } from './packageIndex';
import { cellRange } from './cellRefs';
import { sheetRows } from './worksheetXml';
import type { PatchUpdate, PatchWrite, WorkbookPatch } from './zipPatch';

interface OverlaySheet {
  name: string;
  visibility: SheetVisibility;
  sheetId: number;
  tables: string[];
  /** The sheet is in the input package. */
  input: boolean;
  /** New content for the whole sheet. */
  write?: PatchWrite;
  /** Cells written in place since the input (none with `write`). */
  cells: CellWrite[];
  /**
   * Whole rows deleted since the input, each step 1-based in the rows of its moment, applied before `cells` (which
   * are moved to the rows after the deletions).
   */
  deletedRows: number[][];
  /** The table the updates grew (0-based rows). */
  grown?: PatchUpdate['table'];
  /** The sheet as a reader of the saved file would see it, once updated. */
  current?: SheetTable;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * A workbook file's sheets as the port sees them: the input package with the sheets written, updated and deleted
 * since laid over it. `toPatch` hands the changes to the zip patch on save — the one way this adapter writes.
 */
export class SheetOverlay {
  private readonly sheets: OverlaySheet[];
  private readonly deletions: string[] = [];
  /** Table name (lower case) → its first data row and its last row, 0-based. */
  private readonly tableRows = new Map<string, { first: number; last: number }>();
  private nextSheetId: number;
  private activeSheet: string | undefined;

  constructor(
    private readonly index: PackageIndex,
    private readonly readInput: (name: string) => SheetTable | undefined,
  ) {
    this.sheets = index.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      sheetId: sheet.sheetId,
      tables: sheet.tables.map((table) => table.name),
      input: true,
      cells: [],
      deletedRows: [],
    }));
    for (const table of index.sheets.flatMap((sheet) => sheet.tables)) {
      const range = cellRange(table.ref);
      this.tableRows.set(table.name.toLowerCase(), { first: range.firstRow + 1, last: range.lastRow });
    }
    this.nextSheetId = Math.max(0, ...index.sheets.map((sheet) => sheet.sheetId || 0)) + 1;
  }

  get dateSystem(): 1900 | 1904 {
    return this.index.dateSystem;
  }

  listSheets(): SheetInfo[] {
    return this.sheets.map(infoOf);
  }

  readSheet(name: string): SheetTable | undefined {
    const sheet = this.find(name);
    if (!sheet) return undefined;
    if (sheet.current) return sheet.current;
    // made when asked, not kept: a copy of every written sheet would double the memory of a large target group
    return sheet.write ? writtenTable(sheet.write, this.dateSystem) : this.readInput(sheet.name);
  }

  /** Throws for a name Excel would reject, before anything changes. */
  write(request: WriteTableRequest): SheetInfo {
    assertSheetName(request.sheet);
    if (request.tableName) assertTableNameSyntax(request.tableName);
    const existing = this.find(request.sheet);
    const sheet: OverlaySheet = existing ?? {
      name: request.sheet,
      visibility: 'visible',
      sheetId: this.nextSheetId++,
      tables: [],
      input: false,
      cells: [],
      deletedRows: [],
    };
    if (!existing) this.sheets.push(sheet);
    // a rewritten sheet keeps its table (and the name references use); a new table gets a name nobody has
    const tableName = request.tableName && (sheet.tables[0] ?? this.freeTableName(request.tableName));
    sheet.visibility = request.visibility ?? 'visible';
    sheet.tables = tableName ? [tableName] : sheet.tables;
    sheet.write = { ...request, sheet: sheet.name, tableName, sheetId: sheet.sheetId };
    sheet.cells = [];
    sheet.deletedRows = [];
    sheet.grown = undefined;
    sheet.current = undefined;
    if (request.activate) this.activeSheet = sheet.name;
    return infoOf(sheet);
  }

  update(request: UpdateTableRequest): SheetInfo {
    const sheet = this.find(request.sheet);
    const before = sheet && this.readSheet(sheet.name);
    if (!sheet || !before) throw new Error(`No sheet ${request.sheet} to update`);
    const table = request.tableName && sheet.tables.find((name) => same(name, request.tableName!));
    const rows = table ? this.tableRows.get(table.toLowerCase()) : undefined;
    const appendAt = rows === undefined ? rowBelow(before) : rows.last + 1;
    const cells = updateCells(request, appendAt);
    sheet.current = withCells(before, cells);
    if (sheet.write) {
      sheet.write = { ...sheet.write, data: dataOf(sheet.current, sheet.write) };
    } else {
      sheet.cells.push(...cells);
    }
    if (table && rows !== undefined && request.append.rows.length > 0) {
      const lastRow = rows.last + request.append.rows.length;
      this.tableRows.set(table.toLowerCase(), { ...rows, last: lastRow });
      const newRowsFrom = sheet.grown?.newRowsFrom ?? appendAt;
      sheet.grown = { name: table, firstDataRow: rows.first, lastRow, newRowsFrom };
    }
    return infoOf(sheet);
  }

  /**
   * Deletes whole rows (1-based) of a sheet: what the port reads moves up at once; on save the rows leave the part
   * (rowDeletion.ts). Cells written before move with their rows; the tables on the sheet shrink or move up.
   */
  deleteRows(name: string, rows: readonly number[], left: number, right: number): void {
    const sheet = this.find(name);
    const before = sheet && this.readSheet(sheet.name);
    if (!sheet || !before) throw new Error(`No sheet ${name} to delete rows of`);
    const deleted = [...new Set(rows)].sort((a, b) => a - b);
    sheet.current = withoutRows(before, deleted, left, right);
    if (sheet.write) {
      sheet.write = { ...sheet.write, data: dataOf(sheet.current, sheet.write) };
      return;
    }
    const above = (row: number) => deleted.filter((r) => r < row).length;
    sheet.cells = sheet.cells.flatMap((cell) =>
      deleted.includes(cell.row + 1) ? [] : [{ ...cell, row: cell.row - above(cell.row + 1) }],
    );
    sheet.deletedRows.push(deleted);
    for (const table of sheet.tables) {
      const rows = this.tableRows.get(table.toLowerCase());
      if (!rows) continue;
      const first = rows.first - above(rows.first + 1);
      const last = Math.max(first, rows.last - above(rows.last + 2));
      this.tableRows.set(table.toLowerCase(), { first, last });
    }
    if (sheet.grown) {
      const { firstDataRow, lastRow, newRowsFrom } = sheet.grown;
      sheet.grown = {
        ...sheet.grown,
        firstDataRow: firstDataRow - above(firstDataRow + 1),
        lastRow: Math.max(firstDataRow, lastRow - above(lastRow + 2)),
        newRowsFrom: newRowsFrom - above(newRowsFrom + 1),
      };
    }
  }

  delete(name: string): void {
    const sheet = this.find(name);
    if (!sheet) return;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (sheet.input) this.deletions.push(sheet.name);
    if (this.activeSheet && same(this.activeSheet, name)) this.activeSheet = undefined;
  }

  toPatch(): WorkbookPatch {
    const writes = this.sheets.flatMap((sheet) => (sheet.write ? [sheet.write] : []));
    const updates = this.sheets.flatMap((sheet): PatchUpdate[] =>
      !sheet.write && (sheet.cells.length > 0 || sheet.deletedRows.length > 0)
        ? [
            {
              sheet: sheet.name,
              cells: sheet.cells,
              table: sheet.grown,
              ...(sheet.deletedRows.length > 0 ? { deletedRows: sheet.deletedRows } : {}),
            },
          ]
        : [],
    );
    return {
      writes,
      updates,
      deletions: [...this.deletions],
      activeSheet: this.activeSheet,
      dateSystem: this.dateSystem,
    };
  }

  private find(name: string): OverlaySheet | undefined {
    return this.sheets.find((sheet) => same(sheet.name, name));
  }

  private freeTableName(wanted: string): string {
    const taken = new Set([
      ...this.index.takenNames,
      ...this.sheets.flatMap((sheet) => sheet.tables.map((name) => name.toLowerCase())),
    ]);
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
    return name;
  }
}

const infoOf = (sheet: OverlaySheet): SheetInfo => ({
  name: sheet.name,
  visibility: sheet.visibility,
  id: `xlsx:${sheet.sheetId}`,
  tables: [...sheet.tables],
});

/** The sheet as a reader of the saved file would see it. */
const writtenTable = (request: WriteTableRequest, dateSystem: 1900 | 1904): SheetTable => {
  const { data, headers } = sheetRows(request);
  const grid = new SheetGrid();
  [headers, ...data.rows].forEach((row, rowIndex) =>
    row.forEach((value, column) => grid.set(rowIndex + 1, column + 1, toCellValue(value))),
  );
  return grid.toTable(request.sheet, dateSystem);
};

/** A sheet written in this session and updated before saving: its rows below the header become the data to write. */
const dataOf = (table: SheetTable, write: PatchWrite): PatchWrite['data'] => {
  const [, ...rows] = table.rows;
  return { ...write.data, rows };
};
