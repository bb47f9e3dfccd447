import type { SheetInfo, UpdateTableRequest, WriteTableRequest } from '../../src/core/workbook/workbookPort';
import type { SheetTable } from '../../src/core/kernel/sheetTable';
import { WorkbookError } from '../../src/core/workbook/workbookError';
import { MemoryWorkbook } from '../../src/memory/memoryWorkbook';
import { sampleWorkbookTables } from '../../src/sample/sampleWorkbook';

/**
 * The in-memory workbook with the failures Excel reports through the Office.js adapter, switched on and off by the
 * test: writes that time out, a sheet that cannot be read, a sheet list that cannot be had.
 */
export class FailingWorkbook extends MemoryWorkbook {
  writes: 'work' | 'timeOut' = 'work';
  listing: 'works' | 'fails' = 'works';
  readonly unreadable = new Set<string>();
  writeCount = 0;

  constructor(tables: SheetTable[] = sampleWorkbookTables()) {
    super(tables);
  }

  override async writeTable(request: WriteTableRequest): Promise<SheetInfo> {
    this.countWrite();
    return super.writeTable(request);
  }

  override async updateTable(request: UpdateTableRequest): Promise<SheetInfo> {
    this.countWrite();
    return super.updateTable(request);
  }

  private countWrite(): void {
    this.writeCount++;
    if (this.writes === 'timeOut') throw new WorkbookError('hostTimeout');
  }

  override async readSheet(name: string): Promise<SheetTable> {
    if (this.unreadable.has(name)) throw new WorkbookError('hostError', name);
    return super.readSheet(name);
  }

  override async listSheets(): Promise<SheetInfo[]> {
    if (this.listing === 'fails') throw new WorkbookError('hostError');
    return super.listSheets();
  }
}
