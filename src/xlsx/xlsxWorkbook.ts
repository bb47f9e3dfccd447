import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { CellArea, SheetTable } from '../core/kernel/sheetTable';
import { WorkbookError } from '../core/workbook/workbookError';
import type { SheetInfo, WorkbookPort, WriteTableRequest } from '../core/workbook/workbookPort';
import { isUncalculated, toCellValue } from './cellValues';
import { checkMemory, checkWorkbookFile } from './fileCheck';
import { readPackageInfo, type SheetPackageInfo } from './packageInfo';
import { withZipParts } from './zipDirectory';
import { SheetOverlay } from './patch/sheetOverlay';
import { patchWorkbook } from './patch/zipPatch';
import { SheetGrid } from './sheetGrid';
import { readWorkbookStreaming, toVisibility, withSheetExtras } from './streamReader';
import { findWorksheet, removeSheet, writeTableToWorkbook } from './tableWriter';
import { openErrorCode, XlsxError } from './xlsxErrors';

/**
 * 'always' (the default) streams the sheets' values without exceljs' full model (several GB for a million rows);
 * a file the streaming reader cannot read completely is loaded as a whole instead. 'never' loads the model (tests).
 * Written sheets of a streamed workbook are kept aside and `saveAs` patches them into a copy of the input package
 * (patch/zipPatch.ts).
 */
export type StreamSheets = 'always' | 'never';

export interface XlsxOpenOptions {
  streamSheets?: StreamSheets;
  /** The heap this process may use; a workbook that needs more is refused before reading. Default: V8's limit. */
  heapLimit?: number;
}

/** The workbook port on an .xlsx file. The input file is only read; `saveAs` writes a new file atomically. */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    private readonly path: string,
    private readonly model: ExcelJS.Workbook | null,
    private readonly streamed: SheetOverlay | null,
    /** The input's Excel tables and hyperlink targets, for sheets read from the model. */
    private readonly packages: ReadonlyMap<string, SheetPackageInfo> = new Map(),
  ) {}

  static async open(path: string, options: XlsxOpenOptions = {}): Promise<XlsxWorkbook> {
    const { entries } = await checkWorkbookFile(path);
    checkMemory(path, entries, options.heapLimit);
    const packages = await guardRead(path, () => withZipParts(path, entries, readPackageInfo));
    if (options.streamSheets === 'never')
      return new XlsxWorkbook(path, await loadModel(path), null, packages);
    // correct values first: a workbook the streaming reader cannot fully read, or fails on, is loaded as a whole
    // (a file that is no workbook was refused by the file check; loadModel still names any other damage)
    const streamed = await readWorkbookStreaming(path, packages).catch(() => null);
    if (!streamed?.complete) return new XlsxWorkbook(path, await loadModel(path), null, packages);
    const { sheets, tables, dateSystem } = streamed;
    const byName = new Map(tables.map((table) => [table.name.toLowerCase(), table]));
    return new XlsxWorkbook(path, null, new SheetOverlay(sheets, byName, dateSystem));
  }

  async listSheets(): Promise<SheetInfo[]> {
    if (this.streamed) return this.streamed.listSheets();
    return this.model!.worksheets.map((sheet) => ({
      name: sheet.name,
      visibility: toVisibility(sheet.state),
    }));
  }

  async readSheet(name: string): Promise<SheetTable> {
    const sheet = this.streamed ? this.streamed.readSheet(name) : this.readFromModel(name);
    if (!sheet) throw new WorkbookError('sheetNotFound', name);
    return sheet;
  }

  async writeTable(request: WriteTableRequest): Promise<void> {
    try {
      if (this.streamed) this.streamed.write(request);
      else writeTableToWorkbook(this.model!, request);
    } catch (error) {
      throw new WorkbookError('hostError', request.sheet, { cause: error });
    }
  }

  async deleteSheet(name: string): Promise<void> {
    if (this.streamed) this.streamed.delete(name);
    else removeSheet(this.model!, name);
  }

  /** Writes the workbook to `path` via a temporary file in the same folder, so no half-written file remains. */
  async saveAs(path: string): Promise<void> {
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await this.writeFile(temporary);
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw new XlsxError(openErrorCode(error) === 'fileLocked' ? 'fileLocked' : 'writeFailed', path, {
        cause: error,
      });
    }
  }

  private async writeFile(path: string): Promise<void> {
    if (!this.streamed) return this.model!.xlsx.writeFile(path);
    const output = await patchWorkbook(await readFile(this.path), this.streamed.toPatch());
    await pipeline(output, createWriteStream(path));
  }

  private readFromModel(name: string): SheetTable | undefined {
    const sheet = findWorksheet(this.model!, name);
    return sheet && readModelSheet(sheet, this.model!.properties.date1904 ? 1904 : 1900, this.packages);
  }
}

const guardRead = async <T>(path: string, read: () => Promise<T>): Promise<T> => {
  try {
    return await read();
  } catch (error) {
    throw new XlsxError('notXlsx', path, { cause: error });
  }
};

const loadModel = async (path: string): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await guardRead(path, () => workbook.xlsx.readFile(path));
  // a zip without xl/workbook.xml (a .docx, any archive) loads as an empty workbook; real ones have a sheet
  if (workbook.worksheets.length === 0) throw new XlsxError('notXlsx', path);
  return workbook;
};

/** exceljs keeps a sheet's merged areas here, each with its model as an area. */
interface MergedAreas {
  _merges?: Record<string, { model: CellArea }>;
}

const readModelSheet = (
  sheet: ExcelJS.Worksheet,
  dateSystem: 1900 | 1904,
  packages: ReadonlyMap<string, SheetPackageInfo>,
): SheetTable => {
  const grid = new SheetGrid();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // the other cells of a merged area repeat the master's value; Excel shows it once
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (isUncalculated(cell.value)) grid.noteUncalculated(rowNumber, column);
      else grid.set(rowNumber, column, toCellValue(cell.value));
    });
  });
  const merges = Object.values((sheet as unknown as MergedAreas)._merges ?? {}).map(({ model }) => model);
  const info = packages.get(sheet.name.toLowerCase());
  return withSheetExtras(grid.toTable(sheet.name, dateSystem), info, merges, grid.uncalculated);
};
