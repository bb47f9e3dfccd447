import type { CampaignDefinition } from '../../../src/core/campaign/campaign';
import type { SheetTable } from '../../../src/core/kernel/sheetTable';
import { dayToDate, isoToDay } from '../../../src/core/kernel/values';
import { readAddinState, runCampaign, saveAddinState } from '../../../src/core/run/campaignRun';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { sheet } from '../sheetBuilders';

const day = (iso: string) => isoToDay(iso)!;

const customers = (): SheetTable =>
  sheet('Kundenstamm', [
    ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'E-Mail'],
    ...Array.from({ length: 8 }, (_, i) => [
      `K${i + 1}`,
      `Firma ${i + 1}`,
      `Weg ${i + 1}`,
      '01067',
      'Dresden',
      `k${i + 1}@firma.de`,
    ]),
  ]);

const row = (iso: string, campaign: string, channel: string, key: string) => [
  dayToDate(day(iso)),
  campaign,
  'E-Mail',
  channel,
  'kontaktiert',
  key,
  key,
  '',
];

/** K1 got the autumn mailing (by CSV and as a lead: one contact), K2 the autumn mailing and a phone call, K3 a letter in summer. */
const history = (): SheetTable =>
  sheet('Kontakthistorie', [
    ['Datum', 'Kampagne', 'Typ', 'Kanal', 'Gruppe', 'Personenschlüssel', 'Name', 'Kampagnen-ID'],
    row('2026-11-20', 'Herbstmailing', 'CSV-Export', 'k:K1'),
    row('2026-11-20', 'Herbstmailing', 'Leads', 'k:K1'),
    row('2026-11-20', 'Herbstmailing', 'CSV-Export', 'k:K2'),
    row('2026-11-27', 'Anrufaktion', 'Leads', 'k:K2'),
    row('2026-08-01', 'Sommerbrief', 'Zielgruppenblatt', 'k:K3'),
  ]);

const winter = (extra: Partial<CampaignDefinition> = {}): CampaignDefinition => ({
  name: 'Winteraktion',
  type: 'email',
  selections: [{ from: 'customers' }],
  ...extra,
});

const run = async (port: MemoryWorkbook, definition: CampaignDefinition, iso = '2026-12-02') => {
  const result = await runCampaign(port, definition, {
    today: day(iso),
    now: `${iso}T09:00:00Z`,
    leads: false,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const excluded = (result: Awaited<ReturnType<typeof run>>) =>
  result.group.excluded.map((e) => [
    e.key,
    e.reason,
    e.contact?.campaign,
    e.contact && dayToDate(e.contact.day),
  ]);

describe('the contact limit', () => {
  it('leaves out whom other campaigns contacted as often as the limit allows, naming the last contact', async () => {
    const result = await run(
      new MemoryWorkbook([customers(), history()]),
      winter({ contactLimit: { contacts: 1, days: 30 } }),
    );
    expect(excluded(result)).toEqual([
      ['k:K1', 'contactLimit', 'Herbstmailing', dayToDate(day('2026-11-20'))],
      ['k:K2', 'contactLimit', 'Anrufaktion', dayToDate(day('2026-11-27'))],
    ]);
    expect(result.group.members).toHaveLength(6);
    expect(result.group.reports[0]).toMatchObject({ found: 8, added: 6, excluded: { contactLimit: 2 } });
  });

  it('counts one use of a campaign through several channels as one contact', async () => {
    const result = await run(
      new MemoryWorkbook([customers(), history()]),
      winter({ contactLimit: { contacts: 2, days: 30 } }),
    );
    expect(excluded(result).map(([key]) => key)).toEqual(['k:K2']);
  });

  it('counts only the last N days: a contact N days ago is outside', async () => {
    const twelve = await run(
      new MemoryWorkbook([customers(), history()]),
      winter({ contactLimit: { contacts: 1, days: 12 } }),
    );
    expect(excluded(twelve).map(([key]) => key)).toEqual(['k:K2']);
    const year = await run(
      new MemoryWorkbook([customers(), history()]),
      winter({ contactLimit: { contacts: 1, days: 365 } }),
    );
    expect(excluded(year).map(([key]) => key)).toEqual(['k:K1', 'k:K2', 'k:K3']);
  });

  it("never counts the campaign's own earlier uses against it", async () => {
    const port = new MemoryWorkbook([customers(), history()]);
    await run(port, winter({ contactLimit: { contacts: 1, days: 30 } }));
    const again = await run(port, winter({ contactLimit: { contacts: 1, days: 30 } }), '2026-12-03');
    expect(excluded(again).map(([key]) => key)).toEqual(['k:K1', 'k:K2']);
    expect(again.group.members).toHaveLength(6);
  });

  it("takes the workbook's limit where the campaign has none, and the campaign's own over it", async () => {
    const port = new MemoryWorkbook([customers(), history()]);
    const state = await readAddinState(port);
    if (!state.ok) throw new Error('state');
    await saveAddinState(port, { ...state.value, contactLimit: { contacts: 1, days: 30 } });
    expect(excluded(await run(port, winter())).map(([key]) => key)).toEqual(['k:K1', 'k:K2']);
    expect(excluded(await run(port, winter({ contactLimit: { contacts: 5, days: 30 } })))).toEqual([]);
    const reread = await readAddinState(port);
    expect(reread.ok && reread.value.contactLimit).toEqual({ contacts: 1, days: 30 });
  });

  it('does nothing without a limit', async () => {
    expect(excluded(await run(new MemoryWorkbook([customers(), history()]), winter()))).toEqual([]);
  });
});

describe("another campaign's control group", () => {
  const measured = (port: MemoryWorkbook) =>
    run(
      port,
      {
        name: 'Herbsttest',
        type: 'email',
        selections: [{ from: 'customers' }],
        controlPercent: 50,
        evaluationDays: 60,
      },
      '2026-11-01',
    );

  it('is not contacted while its evaluation runs, naming the campaign and its start', async () => {
    const port = new MemoryWorkbook([customers()]);
    const autumn = await measured(port);
    const heldBack = autumn.control.map((member) => member.key).sort();
    expect(heldBack.length).toBeGreaterThan(0);
    const result = await run(port, winter());
    expect(excluded(result).sort()).toEqual(
      heldBack.map((key) => [key, 'controlGroupProtected', 'Herbsttest', dayToDate(day('2026-11-01'))]),
    );
    expect(result.group.reports[0].excluded).toEqual({ controlGroupProtected: heldBack.length });
  });

  it('is free again once the window has ended, and never protected from its own campaign', async () => {
    const port = new MemoryWorkbook([customers()]);
    await measured(port);
    expect(excluded(await run(port, winter(), '2026-12-31'))).toEqual([]);
    expect(excluded(await run(port, winter(), '2026-12-30')).length).toBeGreaterThan(0);
    const again = await measured(port);
    expect(excluded(again)).toEqual([]);
  });
});
