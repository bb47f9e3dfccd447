import fc from 'fast-check';
import type { CampaignDefinition, StoredCampaign } from '../../../src/core/campaign/campaign';
import { buildTargetGroup } from '../../../src/core/group/targetGroup';
import type { CellValue } from '../../../src/core/kernel/sheetTable';
import { isoToDay } from '../../../src/core/kernel/values';
import {
  loadCampaignData,
  readAddinState,
  runCampaign,
  saveAddinState,
} from '../../../src/core/run/campaignRun';
import { contactRulesFor } from '../../../src/core/run/contactRules';
import { recordUse } from '../../../src/core/run/groupUse';
import {
  acceptRefresh,
  refreshBaseline,
  refreshCounts,
  refreshDiff,
  type RefreshDiff,
} from '../../../src/core/run/refresh';
import type { AddinState } from '../../../src/core/state/state';
import { upsertCampaign } from '../../../src/core/state/stateTable';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { makeContact, makeWorkbookData } from '../builders';

const day = (iso: string) => isoToDay(iso)!;
const HEADERS = ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Werbesperre'];

interface Firm {
  id: string;
  city: 'Köln' | 'Dresden';
  email: boolean;
  optOut: boolean;
}

const customerRows = (firms: readonly Firm[]): CellValue[][] =>
  firms.map((firm, i) => [
    firm.id,
    `Firma ${firm.id}`,
    `Weg ${i + 1}`,
    firm.city === 'Köln' ? '50667' : '01067',
    firm.city,
    firm.email ? `${firm.id.toLowerCase()}@firma.de` : '',
    firm.optOut ? 'ja' : '',
  ]);

const writeCustomers = (port: MemoryWorkbook, firms: readonly Firm[]) =>
  port.writeTable({
    sheet: 'Kundenstamm',
    data: { headers: HEADERS, rows: customerRows(firms), textColumns: [] },
  });

const firm = (id: string, fields: Partial<Firm> = {}): Firm => ({
  id,
  city: 'Köln',
  email: true,
  optOut: false,
  ...fields,
});

const koeln: CampaignDefinition = {
  name: 'Kölner Newsletter',
  type: 'email',
  selections: [{ from: 'customers', filter: [{ column: 'Ort', op: 'equals', value: 'Köln' }] }],
  contactLimit: { contacts: 1, days: 30 },
};

const call: CampaignDefinition = {
  name: 'Anrufaktion',
  type: 'letter',
  selections: [{ from: 'customers', ids: ['K6'] }],
};

const run = async (port: MemoryWorkbook, definition: CampaignDefinition, iso: string, refresh = false) => {
  const result = await runCampaign(port, definition, {
    today: day(iso),
    now: `${iso}T09:00:00.000Z`,
    leads: false,
    refresh,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const storedOf = (state: AddinState, name: string): StoredCampaign =>
  state.campaigns.find((campaign) => campaign.name === name)!;

/** The group of a stored campaign today, as the pane builds it (with the contact rules). */
const rebuild = async (port: MemoryWorkbook, campaign: CampaignDefinition & { id?: string }, iso: string) => {
  const state = (await readAddinState(port)) as { ok: true; value: AddinState };
  const data = await loadCampaignData(port, state.value, campaign);
  if (!data.ok) throw new Error(JSON.stringify(data.error));
  const today = day(iso);
  return {
    state: state.value,
    data: data.value,
    group: buildTargetGroup(data.value, campaign, {
      today,
      contactRules: contactRulesFor(state.value, campaign, today),
    }),
  };
};

const summary = (diff: RefreshDiff) =>
  diff.changes.map(({ category, key, reason, where }) => [category, key, reason ?? null, where?.row ?? null]);

describe('refreshing a used campaign (Aktualisieren)', () => {
  const before = [
    firm('K1'),
    firm('K2'),
    firm('K3'),
    firm('K5'),
    firm('K6'),
    firm('K4', { city: 'Dresden' }),
  ];
  /** A month later: K2 objects, K3 moved to Dresden, K4 moved to Köln, K5 lost its e-mail, K6 was called since. */
  const after = [
    firm('K1'),
    firm('K2', { optOut: true }),
    firm('K3', { city: 'Dresden' }),
    firm('K5', { email: false }),
    firm('K6'),
    firm('K4'),
    firm('K7'),
  ];

  const usedThenChanged = async () => {
    const port = new MemoryWorkbook();
    await writeCustomers(port, before);
    await run(port, koeln, '2026-10-01');
    await writeCustomers(port, after);
    await run(port, call, '2026-10-20');
    return port;
  };

  it('sorts what changed since the last use: new matches, who no longer matches, objections, the contact limit', async () => {
    const port = await usedThenChanged();
    const result = await run(port, koeln, '2026-11-01', true);
    expect(summary(result.refresh!)).toEqual([
      ['added', 'k:K4', null, 7],
      ['added', 'k:K7', null, 8],
      ['noLongerMatching', 'k:K3', null, null],
      ['noLongerMatching', 'k:K5', 'noEmail', 5],
      ['optOut', 'k:K2', 'optOut', 3],
      ['contactLimit', 'k:K6', 'contactLimit', 6],
    ]);
    expect(result.refresh).toMatchObject({ before: 5, after: 3, unchanged: 1 });
    expect(result.refresh!.changes[0].name).toBe('Firma K4');
    // no row names K3 as a match any more: its name comes from the contact history of the last use
    expect(result.refresh!.changes[2].name).toBe('Firma K3');
    expect(result.refresh!.changes[5].contact).toEqual({ campaign: 'Anrufaktion', day: day('2026-10-20') });
    expect(refreshCounts(result.refresh!)).toEqual({
      added: 2,
      noLongerMatching: 2,
      optOut: 1,
      contactLimit: 1,
      noConsent: 0,
    });
  });

  it('compares with the last use, not with everyone ever decided: who left once does not leave again', async () => {
    const port = await usedThenChanged();
    await run(port, koeln, '2026-11-01', true);
    const again = await run(port, koeln, '2026-11-02', true);
    expect(again.refresh!.changes).toEqual([]);
    const stored = storedOf(
      ((await readAddinState(port)) as { ok: true; value: AddinState }).value,
      koeln.name,
    );
    // the assignment still knows K2, K3, K5 and K6 were contacted on 1 October
    expect(stored.assignment!.contacted).toEqual(['k:K1', 'k:K2', 'k:K3', 'k:K5', 'k:K6', 'k:K4', 'k:K7']);
    expect(stored.members).toEqual(['k:K1', 'k:K4', 'k:K7']);
  });

  it('refuses a campaign the workbook does not hold, or never used', async () => {
    const port = new MemoryWorkbook();
    await writeCustomers(port, before);
    const missing = await runCampaign(port, koeln, {
      today: day('2026-11-01'),
      now: 'x',
      leads: false,
      refresh: true,
    });
    expect(missing).toEqual({ ok: false, error: [expect.objectContaining({ code: 'campaignNotFound' })] });
    const state = upsertCampaign(
      ((await readAddinState(port)) as { ok: true; value: AddinState }).value,
      koeln,
      'x',
      0,
    );
    await saveAddinState(port, state.state);
    const unused = await runCampaign(port, koeln, {
      today: day('2026-11-01'),
      now: 'x',
      leads: false,
      refresh: true,
    });
    expect(unused).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: 'campaignNotUsed', value: koeln.name })],
    });
  });

  it('accepting leaves the contact history and the assignment as they were; a declined new match stays out', async () => {
    const port = await usedThenChanged();
    const historyBefore = structuredClone((await port.readSheet('Kontakthistorie')).rows);
    const { state, group, data } = await rebuild(
      port,
      storedOf(((await readAddinState(port)) as { ok: true; value: AddinState }).value, koeln.name),
      '2026-11-01',
    );
    const stored = storedOf(state, koeln.name);
    const diff = refreshDiff(refreshBaseline(stored)!, group, data.history);
    const accepted = acceptRefresh(
      stored,
      diff,
      group,
      new Set(['k:K7', 'k:K2']),
      '2026-11-01T10:00:00.000Z',
    );
    await saveAddinState(port, recordUse(state, accepted));

    expect(accepted.assignment).toEqual(stored.assignment);
    expect(accepted.start).toBe(stored.start);
    // K2 leaves for its objection whatever was "declined": only new matches can be declined
    expect(accepted.removed).toEqual(['k:K7']);
    expect(accepted).toMatchObject({ members: ['k:K1', 'k:K4'], memberCount: 2 });
    expect((await port.readSheet('Kontakthistorie')).rows).toEqual(historyBefore);
    const next = await rebuild(port, accepted, '2026-11-01');
    expect(next.group.members.map((member) => member.key)).toEqual(['k:K1', 'k:K4']);
    expect(refreshDiff(refreshBaseline(accepted)!, next.group).changes).toEqual([]);
  });
});

describe('refreshDiff on merged people', () => {
  it('keeps a member whose rows were merged since under another key: one person, no change', () => {
    const anna = {
      firstName: 'Anna',
      lastName: 'Schmidt',
      email: 'anna@schmidt.de',
      street: 'Ring 1',
      postalCode: '01067',
      city: 'Dresden',
    };
    const campaign: CampaignDefinition = {
      name: 'Brief',
      type: 'letter',
      selections: [{ from: 'contacts' }],
    };
    const options = { today: day('2026-11-01') };
    const used = buildTargetGroup(
      makeWorkbookData({ contacts: [makeContact({ ...anna, contactId: '50001' })] }),
      campaign,
      options,
    );
    // a second row of hers with an older number: the merged member's key is now the smaller one
    const today = buildTargetGroup(
      makeWorkbookData({
        contacts: [
          makeContact({ ...anna, contactId: '50001' }),
          makeContact({ ...anna, contactId: '40000' }),
        ],
      }),
      campaign,
      options,
    );
    expect(used.members.map((m) => m.key)).toEqual(['c:50001']);
    expect(today.members.map((m) => [m.key, m.mergedKeys])).toEqual([['c:40000', ['c:50001']]]);
    expect(refreshDiff(['c:50001'], today)).toEqual({ before: 1, after: 1, unchanged: 1, changes: [] });
  });
});

/**
 * Random workbooks and campaigns: a customer sheet of up to eight firms, used on day one; then firms come, go, move,
 * object, lose their e-mail; another campaign calls some of them; the refresh runs a month later.
 */
const firmArb = (id: string): fc.Arbitrary<Firm | null> =>
  fc.option(
    fc.record({
      id: fc.constant(id),
      city: fc.constantFrom<Firm['city']>('Köln', 'Dresden'),
      email: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      optOut: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    }),
    { freq: 4 },
  );
const IDS = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8'];
const sheetArb = fc.tuple(...IDS.map(firmArb)).map((firms) => firms.filter((f): f is Firm => f !== null));

const campaignArb: fc.Arbitrary<CampaignDefinition> = fc
  .record({
    name: fc.constant('Zufallskampagne'),
    type: fc.constantFrom<CampaignDefinition['type']>('email', 'letter'),
    selections: fc.constantFrom<CampaignDefinition['selections']>(
      [{ from: 'customers' }],
      [{ from: 'customers', filter: [{ column: 'Ort', op: 'equals', value: 'Köln' }] }],
      [{ from: 'customers' }, { from: 'customers', ids: ['K2', 'K5'], mode: 'remove' }],
    ),
    removed: fc.subarray(['k:K3', 'k:K8'], { maxLength: 1 }),
    contactLimit: fc.option(fc.constant({ contacts: 1, days: 30 }), { nil: undefined }),
    controlPercent: fc.constantFrom(0, 30),
  })
  .map((campaign) => JSON.parse(JSON.stringify(campaign)) as CampaignDefinition);

/** None before the first member was contacted. */
const historyRows = async (port: MemoryWorkbook) =>
  (await port.listSheets()).some((sheet) => sheet.name === 'Kontakthistorie')
    ? structuredClone((await port.readSheet('Kontakthistorie')).rows)
    : null;

describe('refresh properties', () => {
  it('a refresh followed by accepting everything equals building the campaign anew; after any pick a second refresh finds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        sheetArb,
        sheetArb,
        campaignArb,
        fc.subarray(IDS),
        fc.subarray(IDS.map((id) => `k:${id}`)),
        async (first, second, campaign, called, declinedKeys) => {
          const port = new MemoryWorkbook();
          await writeCustomers(port, first);
          await run(port, campaign, '2026-10-01');
          await writeCustomers(port, second);
          const present = called.filter((id) => second.some((f) => f.id === id));
          if (present.length > 0)
            await run(
              port,
              { name: 'Anruf', type: 'other', selections: [{ from: 'customers', ids: present }] },
              '2026-10-20',
            );
          const historyBefore = await historyRows(port);

          const today = '2026-11-01';
          const initial = await rebuild(port, campaign, today);
          const stored = storedOf(initial.state, campaign.name);
          const { group: rebuilt, data } = await rebuild(port, stored, today);
          const diff = refreshDiff(refreshBaseline(stored)!, rebuilt, data.history);

          // the categories partition the change: each new member once, each leaving member once
          const addedKeys = diff.changes.filter((c) => c.category === 'added').map((c) => c.key);
          expect(addedKeys.length + diff.unchanged).toBe(rebuilt.members.length);
          const leaving = diff.changes.filter((c) => c.category !== 'added').map((c) => c.key);
          expect(new Set(leaving).size).toBe(leaving.length);
          for (const key of leaving) expect(rebuilt.members.some((m) => m.key === key)).toBe(false);
          for (const change of diff.changes)
            if (change.reason === 'optOut' || change.reason === 'blocklist')
              expect(change.category).toBe('optOut');

          const all = acceptRefresh(stored, diff, rebuilt, new Set(), '2026-11-01T10:00:00.000Z');
          const anew = await rebuild(port, { ...campaign, id: stored.id }, today);
          const afterAll = await rebuild(port, all, today);
          expect(afterAll.group).toEqual(anew.group);
          expect(all.members).toEqual(anew.group.members.map((m) => m.key));
          expect(all.assignment).toEqual(stored.assignment);

          const declined = new Set(declinedKeys);
          const picked = acceptRefresh(stored, diff, rebuilt, declined, '2026-11-01T10:00:00.000Z');
          const afterPick = await rebuild(port, picked, today);
          const kept = rebuilt.members.filter((m) => !(addedKeys.includes(m.key) && declined.has(m.key)));
          expect(afterPick.group.members.map((m) => m.key)).toEqual(kept.map((m) => m.key));
          expect(picked.members).toEqual(kept.map((m) => m.key));
          expect(picked.assignment).toEqual(stored.assignment);
          expect(refreshDiff(refreshBaseline(picked)!, afterPick.group, data.history).changes).toEqual([]);
          // nothing above wrote to the workbook's history
          expect(await historyRows(port)).toEqual(historyBefore);
        },
      ),
      { numRuns: 60 },
    );
  });
});
