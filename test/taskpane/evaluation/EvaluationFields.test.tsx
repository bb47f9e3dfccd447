import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Language } from '../../../src/core/kernel/language';
import type { StoredCampaign } from '../../../src/core/campaign/campaign';
import { installLayoutStubs, numberIn, renderPane, storedState, workbookWithCampaign } from '../paneTestkit';

beforeAll(installLayoutStubs);

async function openBasics(fields: Partial<StoredCampaign> = {}, language: Language = 'de') {
  const { workbook } = await workbookWithCampaign(fields, language);
  const pane = await renderPane({ workbook, language });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: pane.t('openCampaign') }));
  await user.click(await screen.findByRole('tab', { name: pane.t('stepBasics') }));
  const stored = async () => (await storedState(workbook)).campaigns[0];
  return { ...pane, user, stored };
}

/** Inputs of type date are set in one go, as a date picker does. */
const setDate = (label: string, iso: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value: iso } });

describe('1 · Basisdaten: fields for the success evaluation', () => {
  it('stores start, end, cost in German notation, window, status and control share on the campaign', async () => {
    const { t, user, stored } = await openBasics();
    setDate(t('evaluationStart'), '2026-09-01');
    setDate(t('evaluationEnd'), '2026-09-30');
    await user.type(screen.getByRole('textbox', { name: t('evaluationCost') }), '1.250,50');
    await user.type(screen.getByRole('textbox', { name: t('evaluationDays') }), '60');
    await user.selectOptions(screen.getByRole('combobox', { name: t('evaluationStatus') }), 'Aktiv');
    const share = screen.getByRole('spinbutton', { name: t('evaluationControl') });
    await user.click(share);
    await user.keyboard('{ArrowUp}{ArrowUp}');

    await waitFor(async () =>
      expect(await stored()).toMatchObject({
        start: '2026-09-01',
        end: '2026-09-30',
        cost: 1250.5,
        evaluationDays: 60,
        status: 'active',
        controlPercent: 10,
      }),
    );
    expect(share).toHaveValue('10 %');
  });

  // Pasted in one go: while typing, a valid prefix such as "10" of "1000" is stored on the way, as intended.
  it.each([
    ['zwölf Euro', 'cost', 'evaluationCost', 'Bitte einen Betrag ab 0 eingeben, z. B. 1.250,00.'],
    ['-20', 'cost', 'evaluationCost', 'Bitte einen Betrag ab 0 eingeben, z. B. 1.250,00.'],
    ['0', 'evaluationDays', 'evaluationDays', 'Bitte eine ganze Zahl von 1 bis 730 eingeben.'],
    ['30,5', 'evaluationDays', 'evaluationDays', 'Bitte eine ganze Zahl von 1 bis 730 eingeben.'],
    ['1000', 'evaluationDays', 'evaluationDays', 'Bitte eine ganze Zahl von 1 bis 730 eingeben.'],
  ] as const)(
    'rejects "%s" as %s inline and keeps the stored value',
    async (pasted, field, label, message) => {
      const { t, stored } = await openBasics({ cost: 300, evaluationDays: 45 });
      fireEvent.change(screen.getByRole('textbox', { name: t(label) }), { target: { value: pasted } });
      expect(await screen.findByText(message)).toBeInTheDocument();
      expect((await stored())[field]).toBe(field === 'cost' ? 300 : 45);
    },
  );

  it('clears the cost when the field is emptied', async () => {
    const { t, user, stored } = await openBasics({ cost: 300 });
    expect(screen.getByRole('textbox', { name: t('evaluationCost') })).toHaveValue('300');
    await user.clear(screen.getByRole('textbox', { name: t('evaluationCost') }));
    await waitFor(async () => expect((await stored()).cost).toBeUndefined());
  });

  it('says when the end is before the start', async () => {
    const { t } = await openBasics({ start: '2026-10-01' });
    setDate(t('evaluationEnd'), '2026-09-15');
    expect(await screen.findByText('Das Ende liegt vor dem Start.')).toBeInTheDocument();
  });

  it('refuses a control share above 50 % and keeps the previous one', async () => {
    const { t, user, stored } = await openBasics({ controlPercent: 10 });
    const share = screen.getByRole('spinbutton', { name: t('evaluationControl') });
    await user.clear(share);
    await user.type(share, '60{Enter}');
    expect(await screen.findByText('Bitte eine ganze Zahl von 0 bis 50 eingeben.')).toBeInTheDocument();
    expect((await stored()).controlPercent).toBe(10);
  });

  it('explains in one sentence why a control group is worth it, with the number held back', async () => {
    const { t } = await openBasics({ controlPercent: 50 }, 'en');
    expect(screen.getByTestId('control-why')).toHaveTextContent(/^A control group does not get the campaign/);
    const members = numberIn(screen.getByTestId('member-count').textContent);
    expect(members).toBeGreaterThan(1);
    expect(
      screen.getByText(t('evaluationControlEstimate', { count: Math.round(members / 2), total: members })),
    ).toBeInTheDocument();
  });

  it('once used, says how many are held back instead of an estimate', async () => {
    await openBasics({
      controlPercent: 50,
      start: '2026-09-01',
      assignment: { control: ['k:1', 'k:2', 'k:3'], contacted: ['k:4', 'k:5', 'k:6'] },
    });
    expect(
      screen.getByText('3 Empfänger sind seit der ersten Verwendung in der Kontrollgruppe.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('control-why')).toHaveTextContent(
      /Wer schon eingeteilt ist, behält seine Gruppe/,
    );
  });

  it('defaults to status planned, a 90-day window and no control group', async () => {
    const { t } = await openBasics();
    expect(screen.getByRole('combobox', { name: t('evaluationStatus') })).toHaveDisplayValue('Geplant');
    expect(screen.getByRole('textbox', { name: t('evaluationDays') })).toHaveAttribute('placeholder', '90');
    expect(screen.getByRole('spinbutton', { name: t('evaluationControl') })).toHaveValue('0 %');
  });
});
