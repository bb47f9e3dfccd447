import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readingCase } from '../../../src/sample/readingCases';
import { installLayoutStubs, renderPane, storedState } from '../paneTestkit';

beforeAll(installLayoutStubs);

describe('the mapping dialog asks about a merged header', () => {
  it('a merged header the data does not explain: it says so, and the field mapping answers it', async () => {
    const { workbook, t } = await renderPane({
      tables: readingCase('unclearMergedHeader'),
      waitFor: 'editMapping',
    });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: t('editMapping') }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('merged-header-question')).toHaveTextContent(
      '„Name“ reicht über 2 Spalten (Name, Name (2))',
    );
    await within(dialog).findByRole('table', { name: t('mappingPreview') });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Anrede' }), 'Name');
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Name (vollständig)' }),
      'Name (2)',
    );
    await user.click(within(dialog).getByRole('button', { name: t('mappingSave') }));

    await screen.findByRole('button', { name: t('newCampaign') });
    expect((await storedState(workbook)).mapping?.columns?.contacts).toMatchObject({
      salutation: 'Name',
      fullName: 'Name (2)',
    });
    expect(screen.queryByText(t('recognitionNeedsMapping'))).not.toBeInTheDocument();
  });
});
