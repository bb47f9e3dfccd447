import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isoToDay } from '../../../../src/core/kernel/values';
import { readContactHistory } from '../../../../src/core/read/contactHistory';
import { sampleWorkbookTables } from '../../../../src/sample/sampleWorkbook';
import { installLayoutStubs, renderPane, workbookWithCampaign } from '../../paneTestkit';

/** Three managers the sales team called in October and no campaign reached since (the sample's contact history). */
const calledInOctober = (): string[] => {
  const { entries } = readContactHistory(sampleWorkbookTables())!.history;
  const reachedLater = new Set(
    entries.filter((entry) => entry.day > isoToDay('2026-10-28')!).map((e) => e.key),
  );
  return entries
    .filter((entry) => entry.campaign === 'Telefonaktion Oktober 2026' && !reachedLater.has(entry.key))
    .slice(0, 3)
    .map((entry) => entry.key.replace(/^c:/, ''));
};

beforeAll(installLayoutStubs);

describe('3 · Zielgruppe with a contact limit', () => {
  it('lists whom the limit leaves out, with the campaign that reached them last and when', async () => {
    const { workbook } = await workbookWithCampaign({
      contactLimit: { contacts: 1, days: 30 },
      type: 'event',
      selections: [{ from: 'contacts', ids: calledInOctober() }],
    });
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('openCampaign') }));
    await user.click(await screen.findByRole('tab', { name: /^Ausgeschlossen/ }));
    const excluded = within(screen.getByRole('grid', { name: t('tabExcluded') }));
    expect(excluded.getAllByText('Kontaktgrenze erreicht')).toHaveLength(3);
    expect(excluded.getAllByText(/zuletzt „Telefonaktion Oktober 2026“ am 28\.10\.2026/)).toHaveLength(3);
  }, 60_000);
});
