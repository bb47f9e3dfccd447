/* eslint-disable no-console -- a command-line script: printing is its job */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Language } from '../../src/core/kernel/language';
import { createTranslator } from '../../src/i18n/i18n';
import { RESULTS_DIR, waitForWorkbook } from './browserHarness';
import { SAMPLE_CAMPAIGN } from '../../src/sample/sampleWorkbook';
import { assert, campaignAction, campaignCard, check } from './checks';

/** Issue 16: a campaign made with the keyboard alone stays within this many Tab presses (427 to "Hinzufügen" before). */
const TAB_BOUND = 60;
const PICKED = 3;

const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((element) => element === document.activeElement);

/** Creates a campaign with Tab, arrows, Space, Enter and typing only: no click, no focus() on the page. */
export async function keyboardScenario(page: Page, baseUrl: string, language: Language): Promise<void> {
  const { t } = createTranslator(language);
  let tabs = 0;
  const tabTo = async (target: Locator, what: string): Promise<void> => {
    for (let press = 0; press <= TAB_BOUND && !(await isFocused(target)); press++) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    assert(await isFocused(target), `${what} not reached after ${tabs} Tab presses`);
  };

  await check(
    `${language}: a campaign is created with the keyboard alone, within ${TAB_BOUND} Tabs`,
    async () => {
      await page.goto(`${baseUrl}?lang=${language}`);
      const newCampaign = page.getByRole('button', { name: t('newCampaign') });
      await waitForWorkbook(page, t);
      await tabTo(newCampaign, 'Neue Kampagne');
      await page.keyboard.press('Enter');

      const name = page.getByRole('textbox', { name: t('basicsName') });
      await name.waitFor();
      await tabTo(name, 'the name field');
      await page.keyboard.type(language === 'de' ? 'Tastatur ohne Maus' : 'Keyboard without mouse');
      await tabTo(page.getByRole('button', { name: t('next') }), 'Weiter');
      await page.keyboard.press('Enter');

      const list = page.getByRole('grid', { name: t('recordList') });
      await list.waitFor();
      await tabTo(list, 'the contact list');
      for (let row = 0; row < PICKED; row++) {
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
      }
      await page.screenshot({ path: join(RESULTS_DIR, `pane-${language}-keyboard-picks.png`) });
      const selected = await page.getByTestId('selected-count').innerText();
      assert(selected.startsWith(`${PICKED} `), `"${selected}" after ${PICKED} rows picked with Space`);
      const add = page.getByRole('button', { name: t('applySelection'), exact: true });
      await tabTo(add, 'Hinzufügen');
      console.log(`      ${tabs} Tab presses from the home screen to "${t('applySelection')}"`);
      await page.keyboard.press('Enter');
      // a picked contact may be excluded (no e-mail address in an e-mail campaign): step 3 shows those added
      const applied = await page.getByTestId('applied-result').innerText();
      const added = Number(/^(\d+)/.exec(applied)?.[1]);
      assert(added > 0 && added <= PICKED, `"${applied}" after adding ${PICKED} picked contacts`);

      // the step tabs are one Tab stop: back to them, then the arrow keys choose step 3
      const stepTab = page.getByRole('tab', { selected: true, name: t('stepRecipients') });
      for (let press = 0; press <= TAB_BOUND && !(await isFocused(stepTab)); press++) {
        await page.keyboard.press('Shift+Tab');
        tabs += 1;
      }
      assert(await isFocused(stepTab), 'the step tabs not reached with Shift+Tab');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.getByRole('tab', { selected: true, name: t('stepTargetGroup') }).waitFor();
      const members = await page.getByTestId('member-count').innerText();
      assert(Number(members.replace(/\D/g, '')) === added, `member count "${members}" after "${applied}"`);
      console.log(`      ${tabs} Tab and Shift+Tab presses in all`);
      assert(tabs <= TAB_BOUND, `${tabs} Tab presses, at most ${TAB_BOUND} expected`);
    },
  );

  await check(
    `${language}: a question closed with the mouse or with Escape gives the keyboard back to the ⋯ that opened it`,
    async () => {
      // jsdom's focus handling does not run Fluent's restorer on a click: only a browser shows this
      await page.goto(`${baseUrl}?lang=${language}`);
      const opener = campaignCard(page, SAMPLE_CAMPAIGN.name).getByRole('button', {
        name: t('campaignActions', { name: SAMPLE_CAMPAIGN.name }),
      });
      for (const close of ['mouse', 'Escape'] as const) {
        await campaignAction(page, t, SAMPLE_CAMPAIGN.name, 'deleteCampaign');
        const question = page.getByRole('alertdialog');
        if (close === 'mouse') await question.getByRole('button', { name: t('cancel') }).click();
        else await page.keyboard.press('Escape');
        await question.waitFor({ state: 'detached' });
        await page.waitForFunction(
          () => document.activeElement?.getAttribute('aria-haspopup') === 'menu',
          undefined,
          { timeout: 5_000 },
        );
        assert(await isFocused(opener), `closed with ${close}: the focus is not on the ⋯ of the campaign`);
      }
    },
  );
}
