import type { StoredCampaign } from '../../../src/core/campaign/campaign';
import {
  checkExport,
  exportTable,
  recordUse,
  splitTargetGroup,
  tablesForUse,
  targetSheetTable,
} from '../../../src/core/run/groupUse';
import { emptyState } from '../../../src/core/state/state';
import { isoToDay } from '../../../src/core/kernel/values';
import { makeSale } from '../builders';
import { noSalesLines, salesLines } from '../../../src/core/kernel/salesLines';
import { makeGroup, makeMember } from '../outputs/memberBuilders';

const TODAY = isoToDay('2026-11-27')!;
const LABELS = ['Kunden: alle', 'Kontakte: Ort = Köln'];

const makeCampaign = (overrides: Partial<StoredCampaign> = {}): StoredCampaign => ({
  id: 'K-7Q2M9X4TB1ZA',
  name: 'Herbstbrief',
  type: 'letter',
  selections: [{ from: 'customers' }, { from: 'contacts' }],
  createdAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-01T08:00:00.000Z',
  memberCount: 0,
  ...overrides,
});

/** 60 contacts of 30 firms (two each, found by the same selection), from two selections; every third firm bought. */
const members = (count = 60, prefix = 'C', firstFirm = 1) =>
  Array.from({ length: count }, (_, i) =>
    makeMember(
      { contactId: `${prefix}${i + 1}`, customerId: `K${(i % 30) + firstFirm}`, lastName: `Name ${i + 1}` },
      i % 2,
    ),
  );
const sales = salesLines(
  Array.from({ length: 10 }, (_, i) =>
    makeSale({ customerId: `K${3 * i + 1}`, day: TODAY - 20 - i, amount: 100 * (i + 1), articleNo: 'A-1' }),
  ),
);

const column = (table: { headers: string[]; rows: unknown[][] }, header: string): unknown[] =>
  table.rows.map((row) => row[table.headers.indexOf(header)]);

describe('splitTargetGroup', () => {
  it('starts an unstarted campaign today and keeps a start that was set', () => {
    const group = makeGroup(members(4));
    expect(splitTargetGroup(makeCampaign(), group, sales, TODAY).campaign.start).toBe('2026-11-27');
    expect(splitTargetGroup(makeCampaign({ start: '2026-12-01' }), group, sales, TODAY).campaign.start).toBe(
      '2026-12-01',
    );
  });

  it('splits the members into contacted and control, in their order, and records every one of them', () => {
    const group = makeGroup(members());
    const use = splitTargetGroup(makeCampaign({ controlPercent: 20 }), group, sales, TODAY);
    expect(use.hasControlGroup).toBe(true);
    // 20 % of 60 is 12; whole firms of two are drawn, so each of the four strata may miss its target by one.
    expect(use.control.length).toBeGreaterThanOrEqual(8);
    expect(use.control.length).toBeLessThanOrEqual(16);
    const groupsOfFirm = new Map<string, Set<string>>();
    for (const m of group.members)
      groupsOfFirm.set(
        m.recipient.customerId,
        (groupsOfFirm.get(m.recipient.customerId) ?? new Set()).add(use.groupOf(m.key)),
      );
    expect([...groupsOfFirm.values()].every((groups) => groups.size === 1)).toBe(true);
    expect(use.contacted.length + use.control.length).toBe(60);
    expect(use.contacted.map((m) => m.key)).toEqual(
      group.members.filter((m) => use.groupOf(m.key) === 'contacted').map((m) => m.key),
    );
    expect([...use.campaign.assignment!.control].sort()).toEqual(use.control.map((m) => m.key).sort());
    expect(use.campaign.assignment!.contacted).toHaveLength(use.contacted.length);
  });

  it('records who was contacted also without a control group', () => {
    const use = splitTargetGroup(makeCampaign(), makeGroup(members(5)), sales, TODAY);
    expect(use.hasControlGroup).toBe(false);
    expect(use.control).toEqual([]);
    expect(use.campaign.assignment?.control).toEqual([]);
    expect([...use.campaign.assignment!.contacted].sort()).toEqual(['c:C1', 'c:C2', 'c:C3', 'c:C4', 'c:C5']);
  });

  it('never holds back a member contacted before the control group was switched on', () => {
    const first = splitTargetGroup(makeCampaign(), makeGroup(members(30)), sales, TODAY).campaign;
    const grown = makeGroup([...members(30), ...members(30, 'N', 31)]);
    const later = splitTargetGroup({ ...first, controlPercent: 20 }, grown, sales, TODAY + 7);
    expect(later.campaign.start).toBe('2026-11-27');
    expect(later.control.length).toBeGreaterThan(0);
    expect(later.control.every((m) => m.key.startsWith('c:N'))).toBe(true);
  });

  it('adds a colleague of a firm that was contacted to the contacted members, never to the control group', () => {
    const first = splitTargetGroup(makeCampaign(), makeGroup(members(30)), sales, TODAY).campaign;
    const colleagues = makeGroup([...members(30), ...members(30, 'N')]);
    const later = splitTargetGroup({ ...first, controlPercent: 50 }, colleagues, sales, TODAY + 7);
    expect(later.control).toEqual([]);
    expect(later.contacted).toHaveLength(60);
  });

  it('is a preview before the first use: the campaign passed in stays as it was', () => {
    const campaign = makeCampaign({ controlPercent: 10 });
    const before = structuredClone(campaign);
    const preview = splitTargetGroup(campaign, makeGroup(members()), sales, TODAY);
    expect(campaign).toEqual(before);
    expect(splitTargetGroup(campaign, makeGroup(members()), sales, TODAY).control).toEqual(preview.control);
  });
});

describe('the tables of a used target group', () => {
  const use = splitTargetGroup(makeCampaign({ controlPercent: 20 }), makeGroup(members()), sales, TODAY);

  it('shows every member on the target sheet with the group each is in', () => {
    const table = targetSheetTable(use, LABELS);
    expect(table.rows).toHaveLength(60);
    const held = new Set(use.control.map((m) => m.recipient.contactId));
    expect(column(table, 'Gruppe')).toEqual(
      column(table, 'KontaktNr').map((id) => (held.has(id as string) ? 'Kontrollgruppe' : 'Kontaktiert')),
    );
  });

  it('exports only the contacted members, without the group column', () => {
    const table = exportTable(use, LABELS);
    expect(table.headers).not.toContain('Gruppe');
    expect(column(table, 'KontaktNr')).toEqual(use.contacted.map((m) => m.recipient.contactId));
  });

  it('builds one table for both when there is no control group and no letter to sort', () => {
    const plain = splitTargetGroup(makeCampaign({ type: 'email' }), makeGroup(members(8)), sales, TODAY);
    const tables = tablesForUse(plain, LABELS);
    expect(tables.export).toBe(tables.target);
    expect(tables.target.headers).not.toContain('Gruppe');
    expect(tables.target.rows).toHaveLength(8);
  });

  const scattered = [
    makeMember({ contactId: 'Wien', postalCode: '1010', country: 'AT' }),
    makeMember({ contactId: 'Köln', postalCode: '50667', country: 'DE' }),
    makeMember({ contactId: 'ohne PLZ', postalCode: '', country: '' }),
    makeMember({ contactId: 'Dresden', postalCode: '01067', country: 'Deutschland' }),
    makeMember({ contactId: 'Zürich', postalCode: '8001', country: 'CH' }),
    makeMember({ contactId: 'Riesa', postalCode: '01587', country: '' }),
  ];

  it('sorts the letters of the export by postal code, foreign ones last, and leaves the target sheet as it was', () => {
    const letters = splitTargetGroup(makeCampaign(), makeGroup(scattered), noSalesLines(), TODAY);
    const tables = tablesForUse(letters, LABELS);
    expect(column(tables.export, 'KontaktNr')).toEqual([
      'Dresden',
      'Riesa',
      'Köln',
      'ohne PLZ',
      'Wien',
      'Zürich',
    ]);
    expect(column(tables.target, 'KontaktNr')).toEqual(scattered.map((m) => m.recipient.contactId));
  });

  it('keeps the order of an e-mail campaign', () => {
    const mails = splitTargetGroup(
      makeCampaign({ type: 'email' }),
      makeGroup(scattered),
      noSalesLines(),
      TODAY,
    );
    expect(column(exportTable(mails, LABELS), 'KontaktNr')).toEqual(
      scattered.map((m) => m.recipient.contactId),
    );
  });
});

describe('checkExport', () => {
  it('counts letters per Leitregion and checks every exported member before the export', () => {
    const members = [
      makeMember({ contactId: '1', postalCode: '01067' }),
      makeMember({ contactId: '2', postalCode: '01587', salutation: '' }),
      makeMember({ contactId: '3', postalCode: '50667' }),
      makeMember({ contactId: '4', postalCode: '1067' }),
      makeMember({ contactId: '5', postalCode: '1010', country: 'AT' }),
    ];
    const check = checkExport(splitTargetGroup(makeCampaign(), makeGroup(members), noSalesLines(), TODAY));
    expect(check.letterRegions).toEqual({
      regions: [
        { region: '01', letters: 2 },
        { region: '50', letters: 1 },
      ],
      foreign: 1,
      withoutRegion: 1,
    });
    expect(check.preflight.checked).toBe(5);
    expect(check.preflight.counts).toEqual({ salutationMissing: 1, postalCodeNotFiveDigits: 1 });
  });

  it('checks only the contacted members, and counts no regions for e-mails', () => {
    const use = splitTargetGroup(
      makeCampaign({ type: 'email', controlPercent: 20 }),
      makeGroup(members()),
      sales,
      TODAY,
    );
    const check = checkExport(use);
    expect(check.preflight.checked).toBe(use.contacted.length);
    expect(check.letterRegions).toBeNull();
  });
});

describe('recordUse', () => {
  it('replaces the stored campaign by id and leaves the others alone', () => {
    const other = makeCampaign({ id: 'K-OTHER', name: 'Anderes' });
    const state = { ...emptyState(), campaigns: [makeCampaign(), other] };
    const use = splitTargetGroup(makeCampaign({ controlPercent: 10 }), makeGroup(members()), sales, TODAY);
    const next = recordUse(state, use.campaign);
    expect(next.campaigns).toEqual([use.campaign, other]);
    expect(state.campaigns[0]).not.toHaveProperty('assignment');
  });
});
