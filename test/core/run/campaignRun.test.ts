import type { CampaignDefinition } from '../../../src/core/campaign/campaign';
import {
  readAddinState,
  runCampaign,
  saveAddinState,
  writeCsvSheet,
  type CampaignRunOptions,
} from '../../../src/core/run/campaignRun';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { STATE_SHEET } from '../../../src/core/workbook/sheetNames';
import { isoToDay } from '../../../src/core/kernel/values';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

const customers = (): SheetTable => ({
  name: 'Kundenstamm',
  rows: [
    ['Kundenstamm – Stand 01.06.2026', null, null, null, null, null],
    ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'Werbesperre'],
    ['K100', 'Müller & Söhne GmbH', 'Hauptstraße 1', '01067', 'Dresden', ''],
    ['K200', 'Schmidt KG', 'Ringweg 5', '50667', 'Köln', ''],
    ['K300', 'Gesperrt AG', 'Allee 3', '80331', 'München', 'ja'],
  ],
});

const contacts = (): SheetTable => ({
  name: 'Kontakte',
  rows: [
    ['Kontakt-Nr.', 'Kunden-Nr.', 'Anrede', 'Vorname', 'Nachname', 'E-Mail', 'Telefon'],
    ['C1', 'K100', 'Frau', 'Anna', 'Müller', 'anna@mueller.de', '+49 351 1234'],
    ['C2', 'K100', 'Herr', 'Jörg', 'Müller', '', '+49 351 5678'],
    ['C3', 'K200', 'Herr', 'Peter', 'Schmidt', 'peter@schmidt.de', ''],
  ],
});

const sales = (): SheetTable => ({
  name: 'Umsätze',
  rows: [
    ['Belegdatum', 'Kundennr', 'Artikel-Nr.', 'Bezeichnung', 'Menge', 'Betrag'],
    [utc('2026-05-20'), 'K200', 'A-1', 'Kopierpapier', 10, 45.5],
    [utc('2025-12-01'), 'K100', 'A-2', 'Toner', 1, 80],
    ['Summe', null, null, null, null, 125.5] as CellValue[],
  ],
});

const workbook = () => new MemoryWorkbook([customers(), contacts(), sales()]);

const inactiveLetter: CampaignDefinition = {
  name: 'Sonderangebote Juni',
  type: 'letter',
  selections: [{ from: 'inactiveCustomers', months: 3, asOf: '2026-06-01' }],
};

const emailToAll: CampaignDefinition = {
  name: 'Newsletter Juni',
  type: 'email',
  selections: [
    { from: 'customers' },
    { from: 'contacts', filter: [{ column: 'Ort', op: 'equals', value: 'Köln' }] },
  ],
};

const options = (overrides: Partial<CampaignRunOptions> = {}): CampaignRunOptions => ({
  today: isoToDay('2026-06-01')!,
  now: '2026-06-01T09:00:00.000Z',
  leads: true,
  ...overrides,
});

const sheetRows = (wb: MemoryWorkbook, name: string) => wb.sheets.get(name)!.table.rows;
const column = (rows: CellValue[][], header: string) => {
  const index = rows[0].indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[index]);
};

describe('runCampaign', () => {
  it('writes the target group as a table, the overview, the leads and the very hidden state', async () => {
    const wb = workbook();
    const result = await runCampaign(wb, inactiveLetter, options());
    if (!result.ok) throw new Error(JSON.stringify(result.error));

    // K100 bought last in December (inactive), K200 in May (active), K300 objected to advertising.
    expect(result.value.group.members.map((m) => m.recipient.contactId).sort()).toEqual(['C1', 'C2']);
    const target = wb.sheets.get(result.value.targetSheet)!;
    expect(target.tableName).toBe('Sonderangebote_Juni');
    expect(column(target.table.rows, 'PLZ')).toEqual(['01067', '01067']);
    expect(column(target.table.rows, 'Strasse')).toEqual(['Hauptstraße 1', 'Hauptstraße 1']);
    expect(column(sheetRows(wb, 'Leads'), 'Status')).toEqual(['Neu', 'Neu']);
    expect(column(sheetRows(wb, 'Kampagnen'), 'Name')).toEqual(['Sonderangebote Juni']);
    expect(wb.sheets.get(STATE_SHEET)!.visibility).toBe('veryHidden');
    expect(result.value.dataProblems.map((p) => p.code)).toContain('totalsRowSkipped');
  });

  it('updates the same campaign on a second run and keeps what people wrote on the Leads sheet', async () => {
    const wb = workbook();
    await runCampaign(wb, inactiveLetter, options());
    const leads = sheetRows(wb, 'Leads');
    const status = leads[0].indexOf('Status');
    const note = leads[0].indexOf('Notiz');
    leads[1][status] = 'Kontaktiert';
    leads[1][note] = 'Ruft zurück';
    leads[0].push('Rabatt');
    leads[1].push('10 %');

    const again = await runCampaign(wb, inactiveLetter, options({ now: '2026-06-02T09:00:00.000Z' }));
    if (!again.ok) throw new Error(JSON.stringify(again.error));

    expect(again.value.leads).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const after = sheetRows(wb, 'Leads');
    expect(column(after, 'Status')).toContain('Kontaktiert');
    expect(column(after, 'Notiz')).toContain('Ruft zurück');
    expect(column(after, 'Rabatt')).toContain('10 %');
    const state = await readAddinState(wb);
    expect(state.ok && state.value.campaigns.map((c) => c.name)).toEqual(['Sonderangebote Juni']);
    expect([...wb.sheets.keys()].filter((name) => name.startsWith('Sonderangebote'))).toHaveLength(1);
  });

  it('never replaces a sheet the user made that happens to have the campaign name', async () => {
    const wb = workbook();
    await wb.writeTable({
      sheet: 'Newsletter Juni',
      data: { headers: ['Meine Notizen'], rows: [['wichtig']], textColumns: [] },
    });
    const result = await runCampaign(wb, emailToAll, options({ leads: false }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));

    expect(sheetRows(wb, 'Newsletter Juni')).toEqual([['Meine Notizen'], ['wichtig']]);
    expect(result.value.targetSheet).toBe('Newsletter Juni (2)');
    const again = await runCampaign(wb, emailToAll, options({ leads: false }));
    expect(again.ok && again.value.targetSheet).toBe('Newsletter Juni (2)');
  });

  it('excludes people without e-mail from an e-mail campaign and counts the overlap of two selections', async () => {
    const result = await runCampaign(workbook(), emailToAll, options({ leads: false }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));

    const [fromCustomers, fromCologne] = result.value.group.reports;
    expect(result.value.group.members.map((m) => m.recipient.contactId).sort()).toEqual(['C1', 'C3']);
    expect(fromCustomers.excluded).toMatchObject({ noEmail: 1, optOut: 1 });
    expect(fromCologne).toMatchObject({ found: 1, added: 0, alreadyIn: 1, merged: 0 });
  });

  it('fails with a problem naming the sheet when a source sheet does not exist, and writes nothing', async () => {
    const wb = workbook();
    const result = await runCampaign(
      wb,
      { ...inactiveLetter, sources: { sales: 'Rechnungen 2026' } },
      options(),
    );

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error[0]).toMatchObject({ code: 'sheetNotFound', sheet: 'Rechnungen 2026' });
    expect([...wb.sheets.keys()]).toEqual(['Kundenstamm', 'Kontakte', 'Umsätze']);
  });

  it('refuses to run on a damaged state sheet instead of overwriting the campaigns in it', async () => {
    const wb = workbook();
    await wb.writeTable({
      sheet: STATE_SHEET,
      data: { headers: ['Schluessel', 'Teil', 'Daten'], rows: [['state', 1, '{kaputt']], textColumns: [] },
      visibility: 'veryHidden',
    });
    const before = JSON.stringify(sheetRows(wb, STATE_SHEET));

    const result = await runCampaign(wb, inactiveLetter, options());

    expect(!result.ok && result.error[0].code).toBe('invalidState');
    expect(JSON.stringify(sheetRows(wb, STATE_SHEET))).toBe(before);
    expect(wb.sheets.has('Leads')).toBe(false);
  });

  it('writes the CSV fallback to an export sheet it owns, one line per row, beside a user sheet of that name', async () => {
    const wb = workbook();
    await wb.writeTable({
      sheet: 'CSV Newsletter Juni',
      data: { headers: ['Eigenes'], rows: [], textColumns: [] },
    });
    const run = await runCampaign(wb, emailToAll, options({ leads: false }));
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    const state = await readAddinState(wb);
    if (!state.ok) throw new Error('state');

    const csv = '\uFEFFVorname;EMail\r\nAnna;anna@mueller.de\r\nPeter;peter@schmidt.de';
    const written = await writeCsvSheet(wb, state.value, run.value.campaign, csv);

    expect(written.sheet).toBe('CSV Newsletter Juni (2)');
    expect(sheetRows(wb, written.sheet)).toEqual([
      ['Vorname;EMail'],
      ['Anna;anna@mueller.de'],
      ['Peter;peter@schmidt.de'],
    ]);
    expect(sheetRows(wb, 'CSV Newsletter Juni')).toEqual([['Eigenes']]);
    const saved = await readAddinState(wb);
    expect(saved.ok && saved.value.ownedSheets).toContain('CSV Newsletter Juni (2)');
  });
});

describe('runCampaign finds its sheets by identity and never loses people’s leads', () => {
  const leadsRun = async (wb: MemoryWorkbook, more: Partial<CampaignRunOptions> = {}) => {
    const result = await runCampaign(wb, inactiveLetter, options(more));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };

  it('keeps working on a Leads sheet people renamed, and creates no second one', async () => {
    const wb = workbook();
    await leadsRun(wb);
    wb.renameSheet('Leads', 'Leads Vertrieb');
    sheetRows(wb, 'Leads Vertrieb')[1][sheetRows(wb, 'Leads Vertrieb')[0].indexOf('Status')] = 'Gewonnen';

    const again = await leadsRun(wb, { now: '2026-06-02T09:00:00.000Z' });

    expect(again.leads).toMatchObject({ sheet: 'Leads Vertrieb', created: 0, unchanged: 2 });
    expect(wb.sheets.has('Leads')).toBe(false);
    expect(column(sheetRows(wb, 'Leads Vertrieb'), 'Status')).toContain('Gewonnen');
    const state = await readAddinState(wb);
    expect(state.ok && state.value.ownedSheets).toContain('Leads Vertrieb');
  });

  it('stops with leadsSheetMissing when the Leads sheet is gone, and starts a new one only when asked', async () => {
    const wb = workbook();
    await leadsRun(wb);
    await wb.deleteSheet('Leads');
    const before = JSON.stringify([...wb.sheets.values()]);

    const stopped = await runCampaign(wb, inactiveLetter, options({ now: '2026-06-02T09:00:00.000Z' }));
    expect(!stopped.ok && stopped.error).toEqual([
      { code: 'leadsSheetMissing', severity: 'error', sheet: 'Leads' },
    ]);
    expect(JSON.stringify([...wb.sheets.values()])).toBe(before);

    const fresh = await leadsRun(wb, { newLeadsSheet: true });
    expect(fresh.leads).toMatchObject({ sheet: 'Leads', created: 2, deleted: 0 });
  });

  it('does not create a lead again that people deleted, and says so', async () => {
    const wb = workbook();
    await leadsRun(wb);
    const leads = wb.sheets.get('Leads')!;
    leads.table = { ...leads.table, rows: leads.table.rows.slice(0, 2) };

    const again = await leadsRun(wb, { now: '2026-06-02T09:00:00.000Z' });

    expect(again.leads).toMatchObject({ created: 0, unchanged: 1, deleted: 1 });
    expect(sheetRows(wb, 'Leads')).toHaveLength(2);
  });

  it.each(['Kampagnen', 'KampagnenDaten', 'Leads', 'Auswertung', 'Sperrliste'])(
    'gives a campaign named "%s" a free sheet name and names it in the result',
    async (name) => {
      const wb = workbook();
      const named = { ...inactiveLetter, name };

      const first = await runCampaign(wb, named, options());
      const second = await runCampaign(wb, named, options({ now: '2026-06-02T09:00:00.000Z' }));
      if (!first.ok || !second.ok) throw new Error('run failed');

      expect(first.value.targetSheet).toBe(`${name} (2)`);
      expect(second.value.targetSheet).toBe(`${name} (2)`);
      expect(second.value.leads).toMatchObject({ sheet: 'Leads', created: 0, unchanged: 2 });
      expect(column(sheetRows(wb, 'Kampagnen'), 'Name')).toEqual([name]);
      expect((await readAddinState(wb)).ok).toBe(true);
    },
  );

  it('reads a state written before sheets were recorded by identity and records them from then on', async () => {
    const wb = workbook();
    await leadsRun(wb);
    const state = await readAddinState(wb);
    if (!state.ok) throw new Error('state');
    const { sheets: _, ...legacy } = state.value;
    await saveAddinState(wb, legacy);

    const again = await leadsRun(wb, { now: '2026-06-02T09:00:00.000Z' });

    expect(again.leads).toMatchObject({ sheet: 'Leads', created: 0, unchanged: 2 });
    const saved = await readAddinState(wb);
    expect(saved.ok && saved.value.sheets?.map((sheet) => sheet.role).sort()).toEqual([
      'leads',
      'overview',
      'target',
    ]);
  });
});

describe('runCampaign with a control group', () => {
  /** 40 firms (K01…K40, one of them objected); half bought in the year before June, some much more than others. */
  const firms = (count: number): SheetTable => ({
    name: 'Kundenstamm',
    rows: [
      ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'Werbesperre'],
      ...Array.from({ length: count }, (_, i) => {
        const id = `K${String(i + 1).padStart(2, '0')}`;
        return [id, `Firma ${id} GmbH`, `Weg ${i + 1}`, '01067', 'Dresden', id === 'K07' ? 'ja' : ''];
      }),
    ],
  });
  const purchases = (): SheetTable => ({
    name: 'Umsätze',
    rows: [
      ['Belegdatum', 'Kundennr', 'Artikel-Nr.', 'Betrag'],
      ...Array.from({ length: 20 }, (_, i) => [
        utc(`2026-0${1 + (i % 5)}-1${i % 10}`),
        `K${String(2 * i + 1).padStart(2, '0')}`,
        'A-1',
        (i + 1) * 40,
      ]),
      ['Summe', null, null, 8400] as CellValue[],
    ],
  });
  const heldBack: CampaignDefinition = {
    name: 'Frühjahrsbrief',
    type: 'letter',
    controlPercent: 20,
    cost: 350,
    selections: [{ from: 'customers' }],
  };
  const groupByCustomer = (rows: CellValue[][]): Map<CellValue, CellValue> => {
    const ids = column(rows, 'KundenNr');
    const groups = column(rows, 'Gruppe');
    return new Map(ids.map((id, i) => [id, groups[i]]));
  };

  it('marks the held-back members on the target sheet, gives them no lead and stores start and assignment', async () => {
    const wb = new MemoryWorkbook([firms(40), purchases()]);
    const result = await runCampaign(wb, heldBack, options());
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { control, group } = result.value;

    expect(group.members).toHaveLength(39);
    expect(control.length).toBeGreaterThanOrEqual(6);
    expect(control.length).toBeLessThanOrEqual(10);
    const groups = groupByCustomer(sheetRows(wb, result.value.targetSheet));
    const heldIds = control.map((m) => m.recipient.customerId).sort();
    expect(
      [...groups]
        .filter(([, g]) => g === 'Kontrollgruppe')
        .map(([id]) => id)
        .sort(),
    ).toEqual(heldIds);
    expect([...groups.values()].filter((g) => g === 'Kontaktiert')).toHaveLength(39 - control.length);

    const leadCustomers = column(sheetRows(wb, 'Leads'), 'KundenNr');
    expect(leadCustomers).toHaveLength(39 - control.length);
    expect(leadCustomers.some((id) => heldIds.includes(id as string))).toBe(false);
    expect(result.value.exportTable.headers).not.toContain('Gruppe');
    expect(column([result.value.exportTable.headers, ...result.value.exportTable.rows], 'KundenNr')).toEqual(
      leadCustomers,
    );

    const state = await readAddinState(wb);
    if (!state.ok) throw new Error('state');
    const [stored] = state.value.campaigns;
    expect(stored).toMatchObject({ start: '2026-06-01', controlPercent: 20, cost: 350 });
    expect([...stored.assignment!.control].sort()).toEqual(control.map((m) => m.key).sort());
    expect(stored.assignment!.contacted).toHaveLength(39 - control.length);
    const overview = sheetRows(wb, 'Kampagnen');
    expect(column(overview, 'Start')).toEqual([utc('2026-06-01')]);
    expect(column(overview, 'Kontrollgruppe (%)')).toEqual([20]);
    expect(column(overview, 'Status')).toEqual(['Geplant']);
  });

  it('keeps every group and the start when it runs again weeks later with more customers', async () => {
    const wb = new MemoryWorkbook([firms(40), purchases()]);
    const first = await runCampaign(wb, heldBack, options());
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const before = groupByCustomer(sheetRows(wb, first.value.targetSheet));

    const [headers, ...rows] = firms(60).rows;
    await wb.writeTable({
      sheet: 'Kundenstamm',
      data: { headers: headers as string[], rows, textColumns: [] },
    });
    const later = options({ today: isoToDay('2026-07-15')!, now: '2026-07-15T09:00:00.000Z' });
    const second = await runCampaign(wb, heldBack, later);
    if (!second.ok) throw new Error(JSON.stringify(second.error));

    const after = groupByCustomer(sheetRows(wb, second.value.targetSheet));
    expect(after.size).toBe(59);
    for (const [id, group] of before) expect(after.get(id)).toBe(group);
    expect(second.value.campaign.start).toBe('2026-06-01');
    const newControl = second.value.control.length - first.value.control.length;
    expect(newControl).toBeGreaterThan(0);
    expect(second.value.leads).toMatchObject({
      created: 20 - newControl,
      unchanged: 39 - first.value.control.length,
      notInGroup: 0,
    });
  });

  it('writes no group column and every member to the leads without a control group, and still records the start', async () => {
    const wb = new MemoryWorkbook([firms(12), purchases()]);
    const result = await runCampaign(wb, { ...heldBack, controlPercent: undefined }, options());
    if (!result.ok) throw new Error(JSON.stringify(result.error));

    expect(result.value.control).toEqual([]);
    expect(sheetRows(wb, result.value.targetSheet)[0]).not.toContain('Gruppe');
    expect(result.value.exportTable).toEqual(result.value.targetTable);
    expect(column(sheetRows(wb, 'Leads'), 'KundenNr')).toHaveLength(11);
    expect(result.value.campaign.start).toBe('2026-06-01');
  });
});
