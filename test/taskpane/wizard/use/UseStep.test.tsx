import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { waitFor } from '@testing-library/react';
import type { StoredCampaign } from '../../../../src/core/campaign/campaign';
import { MemoryWorkbook } from '../../../../src/memory/memoryWorkbook';
import { sampleWorkbookTables } from '../../../../src/sample/sampleWorkbook';
import {
  installLayoutStubs,
  numberIn,
  renderPane,
  storedState,
  workbookWithCampaign,
} from '../../paneTestkit';

beforeAll(installLayoutStubs);

const restores: Array<() => void> = [];
const afterTestRestores = (restore: () => void) => restores.push(restore);
afterEach(() => restores.splice(0).forEach((restore) => restore()));

async function openUseStep(fields: Partial<StoredCampaign> = {}) {
  const { workbook } = await workbookWithCampaign(fields);
  const pane = await renderPane({ workbook });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: pane.t('openCampaign') }));
  await user.click(await screen.findByRole('tab', { name: pane.t('stepUse') }));
  return { ...pane, user, members: numberIn(screen.getByTestId('member-count').textContent) };
}

describe('4 · Verwenden', () => {
  it('writes the target group to its own sheet, goes to it and says so', async () => {
    const { t, user, workbook, members } = await openUseStep();
    await user.click(screen.getByRole('button', { name: t('useTargetSheet') }));
    expect(await screen.findByTestId('use-outcome')).toHaveTextContent(
      `${members} Empfänger in das Tabellenblatt „Herbstaktion“ geschrieben.`,
    );
    expect(workbook.activeSheet).toBe('Herbstaktion');
    expect(workbook.sheets.get('Herbstaktion')?.table.rows).toHaveLength(members + 1);
  });

  it('has the outcome read out: the announcer puts it into a live region', async () => {
    // Fluent's announcer writes the live region through innerText, which jsdom leaves out; a browser has it
    const innerText = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'innerText');
    Object.defineProperty(HTMLElement.prototype, 'innerText', {
      configurable: true,
      set(this: HTMLElement, text: string) {
        this.textContent = text;
      },
      get(this: HTMLElement) {
        return this.textContent;
      },
    });
    afterTestRestores(() =>
      innerText
        ? Object.defineProperty(HTMLElement.prototype, 'innerText', innerText)
        : delete (HTMLElement.prototype as { innerText?: string }).innerText,
    );
    const { t, user } = await openUseStep();
    await user.click(screen.getByRole('button', { name: t('useTargetSheet') }));
    const outcome = (await screen.findByTestId('use-outcome')).textContent ?? '';
    const spoken = () =>
      [...document.querySelectorAll('[aria-live]')].map((region) => region.textContent ?? '').join(' | ');
    await waitFor(() => expect(spoken()).toContain('in das Tabellenblatt „Herbstaktion“ geschrieben'));
    expect(outcome).toContain('in das Tabellenblatt „Herbstaktion“ geschrieben');
  });

  it('writes the sheet but says so when the contact history is a sheet it cannot read, and leaves that sheet as it is', async () => {
    const notes = [['Notizen Telefonate'], ['Frau Weber ruft zurück', 'Mi']];
    const tables = sampleWorkbookTables()
      .filter((table) => table.name !== 'Kontakthistorie')
      .concat({ name: 'Kontakthistorie', rows: notes });
    const { workbook } = await workbookWithCampaign({}, 'de', new MemoryWorkbook(tables));
    const { t } = await renderPane({ workbook });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('openCampaign') }));
    await user.click(await screen.findByRole('tab', { name: t('stepUse') }));
    const members = numberIn(screen.getByTestId('member-count').textContent);
    await user.click(screen.getByRole('button', { name: t('useTargetSheet') }));

    const outcome = await screen.findByTestId('use-outcome');
    expect(outcome).toHaveTextContent(t('historyNotRecorded'));
    expect(outcome).toHaveTextContent(
      `${members} Empfänger in das Tabellenblatt „Herbstaktion“ geschrieben.`,
    );
    expect(outcome).toHaveTextContent('keine erkennbare Überschriftenzeile');
    expect(workbook.sheets.get('Herbstaktion')?.table.rows).toHaveLength(members + 1);
    expect(workbook.sheets.get('Kontakthistorie')?.table.rows).toEqual(notes);
  });

  it('creates leads, and a second run finds them unchanged', async () => {
    const { t, user, members } = await openUseStep();
    await user.click(screen.getByRole('button', { name: t('useLeads') }));
    expect(
      await screen.findByText(`Blatt „Leads“: ${members} Leads erstellt, 0 aktualisiert, 0 unverändert.`),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('useLeads') }));
    expect(
      await screen.findByText(`Blatt „Leads“: 0 Leads erstellt, 0 aktualisiert, ${members} unverändert.`),
    ).toBeInTheDocument();
  });

  it('says how many leads people deleted, and creates them again only when asked', async () => {
    const { t, user, workbook, members } = await openUseStep();
    await user.click(screen.getByRole('button', { name: t('useLeads') }));
    await screen.findByText(`Blatt „Leads“: ${members} Leads erstellt, 0 aktualisiert, 0 unverändert.`);
    const leads = workbook.sheets.get('Leads')!;
    leads.table = { ...leads.table, rows: leads.table.rows.slice(0, -1) };

    await user.click(screen.getByRole('button', { name: t('useLeads') }));
    expect(await screen.findByTestId('use-outcome')).toHaveTextContent(t('resultLeadsDeleted', { count: 1 }));
    expect(workbook.sheets.get('Leads')!.table.rows).toHaveLength(members);
    await user.click(screen.getByRole('button', { name: t('useLeadsRecreate') }));
    expect(
      await screen.findByText(`Blatt „Leads“: 1 Leads erstellt, 0 aktualisiert, ${members - 1} unverändert.`),
    ).toBeInTheDocument();
    expect(workbook.sheets.get('Leads')!.table.rows).toHaveLength(members + 1);
  });

  it('asks before it starts a new Leads sheet when the one with the leads is gone', async () => {
    const { t, user, workbook, members } = await openUseStep();
    await user.click(screen.getByRole('button', { name: t('useLeads') }));
    await screen.findByText(`Blatt „Leads“: ${members} Leads erstellt, 0 aktualisiert, 0 unverändert.`);
    await workbook.deleteSheet('Leads');

    await user.click(screen.getByRole('button', { name: t('useLeads') }));
    expect(await screen.findByTestId('use-outcome')).toHaveTextContent(/Leads-Blatt wurde nicht gefunden/);
    expect(workbook.sheets.has('Leads')).toBe(false);
    await user.click(screen.getByRole('button', { name: t('useLeadsNewSheet') }));
    expect(
      await screen.findByText(`Blatt „Leads“: ${members} Leads erstellt, 0 aktualisiert, 0 unverändert.`),
    ).toBeInTheDocument();
  });

  it('writes the CSV lines to an export sheet where the host cannot download, and tells the user', async () => {
    // jsdom, like Office on Mac, cannot download a Blob (no URL.createObjectURL).
    const { t, user, workbook, members } = await openUseStep();
    await user.selectOptions(screen.getByRole('combobox', { name: t('csvDelimiter') }), t('delimiterComma'));
    await user.click(screen.getByRole('button', { name: t('useCsv') }));
    expect(await screen.findByTestId('use-outcome')).toHaveTextContent(
      /Dieses Office kann keine Dateien herunterladen.*„CSV Herbstaktion“/,
    );
    const rows = workbook.sheets.get('CSV Herbstaktion')?.table.rows ?? [];
    expect(rows).toHaveLength(members + 1);
    expect(String(rows[0][0])).toMatch(/^KontaktNr,KundenNr,Anrede,Titel,Vorname,Nachname,/);
  });

  it.each(['useCsv', 'useLeads'] as const)(
    'shows in step 1 the start and groups the first use (%s) decided, and keeps them when step 1 is saved',
    async (button) => {
      const { t, user, workbook } = await openUseStep({ controlPercent: 50 });
      await user.click(screen.getByRole('button', { name: t(button) }));
      await screen.findByTestId('use-outcome');
      const used = (await storedState(workbook)).campaigns[0];
      expect(used.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(used.assignment?.control.length).toBeGreaterThan(0);

      await user.click(screen.getByRole('tab', { name: t('stepBasics') }));
      expect(screen.getByLabelText(t('evaluationStart'))).toHaveValue(used.start);
      expect(
        screen.getByText(t('evaluationControlAssigned', { count: used.assignment?.control.length ?? 0 })),
      ).toBeInTheDocument();
      await user.type(screen.getByRole('textbox', { name: t('basicsDescription') }), 'Nachfassen');
      await waitFor(async () =>
        expect((await storedState(workbook)).campaigns[0].description).toBe('Nachfassen'),
      );
      const saved = (await storedState(workbook)).campaigns[0];
      expect(saved.start).toBe(used.start);
      expect(saved.assignment).toEqual(used.assignment);
    },
  );
});
