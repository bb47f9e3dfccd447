/** One cell as every workbook adapter delivers it: empty cells are `null`, never `undefined`. */
export type CellValue = string | number | boolean | Date | null;

/** A sheet as read from a workbook: the raw cell grid, header rows included. */
export interface SheetTable {
  name: string;
  rows: CellValue[][];
  /** 1-based sheet row of `rows[0]` (a used range may start below row 1). Default 1. */
  startRow?: number;
  /** 1-based sheet column of `rows[i][0]`. Default 1. */
  startColumn?: number;
  /** Excel's date system of the workbook, needed to read serial dates. Default 1900. */
  dateSystem?: 1900 | 1904;
}

/** A table to be written: header row plus data rows, for an Excel table, the Leads sheet or CSV. */
export interface TableData {
  headers: string[];
  rows: CellValue[][];
  /** Column indexes that must stay text (ids, postal codes, phones): written with number format "@". */
  textColumns: number[];
  /**
   * Excel number format codes by column index, for columns of figures (kernel/formats.ts excelNumberFormat); the
   * other columns keep Excel's General format (dates get a date format).
   */
  numberFormats?: Record<number, string>;
}
