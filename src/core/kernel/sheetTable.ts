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
  /** The Excel tables (ListObjects) on the sheet, as the workbook defines them. Absent: none, or not known. */
  tables?: TableDefinition[];
  /** Merged cell areas that span several columns (a header "Name" over two columns). Absent: none known. */
  merges?: CellArea[];
  /** Formula cells the file holds no calculated value for (saved without calculating); they read as empty. */
  uncalculated?: CellRef[];
}

/** One cell in sheet coordinates, 1-based. */
export interface CellRef {
  row: number;
  column: number;
}

/** A rectangle of cells in sheet coordinates, 1-based and inclusive. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An Excel table as the workbook defines it: where it is, which rows are header and totals, its column names. */
export interface TableDefinition {
  name: string;
  /** The whole table: header row, data rows and totals row. */
  area: CellArea;
  /** Excel shows the header row by default; without it the table's data starts at the area's top. */
  hasHeaderRow: boolean;
  /** Totals rows at the bottom of the area (0, or 1 when the table shows its totals row). */
  totalsRowCount: number;
  /** The column names of the definition, left to right (Excel keeps them unique). */
  columns: string[];
}

/** A table to be written: header row plus data rows, for an Excel table, the Leads sheet or CSV. */
export interface TableData {
  headers: string[];
  rows: CellValue[][];
  /** Column indexes that must stay text (ids, postal codes, phones): written with number format "@". */
  textColumns: number[];
  /**
   * Column indexes whose values a reader would take for numbers or dates ("01067", "+49 …", "23.07.2019"): the CSV
   * quotes every value of them, so that no mail-merge client guesses a number and drops a leading zero.
   */
  quotedColumns?: number[];
  /**
   * Excel number format codes by column index, for columns of figures (kernel/formats.ts excelNumberFormat); the
   * other columns keep Excel's General format (dates get a date format).
   */
  numberFormats?: Record<number, string>;
}

/** "B12" (or "$B$12") → row 12, column 2. */
export const parseCellRef = (ref: string): CellRef | null => {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]), column };
};

/** "A1:E10", one cell "A1", or with its sheet "'Kontakte 2024'!A1:E10" → the area. */
export const parseArea = (ref: string): CellArea | null => {
  const [from, to = from] = ref.slice(ref.lastIndexOf('!') + 1).split(':');
  const start = parseCellRef(from);
  const end = parseCellRef(to);
  if (!start || !end) return null;
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
};
