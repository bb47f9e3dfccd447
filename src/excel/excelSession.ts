import { isPayloadError, syncWithTimeout } from './hostErrors';
import { WorkbookError } from '../core/workbook/workbookError';

/** One Excel.run batch as the adapter's helpers use it: the context, its timed sync and what the host supports. */
export class ExcelSession {
  constructor(
    readonly context: Excel.RequestContext,
    private readonly syncTimeoutMs: number,
    readonly supportsExcelApi: (version: string) => boolean,
  ) {}

  sync(): Promise<void> {
    return syncWithTimeout(this.context, this.syncTimeoutMs);
  }

  /** Syncs one block of writes or reads; false when Office refused it as too large (it may be sent again, halved). */
  async syncBlock(): Promise<boolean> {
    try {
      await this.sync();
      return true;
    } catch (error) {
      if (isPayloadError(error)) return false;
      throw error;
    }
  }

  /** Heavy writes: no recalculation until the block's sync, where the host offers it (ExcelApi 1.6). */
  suspendCalculation(): void {
    if (this.supportsExcelApi('1.6')) this.context.workbook.application.suspendApiCalculationUntilNextSync();
  }

  /**
   * Runs `work` with the workbook's events off (ExcelApi 1.8), so that other add-ins' handlers do not fire per block,
   * and switches them on again whatever happens (not after a timeout: the host is not answering then).
   */
  async withoutEvents<T>(work: () => Promise<T>): Promise<T> {
    if (!this.supportsExcelApi('1.8')) return work();
    this.context.runtime.enableEvents = false;
    try {
      // on its own: in a request Office refuses as too large it would be lost, and the blocks sent again with events on
      await this.sync();
      const result = await work();
      this.context.runtime.enableEvents = true;
      await this.sync();
      return result;
    } catch (error) {
      const timedOut = error instanceof WorkbookError && error.code === 'hostTimeout';
      if (!timedOut) await this.restoreEvents();
      throw error;
    }
  }

  private async restoreEvents(): Promise<void> {
    this.context.runtime.enableEvents = true;
    try {
      await this.sync();
    } catch {
      // the write itself has failed or timed out; its error is the one to report
    }
  }
}
