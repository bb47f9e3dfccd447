/** Writes samples/Beispiel-Grosshandel.xlsx from the deterministic sample generator: `npm run sample`. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, SheetTable } from '../src/core/kernel/sheetTable';
import {
  SAMPLE_COMPANY,
  SAMPLE_REFERENCE_DATE,
  sampleStateSheet,
  sampleWorkbookTables,
} from '../src/sample/sampleWorkbook';

export const SAMPLE_WORKBOOK_PATH = path.join(__dirname, '..', 'samples', 'Beispiel-Grosshandel.xlsx');

const MONEY_HEADERS = new Set(['Einzelpreis', 'Betrag', 'Listenpreis']);
const ERROR_VALUES = new Set(['#N/A', '#NV', '#WERT!', '#VALUE!']);

const isHeaderRow = (row: CellValue[]): boolean => row.filter((cell) => cell !== null).length > 1;

const writeCell = (cell: ExcelJS.Cell, value: CellValue, money: boolean): void => {
  if (value === null) return;
  if (typeof value === 'string' && ERROR_VALUES.has(value)) {
    cell.value = { error: value as ExcelJS.CellErrorValue['error'] };
  } else if (typeof value === 'string') {
    // Postal codes, phones and text dates must stay text: Excel would turn "01067" into 1067.
    cell.numFmt = '@';
    cell.value = value;
  } else if (value instanceof Date) {
    cell.numFmt = 'dd.mm.yyyy';
    cell.value = value;
  } else {
    if (money && typeof value === 'number') cell.numFmt = '#,##0.00';
    cell.value = value;
  }
};

const addSheet = (workbook: ExcelJS.Workbook, table: SheetTable): void => {
  const sheet = workbook.addWorksheet(table.name);
  const headerIndex = table.rows.findIndex(isHeaderRow);
  const headers = table.rows[headerIndex].map((cell) => String(cell ?? ''));
  table.rows.forEach((values, rowIndex) => {
    const row = sheet.getRow(rowIndex + 1);
    values.forEach((value, columnIndex) =>
      writeCell(row.getCell(columnIndex + 1), value, MONEY_HEADERS.has(headers[columnIndex])),
    );
    if (rowIndex === headerIndex) row.font = { bold: true };
    if (rowIndex < headerIndex && values[0] !== null) row.font = { bold: true, size: 14 };
  });
  headers.forEach((header, columnIndex) => {
    const longest = Math.max(
      header.length,
      ...table.rows.slice(headerIndex + 1, headerIndex + 200).map((r) => String(r[columnIndex] ?? '').length),
    );
    sheet.getColumn(columnIndex + 1).width = Math.min(45, Math.max(10, longest + 2));
  });
  sheet.views = [{ state: 'frozen', ySplit: headerIndex + 1 }];
};

/** The add-in's own state, very hidden and all text, as the add-in and the command line write it. */
const addStateSheet = (workbook: ExcelJS.Workbook, table: SheetTable): void => {
  const sheet = workbook.addWorksheet(table.name, { state: 'veryHidden' });
  table.rows.forEach((values, rowIndex) =>
    values.forEach((value, columnIndex) =>
      writeCell(sheet.getRow(rowIndex + 1).getCell(columnIndex + 1), value, false),
    ),
  );
};

export const writeSampleWorkbook = async (target: string): Promise<void> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = SAMPLE_COMPANY;
  workbook.created = new Date(`${SAMPLE_REFERENCE_DATE}T00:00:00Z`);
  workbook.modified = workbook.created;
  for (const table of sampleWorkbookTables()) addSheet(workbook, table);
  addStateSheet(workbook, sampleStateSheet());
  await workbook.xlsx.writeFile(target);
};

if (require.main === module) {
  writeSampleWorkbook(SAMPLE_WORKBOOK_PATH).then(
    () => console.log(`Geschrieben: ${path.relative(process.cwd(), SAMPLE_WORKBOOK_PATH)}`),
    (error: unknown) => {
      console.error(`Beispielmappe konnte nicht geschrieben werden: ${String(error)}`);
      process.exitCode = 1;
    },
  );
}
