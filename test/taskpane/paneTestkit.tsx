import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import type { Language } from '../../src/core/campaign';
import type { SheetTable } from '../../src/core/sheetTable';
import { MemoryWorkbook } from '../../src/memory/memoryWorkbook';
import { sampleWorkbookTables } from '../../src/sample/sampleWorkbook';
import { App } from '../../src/taskpane/components/App';
import { PaneSession } from '../../src/taskpane/services/paneSession';
import { createTranslator } from '../../src/i18n/i18n';

/** jsdom has no layout: Fluent needs a ResizeObserver, and the virtual lists need a viewport height. */
export function installLayoutStubs(): void {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
}

export interface RenderedPane {
  workbook: MemoryWorkbook;
  session: PaneSession;
  t: ReturnType<typeof createTranslator>['t'];
}

export async function renderPane(
  options: { language?: Language; tables?: SheetTable[]; workbook?: MemoryWorkbook } = {},
): Promise<RenderedPane> {
  const language = options.language ?? 'de';
  const workbook = options.workbook ?? new MemoryWorkbook(options.tables ?? sampleWorkbookTables());
  const session = new PaneSession(workbook, language);
  const { t } = createTranslator(language);
  render(<App session={session} mode="preview" />);
  await screen.findByRole('button', { name: t('newCampaign') }, { timeout: 10_000 });
  return { workbook, session, t };
}

/** The number in a text such as "23 Empfänger" or "1.234 recipients". */
export const numberIn = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));
