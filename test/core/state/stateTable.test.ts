import type { CampaignDefinition, StoredCampaign } from '../../../src/core/campaign/campaign';
import type { SheetTable, TableData } from '../../../src/core/kernel/sheetTable';
import type { AddinState } from '../../../src/core/state/state';
import { STATE_SHEET } from '../../../src/core/workbook/sheetNames';
import { emptyState } from '../../../src/core/state/state';
import {
  STATE_CHUNK_SIZE,
  newCampaignId,
  stateFromSheet,
  stateToTable,
  upsertCampaign,
} from '../../../src/core/state/stateTable';

const T1 = '2026-03-01T09:00:00.000Z';
const T2 = '2026-03-15T14:30:00.000Z';

const makeCampaign = (overrides: Partial<StoredCampaign> = {}): StoredCampaign => ({
  id: 'K-1',
  name: 'Frühjahrsaktion',
  type: 'letter',
  description: 'Angebot "Frühling" für Kunden,\ndie seit 3 Monaten nichts gekauft haben 🌷',
  language: 'de',
  sources: { customers: 'Kundenstamm', sales: 'Umsätze' },
  columns: { customers: { customerId: 'Kd.-Nr.' } },
  selections: [
    { from: 'inactiveCustomers', months: 3, asOf: '2026-03-01', includeNeverPurchased: false },
    { from: 'contacts', filter: [{ column: 'Ort', op: 'in', value: ['Köln', 'Bonn'] }], ids: ['K-7'] },
    { from: 'purchasedArticles', articles: ['A-100', 'Schrauben M8'], since: '2025-01-01', minQuantity: 10 },
  ],
  removed: ['c:K-9'],
  createdAt: T1,
  updatedAt: T2,
  memberCount: 312,
  targetSheet: 'Frühjahrsaktion',
  ...overrides,
});

const makeState = (overrides: Partial<AddinState> = {}): AddinState => ({
  ...emptyState(),
  campaigns: [makeCampaign()],
  mapping: { sheets: { contacts: 'Ansprechpartner' }, columns: { contacts: { email: 'Mail privat' } } },
  ownedSheets: ['Frühjahrsaktion', 'Leads', 'Kampagnen'],
  ...overrides,
});

/** Parts are stored between "|" marks (see stateTable.ts). */
const frame = (text: string): string => `|${text}|`;
const unframe = (cell: unknown): string => {
  const text = String(cell);
  if (!text.startsWith('|') || !text.endsWith('|')) throw new Error(`part not framed: ${text.slice(0, 20)}`);
  return text.slice(1, -1);
};

const asSheet = (table: TableData): SheetTable => ({
  name: STATE_SHEET,
  rows: [table.headers, ...table.rows],
});

const problemOf = (table: SheetTable) => {
  const result = stateFromSheet(table);
  if (result.ok) throw new Error('expected a problem');
  return result.error;
};

describe('stateToTable / stateFromSheet', () => {
  it('writes a header, a version row and the state as text', () => {
    const table = stateToTable(makeState());
    expect(table.headers).toEqual(['Schluessel', 'Teil', 'Daten']);
    expect(table.rows[0]).toEqual(['version', 1, '1']);
    expect(table.rows.slice(1).map((row) => row.slice(0, 2))).toEqual([['state', 1]]);
    expect(table.textColumns).toEqual([0, 2]);
  });

  it('reads back what it wrote', () => {
    const state = makeState();
    expect(stateFromSheet(asSheet(stateToTable(state)))).toEqual({ ok: true, value: state });
  });

  it('splits a large state into parts that fit an Excel cell, without cutting an emoji in half', () => {
    const withDescription = (description: string) =>
      makeState({
        campaigns: Array.from({ length: 3 }, (_, i) =>
          makeCampaign({ id: `K-${i}`, name: `Aktion ${i}`, description }),
        ),
      });
    const offset = JSON.stringify(withDescription('MARKE')).indexOf('MARKE');
    // The emoji's first half is the last character a 30,000-character part could take.
    const state = withDescription(`${'x'.repeat(STATE_CHUNK_SIZE - 1 - offset)}😀${'ü'.repeat(40_000)}`);
    const table = stateToTable(state);
    expect(unframe(table.rows[1][2])).toHaveLength(STATE_CHUNK_SIZE - 1);
    for (const row of table.rows) expect(String(row[2]).length).toBeLessThanOrEqual(32_767);
    const parts = table.rows.slice(1).map((row) => unframe(row[2]));
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(STATE_CHUNK_SIZE);
      expect(part).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(stateFromSheet(asSheet(table))).toEqual({ ok: true, value: state });
  });

  it('reads parts in any row order, with numbers given as text, and below blank rows', () => {
    const state = makeState({ campaigns: [makeCampaign({ description: 'y'.repeat(70_000) })] });
    const table = stateToTable(state);
    const [version, ...parts] = table.rows;
    const rows = [
      [],
      table.headers,
      ...parts.reverse().map((row) => [row[0], String(row[1]), row[2]]),
      [],
      [version[0], version[1], 1],
    ];
    expect(stateFromSheet({ name: STATE_SHEET, rows })).toEqual({ ok: true, value: state });
  });

  it('reads back the fields of the success evaluation, the group assignment and the letter options', () => {
    const evaluated = makeCampaign({
      start: '2026-03-02',
      end: '2026-03-31',
      cost: 480.5,
      evaluationDays: 60,
      status: 'active',
      controlPercent: 10,
      assignment: { control: ['c:K-2'], contacted: ['c:K-1', 'k:4711'] },
      addressee: 'company',
      neutralGreeting: 'general',
    });
    const state = makeState({ campaigns: [evaluated] });
    expect(stateFromSheet(asSheet(stateToTable(state)))).toEqual({ ok: true, value: state });
  });

  it('keeps fields a later add-in version added (same schema version)', () => {
    const table = stateToTable(makeState());
    const json = JSON.parse(unframe(table.rows[1][2]));
    json.campaigns[0].colour = 'blau';
    json.uiHints = { collapsed: true };
    table.rows[1][2] = frame(JSON.stringify(json));
    const result = stateFromSheet(asSheet(table));
    expect(result.ok && result.value).toMatchObject({
      uiHints: { collapsed: true },
      campaigns: [{ colour: 'blau' }],
    });
  });

  it.each([
    ['no rows at all', []],
    ['only blank rows', [[null, ''], []]],
  ])('reads %s as the empty state', (_, rows) => {
    expect(stateFromSheet({ name: STATE_SHEET, rows })).toEqual({ ok: true, value: emptyState() });
  });

  const valid = stateToTable(makeState());
  const withRows = (rows: TableData['rows']): SheetTable => asSheet({ ...valid, rows });
  const statePart = valid.rows[1];

  it.each<[string, SheetTable, RegExp]>([
    [
      'a newer version',
      withRows([['version', 1, '2'], statePart]),
      /version 2 .*newer add-in.*update the add-in/,
    ],
    ['no version row', withRows([statePart]), /version row is missing/],
    ['a version that is no number', withRows([['version', 1, 'eins'], statePart]), /unknown version "eins"/],
    ['no data rows', withRows([valid.rows[0]]), /data rows are missing/],
    [
      'a missing part',
      withRows([valid.rows[0], ['state', 1, frame('{"a":')], ['state', 3, frame('1}')]]),
      /part 2 of 3 is missing/,
    ],
    [
      'broken JSON',
      withRows([valid.rows[0], ['state', 1, frame('{"version":1,"campaigns":[')]]),
      /not valid JSON/,
    ],
    [
      'an unknown campaign type',
      withRows([
        valid.rows[0],
        [
          'state',
          1,
          frame(JSON.stringify(makeState({ campaigns: [makeCampaign({ type: 'fax' as never })] }))),
        ],
      ]),
      /campaigns\[0\]\.type/,
    ],
    [
      'a start that is no ISO date',
      withRows([
        valid.rows[0],
        [
          'state',
          1,
          frame(JSON.stringify(makeState({ campaigns: [makeCampaign({ start: '02.03.2026' })] }))),
        ],
      ]),
      /campaigns\[0\]\.start/,
    ],
    [
      'an assignment without its contacted list',
      withRows([
        valid.rows[0],
        [
          'state',
          1,
          frame(
            JSON.stringify(
              makeState({ campaigns: [makeCampaign({ assignment: { control: ['c:1'] } as never })] }),
            ),
          ),
        ],
      ]),
      /campaigns\[0\]\.assignment\.contacted/,
    ],
    [
      'a missing field',
      withRows([valid.rows[0], ['state', 1, frame(JSON.stringify({ version: 1, campaigns: [] }))]]),
      /ownedSheets/,
    ],
    [
      'a part that lost its frame (an apostrophe Excel swallowed, a trimmed space)',
      withRows([valid.rows[0], ['state', 1, unframe(statePart[2])]]),
      /part 1 of 1 is damaged/,
    ],
    [
      'a part without number',
      withRows([valid.rows[0], ['state', '', statePart[2]]]),
      /no valid number \(0\)/,
    ],
    [
      'no header row',
      { name: STATE_SHEET, rows: [['irgendwas', 1, 'x']] },
      /header row "Schluessel \| Teil \| Daten" is missing/,
    ],
  ])('reports %s as an invalid state with detail', (_, sheet, detail) => {
    const problem = problemOf(sheet);
    expect(problem).toMatchObject({ code: 'invalidState', severity: 'error', sheet: STATE_SHEET });
    expect(problem.detail).toMatch(detail);
  });
});

const definition = (overrides: Partial<CampaignDefinition> = {}): CampaignDefinition => ({
  name: 'Frühjahrsaktion',
  type: 'letter',
  selections: [{ from: 'inactiveCustomers', months: 3 }],
  ...overrides,
});

describe('upsertCampaign', () => {
  it('adds a new campaign with a derived id and the target sheet to the owned sheets', () => {
    const { state, campaign } = upsertCampaign(emptyState(), definition(), T1, 120, 'Frühjahrsaktion');
    expect(campaign).toEqual({
      ...definition(),
      id: newCampaignId('Frühjahrsaktion', T1),
      createdAt: T1,
      updatedAt: T1,
      memberCount: 120,
      targetSheet: 'Frühjahrsaktion',
    });
    expect(state.campaigns).toEqual([campaign]);
    expect(state.ownedSheets).toEqual(['Frühjahrsaktion']);
  });

  it('updates a campaign with the same name in any case: same id, same creation time, same place', () => {
    const first = upsertCampaign(emptyState(), definition(), T1, 120, 'Frühjahrsaktion').state;
    const withOther = upsertCampaign(first, definition({ name: 'Newsletter' }), T1, 5).state;
    const { state, campaign } = upsertCampaign(
      withOther,
      definition({ name: 'FRÜHJAHRSAKTION ', type: 'email' }),
      T2,
      98,
      'frühjahrsaktion',
    );
    expect(campaign).toMatchObject({
      id: first.campaigns[0].id,
      createdAt: T1,
      updatedAt: T2,
      memberCount: 98,
      type: 'email',
    });
    expect(state.campaigns.map((c) => c.name)).toEqual(['FRÜHJAHRSAKTION ', 'Newsletter']);
    expect(state.ownedSheets).toEqual(['Frühjahrsaktion']);
  });

  it('keeps the previous target sheet when none is given, and leaves it out when there never was one', () => {
    const first = upsertCampaign(emptyState(), definition(), T1, 1, 'Frühjahr').state;
    expect(upsertCampaign(first, definition(), T2, 2).campaign.targetSheet).toBe('Frühjahr');
    expect('targetSheet' in upsertCampaign(emptyState(), definition(), T2, 2).campaign).toBe(false);
  });

  it('keeps the start and the group assignment when a campaign file without them is run again', () => {
    const assignment = { control: ['k:2'], contacted: ['k:1', 'k:3'] };
    const used = upsertCampaign(emptyState(), { ...definition(), start: '2026-03-02', assignment }, T1, 3);
    const again = upsertCampaign(used.state, definition({ controlPercent: 10 }), T2, 3).campaign;
    expect(again).toMatchObject({ start: '2026-03-02', assignment, controlPercent: 10 });
    expect(upsertCampaign(used.state, definition({ start: '2026-04-01' }), T2, 3).campaign.start).toBe(
      '2026-04-01',
    );
  });

  it('never lets an older copy of the assignment (a pane draft opened earlier) undo a decision', () => {
    const stored = { control: ['k:2'], contacted: ['k:1', 'k:3'] };
    const used = upsertCampaign(emptyState(), { ...definition(), assignment: stored }, T1, 3);
    const draft = {
      ...definition(),
      id: used.campaign.id,
      assignment: { control: ['k:1'], contacted: ['k:2'] },
    };
    expect(upsertCampaign(used.state, draft, T2, 3).campaign.assignment).toEqual(stored);
  });

  it('leaves start and assignment out of a campaign that was never used', () => {
    const { campaign } = upsertCampaign(emptyState(), definition(), T1, 1);
    expect(campaign).not.toHaveProperty('start');
    expect(campaign).not.toHaveProperty('assignment');
  });

  it('renames a campaign found by its id', () => {
    const first = upsertCampaign(emptyState(), definition(), T1, 1).state;
    const id = first.campaigns[0].id;
    const { state, campaign } = upsertCampaign(
      first,
      { ...definition({ name: 'Frühjahr 2026' }), id },
      T2,
      1,
    );
    expect(state.campaigns).toHaveLength(1);
    expect(campaign).toMatchObject({ id, name: 'Frühjahr 2026', createdAt: T1 });
  });

  it('never gives two campaigns the same id', () => {
    const taken = makeCampaign({ id: newCampaignId('Frühjahrsaktion', T1), name: 'Alt' });
    const { campaign } = upsertCampaign(makeState({ campaigns: [taken] }), definition(), T1, 1);
    expect(campaign.id).not.toBe(taken.id);
    expect(campaign.id).toMatch(/^K-[0-9A-Z]{12}$/);
  });
});

describe('newCampaignId', () => {
  it('is deterministic, ignores case and surrounding spaces of the name, and changes with the time', () => {
    const id = newCampaignId('Frühjahrsaktion', T1);
    expect(newCampaignId(' FRÜHJAHRSAKTION ', T1)).toBe(id);
    expect(newCampaignId('Frühjahrsaktion', T2)).not.toBe(id);
    expect(newCampaignId('Herbstaktion', T1)).not.toBe(id);
  });
});
