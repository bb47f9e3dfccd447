import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StoredCampaign } from '../../../../src/core/campaign/campaign';
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

async function openCampaignSelecting(selections: StoredCampaign['selections']) {
  const { workbook } = await workbookWithCampaign({ selections });
  const pane = await renderPane({ workbook });
  await userEvent.setup().click(screen.getByRole('button', { name: pane.t('openCampaign') }));
  await screen.findByRole('tab', { name: /^Mitglieder/ });
  return pane;
}

describe('3 · Zielgruppe', () => {
  it('names one merged row in the singular', async () => {
    // customer 10010 has one person on two contact rows
    await openCampaignSelecting([{ from: 'customers', ids: ['10010'] }]);
    expect(screen.getByTestId('members-merged')).toHaveTextContent(/^1 Zeile zusammengeführt$/);
  });

  it('names several merged rows in the plural', async () => {
    await openCampaignSelecting([{ from: 'contacts' }]);
    const text = screen.getByTestId('members-merged').textContent ?? '';
    expect(text).toMatch(/^\d+ Zeilen zusammengeführt$/);
    expect(numberIn(text)).toBeGreaterThan(1);
  });

  it('lists the members with their source selection', async () => {
    const { t } = await openStoredCampaign();
    const members = screen.getByRole('grid', { name: t('tabMembers') });
    const first = within(members).getAllByRole('row')[0];
    expect(first).toHaveTextContent('Quelle: 1: Kundenstamm (2 ausgewählt)');
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(
      within(members).getAllByRole('row').length,
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
    const excluded = screen.getByRole('grid', { name: t('tabExcluded') });
    // on top, where the user looks right after removing someone, before the type rules' exclusions
    expect(within(excluded).getAllByRole('row')[0]).toHaveTextContent(`${name} · von Hand entfernt`);
    await user.click(within(excluded).getByRole('button', { name: `${name} wiederherstellen` }));
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(before);
    await waitFor(async () => expect((await storedState(workbook)).campaigns[0].removed).toEqual([]));
  });

  it('puts a member on the Sperrliste after asking: the sheet gets the entry and the member is excluded for it', async () => {
    const { t, user, workbook } = await openStoredCampaign();
    const before = numberIn(screen.getByTestId('member-count').textContent);
    const [menu] = screen.getAllByRole('button', { name: /^Weitere Aktionen für / });
    const name = /^Weitere Aktionen für (.+)$/.exec(menu.getAttribute('aria-label') ?? '')?.[1] ?? '';
    const blocklistRows = (await workbook.readSheet('Sperrliste')).rows.length;

    await user.click(menu);
    await user.click(await screen.findByRole('menuitem', { name: t('blockMember') }));
    const dialog = await screen.findByRole('alertdialog', { name: t('blockTitle', { name }) });
    await user.click(within(dialog).getByRole('button', { name: t('cancel') }));
    expect((await workbook.readSheet('Sperrliste')).rows).toHaveLength(blocklistRows);

    // Escape cancels too, and gives the focus back to the ⋯ that opened the question
    await user.click(menu);
    await user.click(await screen.findByRole('menuitem', { name: t('blockMember') }));
    await screen.findByRole('alertdialog', { name: t('blockTitle', { name }) });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(menu).toHaveFocus());
    expect((await workbook.readSheet('Sperrliste')).rows).toHaveLength(blocklistRows);

    await user.click(menu);
    await user.click(await screen.findByRole('menuitem', { name: t('blockMember') }));
    await user.click(await screen.findByRole('button', { name: t('blockConfirm') }));
    expect(await screen.findByTestId('blocklist-outcome')).toHaveTextContent(
      `${name} steht jetzt auf der Sperrliste (Blatt „Sperrliste“) und ist ausgeschlossen.`,
    );
    const rows = (await workbook.readSheet('Sperrliste')).rows;
    expect(rows).toHaveLength(blocklistRows + 1);
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(before - 1);
    // the closing dialog hides the rest of the pane from the accessibility tree until it is gone
    await user.click(await screen.findByRole('tab', { name: /^Ausgeschlossen/ }));
    const excluded = screen.getByRole('grid', { name: t('tabExcluded') });
    expect(excluded).toHaveTextContent(`${name} · Sperrliste`);
    await waitFor(async () =>
      expect((await storedState(workbook)).campaigns[0].memberCount).toBe(before - 1),
    );
  });

  it('says why nothing was entered when the Sperrliste cannot name the member, and keeps the member', async () => {
    const { workbook } = await workbookWithCampaign();
    // names people by last name only: not enough to tell one person (it needs a first name and a place too)
    await workbook.writeTable({
      sheet: 'Sperrliste',
      data: { headers: ['Nachname', 'Gesperrt seit'], rows: [['Muster', null]], textColumns: [] },
    });
    const pane = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: pane.t('openCampaign') }));
    await screen.findByRole('tab', { name: /^Mitglieder/ });
    const before = numberIn(screen.getByTestId('member-count').textContent);
    await user.click(screen.getAllByRole('button', { name: /^Weitere Aktionen für / })[0]);
    await user.click(await screen.findByRole('menuitem', { name: pane.t('blockMember') }));
    await user.click(await screen.findByRole('button', { name: pane.t('blockConfirm') }));
    expect(await screen.findByTestId('blocklist-outcome')).toHaveTextContent(
      /kann auf der Sperrliste nicht benannt werden/,
    );
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(before);
  });

  it('shows a selection that takes people out (from a campaign file) in the history, with how many it removed', async () => {
    const selections = [
      { from: 'customers' as const, ids: ['10002', '10003'] },
      { from: 'customers' as const, ids: ['10003'], mode: 'remove' as const },
    ];
    const { workbook } = await workbookWithCampaign({ selections });
    const pane = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: pane.t('openCampaign') }));
    await screen.findByRole('tab', { name: /^Mitglieder/ });
    const members = numberIn(screen.getByTestId('member-count').textContent);
    await user.click(screen.getByRole('tab', { name: /^Auswahlen/ }));
    const [added, removal] = screen.getAllByRole('listitem');
    const [, addedCount] = /(\d+) hinzugefügt/.exec(added.textContent ?? '') ?? [];
    const [, removedCount] = /(\d+) aus der Zielgruppe entfernt/.exec(removal.textContent ?? '') ?? [];
    expect(removal).toHaveTextContent(/^2: ohne Kundenstamm \(1 ausgewählt\)/);
    expect(Number(removedCount)).toBeGreaterThan(0);
    expect(members).toBe(Number(addedCount) - Number(removedCount));
  });

  it('shows the data problems with sheet, row and what is wrong', async () => {
    const { t, user } = await openStoredCampaign();
    await user.click(screen.getByRole('tab', { name: /^Hinweise/ }));
    const list = screen.getByRole('grid', { name: t('tabProblems') });
    const rows = within(list).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => /Kunden|Kontakte|Umsätze/.test(row.textContent ?? ''))).toBe(true);
  });

  it('shows the row a note names in Excel, and says so when its sheet is gone since', async () => {
    const { workbook } = await workbookWithCampaign();
    const pane = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: pane.t('openCampaign') }));
    await user.click(await screen.findByRole('tab', { name: /^Hinweise/ }));
    const [link] = within(screen.getByRole('grid', { name: pane.t('tabProblems') })).getAllByRole('button', {
      name: /^In Excel zeigen: .+, Zeile \d+$/,
    });
    const [, sheet, row] = /zeigen: (.+), Zeile (\d+)$/.exec(link.getAttribute('aria-label') ?? '') ?? [];

    await user.click(link);
    await waitFor(() => expect(workbook.selection).toEqual({ sheet, row: Number(row) }));
    expect(workbook.activeSheet).toBe(sheet);

    await workbook.deleteSheet(sheet);
    await user.click(link);
    expect(await screen.findByTestId('show-row-failed')).toHaveTextContent('Zeile nicht gezeigt');
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
