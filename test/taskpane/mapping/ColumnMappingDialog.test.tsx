import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SheetTable } from '../../../src/core/kernel/sheetTable';
import { installLayoutStubs, renderPane, storedState } from '../paneTestkit';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { createTranslator } from '../../../src/i18n/i18n';
import { describeProblem } from '../../../src/core/kernel/problemMessages';
import { FailingWorkbook } from '../failingWorkbook';

beforeAll(installLayoutStubs);

/** A customer list whose headers the add-in cannot recognise, with a title row and a blank row above them. */
const oddCustomers: SheetTable = {
  name: 'Tabelle1',
  rows: [
    ['Adressliste Stand Oktober', null, null, null],
    [null, null, null, null],
    ['Nr', 'Name1', 'Wohnort', 'Elektronische Post'],
    ['K-1', 'Müller Bau GmbH', 'Dresden', 'info@mueller-bau.de'],
    ['K-2', 'Bäckerei Schulz', 'München', 'kontakt@baeckerei-schulz.de'],
    ['K-3', 'Lange Immobilien AG', 'München', '#NV'],
    ['K-4', 'Wiener Kaffee KG', 'Wien', 'office@wiener-kaffee.at'],
  ],
};

describe('column mapping dialog', () => {
  it('maps an unrecognised sheet with a dropdown per field and a preview, and stores it in the workbook', async () => {
    const workbook = new MemoryWorkbook([oddCustomers]);
    const { t } = createTranslator('de');
    await renderPane({ workbook, waitFor: 'editMapping' });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: t('editMapping') }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: t('mappingSheet') }), 'Tabelle1');

    const preview = await within(dialog).findByRole('table', { name: t('mappingPreview') });
    // one row per column of the sheet (four), under a header row
    expect(within(preview).getAllByRole('row')).toHaveLength(5);
    expect(preview).toHaveTextContent('Müller Bau GmbH');
    expect(preview).not.toHaveTextContent('Adressliste');

    for (const [field, header] of [
      ['Kunden-Nr.', 'Nr'],
      ['Firma', 'Name1'],
      ['Ort', 'Wohnort'],
      ['E-Mail', 'Elektronische Post'],
    ] as const) {
      await user.selectOptions(within(dialog).getByRole('combobox', { name: field }), header);
    }
    await user.click(within(dialog).getByRole('button', { name: t('mappingSave') }));

    await screen.findByRole('button', { name: t('newCampaign') }, { timeout: 10_000 });
    const { mapping } = await storedState(workbook);
    expect(mapping).toEqual({
      sheets: { customers: 'Tabelle1' },
      columns: {
        customers: { customerId: 'Nr', company: 'Name1', city: 'Wohnort', email: 'Elektronische Post' },
      },
    });

    await user.click(screen.getByRole('button', { name: t('newCampaign') }));
    await user.type(screen.getByRole('textbox', { name: /Bezeichnung/ }), 'Alle Kunden');
    await user.click(screen.getByRole('button', { name: t('next') }));
    await user.click(screen.getByRole('tab', { name: t('methodCustomers') }));
    expect(screen.getByTestId('selected-count')).toHaveTextContent(/^0 von 4 ausgewählt/);
  });

  it('says why a sheet could not be read, and closes without changing the mapping', async () => {
    const workbook = new FailingWorkbook([oddCustomers]);
    const { t } = createTranslator('de');
    await renderPane({ workbook, waitFor: 'editMapping' });
    const user = userEvent.setup();
    workbook.unreadable.add('Tabelle1');

    await user.click(screen.getByRole('button', { name: t('editMapping') }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: t('mappingSheet') }), 'Tabelle1');
    expect(await within(dialog).findByTestId('mapping-sheet-failed')).toHaveTextContent(
      describeProblem({ code: 'hostError', severity: 'error', sheet: 'Tabelle1' }, 'de'),
    );
    expect(within(dialog).queryByRole('table')).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: t('cancel') }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Fluent's focus manager gives the page back to screen readers on a timer after a dialog closes.
    expect(await screen.findByRole('button', { name: t('editMapping') })).toBeInTheDocument();
  });

  it('gives the focus back to the button that opened it when Escape closes it', async () => {
    const { t } = createTranslator('de');
    await renderPane({ workbook: new FailingWorkbook([oddCustomers]), waitFor: 'editMapping' });
    const user = userEvent.setup();
    const opener = screen.getByRole('button', { name: t('editMapping') });

    await user.click(opener);
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
  });
});
