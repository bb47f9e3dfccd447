import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open as openFile, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { SheetTable } from '../core/kernel/sheetTable';
import { WorkbookError } from '../core/workbook/workbookError';
import type { SheetInfo, WorkbookPort, WriteTableRequest } from '../core/workbook/workbookPort';
import { toCellValue } from './cellValues';
import { SheetOverlay } from './patch/sheetOverlay';
import { patchWorkbook } from './patch/zipPatch';
import { SheetGrid } from './sheetGrid';
import { readWorkbookStreaming, toVisibility } from './streamReader';
import { findWorksheet, removeSheet, writeTableToWorkbook } from './tableWriter';
import { openErrorCode, XlsxError } from './xlsxErrors';

/**
 * 'auto' streams the values of files above STREAM_THRESHOLD_BYTES; 'always' and 'never' force a mode (tests, benchmarks).
 * A file the streaming reader cannot read completely is loaded as a whole instead.
 * A streamed workbook never loads exceljs' full model (several GB for a million rows): written sheets are kept
 * aside and `saveAs` patches them into a copy of the input package (patch/zipPatch.ts).
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
    private readonly model: ExcelJS.Workbook | null,
    private readonly streamed: SheetOverlay | null,
  ) {}

  static async open(path: string, options: XlsxOpenOptions = {}): Promise<XlsxWorkbook> {
    const size = await checkIsZipFile(path);
    const mode = options.streamSheets ?? 'auto';
    const stream = mode === 'always' || (mode === 'auto' && size > STREAM_THRESHOLD_BYTES);
    if (!stream) return new XlsxWorkbook(path, await loadModel(path), null);
    const { complete, sheets, tables, dateSystem } = await guardRead(path, () => readWorkbookStreaming(path));
    // correct values first: a workbook the streaming reader cannot fully read is loaded as a whole
    if (!complete) return new XlsxWorkbook(path, await loadModel(path), null);
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
    return sheet && readModelSheet(sheet, this.model!.properties.date1904 ? 1904 : 1900);
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
