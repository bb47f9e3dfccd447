import { configure, render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import type { Language } from '../../src/core/kernel/language';
import type { StoredCampaign } from '../../src/core/campaign/campaign';
import { STATE_SHEET } from '../../src/core/workbook/sheetNames';
import { stateFromSheet } from '../../src/core/state/stateTable';
import type { SheetTable } from '../../src/core/kernel/sheetTable';
import { MemoryWorkbook } from '../../src/memory/memoryWorkbook';
import { sampleWorkbookTables } from '../../src/sample/sampleWorkbook';
import { App } from '../../src/taskpane/shell/App';
import { PaneSession } from '../../src/taskpane/services/paneSession';
import { createTranslator } from '../../src/i18n/i18n';
import type { MessageKey } from '../../src/i18n/de';

// findBy…/waitFor give up after 1 s by default; a loaded 2-core CI machine needs longer to render Fluent dialogs.
configure({ asyncUtilTimeout: 15_000 });

/**
 * jsdom has no layout: Fluent needs a ResizeObserver, the virtual lists need a viewport height, and Fluent's focus
 * manager (Tabster) takes an element without an offsetParent, or a page whose body has no size, for hidden. Without the
 * last two a dialog focuses its own surface instead of its first control; Tabster then never activates the dialog's
 * focus trap and, on its next update (a timer), hides the dialog from screen readers, so whether a test finds the
 * dialog's buttons depended on how fast the machine was.
 */
export function installLayoutStubs(): void {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return this.isConnected ? this.parentElement : null;
    },
  });
  document.body.getBoundingClientRect = () =>
    ({ x: 0, y: 0, top: 0, left: 0, right: 400, bottom: 600, width: 400, height: 600 }) as DOMRect;
}

/**
 * The pane's clock in tests: a few days after the sample workbook's "Stand 15.11.2026", so what depends on today
 * (inactive customers, a campaign's start, "Geändert") is the same on every run. Local time, as the user's clock.
 */
export const TEST_NOW = new Date(2026, 10, 20, 9, 30);
export const testClock = (): Date => new Date(TEST_NOW);

export interface RenderedPane {
  workbook: MemoryWorkbook;
  session: PaneSession;
  t: ReturnType<typeof createTranslator>['t'];
}

export async function renderPane(
  options: {
    language?: Language;
    tables?: SheetTable[];
    workbook?: MemoryWorkbook;
    waitFor?: MessageKey;
  } = {},
): Promise<RenderedPane> {
  const language = options.language ?? 'de';
  const workbook = options.workbook ?? new MemoryWorkbook(options.tables ?? sampleWorkbookTables());
  const session = new PaneSession(workbook, language, { now: testClock });
  const { t } = createTranslator(language);
  render(<App session={session} mode="preview" />);
  await screen.findByRole('button', { name: t(options.waitFor ?? 'newCampaign') }, { timeout: 10_000 });
  // the campaigns show before the sheets are read; the tests start where the user's data is there
  if (!options.waitFor) await waitForSheetsRead(t);
  return { workbook, session, t };
}

/** Waits until the pane no longer says "Arbeitsmappe wird gelesen …". */
export const waitForSheetsRead = (t: RenderedPane['t']): Promise<void> =>
  waitFor(() => expect(screen.queryByText(t('loading'))).toBeNull(), { timeout: 10_000 });

/** The number in a text such as "23 Empfänger" or "1.234 recipients". */
export const numberIn = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));

/** A workbook with the sample data and one stored campaign, as a returning user finds it. */
export async function workbookWithCampaign<W extends MemoryWorkbook = MemoryWorkbook>(
  fields: Partial<StoredCampaign> = {},
  language: Language = 'de',
  workbook: W = new MemoryWorkbook(sampleWorkbookTables()) as W,
): Promise<{ workbook: W; campaign: StoredCampaign }> {
  const session = new PaneSession(workbook, language, { now: testClock });
  await session.load();
  const createdAt = '2026-11-01T08:00:00.000Z';
  const campaign = await session.saveCampaign(
    {
      id: 'K-test',
      name: 'Herbstaktion',
      type: 'email',
      language,
      selections: [{ from: 'customers', ids: ['10002', '10003'] }],
      removed: [],
      createdAt,
      updatedAt: createdAt,
      memberCount: 0,
      ...fields,
    },
    createdAt,
  );
  return { workbook, campaign };
}

/** The add-in's state as stored in the workbook's very hidden sheet. */
export async function storedState(workbook: MemoryWorkbook) {
  const state = stateFromSheet(await workbook.readSheet(STATE_SHEET));
  if (!state.ok) throw new Error(state.error.detail);
  return state.value;
}

/** A campaign's card on the home screen, by (part of) its name. */
export const campaignCard = (name: RegExp): HTMLElement => screen.getByRole('listitem', { name });
export const findCampaignCard = (name: RegExp): Promise<HTMLElement> =>
  screen.findByRole('listitem', { name });

/** Auswerten, Duplizieren or Löschen from the ⋯ menu of the first campaign card whose name matches. */
export async function chooseCampaignAction(
  user: { click(element: Element): Promise<void> },
  name: RegExp,
  action: string,
): Promise<void> {
  const card = campaignCard(name);
  const menu = card.querySelector('button[aria-haspopup]');
  if (!menu) throw new Error('the card has no ⋯ menu');
  await user.click(menu);
  await user.click(await screen.findByRole('menuitem', { name: action }));
}
