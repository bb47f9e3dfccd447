import type { WorkbookPort } from '../core/workbook/workbookPort';
import { ExcelWorkbook } from './excelWorkbook';
import { MIN_EXCEL_API } from './requirements';

/** Inside Excel: its workbook, or only the news that this Excel lacks ExcelApi MIN_EXCEL_API. */
export type ExcelConnection =
  | {
      status: 'ready';
      workbook: WorkbookPort;
      /** Office's UI language, e.g. "de-DE". */
      displayLanguage: string;
      /** Office's theme now, as its body background colour, e.g. "#262626" in dark Office; undefined in older hosts. */
      officeBackground(): string | undefined;
    }
  | { status: 'tooOld'; displayLanguage: string };

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
 * The workbook of the Excel that hosts the task pane ('tooOld' in an Excel without ExcelApi 1.7, which would fail on
 * the first read), or null outside Excel (browser preview, another Office app, office.js unreachable): the task pane
 * then starts in preview mode. Never waits longer than `timeoutMs`.
 */
export async function connectToExcel(timeoutMs: number): Promise<ExcelConnection | null> {
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(0, deadline - Date.now());
  const loader = typeof window === 'undefined' ? undefined : window.kampagnenOfficeLoaded;
  if (loader && !(await within(loader, left(), false))) return null;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  const info = await within(Office.onReady(), left(), null);
  if (!info || info.host !== Office.HostType.Excel) return null;
  const displayLanguage = Office.context.displayLanguage ?? 'de-DE';
  if (!Office.context.requirements.isSetSupported('ExcelApi', MIN_EXCEL_API))
    return { status: 'tooOld', displayLanguage };
  return {
    status: 'ready',
    workbook: new ExcelWorkbook(),
    displayLanguage,
    officeBackground: () => Office.context.officeTheme?.bodyBackgroundColor,
  };
}
