import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Language } from '../../src/core/kernel/language';
import { REFRESH_CATEGORIES, refreshCounts, type RefreshDiff } from '../../src/core/run/refresh';
import { saveAddinState } from '../../src/core/run/campaignRun';
import { createTranslator } from '../../src/i18n/i18n';
import { MemoryWorkbook } from '../../src/memory/memoryWorkbook';
import { SAMPLE_CAMPAIGN, sampleState, sampleWorkbookTables } from '../../src/sample/sampleWorkbook';
import { PaneSession } from '../../src/taskpane/services/paneSession';
import type { PreviewControls } from '../../src/taskpane/services/previewStart';
import { RESULTS_DIR, waitForWorkbook } from './browserHarness';
import { assert, axeScan, campaignCard, check } from './checks';

/**
 * The sample's letter to the Geschäftsführung, used on 1 September; then, in Excel: Nicole Krause (Einkauf) becomes
 * Geschäftsführung, Stefanie Lange (Geschäftsführung) unsubscribes. Places are those of a read of "Kontakte".
 */
const EDITS: Array<{ row: number; column: number; value: string }> = [
  { row: 2, column: 6, value: 'Geschäftsführung' },
  { row: 1, column: 10, value: 'ja' },
];

/** What the core says the refresh must show, from the same workbook with the same edits (the pane's own use case). */
async function expectedDiff(language: Language): Promise<RefreshDiff> {
  const port = new MemoryWorkbook(sampleWorkbookTables());
  await saveAddinState(port, sampleState());
  for (const { row, column, value } of EDITS) port.editCell('Kontakte', row, column, value);
  const session = new PaneSession(port, language);
  const { data } = await session.load();
  if (!data.ok) throw new Error('the sample does not load');
  const stored = session.campaigns.find((campaign) => campaign.name === SAMPLE_CAMPAIGN.name)!;
  return session.refreshPreview(data.value, stored)!.diff;
}

const edit = (page: Page) =>
  page.evaluate((edits) => {
    const controls = (window as { kampagnenPreview?: PreviewControls }).kampagnenPreview;
    for (const { row, column, value } of edits) controls?.editCell('Kontakte', row, column, value);
  }, EDITS);

/**
 * "Aktualisieren" at 320 px: the sample workbook is edited after its campaign was used; the dialog lists what the core
 * computes for the same edits, by category, and "Alle übernehmen" changes the card's member count to the new group's.
 */
export async function refreshScenario(
  context: BrowserContext,
  baseUrl: string,
  language: Language,
): Promise<void> {
  const { t } = createTranslator(language);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const name = SAMPLE_CAMPAIGN.name;
  const expected = await expectedDiff(language);
  const counts = refreshCounts(expected);

  await page.goto(`${baseUrl}?lang=${language}`);
  await waitForWorkbook(page, t);

  await check(
    `${language}: Aktualisieren shows what changed in the workbook since the campaign was used`,
    async () => {
      assert(counts.added > 0 && counts.optOut > 0, `the edits change too little: ${JSON.stringify(counts)}`);
      await edit(page);
      const card = campaignCard(page, name);
      await card.getByRole('button', { name: t('campaignActions', { name }) }).click();
      await page.getByRole('menuitem', { name: t('refreshAction') }).click();
      const dialog = page.getByTestId('refresh-dialog');
      await dialog.waitFor();
      const headline = t('refreshHeadline', {
        before: expected.before,
        after: expected.after,
        unchanged: expected.unchanged,
      });
      const text = await dialog.innerText();
      assert(text.includes(headline), `no "${headline}" in: ${text.slice(0, 300)}`);
      for (const category of REFRESH_CATEGORIES) {
        const list = page.getByTestId(`refresh-${category}`);
        const shown = counts[category] === 0 ? 0 : await list.getByRole('listitem').count();
        assert(
          shown === Math.min(counts[category], 100),
          `${category}: ${shown} shown, ${counts[category]} expected`,
        );
        if (counts[category] > 0)
          await dialog
            .getByRole('heading', { name: t(`refresh_${category}`, { count: counts[category] }) })
            .waitFor();
      }
      const added = await page.getByTestId('refresh-added').innerText();
      const optOut = await page.getByTestId('refresh-optOut').innerText();
      assert(added.includes('Nicole Krause'), `new matches: ${added}`);
      assert(optOut.includes('Stefanie Lange'), `new opt-outs: ${optOut}`);
      await page.screenshot({ path: join(RESULTS_DIR, `pane-${language}-320-refresh-diff.png`) });
      await axeScan(page, 'refresh dialog');
    },
  );

  await check(`${language}: "Alle übernehmen" stores the new group and the card counts it`, async () => {
    await page.getByRole('button', { name: t('refreshAcceptAll') }).click();
    await page
      .getByTestId('home-outcome')
      .filter({ hasText: t('refreshed', { name, count: expected.after }) })
      .waitFor();
    const card = await campaignCard(page, name).innerText();
    assert(card.includes(t('memberCount', { count: expected.after })), `card: ${card}`);
  });

  await check(`${language}: a second Aktualisieren finds nothing new`, async () => {
    const card = campaignCard(page, name);
    await card.getByRole('button', { name: t('campaignActions', { name }) }).click();
    await page.getByRole('menuitem', { name: t('refreshAction') }).click();
    const dialog = page.getByTestId('refresh-dialog');
    await dialog.getByText(t('refreshNothing')).waitFor();
    await dialog.getByRole('button', { name: t('close') }).click();
    await dialog.waitFor({ state: 'detached' });
  });
  await page.close();
}
