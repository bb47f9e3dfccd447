import type ExcelJS from 'exceljs';
import type { CellValue, TableData } from '../core/kernel/sheetTable';
import type { WriteTableRequest } from '../core/workbook/workbookPort';

export const TABLE_STYLE = 'TableStyleLight9';
const WIDTH_SAMPLE_ROWS = 1000;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const MAX_SHEET_NAME = 31;

/** exceljs sorts `workbook.worksheets` by this untyped field: the tab position. */
type OrderedWorksheet = ExcelJS.Worksheet & { orderNo: number };

/** Excel compares sheet names case-insensitively. */
export const findWorksheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined => {
  const lower = name.toLowerCase();
  return workbook.worksheets.find((sheet) => sheet.name.toLowerCase() === lower);
};

/** Creates the sheet, or replaces an existing one as a whole at the same tab position. */
export const writeTableToWorkbook = (workbook: ExcelJS.Workbook, request: WriteTableRequest): void => {
  assertSheetName(request.sheet);
  const existing = findWorksheet(workbook, request.sheet) as OrderedWorksheet | undefined;
  const tableName = request.tableName && freeTableName(workbook, request.tableName, existing);
  // built aside first, so a failure leaves the previous sheet as it was
  const sheet = workbook.addWorksheet(`~${Date.now().toString(36)}`) as OrderedWorksheet;
  try {
    fillSheet(sheet, { ...request, tableName });
  } catch (error) {
    workbook.removeWorksheet(sheet.id);
    throw error;
  }
  if (existing) {
    workbook.removeWorksheet(existing.id);
    sheet.orderNo = existing.orderNo;
  }
  sheet.name = existing?.name ?? request.sheet;
  if (request.activate) activateSheet(workbook, sheet);
};

/** exceljs would silently cut a long name; checked before anything changes. */
export const assertSheetName = (name: string): void => {
  const valid = name.trim() !== '' && name.length <= MAX_SHEET_NAME && !/[:\\/?*[\]]|^'|'$/.test(name);
  if (!valid || name.toLowerCase() === 'history') throw new Error(`Invalid sheet name: ${name}`);
};

// Excel's rules: a letter, _ or \ first, then letters, digits, _ and .; never a cell reference like A1 or R1C1
const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u;
const CELL_REFERENCE = /^([A-Z]{1,3}\d+|R\d*C\d*|R|C)$/i;

/**
 * exceljs writes any table name, and Excel would "repair" the file and drop the table: the syntax is checked, and a
 * name a table of another sheet (the user's) already has becomes "Name_2", as in Excel and the streamed path.
 */
const freeTableName = (
  workbook: ExcelJS.Workbook,
  name: string,
  replaced: ExcelJS.Worksheet | undefined,
): string => {
  assertTableNameSyntax(name);
  const taken = new Set(
    workbook.worksheets
      .filter((sheet) => sheet !== replaced)
      .flatMap((sheet) => sheet.getTables().map((entry) => tableName(entry).toLowerCase())),
  );
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}_${n}`;
  return candidate;
};

export const assertTableNameSyntax = (name: string): void => {
  if (!TABLE_NAME.test(name) || CELL_REFERENCE.test(name)) throw new Error(`Invalid table name: ${name}`);
};

/** exceljs' typings describe getTables() wrongly; each entry is a Table holding its model in `table`. */
const tableName = (entry: unknown): string => (entry as { table: { name: string } }).table.name;

const fillSheet = (sheet: ExcelJS.Worksheet, request: WriteTableRequest): void => {
  const data = withTextColumnsAsText(request.data);
  for (const [index, format] of Object.entries(data.numberFormats ?? {}))
    sheet.getColumn(Number(index) + 1).numFmt = format;
  for (const index of data.textColumns) sheet.getColumn(index + 1).numFmt = '@';
  setColumnWidths(sheet, data);
  if (request.tableName) addExcelTable(sheet, request.tableName, data);
  else sheet.addRows([data.headers, ...data.rows.map(toExcelRow)]);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  sheet.state = request.visibility ?? 'visible';
};

export const removeSheet = (workbook: ExcelJS.Workbook, name: string): void => {
  const sheet = findWorksheet(workbook, name);
  if (!sheet) return;
  const activeTab = workbook.views?.[0]?.activeTab ?? 0;
  workbook.removeWorksheet(sheet.id);
  const lastTab = workbook.worksheets.length - 1;
  if (workbook.views?.[0] && activeTab > lastTab) workbook.views[0].activeTab = Math.max(lastTab, 0);
};

/** Ids, postal codes and phones stay text even if the caller passes a number ('01067', '+49 …'). */
export const withTextColumnsAsText = (data: TableData): TableData => {
  if (data.textColumns.length === 0) return data;
  const text = new Set(data.textColumns);
  const rows = data.rows.map((row) =>
    row.map((value, index) =>
      text.has(index) && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : value,
    ),
  );
  return { ...data, rows };
};

/** exceljs writes `null` as an empty cell; `undefined` keeps the column position in a sparse row. */
const toExcelRow = (row: CellValue[]): ExcelJS.CellValue[] => row.map((value) => value ?? null);

const addExcelTable = (sheet: ExcelJS.Worksheet, name: string, data: TableData): void => {
  const width = data.headers.length;
  // an Excel table needs at least one data row; Excel itself shows an empty one
  const rows =
    data.rows.length > 0 ? data.rows.map(toExcelRow) : [new Array<ExcelJS.CellValue>(width).fill(null)];
  sheet.addTable({
    name,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: uniqueHeaders(data.headers).map((header) => ({ name: header, filterButton: true })),
    rows,
  });
};

/** Excel repairs (and warns about) a table whose column names are blank or repeated. */
export const uniqueHeaders = (headers: string[]): string[] => {
  const seen = new Set<string>();
  return headers.map((header, index) => {
    const base = header.trim() || `Spalte${index + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
};

const displayLength = (value: CellValue): number => {
  if (value === null) return 0;
  if (value instanceof Date) return 10; // dd.mm.yyyy
  return String(value).length;
};

/** Fitted to the header and a sample of the values: a full scan of a million rows buys nothing visible. */
export const columnWidths = (data: TableData): number[] => {
  const sample = data.rows.slice(0, WIDTH_SAMPLE_ROWS);
  return data.headers.map((header, index) => {
    // room for the header's filter button
    const longest = Math.max(header.length + 3, ...sample.map((row) => displayLength(row[index] ?? null)));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
};

const setColumnWidths = (sheet: ExcelJS.Worksheet, data: TableData): void => {
  columnWidths(data).forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
};

const activateSheet = (workbook: ExcelJS.Workbook, target: ExcelJS.Worksheet): void => {
  const tabIndex = workbook.worksheets.indexOf(target);
  const [view] = workbook.views ?? [];
  workbook.views = [{ ...defaultBookView, ...view, activeTab: tabIndex, firstSheet: 0 }];
  // a second selected tab would make Excel open the workbook with a sheet group selected
  for (const sheet of workbook.worksheets) {
    for (const view of (sheet.views ?? []) as SelectableView[]) view.tabSelected = sheet === target;
  }
};

/** exceljs reads and writes `tabSelected` but leaves it out of its typings. */
type SelectableView = ExcelJS.WorksheetView & { tabSelected?: boolean };

const defaultBookView: ExcelJS.WorkbookView = {
  x: 0,
  y: 0,
  width: 10000,
  height: 20000,
  firstSheet: 0,
  activeTab: 0,
  visibility: 'visible',
};
