import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readingCase } from '../../../src/sample/readingCases';
import { installLayoutStubs, renderPane, storedState } from '../paneTestkit';

beforeAll(installLayoutStubs);

describe('the mapping dialog asks which sheet when several fit', () => {
  it('two contact sheets: it offers both with rows and newest date, and stores the one chosen', async () => {
    const { workbook, t } = await renderPane({
      tables: readingCase('twoContactSheets'),
      waitFor: 'editMapping',
    });
    const user = userEvent.setup();
    expect(screen.getByText(t('recognitionAmbiguous', { role: 'Kontakte' }))).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: t('editMapping') }));
    const dialog = await screen.findByRole('dialog');
    const choice = within(dialog).getByTestId('sheet-choice');
    expect(
      within(choice).getByRole('radio', { name: '„Kontakte 2023“ – 2 Zeilen, neuestes Datum 12.05.2023' }),
    ).toBeInTheDocument();
    await user.click(
      within(choice).getByRole('radio', { name: '„Kontakte 2024“ – 3 Zeilen, neuestes Datum 30.06.2024' }),
    );
    await within(dialog).findByRole('table', { name: t('mappingPreview') });
    await user.click(within(dialog).getByRole('button', { name: t('mappingSave') }));

    await screen.findByRole('button', { name: t('newCampaign') });
    expect((await storedState(workbook)).mapping?.sheets?.contacts).toBe('Kontakte 2024');
  });
});
