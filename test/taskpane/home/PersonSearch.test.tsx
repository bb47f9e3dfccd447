import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cellText } from '../../../src/core/kernel/values';
import { findPerson } from '../../../src/core/run/personRun';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { sampleWorkbookTables } from '../../../src/sample/sampleWorkbook';
import { installLayoutStubs, renderPane } from '../paneTestkit';

beforeAll(installLayoutStubs);

/** Someone the sample's contact history holds (the first row), with the e-mail the user would type. */
const historyPerson = async (workbook: MemoryWorkbook) => {
  const history = await workbook.readSheet('Kontakthistorie');
  const [headers, first] = history.rows;
  const key = cellText(first[headers.indexOf('Personenschlüssel')]);
  const found = await findPerson(workbook, { key });
  if (!found.ok || found.value.length !== 1) throw new Error('sample person');
  return found.value[0];
};

describe('Person suchen (home)', () => {
  it('shows the campaigns and rows of a person, shows a row in the workbook, and forgets the person when asked', async () => {
    const workbook = new MemoryWorkbook(sampleWorkbookTables());
    const person = await historyPerson(workbook);
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: t('personSearchOpen') }));
    await user.type(
      screen.getByRole('textbox', { name: t('personSearchLabel') }),
      person.email.toUpperCase(),
    );
    await user.click(screen.getByRole('button', { name: t('personSearchButton') }));
    const results = await screen.findByTestId('person-results', {}, { timeout: 10_000 });
    expect(results).toHaveTextContent(`${person.name} <${person.email}>`);
    expect(results).toHaveTextContent(t('personCampaigns', { count: person.campaigns.length }));
    expect(person.campaigns.length).toBeGreaterThan(0);
    for (const campaign of person.campaigns) expect(results).toHaveTextContent(campaign.campaign);

    const historyRow = person.rows.find((rows) => rows.kind === 'history')!;
    const where = t('excludedWhere', { sheet: historyRow.sheet, row: historyRow.rows[0] });
    await user.click(within(results).getByRole('button', { name: t('showRowLabel', { where }) }));
    expect(workbook.selection).toEqual({ sheet: 'Kontakthistorie', row: historyRow.rows[0] });

    await user.click(within(results).getByRole('button', { name: t('forgetButton') }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(t('forgetBodyBlocklist'));
    await user.click(within(dialog).getByRole('button', { name: t('forgetConfirm') }));
    const outcome = await screen.findByTestId('forget-outcome', {}, { timeout: 10_000 });
    expect(outcome).toHaveTextContent(person.name);

    const history = (await workbook.readSheet('Kontakthistorie')).rows.flat().map((cell) => cellText(cell));
    for (const key of person.keys) expect(history).not.toContain(key);
    await user.click(screen.getByRole('button', { name: t('personSearchButton') }));
    await waitFor(() =>
      expect(screen.getByTestId('person-results')).toHaveTextContent(t('personCampaigns', { count: 0 })),
    );
  }, 30_000);

  it('says so when nobody matches', async () => {
    const { t } = await renderPane();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('personSearchOpen') }));
    await user.type(screen.getByRole('textbox', { name: t('personSearchLabel') }), 'Niemand Unbekannt');
    await user.click(screen.getByRole('button', { name: t('personSearchButton') }));
    expect(await screen.findByTestId('person-none')).toHaveTextContent(
      t('personSearchNone', { query: 'Niemand Unbekannt' }),
    );
  }, 30_000);
});
