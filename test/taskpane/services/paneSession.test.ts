import type { SelectionDefinition, StoredCampaign } from '../../../src/core/campaign/campaign';
import { emptyTargetGroup } from '../../../src/core/group/targetGroup';
import { sampleWorkbookTables } from '../../../src/sample/sampleWorkbook';
import { readAddinState } from '../../../src/core/run/campaignRun';
import type { WorkbookData } from '../../../src/core/kernel/model';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { PaneSession } from '../../../src/taskpane/services/paneSession';

/** The session's clock: every date below is counted from it, none from the machine's. */
const NOW = new Date(2026, 10, 20, 9, 30);
const DAY_MS = 86_400_000;

/** 30 firms with German headers, a title row, an opt-out; every other firm bought this year. */
const customers = (): SheetTable => ({
  name: 'Kundenstamm',
  rows: [
    ['Kundenstamm – Stand heute', null, null, null, null, null],
    ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'Werbesperre'],
    ...Array.from({ length: 30 }, (_, i) => {
      const id = `K${String(i + 1).padStart(2, '0')}`;
      return [id, `Firma ${id} GmbH`, `Weg ${i + 1}`, '04109', 'Leipzig', id === 'K13' ? 'ja' : ''];
    }),
  ],
});

const sales = (): SheetTable => ({
  name: 'Umsätze',
  rows: [
    ['Belegdatum', 'Kundennr', 'Artikel-Nr.', 'Betrag'],
    ...Array.from({ length: 15 }, (_, i): CellValue[] => [
      new Date(NOW.getTime() - (10 + i) * DAY_MS),
      `K${String(2 * i + 1).padStart(2, '0')}`,
      'A-1',
      (i + 1) * 25,
    ]),
  ],
});

const draftOf = (overrides: Partial<StoredCampaign> = {}): StoredCampaign => ({
  id: 'K-PANE00000001',
  name: 'Winterbrief',
  type: 'letter',
  language: 'de',
  selections: [{ from: 'customers' }],
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  memberCount: 0,
  controlPercent: 20,
  ...overrides,
});

const open = async () => {
  const port = new MemoryWorkbook([customers(), sales()]);
  const session = new PaneSession(port, 'de', { now: () => new Date(NOW) });
  const loaded = await session.load();
  if (!loaded.data.ok) throw new Error(JSON.stringify(loaded.data.error));
  return { port, session, data: loaded.data.value };
};

const groupFor = (session: PaneSession, data: WorkbookData, draft: StoredCampaign) =>
  session.buildGroup(data, draft);

const rowsOf = (port: MemoryWorkbook, sheet: string) => port.sheets.get(sheet)!.table.rows;
const columnOf = (rows: CellValue[][], header: string) =>
  rows.slice(1).map((row) => row[rows[0].indexOf(header)]);

const storedCampaign = async (port: MemoryWorkbook) => {
  const state = await readAddinState(port);
  if (!state.ok) throw new Error('state');
  return state.value.campaigns[0];
};

describe('PaneSession: using a target group with a control group', () => {
  it('previews the split without saving anything', async () => {
    const { port, session, data } = await open();
    const draft = draftOf();
    const split = session.groupSplit(draft, groupFor(session, data, draft));
    expect(split.control.length).toBeGreaterThan(0);
    expect(split.contacted.length + split.control.length).toBe(29);
    expect(port.sheets.has('KampagnenDaten')).toBe(false);
  });

  it('writes the group column to the target sheet and stores the start and the assignment', async () => {
    const { port, session, data } = await open();
    const draft = draftOf();
    const preview = session.groupSplit(draft, groupFor(session, data, draft));
    const written = await session.writeTargetSheet(draft, groupFor(session, data, draft));

    expect(written).toMatchObject({ count: 29, control: preview.control.length });
    const groups = columnOf(rowsOf(port, written.sheet), 'Gruppe');
    expect(groups.filter((g) => g === 'Kontrollgruppe')).toHaveLength(preview.control.length);
    const stored = await storedCampaign(port);
    expect(stored.start).toBe('2026-11-20');
    expect([...stored.assignment!.control].sort()).toEqual(preview.control.map((m) => m.key).sort());
    expect(written.campaign.assignment).toEqual(stored.assignment);
  });

  it('creates leads for the contacted members only, and a later save of the draft keeps the decisions', async () => {
    const { port, session, data } = await open();
    const draft = draftOf();
    const group = groupFor(session, data, draft);
    const leads = await session.writeLeads(draft, group);
    if (!leads.ok) throw new Error(JSON.stringify(leads.error));
    const stored = await storedCampaign(port);
    expect(leads.value.created).toBe(stored.assignment!.contacted.length);
    const held = new Set(stored.assignment!.control.map((key) => key.replace(/^k:/, '')));
    expect(columnOf(rowsOf(port, 'Leads'), 'KundenNr').some((id) => held.has(id as string))).toBe(false);

    // The pane's draft was opened before the use and knows nothing of it; saving step 1 must not forget it.
    await session.saveCampaign({ ...draft, description: 'Neu formuliert' });
    expect(await storedCampaign(port)).toMatchObject({
      description: 'Neu formuliert',
      start: stored.start,
      assignment: stored.assignment,
    });
  });

  it('exports the contacted members as CSV and records the use although nothing is written to a sheet', async () => {
    const { port, session, data } = await open();
    const draft = draftOf();
    const csv = await session.csvText(draft, groupFor(session, data, draft), ';');
    const stored = await storedCampaign(port);

    expect(csv.rows).toBe(stored.assignment!.contacted.length);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).not.toContain('Gruppe');
    expect(lines).toHaveLength(csv.rows + 1);
    expect(csv.campaign.assignment).toEqual(stored.assignment);

    const again = await session.writeTargetSheet(draft, groupFor(session, data, draft));
    expect(again.campaign.assignment).toEqual(stored.assignment);
  });

  it('writes no group column without a control group', async () => {
    const { port, session, data } = await open();
    const draft = draftOf({ controlPercent: undefined });
    const written = await session.writeTargetSheet(draft, groupFor(session, data, draft));
    expect(rowsOf(port, written.sheet)[0]).not.toContain('Gruppe');
    expect(written.control).toBe(0);
  });
});

describe('PaneSession: the one place the campaigns live', () => {
  it('tells its subscribers after every write of the state, a use included, with the time of its clock', async () => {
    const { session, data } = await open();
    const seen: string[][] = [];
    const unsubscribe = session.subscribe(() => seen.push(session.campaigns.map((c) => c.updatedAt)));
    const draft = draftOf();
    const saved = await session.saveCampaign(draft);
    await session.writeLeads(saved, groupFor(session, data, saved));
    await session.csvText(saved, groupFor(session, data, saved), ';');
    unsubscribe();
    await session.deleteCampaign(saved.id);

    expect(seen).toEqual([[NOW.toISOString()], [NOW.toISOString()], [NOW.toISOString()]]);
    expect(session.campaigns).toEqual([]);
  });

  it('dates "today" by its clock, in the user\'s local calendar', () => {
    const lateEvening = new Date(2026, 11, 31, 23, 59);
    const session = new PaneSession(new MemoryWorkbook([]), 'de', { now: () => lateEvening });
    expect(session.todayIso()).toBe('2026-12-31');
    expect(session.nowIso()).toBe(lateEvening.toISOString());
  });
});

describe('a selection added in the pane obeys the contact history as the campaign reopened does', () => {
  it('leaves out the managers the October phone round and the November letter reached, in the preview, when applied and after reopening', async () => {
    const port = new MemoryWorkbook(sampleWorkbookTables());
    const session = new PaneSession(port, 'de', { now: () => new Date(2026, 10, 15, 9) });
    const loaded = await session.load();
    if (!loaded.data.ok) throw new Error(JSON.stringify(loaded.data.error));
    const data = loaded.data.value;
    const managers: SelectionDefinition = {
      from: 'contacts',
      filter: [{ column: 'Position', op: 'equals', value: 'Geschäftsführung' }],
    };
    const draft = draftOf({ type: 'event', selections: [], contactLimit: { contacts: 1, days: 30 } });

    const preview = await session.previewSelection(emptyTargetGroup(), data, draft, managers);
    const applied = session.applySelection(emptyTargetGroup(), data, draft, managers);
    const reopened = session.buildGroup(data, { ...draft, selections: [managers] });

    const limited = applied.excluded.filter((exclusion) => exclusion.reason === 'contactLimit');
    expect(limited.length).toBeGreaterThan(10);
    expect(new Set(limited.map((exclusion) => exclusion.contact?.campaign))).toEqual(
      new Set(['Telefonaktion Oktober 2026', 'Reaktivierung Herbst 2026']),
    );
    expect(preview.members.length).toBe(applied.members.length);
    expect(reopened.members.map((m) => m.key)).toEqual(applied.members.map((m) => m.key));
    expect(reopened.excluded.length).toBe(applied.excluded.length);
  });
});
