import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Language } from '../../../src/core/kernel/language';
import { saveAddinState } from '../../../src/core/run/campaignRun';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import {
  SAMPLE_CAMPAIGN,
  SAMPLE_SHEETS,
  sampleState,
  sampleWorkbookTables,
} from '../../../src/sample/sampleWorkbook';
import { chooseCampaignAction, installLayoutStubs, renderPane, workbookWithCampaign } from '../paneTestkit';

beforeAll(installLayoutStubs);

/** The sample workbook as the preview shows it: with the campaign that already ran, held back 10 % for control. */
async function sampleWithCampaign(tables = sampleWorkbookTables()): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook(tables);
  await saveAddinState(workbook, sampleState());
  return workbook;
}

async function openEvaluationFromHome(language: Language, workbook?: MemoryWorkbook) {
  const pane = await renderPane({ workbook: workbook ?? (await sampleWithCampaign()), language });
  const user = userEvent.setup();
  await chooseCampaignAction(user, new RegExp(SAMPLE_CAMPAIGN.name), pane.t('evaluate'));
  return { ...pane, user };
}

describe('Auswertung (evaluation view)', () => {
  it('opens from the home screen with the verdict, contacted vs control as stored, and the comparison by type', async () => {
    const { t } = await openEvaluationFromHome('de');
    const assignment = sampleState().campaigns[0].assignment;
    expect(await screen.findByTestId('evaluation-summary')).toHaveTextContent(
      /^Die Kampagne hat sich gelohnt/,
    );
    expect(screen.getByRole('heading', { name: `Auswertung: ${SAMPLE_CAMPAIGN.name}` })).toBeInTheDocument();
    expect(screen.getByTestId('evaluation-verdict')).toHaveTextContent('Hat sich gelohnt');
    const members = screen.getByRole('row', { name: /^Empfänger \d/ });
    expect(members).toHaveTextContent(
      new RegExp(`^Empfänger${assignment?.contacted.length}${assignment?.control.length}$`),
    );
    expect(screen.getByTestId('evaluation-effects')).toHaveTextContent(
      /Rendite \(ROI\) auf Umsatz(Hauptkennzahl)?\+\d/,
    );
    expect(screen.getByRole('img')).toHaveAccessibleName(
      /^Umsatz je Empfänger: kontaktiert .+, Kontrollgruppe /,
    );
    expect(screen.getByRole('table', { name: t('evaluationByType') })).toHaveTextContent(/Brief \(3\)/);
  });

  it('writes the Auswertung sheets, and writes them again in the same place', async () => {
    const workbook = await sampleWithCampaign();
    const { t, user } = await openEvaluationFromHome('de', workbook);
    await user.click(await screen.findByRole('button', { name: t('evaluationWriteSheet') }));
    expect(await screen.findByTestId('evaluation-written')).toHaveTextContent(
      'Die Auswertung steht in den Blättern „Auswertung“ und „Auswertung nach Typ“.',
    );
    const rows = workbook.sheets.get('Auswertung')?.table.rows ?? [];
    expect(rows.map((r) => r[0])).toContain(SAMPLE_CAMPAIGN.name);
    expect(workbook.sheets.get('Auswertung nach Typ')?.table.rows.length).toBeGreaterThan(1);

    await user.click(screen.getByRole('button', { name: t('evaluationWriteSheet') }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: t('evaluationWriteSheet') })).toBeEnabled(),
    );
    expect([...workbook.sheets.keys()].filter((name) => name.startsWith('Auswertung'))).toEqual([
      'Auswertung',
      'Auswertung nach Typ',
    ]);
  });

  it('in English, writes the Evaluation sheets and goes back home', async () => {
    const workbook = await sampleWithCampaign();
    const { t, user } = await openEvaluationFromHome('en', workbook);
    expect(await screen.findByTestId('evaluation-verdict')).toHaveTextContent('Paid off');
    await user.click(screen.getByRole('button', { name: 'Write to sheet “Evaluation”' }));
    expect(await screen.findByTestId('evaluation-written')).toHaveTextContent(
      'The evaluation is on the sheets “Evaluation” and “Evaluation by type”.',
    );
    await user.click(screen.getByRole('button', { name: t('back') }));
    expect(await screen.findByRole('button', { name: t('newCampaign') })).toBeInTheDocument();
  });

  it('opens after step 4 for a campaign without control group, labels it honestly and returns to step 4', async () => {
    const { workbook } = await workbookWithCampaign({ start: '2026-10-01', status: 'active' });
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('openCampaign') }));
    await user.click(await screen.findByRole('tab', { name: t('stepUse') }));
    await user.click(screen.getByRole('button', { name: t('evaluateUse') }));

    expect(await screen.findByTestId('evaluation-no-control')).toBeInTheDocument();
    expect(screen.getByTestId('evaluation-verdict')).toHaveTextContent(
      'Ohne Kontrollgruppe — nicht ursächlich',
    );
    expect(screen.queryByRole('columnheader', { name: 'Kontrollgruppe' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('back') }));
    expect(await screen.findByRole('tab', { name: t('stepUse'), selected: true })).toBeInTheDocument();
  });

  it('says why there is no evaluation when the workbook has no sales sheet', async () => {
    const tables = sampleWorkbookTables().filter((table) => table.name !== SAMPLE_SHEETS.sales);
    await openEvaluationFromHome('de', await sampleWithCampaign(tables));
    expect(await screen.findByText(/^Die Auswertung hat nicht geklappt: /)).toBeInTheDocument();
    expect(screen.queryByTestId('evaluation-summary')).not.toBeInTheDocument();
  });
});
