import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../src/core/kernel/language';
import { SAMPLE_AUTUMN_CAMPAIGN, SAMPLE_CAMPAIGN } from '../../src/sample/sampleWorkbook';
import { createTranslator } from '../../src/i18n/i18n';
import { RESULTS_DIR } from './browserHarness';
import { assert, axeScan, check, chooseTab, findInVirtualList } from './checks';

/** The sample's reference day: the October phone round and the November letter lie within the last 30 days. */
const SAMPLE_DAY = '2026-11-15';
const PHONE_ROUND = 'Telefonaktion Oktober 2026';

const countIn = (text: string): number => Number(text.replace(/\D/g, ''));

/**
 * Issue 17 in the pane, at 320 px: a contact limit set in step 1 leaves out whom the contact history names, another
 * campaign's control group stays protected, and a selection on the history takes people out.
 */
export async function historyScenario(page: Page, baseUrl: string, language: Language): Promise<void> {
  const i18n = createTranslator(language);
  const { t } = i18n;
  const shot = (step: string) =>
    page.screenshot({ path: join(RESULTS_DIR, `pane-${language}-320-${step}.png`) });
  const memberCount = async () => countIn(await page.getByTestId('member-count').innerText());
  const excludedRow = (text: string) => findInVirtualList(page, t('tabExcluded'), text);

  await check(
    `${language}: a contact limit set in step 1 leaves out whom the history names; a running evaluation's control group is protected`,
    async () => {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${baseUrl}?lang=${language}&today=${SAMPLE_DAY}`);
      await page.getByRole('button', { name: t('newCampaign') }).click();
      await page
        .getByRole('textbox', { name: t('basicsName') })
        .fill(language === 'de' ? 'Adventsgruß' : 'Advent greeting');
      await page.getByRole('button', { name: t('contactLimitSet') }).click();
      const limit = page.getByTestId('contact-limit');
      await limit.getByRole('spinbutton', { name: t('contactLimitDays') }).waitFor();
      await limit.scrollIntoViewIfNeeded();
      await shot('history-01-contact-limit');
      await axeScan(page, 'contact limit');
      await page.getByRole('button', { name: t('next') }).click();

      await page.getByRole('searchbox', { name: t('search') }).fill('Geschäftsführung');
      await page
        .getByRole('button', { name: new RegExp(t('selectAllFiltered').replace('{count}', '\\d+')) })
        .click();
      const preview = page.getByTestId('selection-preview');
      await preview
        .filter({ hasText: new RegExp(t('previewExcluded').replace('{excluded}', '\\d+')) })
        .waitFor();
      await page.getByRole('button', { name: t('applySelection'), exact: true }).click();
      const applied = await page.getByTestId('applied-result').innerText();
      assert(
        applied.includes(i18n.reason('contactLimit')) &&
          applied.includes(i18n.reason('controlGroupProtected')),
        `"${applied}" names neither the limit nor the protected control group`,
      );

      await page.getByRole('tab', { name: t('stepTargetGroup') }).click();
      await chooseTab(page, t, new RegExp(`^${t('tabExcluded')}`));
      const limited = await (await excludedRow(i18n.reason('contactLimit'))).innerText();
      assert(
        limited.includes(PHONE_ROUND) || limited.includes(SAMPLE_AUTUMN_CAMPAIGN.name),
        `"${limited}" names no campaign that reached the person`,
      );
      const guarded = await excludedRow(i18n.reason('controlGroupProtected'));
      const guardedText = await guarded.innerText();
      assert(guardedText.includes(SAMPLE_AUTUMN_CAMPAIGN.name), `"${guardedText}" names no campaign`);
      await guarded.scrollIntoViewIfNeeded();
      await shot('history-02-excluded');
    },
  );

  await check(
    `${language}: a selection on the history takes out the recipients of an earlier campaign`,
    async () => {
      await page.getByRole('tab', { name: t('stepRecipients') }).click();
      await page.getByRole('tab', { name: t('methodHistory') }).click();
      await page.getByRole('switch', { name: t('selectionModeRemove') }).check();
      await page.getByRole('combobox', { name: t('historyCampaign') }).selectOption(SAMPLE_CAMPAIGN.name);
      const preview = page.getByTestId('selection-preview');
      const wouldRemove = new RegExp(t('previewWouldRemove').replace('{removed}', '([\\d.,]+)'));
      await preview.filter({ hasText: wouldRemove }).waitFor();
      const removed = countIn(wouldRemove.exec(await preview.innerText())?.[1] ?? '');
      assert(removed > 0, 'the autumn letter reached none of the managers left');
      await shot('history-03-removal');
      await axeScan(page, 'history selection');
      const before = await memberCount();
      await page.getByRole('button', { name: t('applyRemoval'), exact: true }).click();
      await page.waitForFunction(
        (previous) =>
          document.querySelector('[data-testid="member-count"]')?.textContent?.replace(/\D/g, '') !==
          previous,
        String(before),
      );
      assert(
        (await memberCount()) === before - removed,
        `${await memberCount()} members ≠ ${before} − ${removed}`,
      );
      await page.setViewportSize({ width: 420, height: 900 });
    },
  );
}
