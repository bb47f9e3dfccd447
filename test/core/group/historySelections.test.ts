import type { CampaignDefinition, SelectionDefinition } from '../../../src/core/campaign/campaign';
import { readCampaignDefinition } from '../../../src/core/campaign/campaignDefinition';
import { describeSelection } from '../../../src/core/select/selectionLabels';
import type { SheetTable } from '../../../src/core/kernel/sheetTable';
import { dayToDate, isoToDay } from '../../../src/core/kernel/values';
import { runCampaign } from '../../../src/core/run/campaignRun';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { sheet } from '../sheetBuilders';
import { historyCampaigns } from '../../../src/core/group/historySelections';
import { readContactHistory } from '../../../src/core/read/contactHistory';

const day = (iso: string) => isoToDay(iso)!;

const customers = (): SheetTable =>
  sheet('Kundenstamm', [
    ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'E-Mail'],
    ['K1', 'Alt GmbH', 'Weg 1', '01067', 'Dresden', 'alt@alt.de'],
    ['K2', 'Brot KG', 'Weg 2', '50667', 'Köln', 'brot@brot.de'],
    ['K3', 'Creme OHG', 'Weg 3', '04109', 'Leipzig', 'creme@creme.de'],
    ['K4', 'Dietz AG', 'Weg 4', '80331', 'München', 'dietz@dietz.de'],
  ]);

/** A history as the add-in writes it, with one row a person typed in (a phone call, without campaign id). */
const history = (): SheetTable =>
  sheet('Kontakthistorie', [
    ['Datum', 'Kampagne', 'Typ', 'Kanal', 'Gruppe', 'Personenschlüssel', 'Name', 'Kampagnen-ID'],
    [
      dayToDate(day('2026-11-20')),
      'Herbstmailing',
      'E-Mail',
      'CSV-Export',
      'kontaktiert',
      'k:K1',
      'Alt',
      'h1',
    ],
    [
      dayToDate(day('2026-11-20')),
      'Herbstmailing',
      'E-Mail',
      'CSV-Export',
      'Kontrollgruppe',
      'k:K2',
      'Brot',
      'h1',
    ],
    [
      dayToDate(day('2026-09-01')),
      'Sommerbrief',
      'Brief',
      'Zielgruppenblatt',
      'kontaktiert',
      'k:K3',
      'Creme',
      's1',
    ],
    ['25.11.2026', 'Anruf', 'Telefon', 'Leads', 'kontaktiert', 'k:K4', 'Dietz', ''],
  ]);

const members = async (selections: SelectionDefinition[], lang: 'de' | 'en' = 'de') => {
  const port = new MemoryWorkbook([customers(), history()]);
  const definition: CampaignDefinition = { name: 'Winter', type: 'email', language: lang, selections };
  const result = await runCampaign(port, definition, {
    today: day('2026-12-02'),
    now: '2026-12-02T09:00:00Z',
    leads: false,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return {
    keys: result.value.group.members.map((member) => member.key),
    labels: result.value.selectionLabels,
    reports: result.value.group.reports,
    excluded: result.value.group.excluded.map((e) => [e.key, e.reason]),
  };
};

describe('selections that read the contact history', () => {
  it('finds the recipients of a campaign, control group included unless only the contacted are asked for', async () => {
    expect((await members([{ from: 'campaignRecipients', campaign: 'herbstmailing' }])).keys).toEqual([
      'k:K1',
      'k:K2',
    ]);
    const contacted = await members([
      { from: 'campaignRecipients', campaign: 'Herbstmailing', contactedOnly: true },
    ]);
    expect(contacted.keys).toEqual(['k:K1']);
    expect(contacted.labels).toEqual(['1: Empfänger der Kampagne „Herbstmailing“ (nur kontaktierte)']);
  });

  it('finds a campaign by its id as well, which stays when the campaign is renamed', async () => {
    expect((await members([{ from: 'campaignRecipients', campaign: 's1' }])).keys).toEqual(['k:K3']);
  });

  it('takes out whom any campaign contacted in the last N days, held-back members and older contacts not', async () => {
    const result = await members([
      { from: 'customers' },
      { from: 'recentlyContacted', days: 30, mode: 'remove' },
    ]);
    expect(result.keys).toEqual(['k:K2', 'k:K3']);
    expect(result.reports[1]).toMatchObject({ found: 2, removed: 2 });
    expect(result.excluded).toEqual([
      ['k:K1', 'removedBySelection'],
      ['k:K4', 'removedBySelection'],
    ]);
    expect(result.labels[1]).toBe('2: ohne Kontakte der letzten 30 Tage (alle Kampagnen)');
    const english = await members([{ from: 'recentlyContacted', days: 8 }], 'en');
    expect(english.keys).toEqual(['k:K4']);
    expect(english.labels).toEqual(['1: Contacts of the last 8 days (all campaigns)']);
  });

  it('counts a contact exactly N days ago as outside the last N days', async () => {
    // Herbstmailing went out 12 days ago, the call was 7 days ago
    expect((await members([{ from: 'recentlyContacted', days: 12 }])).keys).toEqual(['k:K4']);
    expect((await members([{ from: 'recentlyContacted', days: 13 }])).keys).toEqual(['k:K1', 'k:K4']);
    expect((await members([{ from: 'recentlyContacted', days: 7 }])).keys).toEqual([]);
    expect((await members([{ from: 'recentlyContacted', days: 8 }])).keys).toEqual(['k:K4']);
  });

  it('finds nobody in a workbook without a history', async () => {
    const port = new MemoryWorkbook([customers()]);
    const result = await runCampaign(
      port,
      { name: 'W', type: 'email', selections: [{ from: 'recentlyContacted', days: 30 }] },
      { today: day('2026-12-02'), now: '2026-12-02T09:00:00Z', leads: false },
    );
    expect(result.ok && result.value.group.members).toEqual([]);
  });
});

describe('the campaign file', () => {
  it("accepts both selections and refuses a bad number of days, in the file's words", () => {
    const text = JSON.stringify({
      name: 'W',
      type: 'E-Mail',
      selections: [
        { from: 'campaignRecipients', campaign: 'Herbstmailing', contactedOnly: true, mode: 'remove' },
        { from: 'recentlyContacted', days: 30 },
      ],
    });
    const read = readCampaignDefinition(text, { today: day('2026-12-02') });
    expect(read.ok && read.value.selections).toEqual([
      { from: 'campaignRecipients', campaign: 'Herbstmailing', contactedOnly: true, mode: 'remove' },
      { from: 'recentlyContacted', days: 30 },
    ]);
    const bad = readCampaignDefinition(
      JSON.stringify({ name: 'W', type: 'E-Mail', selections: [{ from: 'recentlyContacted', days: 0 }] }),
      { today: day('2026-12-02') },
    );
    expect(bad.ok).toBe(false);
  });

  it.each([
    [
      { from: 'campaignRecipients', campaign: 'Herbstmailing' } as const,
      'de' as const,
      '3: Empfänger der Kampagne „Herbstmailing“',
    ],
    [
      { from: 'campaignRecipients', campaign: 'Autumn', contactedOnly: true } as const,
      'en' as const,
      '3: Recipients of campaign "Autumn" (contacted only)',
    ],
    [
      { from: 'recentlyContacted', days: 1 } as const,
      'de' as const,
      '3: Kontakte von heute (alle Kampagnen)',
    ],
  ])('labels %j in %s', (selection, lang, label) => {
    expect(describeSelection(selection, 2, lang)).toBe(label);
  });
});

describe('the campaigns the pane offers from the history', () => {
  it('names each campaign once, the latest used first, counting the people it reached or held back', () => {
    const read = readContactHistory([
      customers(),
      sheet('Kontakthistorie', [
        ...history().rows,
        // the same campaign used again a week later (leads), spelled with a trailing space by hand
        [
          dayToDate(day('2026-11-27')),
          'Herbstmailing ',
          'E-Mail',
          'Leads',
          'kontaktiert',
          'k:K1',
          'Alt',
          'h1',
        ],
        [dayToDate(day('2026-11-27')), '', 'E-Mail', 'Leads', 'kontaktiert', 'k:K3', 'Creme', ''],
      ]),
    ]);
    expect(historyCampaigns(read?.history)).toEqual([
      { name: 'Herbstmailing', lastDay: day('2026-11-27'), people: 2 },
      { name: 'Anruf', lastDay: day('2026-11-25'), people: 1 },
      { name: 'Sommerbrief', lastDay: day('2026-09-01'), people: 1 },
    ]);
  });

  it('offers nothing without a history', () => {
    expect(historyCampaigns(undefined)).toEqual([]);
  });
});
