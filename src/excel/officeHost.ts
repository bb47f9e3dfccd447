import type { WorkbookPort } from '../core/workbook/workbookPort';
import { ExcelWorkbook } from './excelWorkbook';

export interface ExcelConnection {
  workbook: WorkbookPort;
  /** Office's UI language, e.g. "de-DE". */
  displayLanguage: string;
}

declare global {
  interface Window {
    /** Set by taskpane.html while it loads office.js from the CDN: true when loaded, false when it failed. */
    kampagnenOfficeLoaded?: Promise<boolean>;
  }
}

const within = <T>(promise: Promise<T>, timeoutMs: number, fallback: T): Promise<T> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });

/**
 * The workbook of the Excel that hosts the task pane, or null outside Excel (browser preview, another Office app,
 * office.js unreachable): the task pane then starts in preview mode. Never waits longer than `timeoutMs`.
 */
export async function connectToExcel(timeoutMs: number): Promise<ExcelConnection | null> {
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(0, deadline - Date.now());
  const loader = typeof window === 'undefined' ? undefined : window.kampagnenOfficeLoaded;
  if (loader && !(await within(loader, left(), false))) return null;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  const info = await within(Office.onReady(), left(), null);
  if (!info || info.host !== Office.HostType.Excel) return null;
  return { workbook: new ExcelWorkbook(), displayLanguage: Office.context.displayLanguage ?? 'de-DE' };
}
