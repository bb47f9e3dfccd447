import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../src/core/kernel/language';
import { cellText } from '../../src/core/kernel/values';
import { findPerson, type PersonFound } from '../../src/core/run/personRun';
import { MemoryWorkbook } from '../../src/memory/memoryWorkbook';
import { sampleWorkbookTables } from '../../src/sample/sampleWorkbook';
import { createTranslator } from '../../src/i18n/i18n';
import { RESULTS_DIR } from './browserHarness';
import { assert, axeScan, check } from './checks';
import { layoutProbe } from './layoutProbe';

/** Someone the sample's contact history holds (its first row), found as `kampagne person` finds them. */
const samplePerson = async (): Promise<PersonFound> => {
  const workbook = new MemoryWorkbook(sampleWorkbookTables());
  const history = await workbook.readSheet('Kontakthistorie');
  const [headers, first] = history.rows;
  const found = await findPerson(workbook, { key: cellText(first[headers.indexOf('Personenschlüssel')]) });
  assert(found.ok && found.value.length === 1, 'the sample history names one person');
  return found.value[0];
};

/** Nothing past the pane, no clipped button, no cut text without a way to read it, no overlap. */
async function fitsAt(page: Page, width: number, where: string): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  const found = await page.evaluate(layoutProbe);
  const problems = Object.entries(found).filter(([, list]) => (list as unknown[]).length > 0);
  assert(problems.length === 0, `${where} at ${width} px: ${JSON.stringify(problems)}`);
}

/**
 * Issue 17 in the pane: the person search answers an Art. 15 request (campaigns with dates and group, sheets and rows
 * as links that show the row), and "Person löschen" forgets the person after asking — at 320 px, with axe.
 */
export async function personScenario(page: Page, baseUrl: string, language: Language): Promise<void> {
  const { t } = createTranslator(language);
  const person = await samplePerson();
  const results = page.getByTestId('person-results');

  await check(`${language}: the person search lists a person's campaigns and rows, at 320 px`, async () => {
    await page.goto(`${baseUrl}?lang=${language}`);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole('button', { name: t('personSearchOpen') }).click();
    await page.getByRole('textbox', { name: t('personSearchLabel') }).fill(person.email);
    await page.getByRole('button', { name: t('personSearchButton'), exact: true }).click();
    await results.waitFor();
    const text = await results.innerText();
    assert(text.includes(person.name), `the result does not name ${person.name}: ${text}`);
    assert(
      text.includes(t('personCampaigns', { count: person.campaigns.length })) && person.campaigns.length > 0,
      `the result does not count ${person.campaigns.length} campaigns: ${text}`,
    );
    for (const campaign of person.campaigns)
      assert(text.includes(campaign.campaign), `the result does not name the campaign ${campaign.campaign}`);
    await fitsAt(page, 320, 'person search');
    await results.screenshot({ path: join(RESULTS_DIR, `pane-${language}-40-person-search.png`) });
    await axeScan(page, 'person search');
  });

  await check(`${language}: a row of the person is a link that shows it in the workbook`, async () => {
    const history = person.rows.find((rows) => rows.kind === 'history');
    assert(history, 'the person has history rows');
    const where = t('excludedWhere', { sheet: history.sheet, row: history.rows[0] });
    await results.getByRole('button', { name: t('showRowLabel', { where }) }).click();
    const shown = await page.evaluate(() => window.kampagnenPreview?.shownRow());
    assert(
      shown?.sheet === history.sheet && shown.row === history.rows[0],
      `showed ${JSON.stringify(shown)} instead of ${history.sheet} ${history.rows[0]}`,
    );
  });

  await check(
    `${language}: "Person löschen" asks what goes and what stays, then forgets the person`,
    async () => {
      await results.getByRole('button', { name: t('forgetButton') }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      const asked = await dialog.innerText();
      assert(
        asked.includes(t('forgetBodyBlocklist')),
        `the question does not say what the Sperrliste keeps: ${asked}`,
      );
      await fitsAt(page, 320, 'forget question');
      await page.screenshot({ path: join(RESULTS_DIR, `pane-${language}-41-forget-question.png`) });
      await dialog.getByRole('button', { name: t('forgetConfirm') }).click();
      const outcome = page.getByTestId('forget-outcome');
      await outcome.waitFor();
      const said = await outcome.innerText();
      assert(said.includes(person.name), `the outcome does not name ${person.name}: ${said}`);
      await page.screenshot({ path: join(RESULTS_DIR, `pane-${language}-42-forgotten.png`) });
      await page.getByRole('button', { name: t('personSearchButton'), exact: true }).click();
      await results.waitFor();
      const after = await results.innerText();
      assert(after.includes(t('personCampaigns', { count: 0 })), `after forgetting: ${after}`);
      assert(
        after.includes(t('personKindBlocklist')),
        `after forgetting the person is not named on the Sperrliste: ${after}`,
      );
    },
  );
}
