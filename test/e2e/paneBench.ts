/* eslint-disable no-console -- a command-line script: printing is its job */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createTranslator } from '../../src/i18n/i18n';
import { OFFICE_CDN, RESULTS_DIR, ensureBuild, launchBrowser, startServer } from './browserHarness';

/**
 * Benchmark (not a test) of the task pane in chromium on a synthetic workbook of 100,000 contacts:
 * time to first render, filter-typing to updated list, applying a selection of 50,000; and the longest main-thread
 * task seen (Office restarts an add-in whose UI is blocked for more than 5 s); removing one of the ~42,000 members in
 * step 3, click to updated count and the longest task until the auto-save is done.
 */
const CONTACTS = 100_000;
const { t } = createTranslator('de');

const textOf = (page: Page, testId: string) => page.getByTestId(testId).innerText();

async function waitForChange(page: Page, testId: string, previous: string): Promise<void> {
  await page.waitForFunction(
    ([id, before]) => {
      const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
      return text !== before && text !== '';
    },
    [testId, previous] as const,
    { timeout: 120_000, polling: 'raf' },
  );
}

/** Waits until the pane has been idle a while, then forgets the long tasks seen so far. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(2_000);
  await longestTask(page);
}

const longestTask = (page: Page) =>
  page.evaluate(() => {
    const tasks = (window as unknown as { longTasks?: number[] }).longTasks ?? [];
    const longest = Math.max(0, ...tasks);
    tasks.length = 0;
    return Math.round(longest);
  });

async function main(): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (!process.argv.includes('--no-build')) await ensureBuild();
  const server = await startServer();
  const browser = await launchBrowser();
  const figures: Record<string, number> = {};
  try {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    await context.route(OFFICE_CDN, (route) => route.abort());
    await context.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => tasks.push(entry.duration)),
      ).observe({
        type: 'longtask',
        buffered: true,
      });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);

    let started = Date.now();
    await page.goto(`${server.url}?contacts=${CONTACTS}`);
    await page.getByTestId('preview-badge').waitFor();
    figures.firstRenderMs = Date.now() - started;
    await page.getByRole('button', { name: t('newCampaign') }).waitFor();
    figures.workbookReadyMs = Date.now() - started;
    figures.longestTaskLoadingMs = await longestTask(page);

    await page.getByRole('button', { name: t('newCampaign') }).click();
    await page.getByRole('textbox', { name: t('basicsName') }).fill('Benchmark');
    await page.getByRole('button', { name: t('next') }).click();
    started = Date.now();
    await page.getByTestId('selected-count').waitFor();
    figures.contactListReadyMs = Date.now() - started;

    const search = page.getByRole('searchbox', { name: t('search') });
    let before = await textOf(page, 'selected-count');
    started = Date.now();
    await search.fill('Berlin');
    await waitForChange(page, 'selected-count', before);
    figures.filterTypingToListMs = Date.now() - started;

    before = await textOf(page, 'selected-count');
    started = Date.now();
    await search.pressSequentially(' Frau', { delay: 0 });
    await waitForChange(page, 'selected-count', before);
    figures.filterKeystrokesToListMs = Date.now() - started;

    // about half of the synthetic contacts are "Frau": the selection of ~50,000 the issue asks to measure
    before = await textOf(page, 'selected-count');
    await search.fill('Frau');
    await waitForChange(page, 'selected-count', before);
    figures.selectedRows = Number(
      (await textOf(page, 'selected-count')).match(/([\d.,]+) angezeigt/)?.[1].replace(/\D/g, ''),
    );
    figures.longestTaskFilteringMs = await longestTask(page);

    started = Date.now();
    await page.getByRole('button', { name: /gefilterten auswählen/ }).click();
    await page
      .getByTestId('selection-preview')
      .filter({ hasText: /^Würde/ })
      .waitFor();
    figures.select50000PreviewMs = Date.now() - started;

    started = Date.now();
    await page.getByRole('button', { name: t('applySelection'), exact: true }).click();
    await page.getByTestId('applied-result').waitFor();
    figures.apply50000Ms = Date.now() - started;
    figures.longestTaskSelectingMs = await longestTask(page);
    figures.members = Number((await textOf(page, 'member-count')).replace(/\D/g, ''));

    await page.getByRole('tab', { name: t('stepTargetGroup') }).click();
    const removeLabel = new RegExp(t('removeMemberLabel').replace('{name}', '.+'));
    await page.getByRole('button', { name: removeLabel }).first().waitFor();
    await settle(page);
    before = await textOf(page, 'member-count');
    started = Date.now();
    await page.getByRole('button', { name: removeLabel }).first().click();
    await waitForChange(page, 'member-count', before);
    figures.memberRemovalMs = Date.now() - started;
    await page.waitForTimeout(2_000); // the auto-save that follows is main-thread work of the removal too
    figures.longestTaskRemovalMs = await longestTask(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'pane-bench-100000.png') });
    await context.close();
  } finally {
    await browser.close();
    server.stop();
  }
  console.table(figures);
  writeFileSync(
    join(RESULTS_DIR, 'pane-bench.json'),
    JSON.stringify({ contacts: CONTACTS, ...figures }, null, 2),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
