import { languageFromDisplayLanguage, type Language } from '../../core/kernel/language';
import type { WorkbookPort } from '../../core/workbook/workbookPort';
import { connectToExcel } from '../../excel/officeHost';
import { themeFromBackground, watchedTheme, type ThemeSource } from '../shell/paneTheme';

export type PaneMode = 'excel' | 'preview';

/** The pane on a workbook, or only one sentence because the hosting Excel is too old for it. */
export type PaneStart =
  | {
      mode: PaneMode;
      port: WorkbookPort;
      language: Language;
      theme: ThemeSource;
      /** The preview's played clock (`?today=`); the real one otherwise. */
      now?: () => Date;
    }
  | { mode: 'excelTooOld'; language: Language };

const OFFICE_TIMEOUT_MS = 5_000;

/**
 * Inside Excel the pane works on the open workbook. In a plain browser it runs on the in-memory workbook of the
 * preview (previewStart.ts), whose code is loaded only then: a pane in Excel neither loads nor runs it.
 */
export async function startPane(search: string): Promise<PaneStart> {
  const params = new URLSearchParams(search);
  const excel = await connectToExcel(OFFICE_TIMEOUT_MS);
  if (excel) {
    const language = languageFromDisplayLanguage(excel.displayLanguage);
    if (excel.status === 'tooOld') return { mode: 'excelTooOld', language };
    return {
      port: excel.workbook,
      language,
      mode: 'excel',
      theme: watchedTheme(() => themeFromBackground(excel.officeBackground())),
    };
  }
  const { startPreview } = await import('./previewStart');
  return startPreview(params);
}
