import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isoToDay } from '../../../../src/core/kernel/values';
import { readContactHistory } from '../../../../src/core/read/contactHistory';
import { readAddinState } from '../../../../src/core/run/campaignRun';
import { sampleWorkbookTables } from '../../../../src/sample/sampleWorkbook';
import { installLayoutStubs, numberIn, renderPane, workbookWithCampaign } from '../../paneTestkit';

/**
 * Five managers the sales team called on 28 October (the sample's contact history), and two whom nobody contacted
 * since September.
 */
const people = (): string[] => {
  const entries = readContactHistory(sampleWorkbookTables())!.history.entries;
  const since = (key: string) =>
    entries.filter((entry) => entry.key === key && entry.day >= isoToDay('2026-10-01')!);
  // reached by the phone round only, not also by the letter of 2 November
  const called = new Set(
    entries
      .filter((entry) => entry.campaign === 'Telefonaktion Oktober 2026')
      .map((entry) => entry.key)
      .filter((key) => since(key).length === 1),
  );
  const quiet = [...new Set(entries.filter((entry) => !entry.control).map((entry) => entry.key))].filter(
    (key) => since(key).length === 0,
  );
  return [...[...called].slice(0, 5), quiet[0], quiet[1]].map((key) => key.replace(/^c:/, ''));
};

beforeAll(installLayoutStubs);

describe('1 · Kontaktgrenze', () => {
  it('sets a limit for the campaign, stores it as the workbook default and removes it again', async () => {
    const { workbook } = await workbookWithCampaign({
      type: 'event',
      selections: [{ from: 'contacts', ids: people() }],
    });
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('openCampaign') }));
    const count = () => numberIn(screen.getByTestId('member-count').textContent);
    await waitFor(() => expect(count()).toBe(7));
    await user.click(screen.getByRole('tab', { name: new RegExp(t('stepBasics')) }));

    expect(screen.getByText(t('contactLimitNone'))).toBeVisible();
    await user.click(screen.getByRole('button', { name: t('contactLimitSet') }));
    // the clock says 20 November: the call on 28 October lies within the last 30 days, not within the last 20
    await waitFor(() => expect(count()).toBe(2));
    const days = screen.getByRole('spinbutton', { name: t('contactLimitDays') });
    await user.clear(days);
    await user.type(days, '20');
    await waitFor(() => expect(count()).toBe(7));
    await user.clear(days);
    await user.type(days, '30');
    await waitFor(() => expect(count()).toBe(2));

    await user.click(screen.getByRole('button', { name: t('contactLimitSaveDefault') }));
    expect(await screen.findByTestId('contact-limit-result')).toHaveTextContent(
      t('contactLimitDefaultSaved'),
    );
    const stored = await readAddinState(workbook);
    expect(stored.ok && stored.value.contactLimit).toEqual({ contacts: 1, days: 30 });

    await user.click(screen.getByRole('button', { name: t('contactLimitFollowDefault') }));
    expect(screen.getByText(t('contactLimitWorkbook', { contacts: 1, days: 30 }))).toBeVisible();
    expect(count()).toBe(2);

    await user.click(screen.getByRole('button', { name: t('contactLimitRemoveDefault') }));
    await waitFor(() => expect(count()).toBe(7));
    const after = await readAddinState(workbook);
    expect(after.ok && after.value.contactLimit).toBeUndefined();
  }, 60_000);
});
