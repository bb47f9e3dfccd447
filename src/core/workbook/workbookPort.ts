import type { SheetTable, TableData } from '../kernel/sheetTable';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  visibility: SheetVisibility;
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
  /** Sheet to create, or to replace completely if it exists. The core only names sheets the add-in owns. */
  sheet: string;
  /** Name of the Excel table over the data; omit for a plain range (the state sheet). */
  tableName?: string;
  data: TableData;
  visibility?: SheetVisibility;
  /** Make the sheet the active one after writing (the task pane's "go to it"). */
  activate?: boolean;
  /** A native chart beside the table where the host has charts (Office.js); file and memory adapters ignore it. */
  chart?: ChartRequest;
}

/**
 * The one port between the core and a workbook: sheet-level, not cell-level.
 * Implementations: Office.js (src/excel), .xlsx files via exceljs (src/xlsx), in memory (src/memory).
 * Host failures are thrown as WorkbookError (workbookError.ts); everything else is data.
 */
export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** Reads the used range of a sheet (values only). Throws WorkbookError 'sheetNotFound' if absent. */
  readSheet(name: string): Promise<SheetTable>;
  /** Creates or replaces a sheet as a whole; a failure leaves the previous sheet as it was. */
  writeTable(request: WriteTableRequest): Promise<void>;
  /** Removes a sheet the add-in owns; no-op if absent. */
  deleteSheet(name: string): Promise<void>;
}
