import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { STATE_SHEET } from '../../../src/core/workbook/sheetNames';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { sampleWorkbookTables } from '../../../src/sample/sampleWorkbook';
import { describeProblem } from '../../../src/core/kernel/problemMessages';
import { FailingWorkbook } from '../failingWorkbook';
import {
  campaignCard,
  installLayoutStubs,
  numberIn,
  renderPane,
  storedState,
  workbookWithCampaign,
} from '../paneTestkit';

beforeAll(installLayoutStubs);

describe('the pane', () => {
  it('shows the preview badge and speaks English when asked to', async () => {
    const { t } = await renderPane({ language: 'en' });
    expect(screen.getByTestId('preview-badge')).toHaveTextContent('Preview with sample data');
    expect(screen.getByRole('button', { name: t('newCampaign') })).toHaveTextContent('New campaign');
  });

  it('loses nothing when it is closed: selections and removals are in the workbook', async () => {
    const first = await renderPane();
    const { t } = first;
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('newCampaign') }));
    await user.type(screen.getByRole('textbox', { name: /Bezeichnung/ }), 'Bleibt');
    await user.click(screen.getByRole('button', { name: t('next') }));
    await user.click(screen.getByRole('tab', { name: t('methodCustomers') }));
    await user.type(screen.getByRole('searchbox', { name: t('search') }), 'Hamburg');
    await user.click(await screen.findByRole('button', { name: /gefilterten auswählen/ }));
    await screen.findByText(/^Würde \d+ hinzufügen/);
    await user.click(screen.getByRole('button', { name: t('applySelection') }));
    await screen.findByTestId('applied-result');
    await user.click(screen.getByRole('tab', { name: t('stepTargetGroup') }));
    await user.click(screen.getAllByRole('button', { name: /aus der Zielgruppe entfernen/ })[0]);
    const members = numberIn(screen.getByTestId('member-count').textContent);
    await waitFor(async () =>
      expect((await storedState(first.workbook)).campaigns[0]?.removed).toHaveLength(1),
    );
    cleanup();

    await renderPane({ workbook: first.workbook });
    expect(campaignCard(/Bleibt/)).toHaveTextContent(String(members));
    await user.click(screen.getByRole('button', { name: t('openCampaign') }));
    expect(numberIn((await screen.findByTestId('member-count')).textContent)).toBe(members);
    const { campaigns } = await storedState(first.workbook);
    expect(campaigns[0].selections).toEqual([{ from: 'customers', ids: expect.any(Array) }]);
    expect(campaigns[0].memberCount).toBe(members);
  });
});

describe('a change the workbook did not take', () => {
  it('is shown as not saved with the reason, and saved when the user retries', async () => {
    const { workbook } = await workbookWithCampaign({}, 'de', new FailingWorkbook());
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('openCampaign') }));
    await user.click(await screen.findByRole('tab', { name: t('stepBasics') }));
    workbook.writes = 'timeOut';
    await user.type(screen.getByRole('textbox', { name: t('basicsDescription') }), 'Nachfassen');

    const bar = await screen.findByTestId('save-failed');
    expect(bar).toHaveTextContent(t('notSaved'));
    expect(bar).toHaveTextContent(describeProblem({ code: 'hostTimeout', severity: 'error' }, 'de'));
    workbook.writes = 'work';
    await user.click(within(bar).getByRole('button', { name: t('retry') }));
    await waitFor(async () =>
      expect((await storedState(workbook)).campaigns[0].description).toBe('Nachfassen'),
    );
    expect(screen.queryByTestId('save-failed')).not.toBeInTheDocument();
  });
});

describe('a workbook whose campaign data this version cannot read', () => {
  it('says so and offers nothing that would overwrite it', async () => {
    const workbook = new MemoryWorkbook(sampleWorkbookTables());
    const damaged = {
      headers: ['Schluessel', 'Teil', 'Daten'],
      rows: [
        ['version', 1, '99'],
        ['state', 1, '{"version":99}'],
      ],
      textColumns: [],
    };
    await workbook.writeTable({ sheet: STATE_SHEET, data: damaged, visibility: 'veryHidden' });
    await renderPane({ workbook, waitFor: 'retry' });
    expect(
      screen.getByText(/^Die Arbeitsmappe konnte nicht gelesen werden: .*Kampagnendaten/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Neue Kampagne' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Spalten zuordnen' })).not.toBeInTheDocument();
    expect(workbook.sheets.get(STATE_SHEET)?.table.rows).toEqual([damaged.headers, ...damaged.rows]);
  });
});
