import { randomBytes } from 'node:crypto';
import { open as openFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { SheetTable } from '../core/sheetTable';
import { WorkbookError } from '../core/workbookError';
import type { SheetInfo, WorkbookPort, WriteTableRequest } from '../core/workbookPort';
import { toCellValue } from './cellValues';
import { SheetGrid } from './sheetGrid';
import { readWorkbookStreaming, toVisibility } from './streamReader';
import { findWorksheet, removeSheet, writeTableToWorkbook } from './tableWriter';
import { openErrorCode, XlsxError } from './xlsxErrors';

/**
 * 'auto' streams the values of files above STREAM_THRESHOLD_BYTES; 'always' and 'never' force a mode (tests, benchmarks).
 * A file the streaming reader cannot read completely is loaded as a whole instead.
 * A streamed workbook still loads exceljs' full model once it is written to, because only the full model
 * can write the input back with every sheet and style intact.
 */
export type StreamSheets = 'auto' | 'always' | 'never';

export interface XlsxOpenOptions {
  streamSheets?: StreamSheets;
}

/** exceljs needs about 400 bytes of heap per cell; a 20 MB file holds a few million cells. */
export const STREAM_THRESHOLD_BYTES = 20 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The workbook port on an .xlsx file. The input file is only read; `saveAs` writes a new file atomically. */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    private readonly path: string,
    private model: ExcelJS.Workbook | null,
    private readonly streamed: Map<string, SheetTable> | null,
    private streamedSheets: SheetInfo[],
  ) {}

  static async open(path: string, options: XlsxOpenOptions = {}): Promise<XlsxWorkbook> {
    const size = await checkIsZipFile(path);
    const mode = options.streamSheets ?? 'auto';
    const stream = mode === 'always' || (mode === 'auto' && size > STREAM_THRESHOLD_BYTES);
    if (!stream) return new XlsxWorkbook(path, await loadModel(path), null, []);
    const { complete, sheets, tables } = await guardRead(path, () => readWorkbookStreaming(path));
    // correct values first: a workbook the streaming reader cannot fully read is loaded as a whole
    if (!complete) return new XlsxWorkbook(path, await loadModel(path), null, []);
    return new XlsxWorkbook(
      path,
      null,
      new Map(tables.map((table) => [table.name.toLowerCase(), table])),
      sheets,
    );
  }

  async listSheets(): Promise<SheetInfo[]> {
    if (!this.model) return this.streamedSheets.map((sheet) => ({ ...sheet }));
    return this.model.worksheets.map((sheet) => ({
      name: sheet.name,
      visibility: toVisibility(sheet.state),
    }));
  }

  async readSheet(name: string): Promise<SheetTable> {
    const streamed = this.streamed?.get(name.toLowerCase());
    if (streamed) return streamed;
    const sheet = this.model && findWorksheet(this.model, name);
    if (!sheet) throw new WorkbookError('sheetNotFound', name);
    return readModelSheet(sheet, this.dateSystem());
  }

  async writeTable(request: WriteTableRequest): Promise<void> {
    const model = await this.writableModel();
    try {
      writeTableToWorkbook(model, request);
    } catch (error) {
      throw new WorkbookError('hostError', request.sheet, { cause: error });
    }
    this.streamed?.delete(request.sheet.toLowerCase());
  }

  async deleteSheet(name: string): Promise<void> {
    removeSheet(await this.writableModel(), name);
    this.streamed?.delete(name.toLowerCase());
  }

  /** Writes the workbook to `path` via a temporary file in the same folder, so no half-written file remains. */
  async saveAs(path: string): Promise<void> {
    const model = await this.writableModel();
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await model.xlsx.writeFile(temporary);
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw new XlsxError(openErrorCode(error) === 'fileLocked' ? 'fileLocked' : 'writeFailed', path, {
        cause: error,
      });
    }
  }

  private dateSystem(): 1900 | 1904 {
    return this.model?.properties.date1904 ? 1904 : 1900;
  }

  private async writableModel(): Promise<ExcelJS.Workbook> {
    this.model ??= await loadModel(this.path);
    return this.model;
  }
}

/** Returns the file size; a missing file, a locked file or anything but a zip (.csv, .xls) fails here. */
const checkIsZipFile = async (path: string): Promise<number> => {
  try {
    const { size } = await stat(path);
    const handle = await openFile(path, 'r');
    const head = Buffer.alloc(ZIP_MAGIC.length);
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    if (!head.equals(ZIP_MAGIC)) throw new XlsxError('notXlsx', path);
    return size;
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(openErrorCode(error), path, { cause: error });
  }
};

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

const readModelSheet = (sheet: ExcelJS.Worksheet, dateSystem: 1900 | 1904): SheetTable => {
  const grid = new SheetGrid();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // the other cells of a merged area repeat the master's value; Excel shows it once
      if (cell.type !== ExcelJS.ValueType.Merge) grid.set(rowNumber, column, toCellValue(cell.value));
    });
  });
  return grid.toTable(sheet.name, dateSystem);
};
