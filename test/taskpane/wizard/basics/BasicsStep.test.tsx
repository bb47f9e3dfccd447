import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
});
