import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  installLayoutStubs,
  numberIn,
  renderPane,
  storedState,
  workbookWithCampaign,
} from '../../paneTestkit';

beforeAll(installLayoutStubs);

async function openStoredCampaign() {
  const { workbook } = await workbookWithCampaign();
  const pane = await renderPane({ workbook });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: pane.t('openCampaign') }));
  await screen.findByRole('tab', { name: /^Mitglieder/ });
  return { ...pane, user };
}

describe('3 · Zielgruppe', () => {
  it('lists the members with their source selection', async () => {
    const { t } = await openStoredCampaign();
    const members = screen.getByRole('list', { name: t('tabMembers') });
    const first = within(members).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent('Quelle: 1: Kundenstamm (2 ausgewählt)');
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(
      within(members).getAllByRole('listitem').length,
    );
  });

  it('removes a member for good, shows it as excluded by hand, and restores it', async () => {
    const { t, user, workbook } = await openStoredCampaign();
    const before = numberIn(screen.getByTestId('member-count').textContent);
    const [remove] = screen.getAllByRole('button', { name: /aus der Zielgruppe entfernen/ });
    const name =
      /^(.+) aus der Zielgruppe entfernen$/.exec(remove.getAttribute('aria-label') ?? '')?.[1] ?? '';
    await user.click(remove);

    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(before - 1);
    await waitFor(async () => expect((await storedState(workbook)).campaigns[0].removed).toHaveLength(1));

    await user.click(screen.getByRole('tab', { name: /^Ausgeschlossen/ }));
    const excluded = screen.getByRole('list', { name: t('tabExcluded') });
    expect(excluded).toHaveTextContent(`${name} · von Hand entfernt`);
    await user.click(within(excluded).getByRole('button', { name: `${name} wiederherstellen` }));
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(before);
    await waitFor(async () => expect((await storedState(workbook)).campaigns[0].removed).toEqual([]));
  });

  it('shows the data problems with sheet, row and what is wrong', async () => {
    const { t, user } = await openStoredCampaign();
    await user.click(screen.getByRole('tab', { name: /^Hinweise/ }));
    const list = screen.getByRole('list', { name: t('tabProblems') });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => /Kunden|Kontakte|Umsätze/.test(row.textContent ?? ''))).toBe(true);
  });

  it('keeps the selection history, and removing a selection empties the group', async () => {
    const { t, user } = await openStoredCampaign();
    await user.click(screen.getByRole('tab', { name: /^Auswahlen/ }));
    expect(screen.getByRole('listitem')).toHaveTextContent(
      /1: Kundenstamm \(2 ausgewählt\)\s*\d+ hinzugefügt/,
    );
    await user.click(screen.getByRole('button', { name: /Auswahl entfernen/ }));
    expect(screen.getByText(t('historyEmpty'))).toBeInTheDocument();
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(0);
  });
});
