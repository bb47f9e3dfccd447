import type ExcelJS from 'exceljs';
import type { CellValue, TableData } from '../core/sheetTable';
import type { WriteTableRequest } from '../core/workbookPort';

const TABLE_STYLE = 'TableStyleLight9';
const WIDTH_SAMPLE_ROWS = 1000;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** exceljs sorts `workbook.worksheets` by this untyped field: the tab position. */
type OrderedWorksheet = ExcelJS.Worksheet & { orderNo: number };

/** Excel compares sheet names case-insensitively. */
export const findWorksheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined => {
  const lower = name.toLowerCase();
  return workbook.worksheets.find((sheet) => sheet.name.toLowerCase() === lower);
};

/** Creates the sheet, or replaces an existing one as a whole at the same tab position. */
export const writeTableToWorkbook = (workbook: ExcelJS.Workbook, request: WriteTableRequest): void => {
  const sheet = replaceOrAddSheet(workbook, request.sheet);
  const data = withTextColumnsAsText(request.data);
  for (const index of data.textColumns) sheet.getColumn(index + 1).numFmt = '@';
  setColumnWidths(sheet, data);
  if (request.tableName) addExcelTable(sheet, request.tableName, data);
  else sheet.addRows([data.headers, ...data.rows.map(toExcelRow)]);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  sheet.state = request.visibility ?? 'visible';
  if (request.activate) activateSheet(workbook, sheet);
};

export const removeSheet = (workbook: ExcelJS.Workbook, name: string): void => {
  const sheet = findWorksheet(workbook, name);
  if (!sheet) return;
  const activeTab = workbook.views?.[0]?.activeTab ?? 0;
  workbook.removeWorksheet(sheet.id);
  const lastTab = workbook.worksheets.length - 1;
  if (workbook.views?.[0] && activeTab > lastTab) workbook.views[0].activeTab = Math.max(lastTab, 0);
};

const replaceOrAddSheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const existing = findWorksheet(workbook, name);
  if (!existing) return workbook.addWorksheet(name);
  const { orderNo, name: existingName, id } = existing as OrderedWorksheet;
  workbook.removeWorksheet(id);
  const sheet = workbook.addWorksheet(existingName);
  (sheet as OrderedWorksheet).orderNo = orderNo;
  return sheet;
};

/** Ids, postal codes and phones stay text even if the caller passes a number ('01067', '+49 …'). */
const withTextColumnsAsText = (data: TableData): TableData => {
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
const uniqueHeaders = (headers: string[]): string[] => {
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
const setColumnWidths = (sheet: ExcelJS.Worksheet, data: TableData): void => {
  const sample = data.rows.slice(0, WIDTH_SAMPLE_ROWS);
  data.headers.forEach((header, index) => {
    // room for the header's filter button
    const longest = Math.max(header.length + 3, ...sample.map((row) => displayLength(row[index] ?? null)));
    sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
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
