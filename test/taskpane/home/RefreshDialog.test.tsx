import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CellValue } from '../../../src/core/kernel/sheetTable';
import type { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { PaneSession } from '../../../src/taskpane/services/paneSession';
import {
  chooseCampaignAction,
  findCampaignCard,
  installLayoutStubs,
  renderPane,
  storedState,
  testClock,
  workbookWithCampaign,
} from '../paneTestkit';

beforeAll(installLayoutStubs);

const GROUP = 10;
const OPT_OUT = 9;
const FIRM = 1;
const EMAIL = 8;

/** The sample's A customers, used once through the pane (the target sheet), as a returning user finds them. */
const usedCampaign = async () => {
  const { workbook, campaign } = await workbookWithCampaign({
    selections: [{ from: 'customers', filter: [{ column: 'Kundengruppe', op: 'equals', value: 'A-Kunde' }] }],
  });
  const session = new PaneSession(workbook, 'de', { now: testClock });
  const loaded = await session.load();
  if (!loaded.data.ok) throw new Error('sample not readable');
  await session.writeTargetSheet(campaign, session.buildGroup(loaded.data.value, campaign));
  return workbook;
};

/** Edits in Excel after the use: one A customer objects, one B customer becomes an A customer. */
const editCustomers = async (workbook: MemoryWorkbook) => {
  const rows = (await workbook.readSheet('Kunden')).rows as CellValue[][];
  const objecting = rows.find((row) => row[GROUP] === 'A-Kunde')!;
  // one with a valid e-mail address and no objection: the sample has both kinds
  const promoted = rows.find(
    (row) => row[GROUP] === 'B-Kunde' && /@.+\./.test(String(row[EMAIL])) && !row[OPT_OUT],
  )!;
  objecting[OPT_OUT] = 'ja';
  promoted[GROUP] = 'A-Kunde';
  return { objecting: String(objecting[FIRM]), promoted: String(promoted[FIRM]) };
};

describe('Aktualisieren (refresh) on the home screen', () => {
  it('shows what changed since the last use and stores the picks: a declined new match stays out, the history stays', async () => {
    const workbook = await usedCampaign();
    const before = await storedState(workbook);
    const historyBefore = (await workbook.readSheet('Kontakthistorie')).rows.map((row) => [...row]);
    const { objecting, promoted } = await editCustomers(workbook);
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();

    await chooseCampaignAction(user, /Herbstaktion/, t('refreshAction'));
    const dialog = await screen.findByTestId('refresh-dialog');
    // an e-mail campaign reaches the firms' contact persons: the firm that objects takes all of them out
    const added = within(dialog).getByTestId('refresh-added');
    const optOuts = within(dialog).getByTestId('refresh-optOut');
    expect(added).toHaveTextContent(promoted);
    expect(within(optOuts).getAllByRole('listitem').length).toBeGreaterThan(0);
    for (const item of within(optOuts).getAllByRole('listitem')) expect(item).toHaveTextContent(objecting);
    expect(within(dialog).getByTestId('refresh-optOut')).toHaveTextContent('Werbesperre');
    // who leaves has no tick: an objection is never optional
    expect(within(within(dialog).getByTestId('refresh-optOut')).queryByRole('checkbox')).toBeNull();

    const newMatches = within(added).getAllByRole('checkbox');
    const leaving = within(optOuts).getAllByRole('listitem').length;
    await user.click(newMatches[0]);
    await user.click(within(dialog).getByRole('button', { name: t('refreshAcceptPicked') }));
    const count = before.campaigns[0].memberCount + newMatches.length - 1 - leaving;
    await screen.findByText(t('refreshed', { name: 'Herbstaktion', count }));
    expect(await findCampaignCard(/Herbstaktion/)).toHaveTextContent(`${count} Empfänger`);

    const [after] = (await storedState(workbook)).campaigns;
    expect(after.memberCount).toBe(count);
    expect(after.members).toHaveLength(count);
    expect(after.removed).toHaveLength(1);
    expect(after.assignment).toEqual(before.campaigns[0].assignment);
    expect((await workbook.readSheet('Kontakthistorie')).rows).toEqual(historyBefore);
  });

  it('is offered for used campaigns only; "Abbrechen" changes nothing', async () => {
    const { workbook } = await workbookWithCampaign();
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click((await findCampaignCard(/Herbstaktion/)).querySelector('button[aria-haspopup]')!);
    await screen.findByRole('menuitem', { name: t('evaluate') });
    expect(screen.queryByRole('menuitem', { name: t('refreshAction') })).toBeNull();
    await user.keyboard('{Escape}');

    const used = await usedCampaign();
    const state = await storedState(used);
    await editCustomers(used);
    document.body.innerHTML = '';
    const pane = await renderPane({ workbook: used });
    await chooseCampaignAction(user, /Herbstaktion/, pane.t('refreshAction'));
    const dialog = await screen.findByTestId('refresh-dialog');
    await user.click(within(dialog).getByRole('button', { name: pane.t('cancel') }));
    await waitFor(() => expect(screen.queryByTestId('refresh-dialog')).toBeNull());
    expect(await storedState(used)).toEqual(state);
  });
});
