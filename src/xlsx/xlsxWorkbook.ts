import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellArea, SheetTable } from '../core/kernel/sheetTable';
import { WorkbookError } from '../core/workbook/workbookError';
import { deletionColumns } from '../core/workbook/sheetUpdate';
import { deletionBlocker } from './patch/rowDeletion';
import { text } from './patch/packageIndex';
import type {
  DeletedRows,
  DeleteRowsRequest,
  SheetInfo,
  UpdateTableRequest,
  WorkbookPort,
  WriteTableRequest,
} from '../core/workbook/workbookPort';
import { isUncalculated, toCellValue } from './cellValues';
import { checkMemory, checkWorkbookFile } from './fileCheck';
import { readPackageInfo, type SheetPackageInfo } from './packageInfo';
import { readPackageIndex, type PackageIndex } from './patch/packageIndex';
import { SheetOverlay } from './patch/sheetOverlay';
import { patchWorkbook } from './patch/zipPatch';
import { SheetGrid } from './sheetGrid';
import { readWorkbookFast } from './fastReader';
import { withSheetExtras } from './sheetExtras';
import { openErrorCode, XlsxError } from './xlsxErrors';
import { withZipParts } from './zipDirectory';
import { lettingGoSheets, modelSheets, type InputSheets } from './inputSheets';

/**
 * How the values are read: 'always' (the default) streams them without exceljs' full model (several GB for a
 * million rows); a file the streaming reader cannot read completely is loaded as a whole instead. 'never' loads the
 * model (tests). Writing is the same either way: the changes are patched into a copy of the input package
 * (patch/zipPatch.ts).
 */
export type StreamSheets = 'always' | 'never';

export interface XlsxOpenOptions {
  streamSheets?: StreamSheets;
  /** The heap this process may use; a workbook that needs more is refused before reading. Default: V8's limit. */
  heapLimit?: number;
}

/** Where `saveAs` reports its temporary file while it exists: it holds personal data and must not be left behind. */
export interface TemporaryFiles {
  add(path: string): void;
  remove(path: string): void;
}

const MAX_COLUMNS = 16_384;

const untracked: TemporaryFiles = { add: () => undefined, remove: () => undefined };

/** The input's Excel tables and hyperlink targets per sheet (lower-case name). */
type Packages = ReadonlyMap<string, SheetPackageInfo>;

/**
 * The workbook port on an .xlsx file. The input file is only read; `saveAs` writes a new file atomically, in which
 * every part the add-in does not own keeps its bytes: charts, pivot tables, comments, names, protection survive.
 */
export class XlsxWorkbook implements WorkbookPort {
  private zip: Promise<JSZip> | undefined;

  private constructor(
    private readonly input: Buffer,
    private readonly inputSheets: InputSheets,
    private readonly overlay: SheetOverlay,
    private readonly index: PackageIndex,
  ) {}

  static async open(path: string, options: XlsxOpenOptions = {}): Promise<XlsxWorkbook> {
    const { entries } = await checkWorkbookFile(path);
    checkMemory(path, entries, options.heapLimit);
    const input = await readFile(path);
    const index = await guardRead(path, async () => readPackageIndex(await JSZip.loadAsync(input)));
    // a zip without xl/workbook.xml (a .docx, any archive) has no sheets; real workbooks have one
    if (index.sheets.length === 0) throw new XlsxError('notXlsx', path);
    const packages = await guardRead(path, () => withZipParts(path, entries, readPackageInfo));
    const sheets =
      options.streamSheets === 'never'
        ? await modelValues(path, input, packages)
        : await streamedValues(path, input, packages);
    return new XlsxWorkbook(input, sheets, new SheetOverlay(index, (name) => sheets.get(name)), index);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.overlay.listSheets();
  }

  async readSheet(name: string): Promise<SheetTable> {
    await this.inputSheets.load(name);
    const sheet = this.overlay.readSheet(name);
    if (!sheet) throw new WorkbookError('sheetNotFound', name);
    this.inputSheets.letGo(name);
    return sheet;
  }

  async writeTable(request: WriteTableRequest): Promise<SheetInfo> {
    try {
      return this.overlay.write(request);
    } catch (error) {
      throw new WorkbookError('hostError', request.sheet, { cause: error });
    }
  }

  async updateTable(request: UpdateTableRequest): Promise<SheetInfo> {
    await this.inputSheets.load(request.sheet);
    if (!this.overlay.readSheet(request.sheet)) throw new WorkbookError('sheetNotFound', request.sheet);
    try {
      return this.overlay.update(request);
    } catch (error) {
      throw new WorkbookError('hostError', request.sheet, { cause: error });
    }
  }

  /**
   * Deletes whole sheet rows, as Excel's "Delete sheet rows": the rows below move up and every reference to them —
   * formulas here and on other sheets, defined names, merged areas, hyperlinks, validation, conditional formats,
   * tables — follows (patch/rowDeletion.ts). Where that would break something this patcher cannot move, the rows'
   * cells are emptied in place instead ('cleared'): cells beside the table below the first row (Excel moves only the
   * table's columns; a whole-row delete would move those cells too), notes, pictures or charts anchored on the sheet
   * (their anchors live in drawing parts), a shared formula that reaches across a deleted row, or a chart or pivot
   * table that reads the sheet.
   */
  async deleteRows(request: DeleteRowsRequest): Promise<DeletedRows> {
    await this.inputSheets.load(request.sheet);
    const table = this.overlay.readSheet(request.sheet);
    if (!table) throw new WorkbookError('sheetNotFound', request.sheet);
    const area = deletionColumns(table, request.tableName);
    const rows = [...new Set(request.rows)]
      .filter((row) => area !== null && row >= area.top && row <= area.bottom)
      .sort((a, b) => a - b);
    if (!area || rows.length === 0) return { how: 'deleted', rows: 0 };
    try {
      if (await this.mustClear(request.sheet, table, rows, area)) {
        const cells = rows.flatMap((row) =>
          Array.from({ length: area.right - area.left + 1 }, (_, i) => ({
            row: row - 1,
            column: area.left - 1 + i,
            value: null,
          })),
        );
        this.overlay.update({
          sheet: request.sheet,
          cells,
          append: { column: 0, rows: [], textColumns: [] },
        });
        return { how: 'cleared', rows: rows.length };
      }
      this.overlay.deleteRows(request.sheet, rows, 1, MAX_COLUMNS);
      return { how: 'deleted', rows: rows.length };
    } catch (error) {
      throw new WorkbookError('hostError', request.sheet, { cause: error });
    }
  }

  private async mustClear(
    name: string,
    table: SheetTable,
    rows: number[],
    area: { left: number; right: number },
  ): Promise<boolean> {
    const startRow = table.startRow ?? 1;
    const startColumn = table.startColumn ?? 1;
    const beside = table.rows.some(
      (cells, i) =>
        startRow + i >= rows[0] &&
        cells.some(
          (cell, c) =>
            cell !== null && cell !== '' && (startColumn + c < area.left || startColumn + c > area.right),
        ),
    );
    if (beside) return true;
    const indexed = this.index.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
    if (!indexed?.part) return false;
    const zip = await (this.zip ??= JSZip.loadAsync(this.input));
    if (deletionBlocker(await text(zip, indexed.part), rows) !== null) return true;
    const readers = zip.file(/^xl\/(charts|pivotCache)\/[^/]+\.xml$/);
    const quoted = name.replace(/'/g, "''");
    for (const reader of readers) {
      const xml = await reader.async('string');
      if (xml.includes(`'${quoted}'!`) || xml.includes(`${name}!`)) return true;
    }
    return false;
  }

  async deleteSheet(name: string): Promise<void> {
    this.overlay.delete(name);
  }

  /** Writes the workbook to `path` via a temporary file in the same folder, so no half-written file remains. */
  async saveAs(path: string, temporaries: TemporaryFiles = untracked): Promise<void> {
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    temporaries.add(temporary);
    try {
      const output = await patchWorkbook(this.input, this.overlay.toPatch());
      await pipeline(output, createWriteStream(temporary));
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw new XlsxError(openErrorCode(error) === 'fileLocked' ? 'fileLocked' : 'writeFailed', path, {
        cause: error,
      });
    } finally {
      temporaries.remove(temporary);
    }
  }
}

const guardRead = async <T>(path: string, read: () => Promise<T>): Promise<T> => {
  try {
    return await read();
  } catch (error) {
    throw new XlsxError('notXlsx', path, { cause: error });
  }
};

/**
 * Every sheet's values in one pass over the file in memory, without exceljs' full model (several GB for a million-row
 * sheet) and without a Cell object per cell (fastReader.ts). A file it cannot read completely — one exceljs' streaming
 * reader, whose results it reproduces, could not either, as a sheet stored before workbook.xml — or fails on is loaded
 * as a whole instead. A file that is no workbook was refused by the file check; the model still names any other damage.
 */
const streamedValues = async (path: string, input: Buffer, packages: Packages): Promise<InputSheets> => {
  const read = await readWorkbookFast(input, packages).catch(() => null);
  if (!read?.complete) return modelValues(path, input, packages);
  return lettingGoSheets(read.tables, async (name) => {
    const again = await readWorkbookFast(input, packages, name);
    return again.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
  });
};

/** exceljs' model, for the values only; each sheet is read when asked for. */
const modelValues = async (path: string, input: Buffer, packages: Packages): Promise<InputSheets> => {
  const workbook = new ExcelJS.Workbook();
  await guardRead(path, () => workbook.xlsx.load(input as unknown as ArrayBuffer));
  const dateSystem = workbook.properties.date1904 ? 1904 : 1900;
  return modelSheets((name) => {
    const key = name.toLowerCase();
    const sheet = workbook.worksheets.find((candidate) => candidate.name.toLowerCase() === key);
    return sheet && readModelSheet(sheet, dateSystem, packages);
  });
};

/** exceljs keeps a sheet's merged areas here, each with its model as an area. */
interface MergedAreas {
  _merges?: Record<string, { model: CellArea }>;
}

const readModelSheet = (
  sheet: ExcelJS.Worksheet,
  dateSystem: 1900 | 1904,
  packages: Packages,
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
