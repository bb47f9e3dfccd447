import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Language } from '../../src/core/kernel/language';
import { SAMPLE_CAMPAIGN } from '../../src/sample/sampleWorkbook';
import { createTranslator } from '../../src/i18n/i18n';
import type { MessageKey } from '../../src/i18n/de';
import { RESULTS_DIR, waitForWorkbook } from './browserHarness';
import { assert, axeViolations, campaignAction, check, chooseTab, isSevere } from './checks';
import { layoutProbe, type LayoutFindings } from './layoutProbe';

/** Excel's task-pane widths: Windows, the web, and a wide pane. */
export const PANE_WIDTHS = [320, 350, 500] as const;
const PANE_HEIGHT = 800;

export type Theme = 'light' | 'dark';

type Findings = LayoutFindings & { axe: string[] };
const RULES: Array<keyof Findings> = ['overflow', 'clippedButtons', 'cutText', 'overlaps', 'axe'];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A long name (the longest allowed is 60 characters), so that the one-line title has to shorten it. */
const LONG_NAME: Record<Language, string> = {
  de: 'Frühjahrsaktion Bürobedarf für Bestandskunden im Süden 2026',
  en: 'Spring office supplies for existing customers in the south',
};

async function findings(page: Page): Promise<Findings> {
  // tsx names functions through a helper the page does not have
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  const layout = await page.evaluate(layoutProbe);
  const axe = (await axeViolations(page))
    .filter(isSevere)
    .map((v) => `${v.id} (${v.impact}, ${v.nodes}×): ${v.html[0] ?? ''}`);
  return { ...layout, axe };
}

const settle = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * Every screen of the pane at 320, 350 and 500 × 800 px: nothing past the pane, no clipped button label, no text cut
 * without an ellipsis and a way to read it, no overlapping text, no serious axe violation. Screenshots of each screen
 * at 320 px (what the pane shows, and the whole screen); the counts per screen and width go to
 * test-results/narrow-<language>-<theme>.txt.
 */
export async function narrowScenario(
  context: BrowserContext,
  baseUrl: string,
  language: Language,
  theme: Theme,
): Promise<void> {
  const i18n = createTranslator(language);
  const { t } = i18n;
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const tag = theme === 'light' ? language : `${language}-${theme}`;
  const table: string[] = [`screen\twidth\t${RULES.join('\t')}`];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const tab = (key: MessageKey) => page.getByRole('tab', { name: t(key) });
  const subTab = (key: MessageKey) => chooseTab(page, t, new RegExp(`^${escapeRegExp(t(key))}`));
  const back = () => page.getByRole('button', { name: t('toOverview') });

  const screen = async (name: string, open: () => Promise<void>) =>
    check(`${tag}: ${name} fits at ${PANE_WIDTHS.join(', ')} px`, async () => {
      await open();
      const failures: string[] = [];
      for (const width of [...PANE_WIDTHS].reverse()) {
        await page.setViewportSize({ width, height: PANE_HEIGHT });
        await settle(page);
        const found = await findings(page);
        table.push([name, width, ...RULES.map((rule) => found[rule].length)].join('\t'));
        for (const rule of RULES)
          if (found[rule].length > 0)
            failures.push(
              `${width} px ${rule} (${found[rule].length}): ${found[rule].slice(0, 3).join(' | ')}`,
            );
      }
      await page.screenshot({ path: join(RESULTS_DIR, `pane-${tag}-320-${name}.png`) });
      await fullShot(page, join(RESULTS_DIR, `pane-${tag}-320-${name}-full.png`));
      assert(failures.length === 0, failures.join('\n'));
    });

  await screen('home', async () => {
    await page.setViewportSize({ width: PANE_WIDTHS[0], height: PANE_HEIGHT });
    await page.goto(`${baseUrl}?lang=${language}&theme=${theme}`);
    await waitForWorkbook(page, t);
  });
  await screen('mapping', async () => {
    await page.getByRole('button', { name: t('editMapping') }).click();
    await page.getByRole('dialog').waitFor();
  });
  await screen('step1-basics', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: t('newCampaign') }).click();
    await page.getByRole('textbox', { name: t('basicsName') }).fill(LONG_NAME[language]);
    await page.getByRole('radio', { name: new RegExp(language === 'de' ? '^E-Mail' : '^Email') }).check();
    await page.getByRole('button', { name: t('contactLimitSet') }).click();
  });
  await screen('step2-contacts', async () => {
    await page.getByRole('button', { name: t('next') }).click();
    await tab('methodContacts').click();
  });
  await screen('step2-customers', () => tab('methodCustomers').click());
  await screen('step2-articles', () => tab('methodArticles').click());
  await screen('step2-history', () => tab('methodHistory').click());
  await screen('step2-inactive', async () => {
    await tab('methodInactive').click();
    await page.getByRole('button', { name: t('applySelection'), exact: true }).click();
    await page.getByTestId('applied-result').waitFor();
  });
  await screen('step3-members', () => tab('stepTargetGroup').click());
  await screen('step3-excluded', () => subTab('tabExcluded'));
  await screen('step3-problems', () => subTab('tabProblems'));
  await screen('step3-history', () => subTab('tabHistory'));
  await screen('step4-use', () => tab('stepUse').click());
  await screen('evaluation', async () => {
    await back().click();
    await campaignAction(page, t, SAMPLE_CAMPAIGN.name, 'evaluate');
    await page.getByTestId('evaluation-summary').waitFor();
  });
  await screen('refresh', async () => {
    await page.getByRole('button', { name: t('back'), exact: true }).click();
    await campaignAction(page, t, SAMPLE_CAMPAIGN.name, 'refreshAction');
    await page.getByTestId('refresh-dialog').waitFor();
  });
  await check(`${tag}: no uncaught errors in the narrow pane`, async () =>
    assert(errors.length === 0, errors.join('; ')),
  );
  writeFileSync(join(RESULTS_DIR, `narrow-${tag}.txt`), `${table.join('\n')}\n`);
  await page.close();
}

/** The whole screen: the pane scrolls inside itself, so the viewport grows to its content for the shot. */
async function fullShot(page: Page, path: string): Promise<void> {
  const height = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('*')].map((element) => element.scrollHeight)),
  );
  await page.setViewportSize({
    width: PANE_WIDTHS[0],
    height: Math.min(Math.max(height, PANE_HEIGHT), 6000),
  });
  await settle(page);
  await page.screenshot({ path });
  await page.setViewportSize({ width: PANE_WIDTHS[0], height: PANE_HEIGHT });
}
