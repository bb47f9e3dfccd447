import ExcelJS from 'exceljs';
import type { SheetTable } from '../../src/core/kernel/sheetTable';
import { isDateFormat, serialToDate, toCellValue } from '../../src/xlsx/cellValues';
import type { SheetPackageInfo } from '../../src/xlsx/packageInfo';
import { applyMailLinks, decodeEscapes, withSheetExtras } from '../../src/xlsx/sheetExtras';
import { SheetGrid } from '../../src/xlsx/sheetGrid';
import { SheetTail } from '../../src/xlsx/sheetTail';

/*
 * The streaming reader the product used until the fast reader (src/xlsx/fastReader.ts) replaced it: exceljs'
 * WorkbookReader, a SAX parser and a Cell and Row object per cell. Kept unchanged as the oracle the fast reader must
 * equal (fastReader.equivalence.test.ts).
 */

/** What exceljs' streaming reader knows about a sheet and the workbook, beyond its published typings. */
interface StreamedSheetReader extends AsyncIterable<ExcelJS.Row> {
  /** The sheet id from workbook.xml, or the N of sheetN.xml when exceljs could not match the part. */
  id?: number | string;
  name?: string;
  state?: string;
  /** The sheet part's bytes, read once by the row parser. */
  iterator: AsyncIterable<Buffer | string>;
}
interface StreamedWorkbookReader extends AsyncIterable<StreamedSheetReader> {
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { id: number; name: string; state?: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

export interface StreamedWorkbook {
  /** False when exceljs' streaming reader dropped a sheet part (it does with some zip entry orders). */
  complete: boolean;
  tables: SheetTable[];
}

/**
 * Reads every sheet's values in one pass over the file without building exceljs' per-cell object model,
 * which needs several GB for a million-row sheet. Styles are cached only to tell date cells from numbers.
 * Excel tables and hyperlink targets come from the package's small parts (`packages`); merged areas and hyperlink
 * cells from the end of each sheet part as it streams past.
 */
export const readWorkbookStreaming = async (
  path: string,
  packages: ReadonlyMap<string, SheetPackageInfo>,
): Promise<StreamedWorkbook> => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore', // read from the sheet's tail and relationships (SheetTail, packageInfo)
    entries: 'ignore',
  }) as unknown as StreamedWorkbookReader;
  const read = new Map<string, SheetTable>();
  let dateSystem: 1900 | 1904 = 1900;
  for await (const sheet of reader) {
    dateSystem = reader.properties?.model?.date1904 ? 1904 : 1900;
    const grid = new SheetGrid();
    const tail = new SheetTail();
    sheet.iterator = tail.wrap(sheet.iterator);
    for await (const row of sheet) collectRow(grid, row, dateSystem);
    // exceljs replaces the part number by the workbook's sheet id (a number) only when it matched the part
    const name = typeof sheet.id === 'number' ? sheet.name : nameFromRelationships(reader, sheet.id);
    if (name === undefined) continue;
    const info = packages.get(name.toLowerCase());
    applyMailLinks(grid, tail.links, info);
    read.set(name, withSheetExtras(grid.toTable(name, dateSystem), info, tail.merges, grid.uncalculated));
  }
  // the zip may store sheets in any order; workbook.xml holds the tab order
  const sheets = reader.model?.sheets ?? [];
  return {
    complete: sheets.length > 0 && sheets.every(({ name }) => read.has(name)),
    tables: sheets.map(({ name }) => read.get(name) ?? new SheetGrid().toTable(name, dateSystem)),
  };
};

/**
 * exceljs names a streamed sheet only if the relationship target is relative ("worksheets/sheet1.xml");
 * other writers (openpyxl, hence pandas) use absolute ones ("/xl/worksheets/sheet1.xml").
 */
const nameFromRelationships = (reader: StreamedWorkbookReader, partNumber: number | string | undefined) => {
  const part = `xl/worksheets/sheet${partNumber}.xml`;
  const relationship = reader.workbookRels?.find(({ Target }) => `xl/${Target}`.endsWith(part));
  return reader.model?.sheets?.find(({ rId }) => rId === relationship?.Id)?.name;
};

const collectRow = (grid: SheetGrid, row: ExcelJS.Row, dateSystem: 1900 | 1904): void => {
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    // the cell model, not its value, keeps a formula's error result (as NaN)
    if (cell.type === ExcelJS.ValueType.Formula && cell.model.result === undefined)
      grid.noteUncalculated(row.number, column);
    else grid.set(row.number, column, streamedCellValue(cell, dateSystem));
  });
};

/**
 * The streaming reader converts date cells itself but leaves date-formatted formula results as serials,
 * and only its cell model still holds an error result (as NaN).
 */
const streamedCellValue = (cell: ExcelJS.Cell, dateSystem: 1900 | 1904) => {
  if (cell.type === ExcelJS.ValueType.Formula)
    return formulaResult(cell.model.result, cell.numFmt, dateSystem);
  const value = toCellValue(cell.value);
  return typeof value === 'string' && value.includes('_x') ? decodeEscapes(value) : value;
};

const formulaResult = (result: unknown, numFmt: string | undefined, dateSystem: 1900 | 1904) => {
  if (typeof result === 'number' && Number.isNaN(result)) {
    // exceljs' streaming reader parses a cached error result (t="e") as a number and loses the text;
    // #N/A is by far the most common one (failed lookups) and any '#…' string reads as an error downstream
    return '#N/A';
  }
  if (typeof result === 'number' && isDateFormat(numFmt)) return serialToDate(result, dateSystem);
  return toCellValue(result);
};
