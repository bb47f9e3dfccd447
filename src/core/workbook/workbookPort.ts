import type { CellValue, SheetTable, TableData } from '../kernel/sheetTable';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  visibility: SheetVisibility;
  /**
   * The host's stable id of the sheet, unchanged when it is renamed or moved: Excel's worksheet id, the sheetId of an
   * .xlsx file ("xlsx:3"). Ids of different hosts never match; the tables tell the sheet there.
   */
  id: string;
  /** Names of the Excel tables on the sheet. */
  tables: string[];
}

/** A clustered column chart over columns of the written table, e.g. revenue per member contacted vs control. */
export interface ChartRequest {
  title: string;
  /** Column index (into `data.headers`) whose values name the categories, e.g. the campaigns. */
  categoryColumn: number;
  /** Column indexes of the numbers to plot, one series each, named by the column's header. */
  valueColumns: number[];
}

export interface WriteTableRequest {
  /** Sheet to create, or to rewrite if it exists. The core only names sheets the add-in owns. */
  sheet: string;
  /** Name of the Excel table over the data; omit for a plain range (the state sheet). */
  tableName?: string;
  data: TableData;
  visibility?: SheetVisibility;
  /** Make the sheet the active one after writing (the task pane's "go to it"). */
  activate?: boolean;
  /** A native chart beside the table where the host has charts (Office.js); file and memory adapters ignore it. */
  chart?: ChartRequest;
  /**
   * Nobody works in or refers to this sheet (the add-in's state): build it aside and swap it in, so that a failure
   * leaves the previous one whole. Without it an existing sheet is rewritten in place, which keeps the sheet.
   */
  atomic?: boolean;
}

/** One cell to write, in 0-based sheet coordinates (row 0 is sheet row 1, column 0 is column A). */
export interface CellWrite {
  row: number;
  column: number;
  value: CellValue;
}

export interface AppendedRows {
  /** 0-based sheet column of each row's first value. */
  column: number;
  rows: CellValue[][];
  /** Indexes into the rows' cells that must stay text (ids, phones, customer numbers). */
  textColumns: number[];
}

export interface UpdateTableRequest {
  sheet: string;
  /** The Excel table that grows by the appended rows; without one they go below the last used row. */
  tableName?: string;
  /** Changed cells of existing rows; no other cell of the sheet is written. */
  cells: CellWrite[];
  append: AppendedRows;
}

export interface DeleteRowsRequest {
  sheet: string;
  /**
   * The Excel table the rows are in: they leave it, it shrinks, and the cells below it in its columns move up. Without
   * one, the rows go across the sheet's used columns.
   */
  tableName?: string;
  /** 1-based sheet rows, in any order; rows outside the table (or the used range) are left alone. */
  rows: number[];
}

export interface DeletedRows {
  /**
   * 'deleted': the rows are gone and the rows below moved up, as Excel's "Delete table rows" does. 'cleared': the
   * host could not move what lies below without breaking it (see the .xlsx adapter), so the rows' cells were emptied
   * in place instead.
   */
  how: 'deleted' | 'cleared';
  /** How many of the requested rows were deleted or cleared. */
  rows: number;
}

/**
 * The one port between the core and a workbook.
 * Implementations: Office.js (src/excel), .xlsx files via exceljs (src/xlsx), in memory (src/memory).
 * Host failures are thrown as WorkbookError (workbookError.ts); everything else is data.
 */
export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** Reads the used range of a sheet (values only). Throws WorkbookError 'sheetNotFound' if absent. */
  readSheet(name: string): Promise<SheetTable>;
  /**
   * Creates a sheet, or rewrites an existing one in place: the sheet itself (its id, references to it from other
   * sheets), its column widths and formats stay; its old values go. Returns the sheet as written.
   */
  writeTable(request: WriteTableRequest): Promise<SheetInfo>;
  /**
   * Updates a sheet people work in: writes the given cells and appends the rows to its table, nothing else. Formulas,
   * formats, validation, comments, filters and every other cell stay as they are. Returns the sheet as updated.
   */
  updateTable(request: UpdateTableRequest): Promise<SheetInfo>;
  /**
   * Deletes rows of a sheet people work in (a person forgotten under Art. 17 DSGVO): their cells go, the rows below
   * move up; every other cell, format, formula and the table stay.
   */
  deleteRows(request: DeleteRowsRequest): Promise<DeletedRows>;
  /** Removes a sheet the add-in owns; no-op if absent. */
  deleteSheet(name: string): Promise<void>;
  /**
   * Shows a row where a person looks at the workbook: its sheet active, its first cell selected (Excel, the preview);
   * absent for files. 1-based row.
   */
  showRow?(sheet: string, row: number): Promise<void>;
}
