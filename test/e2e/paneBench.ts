/* eslint-disable no-console -- a command-line script: printing is its job */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createTranslator } from '../../src/i18n/i18n';
import { single } from '../../bench/measure';
import { OFFICE_CDN, RESULTS_DIR, ensureBuild, launchBrowser, startServer } from './browserHarness';

/**
 * Benchmark (not a test) of the task pane in chromium on a synthetic workbook of 100,000 contacts (issue 16;
 * BENCH_PANE_CONTACTS for another count, `npm run bench -- pane` runs it at 300,000 for issue 19):
 * time to first render, to the usable home screen and to the sheets read, filter-typing to updated list, applying a selection of half
 * the contacts (50,000 at 100,000); and the longest main-thread task seen (Office restarts an add-in whose UI is
 * blocked for more than 5 s); removing one of the members in step 3, click to updated count and the longest task until
 * the auto-save is done. `--figures <out.json>` also writes them as bench figures (`pane.<name>`, bench/measure.ts).
 */
const CONTACTS = Number(process.env.BENCH_PANE_CONTACTS ?? 100_000);
const figuresOut = process.argv.includes('--figures')
  ? process.argv[process.argv.indexOf('--figures') + 1]
  : undefined;
const { t } = createTranslator('de');

const textOf = (page: Page, testId: string) => page.getByTestId(testId).innerText();

/**
 * Resolves once the element's text is new. Started before the action: a wait started after it (waitForFunction) ran
 * the harness's script in the page between the render and the frame that showed it, 10–40 ms of every keystroke's
 * figure that a user in Excel does not have.
 */
const changeOf = (page: Page, testId: string, previous: string): Promise<void> =>
  page.evaluate(
    ([id, before]) =>
      new Promise<void>((resolve) => {
        // no named functions in here: tsx would wrap them in a helper the page does not have
        const counter = `[data-testid="${id}"]`;
        const observer = new MutationObserver(() => {
          const text = document.querySelector(counter)?.textContent ?? '';
          if (text === before || text === '') return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
        const text = document.querySelector(counter)?.textContent ?? '';
        if (text !== before && text !== '') resolve();
      }),
    [testId, previous] as const,
  );

interface KeyTimeline {
  /** When the browser received each keystroke (its keydown, or a pasted word's input event). */
  keys: number[];
  /** The animation frames that first showed each new text of the selected count. */
  countFrames: number[];
}

/** Records keystrokes and the frames that show a new count, from step 2 on (an observer from the start would slow the loading it measures). */
const recordKeyTimeline = (page: Page) =>
  page.evaluate(() => {
    const timeline: KeyTimeline = { keys: [], countFrames: [] };
    (window as unknown as { keyTimeline: KeyTimeline }).keyTimeline = timeline;
    let keyDownAt: number | null = null;
    document.addEventListener('keydown', (event) => (keyDownAt = event.timeStamp), true);
    document.addEventListener(
      'beforeinput',
      (event) => {
        timeline.keys.push(keyDownAt ?? event.timeStamp);
        keyDownAt = null;
      },
      true,
    );
    // no named functions in here: tsx would wrap them in a helper the page does not have
    const counter = '[data-testid="selected-count"]';
    let count = document.querySelector(counter)?.textContent ?? '';
    new MutationObserver(() => {
      const text = document.querySelector(counter)?.textContent ?? '';
      if (text === count) return;
      count = text;
      requestAnimationFrame(() => timeline.countFrames.push(performance.now()));
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });

/**
 * Keystroke → filtered list as the user sees it, measured in the page once typing has settled: from the keystroke
 * whose result the count showed last to the frame that showed it. The harness's own round trip per key is left out.
 */
async function keystrokeToFrame(page: Page): Promise<number> {
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const { keys, countFrames } = (window as unknown as { keyTimeline: KeyTimeline }).keyTimeline;
    const frame = countFrames[countFrames.length - 1];
    const key = Math.max(...keys.filter((at) => at < frame));
    keys.length = 0;
    countFrames.length = 0;
    return Math.round(frame - key);
  });
}

/** Waits until the pane has been idle a while, then forgets the long tasks seen so far. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(2_000);
  await longestTask(page);
}

interface LongTask {
  startTime: number;
  duration: number;
}

/** The longest task seen since the last call, but the task that made the stand-in workbook (see standInMs). */
const longestTask = (page: Page) =>
  page.evaluate(() => {
    const tasks = (window as unknown as { longTasks?: LongTask[] }).longTasks ?? [];
    const [start] = performance.getEntriesByName('standIn:start');
    const [end] = performance.getEntriesByName('standIn:end');
    const ours = tasks.filter(
      (task) =>
        start === undefined ||
        end === undefined ||
        task.startTime + task.duration <= start.startTime ||
        task.startTime >= end.startTime,
    );
    const longest = Math.max(0, ...ours.map((task) => task.duration));
    tasks.length = 0;
    return Math.round(longest);
  });

/** How long the page took to make the synthetic workbook: in Excel the workbook is open before the pane starts. */
const standInMs = (page: Page) =>
  page.evaluate(() => {
    const [start] = performance.getEntriesByName('standIn:start');
    const [end] = performance.getEntriesByName('standIn:end');
    return start && end ? Math.round(end.startTime - start.startTime) : 0;
  });

/** The figures as bench/results.json records, filed under the contact count; written even when a step failed. */
const writeBenchFigures = (path: string, figures: Record<string, number>): void => {
  const unit = (name: string) => (name.endsWith('Ms') ? 'ms' : name === 'members' ? 'members' : 'contacts');
  const records = Object.entries(figures).map(([name, value]) =>
    single(`pane.${name}`, String(CONTACTS), unit(name), value),
  );
  writeFileSync(path, JSON.stringify(records));
};

async function main(): Promise<void> {
  if (!Number.isInteger(CONTACTS) || CONTACTS <= 0)
    throw new Error(
      `BENCH_PANE_CONTACTS must be a positive whole number, not ${process.env.BENCH_PANE_CONTACTS}`,
    );
  // Stopped by bench/run.ts's timeout: leave by exit, so the preview server's exit handler stops it.
  process.once('SIGTERM', () => process.exit(143));
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (!process.argv.includes('--no-build')) await ensureBuild();
  const server = await startServer();
  const browser = await launchBrowser();
  const figures: Record<string, number> = {};
  try {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    await context.route(OFFICE_CDN, (route) => route.abort());
    await context.addInitScript(() => {
      const tasks: LongTask[] = [];
      (window as unknown as { longTasks: LongTask[] }).longTasks = tasks;
      new PerformanceObserver((list) =>
        list.getEntries().forEach(({ startTime, duration }) => tasks.push({ startTime, duration })),
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
    figures.standInMs = await standInMs(page);
    // What a user in Excel waits for: the page's time without making the stand-in workbook.
    figures.firstUsableScreenMs = figures.workbookReadyMs - figures.standInMs;
    // the campaigns and "Neue Kampagne" show before the sheets are read; this is when the data is there
    await page.getByText(t('loading'), { exact: true }).waitFor({ state: 'hidden' });
    figures.sheetsReadMs = Date.now() - started - figures.standInMs;
    figures.longestTaskLoadingMs = await longestTask(page);

    await page.getByRole('button', { name: t('newCampaign') }).click();
    await page.getByRole('textbox', { name: t('basicsName') }).fill('Benchmark');
    await page.getByRole('button', { name: t('next') }).click();
    started = Date.now();
    await page.getByTestId('selected-count').waitFor();
    figures.contactListReadyMs = Date.now() - started;

    const search = page.getByRole('searchbox', { name: t('search') });
    await recordKeyTimeline(page);
    let changed = changeOf(page, 'selected-count', await textOf(page, 'selected-count'));
    started = Date.now();
    await search.fill('Berlin');
    await changed;
    figures.filterTypingWallMs = Date.now() - started;
    figures.filterTypingToListMs = await keystrokeToFrame(page);

    changed = changeOf(page, 'selected-count', await textOf(page, 'selected-count'));
    started = Date.now();
    await search.pressSequentially(' Frau', { delay: 0 });
    await changed;
    figures.filterKeystrokesWallMs = Date.now() - started;
    figures.filterKeystrokesToListMs = await keystrokeToFrame(page);

    // about half of the synthetic contacts are "Frau": the selection of ~50,000 at 100,000 issue 16 asks to measure
    changed = changeOf(page, 'selected-count', await textOf(page, 'selected-count'));
    await search.fill('Frau');
    await changed;
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
    figures.selectHalfPreviewMs = Date.now() - started;

    started = Date.now();
    await page.getByRole('button', { name: t('applySelection'), exact: true }).click();
    await page.getByTestId('applied-result').waitFor();
    figures.applyHalfMs = Date.now() - started;
    figures.longestTaskSelectingMs = await longestTask(page);
    figures.members = Number((await textOf(page, 'member-count')).replace(/\D/g, ''));

    await page.getByRole('tab', { name: t('stepTargetGroup') }).click();
    const removeLabel = new RegExp(t('removeMemberLabel').replace('{name}', '.+'));
    await page.getByRole('button', { name: removeLabel }).first().waitFor();
    await settle(page);
    changed = changeOf(page, 'member-count', await textOf(page, 'member-count'));
    started = Date.now();
    await page.getByRole('button', { name: removeLabel }).first().click();
    await changed;
    figures.memberRemovalMs = Date.now() - started;
    await page.waitForTimeout(2_000); // the auto-save that follows is main-thread work of the removal too
    figures.longestTaskRemovalMs = await longestTask(page);
    await page.screenshot({ path: join(RESULTS_DIR, `pane-bench-${CONTACTS}.png`) });
    await context.close();
  } finally {
    await browser.close();
    server.stop();
    if (figuresOut) writeBenchFigures(figuresOut, figures);
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
