import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Language } from '../../src/core/kernel/language';
import { describeProblem } from '../../src/core/kernel/problemMessages';
import { STATE_SHEET } from '../../src/core/workbook/sheetNames';
import { SAMPLE_CAMPAIGN } from '../../src/sample/sampleWorkbook';
import { createTranslator } from '../../src/i18n/i18n';
import type { PreviewControls } from '../../src/taskpane/services/previewStart';
import { RESULTS_DIR, waitForWorkbook } from './browserHarness';
import { assert, axeScan, campaignAction, campaignCard, check } from './checks';

/** Excel failing, played by the preview's in-memory workbook (src/taskpane/services/startPane.ts). */
const fail = (page: Page, spec: string) =>
  page.evaluate(
    (played) => (window as { kampagnenPreview?: PreviewControls }).kampagnenPreview?.fail(played),
    spec,
  );
const recover = (page: Page) =>
  page.evaluate(() => (window as { kampagnenPreview?: PreviewControls }).kampagnenPreview?.recover());

/** The element the keyboard is on: its accessible name as the page gives it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    return element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName;
  });

/**
 * Each action of the pane with Excel failing under it, at 320 px: it ends in a message beside it with the core's
 * sentence and "Erneut versuchen", no spinner stays, the keyboard is back on the button that started it, and the retry
 * works once Excel does again.
 */
export async function failuresScenario(
  context: BrowserContext,
  baseUrl: string,
  language: Language,
): Promise<void> {
  const i18n = createTranslator(language);
  const { t } = i18n;
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const hostError = (sheet?: string) =>
    describeProblem({ code: 'hostError', severity: 'error', sheet }, language);
  const shot = (name: string) =>
    page.screenshot({ path: join(RESULTS_DIR, `pane-${language}-320-failure-${name}.png`) });
  const noSpinner = async () =>
    assert((await page.getByRole('progressbar').count()) === 0, 'a spinner is left on screen');
  const failedWith = async (bar: Locator, title: string, sentence: string) => {
    await bar.filter({ hasText: title }).waitFor();
    const text = await bar.innerText();
    assert(text.includes(sentence), `message "${text}" lacks the core's sentence "${sentence}"`);
    await noSpinner();
  };
  const retry = (bar: Locator) => bar.getByRole('button', { name: t('retry') }).click();
  const moreOf = (name: string) => t('campaignActions', { name });
  const copyName = `${SAMPLE_CAMPAIGN.name} ${t('copySuffix')}`;

  await page.goto(`${baseUrl}?lang=${language}`);
  await waitForWorkbook(page, t);

  await check(
    `${language}: a duplicate Excel refuses says so beside the list, and "Erneut versuchen" makes it`,
    async () => {
      await fail(page, `writeTable:${STATE_SHEET}`);
      await campaignAction(page, t, SAMPLE_CAMPAIGN.name, 'duplicateCampaign');
      const bar = page.getByTestId('home-outcome');
      await failedWith(bar, t('duplicateFailed', { name: SAMPLE_CAMPAIGN.name }), hostError(STATE_SHEET));
      assert((await focused(page)) === moreOf(SAMPLE_CAMPAIGN.name), `focus on "${await focused(page)}"`);
      await shot('duplicate');
      await axeScan(page, 'duplicate failed');
      await recover(page);
      await retry(bar);
      await bar.filter({ hasText: t('duplicated', { name: SAMPLE_CAMPAIGN.name }) }).waitFor();
      await campaignCard(page, copyName).waitFor();
    },
  );

  await check(
    `${language}: a delete Excel refuses keeps the campaign, says why, and deletes on retry`,
    async () => {
      await fail(page, `writeTable:${STATE_SHEET}`);
      await campaignAction(page, t, copyName, 'deleteCampaign');
      await page
        .getByRole('alertdialog')
        .getByRole('button', { name: t('deleteConfirm') })
        .click();
      const bar = page.getByTestId('home-outcome');
      await failedWith(bar, t('removeFailed', { name: copyName }), hostError(STATE_SHEET));
      await campaignCard(page, copyName).waitFor();
      assert((await focused(page)) === moreOf(copyName), `focus on "${await focused(page)}"`);
      await shot('delete');
      await recover(page);
      await retry(bar);
      await bar.filter({ hasText: t('removed', { name: copyName }) }).waitFor();
      await campaignCard(page, copyName).waitFor({ state: 'detached' });
    },
  );

  await check(
    `${language}: a mapping Excel does not store ends the spinner with the reason, and retry stores it`,
    async () => {
      await fail(page, `writeTable:${STATE_SHEET}`);
      await page.getByRole('button', { name: t('editMapping') }).click();
      await page.getByRole('button', { name: t('mappingSave') }).click();
      const bar = page.getByTestId('load-failed');
      await failedWith(bar, hostError(STATE_SHEET), hostError(STATE_SHEET));
      await shot('mapping');
      await axeScan(page, 'mapping not stored');
      await recover(page);
      await retry(bar);
      await waitForWorkbook(page, t);
      await noSpinner();
    },
  );

  await check(
    `${language}: an edit auto-save cannot store shows "Nicht gespeichert" and is stored on retry`,
    async () => {
      await campaignAction(page, t, SAMPLE_CAMPAIGN.name, 'openCampaign');
      await page.getByRole('tab', { name: t('stepBasics') }).click();
      await fail(page, `writeTable:${STATE_SHEET}`);
      const description = page.getByRole('textbox', { name: t('basicsDescription') });
      await description.fill('Nach Rückfrage beim Vertrieb');
      const bar = page.getByTestId('save-failed');
      await failedWith(bar, t('notSaved'), hostError(STATE_SHEET));
      await shot('auto-save');
      await recover(page);
      await retry(bar);
      await bar.waitFor({ state: 'detached' });
    },
  );

  await check(
    `${language}: a step-4 action Excel refuses names what did not happen and why, and works on retry`,
    async () => {
      await page.getByRole('tab', { name: t('stepUse') }).click();
      const start = page.getByRole('button', { name: t('useTargetSheet') });
      await fail(page, 'writeTable');
      await start.click();
      const bar = page.getByTestId('use-outcome');
      await failedWith(bar, t('failedTargetSheet'), hostError());
      assert((await focused(page)) === t('useTargetSheet'), `focus on "${await focused(page)}"`);
      await shot('target-sheet');
      await axeScan(page, 'target sheet failed');
      await recover(page);
      await retry(bar);
      await bar.filter({ hasText: t('resultTargetSheet').split('}')[1].split('{')[0] }).waitFor();
      await noSpinner();
    },
  );

  await check(`${language}: an evaluation Excel cannot read says why, and evaluates on retry`, async () => {
    await fail(page, 'readSheet');
    await page.getByRole('button', { name: t('evaluateUse') }).click();
    const bar = page.getByTestId('evaluation-failed');
    await failedWith(bar, hostError().slice(0, 12), t('retry'));
    await shot('evaluation');
    await recover(page);
    await retry(bar);
    await page.getByRole('button', { name: t('evaluationWriteSheet') }).waitFor();
    await noSpinner();
  });
  await page.close();
}
