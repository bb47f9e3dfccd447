import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sampleWorkbookTables } from '../../../../src/sample/sampleWorkbook';
import { installLayoutStubs, renderPane, workbookWithCampaign } from '../../paneTestkit';

beforeAll(installLayoutStubs);

describe('1 · Basisdaten', () => {
  it('requires a name unique among the campaigns before the next step opens', async () => {
    const { workbook } = await workbookWithCampaign({ name: 'Newsletter November' });
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('newCampaign') }));

    expect(screen.getByText(t('basicsNameRequired'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t('next') })).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: /Bezeichnung/ }), 'newsletter november');
    expect(screen.getByText(t('basicsNameTaken'))).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: t('stepRecipients') })).toBeDisabled();

    await user.type(screen.getByRole('textbox', { name: /Bezeichnung/ }), ' 2026');
    await user.click(screen.getByRole('button', { name: t('next') }));
    expect(screen.getByRole('tab', { name: t('methodContacts') })).toBeInTheDocument();
  });

  it('offers the six types, each with the line on what it checks', async () => {
    const { t } = await renderPane({ language: 'en' });
    await userEvent.setup().click(screen.getByRole('button', { name: t('newCampaign') }));
    const types = screen.getByRole('radiogroup', { name: t('basicsType') });
    expect(within(types).getAllByRole('radio')).toHaveLength(6);
    expect(screen.getByRole('radio', { name: /^Email/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /^Letter/ })).toHaveAccessibleName(/street and city/);
  });

  it('says once what the law asks for e-mail advertising when the workbook records no consent', async () => {
    const { t } = await renderPane();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('newCampaign') }));
    expect(screen.getByTestId('consent-missing')).toHaveTextContent('§ 7 Abs. 3 UWG');
    await user.click(screen.getByRole('radio', { name: /^Brief/ }));
    expect(screen.queryByTestId('consent-missing')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /^Newsletter/ }));
    expect(screen.getAllByTestId('consent-missing')).toHaveLength(1);
  });

  it('names the consent column it found instead, a column added at the end of the contacts', async () => {
    const tables = sampleWorkbookTables().map((table) =>
      table.name === 'Kontakte'
        ? { ...table, rows: table.rows.map((row, i) => [...row, i === 0 ? 'E-Mail-Einwilligung' : 'ja']) }
        : table,
    );
    const { t } = await renderPane({ tables });
    await userEvent.setup().click(screen.getByRole('button', { name: t('newCampaign') }));
    expect(screen.queryByTestId('consent-missing')).not.toBeInTheDocument();
    expect(screen.getByTestId('consent-recorded')).toHaveTextContent('„E-Mail-Einwilligung“');
  });
});
