import fc from 'fast-check';
import type { CampaignDefinition } from '../../../src/core/campaign/campaign';
import type { Day } from '../../../src/core/kernel/model';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { dayToDate, isoToDay } from '../../../src/core/kernel/values';
import { readContactHistory } from '../../../src/core/read/contactHistory';
import { parseWorkbook } from '../../../src/core/read/parseWorkbook';
import { runCampaign, type CampaignRunOptions } from '../../../src/core/run/campaignRun';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { sheet } from '../sheetBuilders';

const day = (iso: string): Day => isoToDay(iso)!;
const date = (iso: string): Date => dayToDate(day(iso));

const customers = (): SheetTable =>
  sheet('Kundenstamm', [
    ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'E-Mail'],
    ['K100', 'Müller GmbH', 'Hauptstraße 1', '01067', 'Dresden', 'info@mueller.de'],
    ['K200', 'Schmidt KG', 'Ringweg 5', '50667', 'Köln', 'post@schmidt.de'],
    ['K300', 'Weber OHG', 'Allee 3', '80331', 'München', 'weber@weber.de'],
  ]);

const newsletter: CampaignDefinition = {
  name: 'Newsletter Dezember',
  type: 'email',
  selections: [{ from: 'customers' }],
};

const options = (iso: string, extra: Partial<CampaignRunOptions> = {}): CampaignRunOptions => ({
  today: day(iso),
  now: `${iso}T09:00:00.000Z`,
  leads: false,
  ...extra,
});

const run = async (port: MemoryWorkbook, definition: CampaignDefinition, iso: string, extra = {}) => {
  const result = await runCampaign(port, definition, options(iso, extra));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const historyRows = async (port: MemoryWorkbook, name = 'Kontakthistorie') =>
  (await port.readSheet(name)).rows;

describe('the contact history (Kontakthistorie)', () => {
  it('starts as an Excel table with one row per member and channel, in German', async () => {
    const port = new MemoryWorkbook([customers()]);
    const result = await run(port, newsletter, '2026-12-02', { csv: true });
    expect(result.history).toEqual({ sheet: 'Kontakthistorie', added: 6 });
    const [headers, ...rows] = await historyRows(port);
    expect(headers).toEqual([
      'Datum',
      'Kampagne',
      'Typ',
      'Kanal',
      'Gruppe',
      'Personenschlüssel',
      'Name',
      'Kampagnen-ID',
    ]);
    expect(rows.map((row) => row.slice(0, 7))).toEqual([
      [
        date('2026-12-02'),
        'Newsletter Dezember',
        'E-Mail',
        'Zielgruppenblatt',
        'kontaktiert',
        'k:K100',
        'Müller GmbH',
      ],
      [
        date('2026-12-02'),
        'Newsletter Dezember',
        'E-Mail',
        'Zielgruppenblatt',
        'kontaktiert',
        'k:K200',
        'Schmidt KG',
      ],
      [
        date('2026-12-02'),
        'Newsletter Dezember',
        'E-Mail',
        'Zielgruppenblatt',
        'kontaktiert',
        'k:K300',
        'Weber OHG',
      ],
      [
        date('2026-12-02'),
        'Newsletter Dezember',
        'E-Mail',
        'CSV-Export',
        'kontaktiert',
        'k:K100',
        'Müller GmbH',
      ],
      [
        date('2026-12-02'),
        'Newsletter Dezember',
        'E-Mail',
        'CSV-Export',
        'kontaktiert',
        'k:K200',
        'Schmidt KG',
      ],
      [
        date('2026-12-02'),
        'Newsletter Dezember',
        'E-Mail',
        'CSV-Export',
        'kontaktiert',
        'k:K300',
        'Weber OHG',
      ],
    ]);
    expect(new Set(rows.map((row) => row[7]))).toEqual(new Set([result.campaign.id]));
    expect((await port.listSheets()).find((s) => s.name === 'Kontakthistorie')?.tables).toEqual([
      'Kontakthistorie',
    ]);
  });

  it('is called "Contact history" in an English workbook, with English values', async () => {
    const port = new MemoryWorkbook([customers()]);
    await run(port, { ...newsletter, language: 'en' }, '2026-12-02');
    const [headers, first] = await historyRows(port, 'Contact history');
    expect(headers.slice(0, 7)).toEqual([
      'Date',
      'Campaign',
      'Type',
      'Channel',
      'Group',
      'Person key',
      'Name',
    ]);
    expect(first.slice(2, 5)).toEqual(['Email', 'Target sheet', 'contacted']);
  });

  it('records the control group as held back', async () => {
    const port = new MemoryWorkbook([customers()]);
    const result = await run(port, { ...newsletter, controlPercent: 34 }, '2026-12-02');
    const rows = (await historyRows(port)).slice(1);
    const control = rows.filter((row) => row[4] === 'Kontrollgruppe').map((row) => row[5]);
    expect(control).toEqual(result.control.map((member) => member.key));
    expect(control.length).toBeGreaterThan(0);
  });

  it('adds nothing when the same campaign is used again the same day through the same channel', async () => {
    const port = new MemoryWorkbook([customers()]);
    await run(port, newsletter, '2026-12-02');
    const again = await run(port, newsletter, '2026-12-02');
    expect(again.history).toEqual({ sheet: 'Kontakthistorie', added: 0 });
    expect(await historyRows(port)).toHaveLength(4);
    const withLeads = await run(port, newsletter, '2026-12-02', { leads: true });
    expect(withLeads.history?.added).toBe(3);
    const nextDay = await run(port, newsletter, '2026-12-03');
    expect(nextDay.history?.added).toBe(3);
    expect(await historyRows(port)).toHaveLength(10);
  });

  it("keeps the user's edits, columns and rows byte for byte and appends in the sheet's columns", async () => {
    const port = new MemoryWorkbook([customers()]);
    await run(port, newsletter, '2026-11-02');
    const edited = (await historyRows(port)).map((row) => [...row]);
    // a note column in the middle, a renamed header, a corrected name, a row typed in by hand, a blank row
    const withNote = edited.map((row, i) => [
      ...row.slice(0, 6),
      i === 0 ? 'Notiz' : 'angerufen',
      ...row.slice(6),
    ]);
    withNote[0][0] = 'Kontakt am';
    withNote[2][7] = 'Schmidt KG (Köln)';
    withNote.push([null, null, null, null, null, null, null, null, null]);
    withNote.push([
      '15.11.2026',
      'Messe',
      'Veranstaltung',
      'Leads',
      'kontaktiert',
      'k:K300',
      'Notiz',
      'Weber',
      '',
    ]);
    const before = withNote.map((row) => [...row]);
    port.sheets.get('Kontakthistorie')!.table = sheet('Kontakthistorie', withNote);

    await run(port, newsletter, '2026-12-02');
    const after = await historyRows(port);
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(added).toHaveLength(3);
    expect(added[0]).toEqual([
      date('2026-12-02'),
      'Newsletter Dezember',
      'E-Mail',
      'Zielgruppenblatt',
      'kontaktiert',
      'k:K100',
      null,
      'Müller GmbH',
      expect.any(String),
    ]);
  });

  it('does not write over a sheet of its name that it cannot read, and says so', async () => {
    const notes = sheet('Kontakthistorie', [['Notizen zu Anrufen'], ['Herr Weber will im Januar wieder']]);
    const port = new MemoryWorkbook([customers(), notes]);
    const result = await run(port, newsletter, '2026-12-02');
    expect(result.history).toBeNull();
    expect(result.dataProblems).toContainEqual(
      expect.objectContaining({ code: 'historyUnreadable', sheet: 'Kontakthistorie' }),
    );
    expect(await historyRows(port)).toEqual(notes.rows);
  });

  it('the history only ever grows: every earlier row stays as it was, whatever is run when', async () => {
    const uses = fc.array(
      fc.record({
        campaign: fc.constantFrom('Newsletter Dezember', 'Brief Januar', 'Messe'),
        dayOffset: fc.integer({ min: 0, max: 3 }),
        csv: fc.boolean(),
        leads: fc.boolean(),
        customers: fc.subarray(['Dresden', 'Köln', 'München'], { minLength: 1 }),
      }),
      { minLength: 1, maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(uses, async (sequence) => {
        const port = new MemoryWorkbook([customers()]);
        let previous: CellValue[][] = [];
        const seen = new Set<string>();
        for (const use of sequence) {
          const definition: CampaignDefinition = {
            name: use.campaign,
            type: 'email',
            selections: [{ from: 'customers', filter: [{ column: 'Ort', op: 'in', value: use.customers }] }],
          };
          const iso = `2026-12-0${use.dayOffset + 1}`;
          const result = await run(port, definition, iso, { csv: use.csv, leads: use.leads });
          const rows = await historyRows(port);
          expect(rows.slice(0, previous.length)).toEqual(previous);
          expect(rows.length - Math.max(previous.length, 1)).toBe(result.history!.added);
          for (const row of rows.slice(1)) {
            const identity = `${String(row[7])}|${(row[0] as Date).toISOString()}|${String(row[3])}|${String(row[5])}`;
            if (rows.indexOf(row) >= previous.length) expect(seen.has(identity)).toBe(false);
            seen.add(identity);
          }
          previous = rows.map((row) => [...row]);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('reading the contact history as people keep it', () => {
  const kept = sheet(
    'Kontakthistorie',
    [
      ['Kontakthistorie der Firma Müller'],
      ['Kontakt am', 'Aktion', 'Typ', 'Weg', 'Gruppe', 'Schlüssel', 'Empfänger', 'Kampagnen-ID'],
      [45992, 'Newsletter', 'E-Mail', 'CSV-Export', 'kontaktiert', 'k:K100', 'Müller GmbH', 'c1'],
      [null, null, null, null, null, null, null, null],
      ['03.12.2026', 'Newsletter', 'E-Mail', 'CSV-Export', 'Kontrollgruppe', 'k:K200', 'Schmidt KG', 'c1'],
      ['2026-12-04', 'Anruf', 'Telefon', 'per Hand', 'kontaktiert', 'k:K300', 'Weber', ''],
      ['irgendwann', 'Anruf', 'Telefon', '', '', 'k:K300', 'Weber', ''],
    ],
    { startRow: 3 },
  );

  it('finds renamed headers, skips blank rows, reads dates as serials and as text, and points to a bad date', () => {
    const reading = readContactHistory([kept])!;
    expect(reading.history.headerRow).toBe(4);
    expect(
      reading.history.entries.map((e) => [e.row, e.day, e.campaign, e.channel, e.control, e.key]),
    ).toEqual([
      [5, day('2025-12-01'), 'Newsletter', 'csv', false, 'k:K100'],
      [7, day('2026-12-03'), 'Newsletter', 'csv', true, 'k:K200'],
      [8, day('2026-12-04'), 'Anruf', null, false, 'k:K300'],
    ]);
    expect(reading.problems).toEqual([
      expect.objectContaining({
        code: 'invalidDate',
        sheet: 'Kontakthistorie',
        row: 9,
        column: 'Kontakt am',
      }),
    ]);
  });

  it('keeps a column whose header was renamed beyond recognition at its place', () => {
    const renamed = sheet('Contact history', [
      ['Wann', 'Campaign', 'Type', 'Channel', 'Group', 'Person key', 'Name'],
      [date('2026-12-02'), 'Newsletter', 'Email', 'CSV export', 'control group', 'e:a@b.de', 'Anna'],
    ]);
    const entry = readContactHistory([renamed])!.history.entries[0];
    expect(entry).toMatchObject({ day: day('2026-12-02'), channel: 'csv', control: true, key: 'e:a@b.de' });
  });

  it('reads no sheet of another name', () => {
    expect(readContactHistory([{ ...kept, name: 'Kontakthistorie' }])).not.toBeNull();
    expect(readContactHistory([{ ...kept, name: 'Kontakte' }])).toBeNull();
  });

  it('says when the workbook is read that a sheet of its name has no history headers, and takes it for nothing else', () => {
    // a user's own call notes under the tool's name: names and e-mails in it must not become contacts
    const notes = sheet('Kontakthistorie', [
      ['Name', 'E-Mail', 'Notiz'],
      ['Eva Lang', 'eva@lang.de', 'ruft zurück'],
    ]);
    const read = parseWorkbook([customers(), notes]);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.problems).toContainEqual(
      expect.objectContaining({ code: 'historyUnreadable', severity: 'warning', sheet: 'Kontakthistorie' }),
    );
    expect(read.value.history).toBeUndefined();
    expect(read.value.mapping.contacts).toBeUndefined();
    const blank = parseWorkbook([customers(), sheet('Kontakthistorie', [[null, '']])]);
    expect(blank.ok && blank.value.problems.some((p) => p.code === 'historyUnreadable')).toBe(false);
  });
});
