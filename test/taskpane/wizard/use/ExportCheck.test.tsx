import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StoredCampaign } from '../../../../src/core/campaign/campaign';
import { installLayoutStubs, renderPane, storedState, workbookWithCampaign } from '../../paneTestkit';

beforeAll(installLayoutStubs);

/** In the sample, customer 10104 has no contacts: the firm's Ansprechpartner "Lukas Weber" has no Anrede. */
const WITHOUT_ANREDE: Partial<StoredCampaign> = {
  type: 'letter',
  selections: [{ from: 'customers', ids: ['10104', '10002'] }],
};

async function openStep(fields: Partial<StoredCampaign>, step: 'stepUse' | 'stepBasics' = 'stepUse') {
  const { workbook } = await workbookWithCampaign(fields);
  const pane = await renderPane({ workbook });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: pane.t('openCampaign') }));
  await user.click(await screen.findByRole('tab', { name: pane.t(step) }));
  return { ...pane, user, workbook };
}

describe('4 · Verwenden: the pre-flight before the CSV export', () => {
  it('says how many letters would print wrong and why, lists them on request, and exports anyway', async () => {
    const { t, user, workbook } = await openStep({ ...WITHOUT_ANREDE });
    const preflight = screen.getByTestId('preflight');
    expect(preflight).toHaveTextContent(/Vor dem Export geprüft/);
    expect(preflight).toHaveTextContent(
      /1 von \d+ Empfängern würden nicht richtig gedruckt: ohne Anrede 1\./,
    );
    expect(preflight).toHaveTextContent(/Briefe je Leitregion \(für Dialogpost\): .*99 1/);
    expect(screen.queryByTestId('preflight-list')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: t('preflightReview') }));
    const list = screen.getByRole('list', { name: t('preflightListLabel') });
    expect(list).toHaveTextContent('Lukas Weber (Weber Steuerberatung GmbH & Co. KG)');
    expect(list).toHaveTextContent(/Blatt „Kunden“, Zeile 107: Keine Anrede \(Herr\/Frau\)/);
    expect(screen.getByRole('button', { name: t('preflightHide') })).toHaveAttribute('aria-expanded', 'true');

    await user.click(screen.getByRole('button', { name: t('preflightExportAnyway') }));
    expect(await screen.findByTestId('use-outcome')).toHaveTextContent(/„CSV Herbstaktion“/);
    const lines = (workbook.sheets.get('CSV Herbstaktion')?.table.rows ?? []).map((row) => String(row[0]));
    expect(lines[0]).toMatch(/;Briefanrede;Anschrift1;Anschrift2;/);
    expect(lines.some((line) => line.includes(';Guten Tag Lukas Weber,;'))).toBe(true);
  });

  it('exports at once when every recipient is ready to print', async () => {
    const { t, user } = await openStep({ type: 'email' });
    expect(screen.getByTestId('preflight')).toHaveTextContent(/Alle \d+ Empfänger sind druckbereit\./);
    expect(screen.queryByRole('button', { name: t('preflightExportAnyway') })).not.toBeInTheDocument();
    expect(screen.getByTestId('preflight')).not.toHaveTextContent(/Leitregion/);
    await user.click(screen.getByRole('button', { name: t('useCsv') }));
    expect(await screen.findByTestId('use-outcome')).toHaveTextContent(/„CSV Herbstaktion“/);
  });
});

describe('4 · Verwenden: "Word-Vorlage speichern"', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    delete (URL as { createObjectURL?: unknown }).createObjectURL;
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  it('downloads the template of the campaign language where the host can save files', async () => {
    const blob = new Blob(['docx'], { type: 'application/octet-stream' });
    const fetched: string[] = [];
    (globalThis as { fetch?: unknown }).fetch = async (url: string) => {
      fetched.push(url);
      return { ok: true, status: 200, blob: async () => blob };
    };
    (URL as { createObjectURL?: unknown }).createObjectURL = jest.fn(() => 'blob:template');
    (URL as { revokeObjectURL?: unknown }).revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('Serienbrief-Vorlage.docx');
    });
    const { t, user } = await openStep({ type: 'letter' });
    await user.click(screen.getByRole('button', { name: t('templateSave') }));
    expect(await screen.findByTestId('template-outcome')).toHaveTextContent(
      'Gespeichert: Serienbrief-Vorlage.docx. In Word öffnen',
    );
    expect(fetched).toEqual([expect.stringMatching(/\/templates\/Serienbrief-Vorlage\.docx$/)]);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('opens the template in the browser where the host cannot download (like Excel on Mac)', async () => {
    const { t, user } = await openStep({ type: 'letter', language: 'en' });
    await user.click(screen.getByRole('button', { name: t('templateSave') }));
    const outcome = await screen.findByTestId('template-outcome');
    expect(outcome).toHaveTextContent(t('templateOpenInBrowser'));
    expect(screen.getByRole('link', { name: 'Letter-template.docx' })).toHaveAttribute(
      'href',
      expect.stringMatching(/\/templates\/Letter-template\.docx$/),
    );
  });

  it('says so when the template cannot be loaded', async () => {
    (globalThis as { fetch?: unknown }).fetch = async () => ({ ok: false, status: 404 });
    (URL as { createObjectURL?: unknown }).createObjectURL = jest.fn();
    const { t, user } = await openStep({ type: 'letter' });
    await user.click(screen.getByRole('button', { name: t('templateSave') }));
    expect(await screen.findByTestId('template-outcome')).toHaveTextContent(
      'Die Vorlage konnte nicht geladen werden: HTTP 404',
    );
  });
});

describe('1 · Basisdaten: how letters address and greet', () => {
  it('stores "an die Firma, z. Hd." and the general greeting, and the target sheet writes them', async () => {
    const { t, user, workbook } = await openStep({ ...WITHOUT_ANREDE }, 'stepBasics');
    await user.click(screen.getByRole('radio', { name: t('letterAddresseeCompany') }));
    await user.click(screen.getByRole('radio', { name: t('letterNeutralGreetingGeneral') }));
    await waitFor(async () =>
      expect((await storedState(workbook)).campaigns[0]).toMatchObject({
        addressee: 'company',
        neutralGreeting: 'general',
      }),
    );
    await user.click(screen.getByRole('tab', { name: t('stepUse') }));
    await user.click(screen.getByRole('button', { name: t('useTargetSheet') }));
    await screen.findByTestId('use-outcome');
    const [headers, ...rows] = workbook.sheets.get('Herbstaktion')?.table.rows ?? [];
    const cell = (row: unknown[], header: string) => row[headers.indexOf(header)];
    const weber = rows.find((row) => cell(row, 'KundenNr') === '10104') ?? [];
    expect(cell(weber, 'Anschrift2')).toBe('z. Hd. Lukas Weber');
    expect(cell(weber, 'Briefanrede')).toBe('Sehr geehrte Damen und Herren,');
  });

  it('offers the addressee only for letters, and nothing for phone campaigns', async () => {
    const { t, user } = await openStep({ type: 'email' }, 'stepBasics');
    expect(screen.queryByRole('radio', { name: t('letterAddresseeCompany') })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: t('letterNeutralGreetingName') })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: /^Telefon/ }));
    expect(screen.queryByRole('radio', { name: t('letterNeutralGreetingName') })).not.toBeInTheDocument();
  });
});
