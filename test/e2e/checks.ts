/* eslint-disable no-console -- a command-line script: printing is its job */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Translator } from '../../src/i18n/i18n';
import { ROOT } from './browserHarness';

/** The browser run's checks: each prints ✓ or ✗ with the first lines of its error, and is counted at the end. */
export interface Outcome {
  name: string;
  error?: string;
}
export const outcomes: Outcome[] = [];

export async function check(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    outcomes.push({ name });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    outcomes.push({ name, error: error instanceof Error ? error.message : String(error) });
    console.log(
      `  ✗ ${name}\n      ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : error}`,
    );
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: number;
  html: string[];
}

/** axe-core's violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: object,
            options: object,
          ): Promise<{
            violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ html: string }> }>;
          }>;
        };
      }
    ).axe;
    // Fluent's focus manager (tabster) adds invisible, aria-hidden sentinels that pass focus on by design.
    const context = { include: [document], exclude: [['[data-tabster-dummy]']] };
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      html: v.nodes.slice(0, 2).map((node) => node.html.slice(0, 200)),
    }));
  });
}

export const isSevere = (violation: AxeViolation): boolean =>
  violation.impact === 'serious' || violation.impact === 'critical';

/** Fails on a serious or critical violation; prints the minor ones. */
export async function axeScan(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  const severe = violations.filter(isSevere);
  const minor = violations.filter((v) => !isSevere(v));
  if (minor.length > 0)
    console.log(`      axe (${where}), minor: ${minor.map((v) => `${v.id}/${v.impact}`).join(', ')}`);
  assert(
    severe.length === 0,
    `axe ${where}: ${severe.map((v) => `${v.id} (${v.impact}, ${v.nodes}×): ${v.help} ${v.html.join(' | ')}`).join('; ')}`,
  );
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A campaign's card on the home screen, found by its name. */
export const campaignCard = (page: Page, name: string): Locator =>
  page.getByRole('listitem', { name: new RegExp(escapeRegExp(name)) });

/** Öffnen is on the card; Auswerten, Duplizieren and Löschen are in its ⋯ menu. */
export async function campaignAction(
  page: Page,
  t: Translator['t'],
  name: string,
  action: 'openCampaign' | 'evaluate' | 'duplicateCampaign' | 'deleteCampaign' | 'refreshAction',
): Promise<void> {
  const card = campaignCard(page, name);
  if (action === 'openCampaign') {
    await card.getByRole('button', { name: t('openCampaign') }).click();
    return;
  }
  await card.getByRole('button', { name: t('campaignActions', { name }) }).click();
  await page.getByRole('menuitem', { name: t(action) }).click();
}

/** A tab by its name, from the "Mehr" menu when the pane has no room to show it. */
export async function chooseTab(page: Page, t: Translator['t'], name: RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name });
  if (await tab.isVisible()) {
    await tab.click();
    return;
  }
  await page.getByRole('button', { name: t('moreTabs'), exact: true }).click();
  await page.getByRole('menuitem', { name }).click();
}

/** The first row of a virtual list (a grid) that holds the text, scrolled into view. */
export async function findInVirtualList(page: Page, listName: string, text: string): Promise<Locator> {
  const list = page.getByRole('grid', { name: listName });
  const item = list.getByRole('row').filter({ hasText: text });
  for (let step = 0; step < 400 && (await item.count()) === 0; step++)
    await list.evaluate((element) => element.scrollBy(0, 240));
  return item.first();
}
