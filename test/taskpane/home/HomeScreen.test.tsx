import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describeProblem } from '../../../src/core/kernel/problemMessages';
import { createTranslator } from '../../../src/i18n/i18n';
import { FailingWorkbook } from '../failingWorkbook';
import { SAMPLE_SHEETS } from '../../../src/sample/sampleWorkbook';
import {
  TEST_NOW,
  campaignCard,
  chooseCampaignAction,
  findCampaignCard,
  installLayoutStubs,
  renderPane,
  storedState,
  workbookWithCampaign,
} from '../paneTestkit';

beforeAll(installLayoutStubs);

describe('Kampagnen (home)', () => {
  it('lists the stored campaigns with name, type, members and last update', async () => {
    const { workbook } = await workbookWithCampaign({ type: 'letter', memberCount: 1234 });
    await renderPane({ workbook });
    const row = campaignCard(/Herbstaktion/);
    expect(row).toHaveTextContent('Brief');
    expect(row).toHaveTextContent('1.234');
    expect(row).toHaveTextContent('01.11.2026');
  });

  it('shows on first start which sheets it recognised, and stores the mapping when confirmed', async () => {
    const { t, workbook } = await renderPane();
    expect(screen.getByText(/Kundenstamm: Blatt „Kunden“/)).toBeInTheDocument();
    expect(screen.getByText(t('recognitionOk'))).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: t('confirmMapping') }));
    await waitFor(async () =>
      expect((await storedState(workbook)).mapping?.sheets?.customers).toBe('Kunden'),
    );
    await waitFor(() => expect(screen.queryByText(t('recognitionTitle'))).not.toBeInTheDocument());
  });

  it('duplicates a campaign under a new name with the same selections', async () => {
    const { workbook } = await workbookWithCampaign();
    const { t } = await renderPane({ workbook });
    await chooseCampaignAction(userEvent.setup(), /Herbstaktion/, t('duplicateCampaign'));
    await findCampaignCard(/Herbstaktion \(Kopie\)/);
    const campaigns = (await storedState(workbook)).campaigns;
    expect(campaigns.map((c) => c.name)).toEqual(['Herbstaktion', 'Herbstaktion (Kopie)']);
    expect(campaigns[1].selections).toEqual(campaigns[0].selections);
    expect(campaigns[1].id).not.toBe(campaigns[0].id);
  });

  it('duplicates the plan of a campaign that ran, not its start, cost, status or who was held back', async () => {
    const { workbook } = await workbookWithCampaign({
      start: '2026-09-01',
      end: '2026-09-30',
      cost: 480,
      status: 'completed',
      controlPercent: 20,
      evaluationDays: 30,
      assignment: { control: ['k:10003'], contacted: ['k:10002'] },
    });
    const { t } = await renderPane({ workbook });
    await chooseCampaignAction(userEvent.setup(), /Herbstaktion/, t('duplicateCampaign'));
    await findCampaignCard(/Herbstaktion \(Kopie\)/);
    const [original, copy] = (await storedState(workbook)).campaigns;
    expect(original.assignment?.control).toEqual(['k:10003']);
    expect(copy).toMatchObject({ controlPercent: 20, evaluationDays: 30 });
    for (const field of ['start', 'end', 'cost', 'status', 'assignment'] as const)
      expect(copy[field]).toBeUndefined();
  });

  it('gives the focus back to the ⋯ button that opened the delete question when it is cancelled', async () => {
    const { workbook } = await workbookWithCampaign();
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();
    const opener = (await findCampaignCard(/Herbstaktion/)).querySelector('button[aria-haspopup]');

    await chooseCampaignAction(user, /Herbstaktion/, t('deleteCampaign'));
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('asks before deleting, says that leads and sheets stay, and keeps them', async () => {
    const { workbook } = await workbookWithCampaign({ targetSheet: 'Herbstaktion' });
    await workbook.writeTable({
      sheet: 'Herbstaktion',
      data: { headers: ['Vorname'], rows: [['Jörg']], textColumns: [] },
    });
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();

    await chooseCampaignAction(user, /./, t('deleteCampaign'));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(
      'Leads im Blatt „Leads“ und bereits geschriebene Tabellenblätter bleiben erhalten',
    );
    await user.click(within(dialog).getByRole('button', { name: t('cancel') }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    // Fluent's focus manager (Tabster) gives the page back to screen readers on a timer after a dialog closes: the test
    // waits until the page is readable again, as a person would.
    expect(await findCampaignCard(/Herbstaktion/)).toBeInTheDocument();

    await chooseCampaignAction(user, /./, t('deleteCampaign'));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: t('deleteConfirm') }),
    );
    await screen.findByText(t('homeEmpty'));
    // The page is given back to screen readers once the dialog is gone.
    expect(await screen.findByRole('button', { name: t('newCampaign') })).toBeInTheDocument();
    // its card and ⋯ button are gone: the keyboard lands on the message that says what happened, not on the page
    await waitFor(() =>
      expect(document.activeElement).toHaveTextContent('Die Kampagne „Herbstaktion“ ist gelöscht.'),
    );
    expect((await storedState(workbook)).campaigns).toEqual([]);
    expect(workbook.sheets.has('Herbstaktion')).toBe(true);
  });

  it.each(['useLeads', 'useCsv'] as const)(
    'shows in "Geändert" when a campaign was last used (%s), back on the home screen',
    async (button) => {
      const { workbook } = await workbookWithCampaign();
      const { t } = await renderPane({ workbook });
      const { formatDateTime } = createTranslator('de');
      const user = userEvent.setup();
      expect(campaignCard(/Herbstaktion/)).toHaveTextContent('01.11.2026');

      await user.click(screen.getByRole('button', { name: t('openCampaign') }));
      await user.click(await screen.findByRole('tab', { name: t('stepUse') }));
      await user.click(screen.getByRole('button', { name: t(button) }));
      await screen.findByTestId('use-outcome');
      await user.click(screen.getByRole('button', { name: t('toOverview') }));

      const row = await findCampaignCard(/Herbstaktion/);
      expect(row).toHaveTextContent(formatDateTime(TEST_NOW.toISOString()));
      expect((await storedState(workbook)).campaigns[0].updatedAt).toBe(TEST_NOW.toISOString());
    },
  );

  it('says so when a campaign could not be deleted, keeps it, and deletes it on "Erneut versuchen"', async () => {
    const { workbook } = await workbookWithCampaign({}, 'de', new FailingWorkbook());
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();
    workbook.writes = 'timeOut';

    await chooseCampaignAction(user, /./, t('deleteCampaign'));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: t('deleteConfirm') }));

    const failure = await screen.findByTestId('home-outcome');
    expect(failure).toHaveTextContent(t('removeFailed', { name: 'Herbstaktion' }));
    expect(failure).toHaveTextContent(describeProblem({ code: 'hostTimeout', severity: 'error' }, 'de'));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(await findCampaignCard(/Herbstaktion/)).toBeInTheDocument();

    workbook.writes = 'work';
    await user.click(within(failure).getByRole('button', { name: t('retry') }));
    expect(await screen.findByTestId('home-outcome')).toHaveTextContent(
      t('removed', { name: 'Herbstaktion' }),
    );
    expect(screen.queryByRole('listitem', { name: /Herbstaktion/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('close') }));
    expect(screen.queryByTestId('home-outcome')).not.toBeInTheDocument();
  });
});

/** The sample workbook whose contacts sheet, once held, takes as long as the test wants: a big sheet being read. */
class SlowContactsWorkbook extends FailingWorkbook {
  private held: Promise<void> | null = null;
  private release = () => {};

  hold(): void {
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  finishReading(): void {
    this.release();
  }

  override async readSheet(name: string) {
    if (name === SAMPLE_SHEETS.contacts && this.held) await this.held;
    return super.readSheet(name);
  }
}

describe('Kampagnen (home) while the sheets are read', () => {
  it('shows the campaigns and starts a new one at once; opening one waits for the data', async () => {
    const { workbook } = await workbookWithCampaign({}, 'de', new SlowContactsWorkbook());
    workbook.hold();
    const { t } = await renderPane({ workbook, waitFor: 'newCampaign' });
    const user = userEvent.setup();
    expect(screen.getByText(t('loading'))).toBeInTheDocument();
    const open = within(campaignCard(/Herbstaktion/)).getByRole('button', { name: t('openCampaign') });
    expect(open).toBeDisabled();
    expect(screen.getByRole('button', { name: t('personSearchOpen') })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: t('newCampaign') }));
    await user.type(screen.getByRole('textbox', { name: t('basicsName') }), 'Frühjahr');
    await user.click(screen.getByRole('button', { name: t('next') }));
    expect(screen.queryByTestId('selected-count')).not.toBeInTheDocument();

    workbook.finishReading();
    await waitFor(() => expect(screen.queryByText(t('loading'))).not.toBeInTheDocument());
    expect(await screen.findByTestId('selected-count')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('toOverview') }));
    expect(
      within(await findCampaignCard(/Herbstaktion/)).getByRole('button', { name: t('openCampaign') }),
    ).toBeEnabled();
  });
});
