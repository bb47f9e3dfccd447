import { languageFromDisplayLanguage } from '../../core/kernel/language';
import { saveAddinState } from '../../core/run/campaignRun';
import { MIN_EXCEL_API, versionAtLeast } from '../../excel/requirements';
import { MemoryWorkbook, parseFailures } from '../../memory/memoryWorkbook';
import { sampleState, sampleWorkbookTables } from '../../sample/sampleWorkbook';
import { themeFromParam, watchedTheme, type PaneTheme } from '../shell/paneTheme';
import { nextTask } from './pauses';
import type { PaneStart } from './startPane';

/**
 * The pane in a plain browser: on the in-memory workbook with the sample data and its campaign that already ran
 * (`?lang=en` for English, `?contacts=100000` for a large synthetic workbook, used by the benchmark;
 * `?workbook=twoContactSheets` for a workbook where the pane has to ask, see src/sample/readingCases.ts;
 * `?excelApi=1.1` plays an Excel too old for the add-in; `?fail=writeTable:KampagnenDaten` plays Excel failing, see
 * `offerPreviewControls`; `?today=2026-11-20` plays that day, so that the sample's contact history and running
 * evaluations stand where a browser run expects them).
 */
export async function startPreview(params: URLSearchParams): Promise<PaneStart> {
  const language = languageFromDisplayLanguage(params.get('lang'));
  let played = themeFromParam(params.get('theme'));
  const theme = watchedTheme(() => played);
  const playedExcelApi = params.get('excelApi');
  if (playedExcelApi !== null && !versionAtLeast(playedExcelApi, MIN_EXCEL_API))
    return { mode: 'excelTooOld', language };
  const port = await previewWorkbook(params);
  offerPreviewControls(port, params.get('fail') ?? '', (next) => (played = next));
  const now = playedClock(params.get('today'));
  return { port, language, mode: 'preview', theme, ...(now ? { now } : {}) };
}

/** That day, at the time of day it is now. */
const playedClock = (today: string | null): (() => Date) | undefined => {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today ?? '');
  if (!day) return undefined;
  return () => {
    const now = new Date();
    return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), now.getHours(), now.getMinutes());
  };
};

const previewWorkbook = async (params: URLSearchParams): Promise<MemoryWorkbook> => {
  const contacts = Number(params.get('contacts') ?? 0);
  if (contacts > 0) return new MemoryWorkbook(await largeWorkbook(contacts));
  const readingCase = await readingCaseTables(params.get('workbook'));
  if (readingCase) return new MemoryWorkbook(readingCase);
  // The sample comes with a campaign that already ran, so the evaluation has something to show.
  const port = new MemoryWorkbook(sampleWorkbookTables());
  await saveAddinState(port, sampleState());
  return port;
};

/** What the preview page offers its browser run: Excel failing on the given operations, and recovering. */
export interface PreviewControls {
  /** "writeTable:KampagnenDaten,readSheet": these fail from now on, as Excel's do. */
  fail(spec: string): void;
  /** Excel works again. */
  recover(): void;
  /** Office's theme switched to this one, as a user does under File › Account while the pane is open. */
  theme(theme: PaneTheme): void;
  /** The row the pane last showed "in Excel" (a note's link), as Excel would have it selected. */
  shownRow(): { sheet: string; row: number } | null;
  /**
   * A user typing into a sheet while the pane is open: the cell in the sheet's `row`-th and `column`-th place of what
   * a read returns (0-based). The pane notices when it next reads the workbook.
   */
  editCell(sheet: string, row: number, column: number, value: string): void;
}

declare global {
  interface Window {
    kampagnenPreview?: PreviewControls;
  }
}

/**
 * Only the preview's in-memory workbook can be told to fail (it starts failing with `?fail=`); a played theme switch is
 * noticed as Excel's is, when the pane next looks (focus).
 */
const offerPreviewControls = (
  port: MemoryWorkbook,
  failSpec: string,
  setTheme: (theme: PaneTheme) => void,
): void => {
  port.failures = parseFailures(failSpec);
  if (typeof window === 'undefined') return;
  window.kampagnenPreview = {
    shownRow: () => port.selection,
    editCell: (sheet, row, column, value) => port.editCell(sheet, row, column, value),
    theme: (theme) => {
      setTheme(theme);
      window.dispatchEvent(new Event('focus'));
    },
    fail: (more) => {
      port.failures = [...port.failures, ...parseFailures(more)];
    },
    recover: () => {
      port.failures = [];
    },
  };
};

/**
 * The browser benchmark's workbook (`?contacts=100000`), loaded on demand so the pane's bundle stays small. It measures
 * the contact lists, so sales are kept to one line per contact. Making it stands in for the workbook Excel already
 * holds when the pane opens, so it is marked as its own task ('standIn' in the Performance timeline) and the
 * benchmark leaves it out of the pane's time.
 */
const largeWorkbook = async (contacts: number) => {
  const { DEFAULT_SIZES, syntheticWorkbook } = await import('../../sample/syntheticWorkbook');
  const scale = contacts / DEFAULT_SIZES.contacts;
  // own tasks: the benchmark tells the stand-in's work from the pane's by these task boundaries
  await nextTask();
  performance.mark('standIn:start');
  const tables = syntheticWorkbook({
    ...DEFAULT_SIZES,
    contacts,
    customers: Math.ceil(DEFAULT_SIZES.customers * scale),
    sales: contacts,
  });
  performance.mark('standIn:end');
  await nextTask();
  return tables;
};

/** A workbook of src/sample/readingCases.ts, loaded on demand like the large one. */
const readingCaseTables = async (name: string | null) => {
  if (name === null) return null;
  const { READING_CASES, readingCase } = await import('../../sample/readingCases');
  const known = READING_CASES.find((candidate) => candidate === name);
  return known ? readingCase(known) : null;
};
