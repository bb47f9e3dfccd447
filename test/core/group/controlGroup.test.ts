import fc from 'fast-check';
import type { GroupAssignment } from '../../../src/core/campaign/campaign';
import {
  assignGroups,
  groupOf,
  hasControlGroup,
  mergeAssignments,
  purchaseSegments,
  type AssignGroupsInput,
  type GroupCandidate,
} from '../../../src/core/group/controlGroup';
import type { SaleLine } from '../../../src/core/kernel/model';
import { noSalesLines, salesLines, type SalesLines } from '../../../src/core/kernel/salesLines';
import { daysFromCivil } from '../../../src/core/kernel/values';
import { makeSale } from '../builders';

const START = daysFromCivil(2026, 11, 16);

const candidate = (key: string, customerId = '', selectionIndex = 0): GroupCandidate => ({
  key,
  selectionIndex,
  recipient: { customerId },
});

const sale = (customerId: string, daysBeforeStart: number | null, amount: number | null): SaleLine =>
  makeSale({
    customerId,
    day: daysBeforeStart === null ? null : START - daysBeforeStart,
    amount,
    articleNo: 'A-1',
  });

const sorted = (keys: readonly string[]): string[] => [...keys].sort();

describe('purchaseSegments', () => {
  const sales = [
    sale('K-1', 10, 100), // K-1: 100
    sale('K-2', 30, 300), // K-2: 300 + 200 = 500
    sale('K-2', 365, 200), // the first day of the year before the start still counts
    sale('K-3', 366, 900), // K-3: only before the year → none
    sale('K-4', 0, 700), // on the start day: the campaign's own window, not prior → none
    sale('K-5', 20, 80), // K-5: 80 − 80 = 0 (returned) → none
    sale('K-5', 5, -80),
    sale('K-6', null, 1000), // undated: cannot be placed in time → none
    sale('k-7 ', 40, 1000), // typed differently in the sales sheet: still K-7's
    sale('K-8', 1, 2000), // not a member: does not move the median
  ];
  // Buyers among the members' customers: K-1 100, K-2 500, K-7 1000 → median 500.
  it.each<[string, string, GroupCandidate]>([
    ['a small buyer', 'belowMedian', candidate('c:1', 'K-1')],
    ['a buyer at the median, counting the line 365 days before', 'atOrAboveMedian', candidate('c:2', 'K-2')],
    ['a buyer whose number is written differently', 'atOrAboveMedian', candidate('c:7', 'K-7')],
    ['a customer who bought only earlier', 'none', candidate('c:3', 'K-3')],
    ['a customer who bought only on the start day', 'none', candidate('c:4', 'K-4')],
    ['a customer whose return cancels the purchase', 'none', candidate('c:5', 'K-5')],
    ['a customer with an undated line only', 'none', candidate('c:6', 'K-6')],
    ['a contact without customer number', 'none', candidate('e:x@y.de', '')],
  ])('puts %s in %s', (_, expected, member) => {
    const members = [
      candidate('c:1', 'K-1'),
      candidate('c:2', 'K-2'),
      candidate('c:7', 'K-7'),
      candidate('c:3', 'K-3'),
      member,
    ];
    expect(purchaseSegments(members, salesLines(sales), START).at(-1)).toBe(expected);
  });

  it('takes the median over customers, so two contacts of one firm count once and share its segment', () => {
    const members = [
      candidate('c:a', 'K-1'),
      candidate('c:b', 'K-1'),
      candidate('c:c', 'K-1'),
      candidate('c:d', 'K-2'),
      candidate('c:e', 'K-7'),
    ];
    expect(purchaseSegments(members, salesLines(sales), START)).toEqual([
      'belowMedian',
      'belowMedian',
      'belowMedian',
      'atOrAboveMedian',
      'atOrAboveMedian',
    ]);
  });

  it('uses the mean of the two middle customers for an even number of buyers', () => {
    const members = ['K-1', 'K-2', 'K-7', 'K-9'].map((id) => candidate(`k:${id}`, id));
    // 100, 500, 1000, 1600 → median 750
    const segments = purchaseSegments(members, salesLines([...sales, sale('K-9', 3, 1600)]), START);
    expect(segments).toEqual(['belowMedian', 'belowMedian', 'atOrAboveMedian', 'atOrAboveMedian']);
  });
});

/** A realistic spread: three selections, a third never bought, the rest with revenues from a pool. */
const population = (count: number, prefix = 'c:'): { members: GroupCandidate[]; sales: SalesLines } => {
  const members: GroupCandidate[] = [];
  const sales: SaleLine[] = [];
  for (let i = 0; i < count; i++) {
    const customerId = `K-${1000 + i}`;
    members.push(candidate(`${prefix}${i}`, customerId, i % 3));
    if (i % 3 !== 1) sales.push(sale(customerId, (i * 7) % 300, 50 + ((i * 37) % 1000)));
  }
  return { members, sales: salesLines(sales) };
};

const input = (overrides: Partial<AssignGroupsInput> = {}): AssignGroupsInput => ({
  campaignId: 'K-ABC123',
  controlPercent: 10,
  ...population(300),
  start: START,
  ...overrides,
});

/** Members per stratum (selection × segment), as the design defines the strata. */
/** A firm (customer number) belongs to the stratum of its first member; a member without a number is its own firm. */
const firmOf = (member: GroupCandidate): string =>
  member.recipient.customerId === '' ? `m:${member.key}` : `k:${member.recipient.customerId.toLowerCase()}`;

const strata = (members: readonly GroupCandidate[], sales: SalesLines): Map<string, string[]> => {
  const segments = purchaseSegments(members, sales, START);
  const result = new Map<string, string[]>();
  const stratumOfFirm = new Map<string, string>();
  members.forEach((member, i) => {
    const stratum = stratumOfFirm.get(firmOf(member)) ?? `${member.selectionIndex}|${segments[i]}`;
    stratumOfFirm.set(firmOf(member), stratum);
    result.set(stratum, [...(result.get(stratum) ?? []), member.key]);
  });
  return result;
};

describe('assignGroups', () => {
  it.each([0, undefined])('holds nobody back with a share of %s', (controlPercent) => {
    const { members, sales } = population(40);
    const assignment = assignGroups(input({ controlPercent, members, sales }));
    expect(assignment.control).toEqual([]);
    expect(sorted(assignment.contacted)).toEqual(sorted(members.map((m) => m.key)));
  });

  it('holds back round(share × size) members of each stratum, and every member is in exactly one group', () => {
    const { members, sales } = input();
    const assignment = assignGroups(input());
    const control = new Set(assignment.control);
    expect(sorted([...assignment.control, ...assignment.contacted])).toEqual(
      sorted(members.map((m) => m.key)),
    );
    const perStratum = [...strata(members, sales).values()];
    expect(perStratum.length).toBeGreaterThanOrEqual(6);
    for (const keys of perStratum) {
      expect(keys.filter((key) => control.has(key))).toHaveLength(Math.round((10 * keys.length) / 100));
    }
  });

  it('is the same for the same campaign, whatever the order of the members', () => {
    const first = assignGroups(input());
    const shuffled = assignGroups(input({ members: [...input().members].reverse() }));
    expect(sorted(shuffled.control)).toEqual(sorted(first.control));
  });

  it('draws other members for another campaign, and not simply the first ones of each stratum', () => {
    const a = assignGroups(input());
    const b = assignGroups(input({ campaignId: 'K-XYZ789' }));
    expect(sorted(a.control)).not.toEqual(sorted(b.control));
    const firstOfEachStratum = [...strata(input().members, input().sales).values()].flatMap((keys) =>
      keys.slice(0, Math.round((10 * keys.length) / 100)),
    );
    expect(sorted(a.control)).not.toEqual(sorted(firstOfEachStratum));
  });

  it('keeps every earlier decision when members are added, and draws the new ones towards the share', () => {
    const first = assignGroups(input());
    const added = population(100, 'n:').members;
    const members = [...input().members, ...added];
    const next = assignGroups(input({ members, previous: first }));
    expect(next.control).toEqual(expect.arrayContaining(first.control));
    expect(next.contacted).toEqual(expect.arrayContaining(first.contacted));
    expect(next.control.length + next.contacted.length).toBe(400);
    const newControl = next.control.filter((key) => key.startsWith('n:'));
    expect(newControl.length).toBeGreaterThan(0);
    expect(newControl.length).toBeLessThan(25);
  });

  it('keeps the decisions of members that left, so one who comes back is in the same group as before', () => {
    const first = assignGroups(input());
    const leaving = new Set([first.control[0], first.contacted[0]]);
    const fewer = assignGroups(
      input({ members: input().members.filter((m) => !leaving.has(m.key)), previous: first }),
    );
    expect(fewer).toEqual(first);
    const back = assignGroups(input({ previous: fewer }));
    expect(groupOf(back, first.control[0])).toBe('control');
    expect(groupOf(back, first.contacted[0])).toBe('contacted');
  });

  it('a member merged from rows decided apart keeps their decision: contacted if one of them got the campaign', () => {
    const first = assignGroups(input());
    const [held, other] = first.control;
    const [reached] = first.contacted;
    const merge = (key: string, ...mergedKeys: string[]): GroupCandidate => ({
      ...candidate(key),
      mergedKeys,
    });
    const next = assignGroups(
      input({ members: [merge('c:new', held, reached), merge('c:newer', other)], previous: first }),
    );
    expect(groupOf(next, 'c:new')).toBe('contacted');
    expect(groupOf(next, 'c:newer')).toBe('control');
  });

  it('copes with a target group of 150,000 members in one stratum (too many to spread as arguments)', () => {
    const members = Array.from({ length: 150_000 }, (_, i) => candidate(`c:${i}`));
    const assignment = assignGroups(input({ members, sales: noSalesLines() }));
    expect(assignment.control).toHaveLength(15_000);
    expect(assignment.contacted).toHaveLength(135_000);
  });

  it('gives a stratum of four members at 10 % no control member (round(0.4) = 0), one of five at 10 % one', () => {
    const four = ['1', '2', '3', '4'].map((id) => candidate(`c:${id}`));
    const five = [...four, candidate('c:5')];
    expect(assignGroups(input({ members: four, sales: noSalesLines() })).control).toHaveLength(0);
    expect(assignGroups(input({ members: five, sales: noSalesLines() })).control).toHaveLength(1);
  });
});

describe('assignGroups: properties', () => {
  const memberPool = fc
    .uniqueArray(
      fc.record({
        key: fc.stringMatching(/^[cken]:[a-z0-9]{1,6}$/),
        customer: fc.constantFrom('', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6'),
        selectionIndex: fc.integer({ min: 0, max: 2 }),
      }),
      { selector: (m) => m.key, maxLength: 60 },
    )
    .map((list) => list.map((m) => candidate(m.key, m.customer, m.selectionIndex)));
  const salesPool = fc
    .array(
      fc
        .record({
          customer: fc.constantFrom('K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K9'),
          daysBefore: fc.option(fc.integer({ min: -30, max: 400 })),
          amount: fc.option(fc.integer({ min: -500, max: 3000 })),
        })
        .map(({ customer, daysBefore, amount }) => sale(customer, daysBefore, amount)),
      { maxLength: 40 },
    )
    .map(salesLines);
  const percent = fc.integer({ min: 0, max: 50 });
  const campaignId = fc.stringMatching(/^K-[A-Z0-9]{6}$/);

  it('balances every stratum at first use within half a firm, exactly with one member per firm', () => {
    fc.assert(
      fc.property(memberPool, salesPool, percent, campaignId, (members, sales, p, id) => {
        const assignment = assignGroups({ campaignId: id, controlPercent: p, members, sales, start: START });
        const control = new Set(assignment.control);
        const firmSizes = new Map<string, number>();
        for (const member of members) firmSizes.set(firmOf(member), (firmSizes.get(firmOf(member)) ?? 0) + 1);
        const largestFirm = Math.max(0, ...firmSizes.values());
        for (const keys of strata(members, sales).values()) {
          const held = keys.filter((key) => control.has(key)).length;
          const wanted = Math.round((p * keys.length) / 100);
          if (largestFirm === 1) expect(held).toBe(wanted);
          else expect(Math.abs(held - wanted)).toBeLessThanOrEqual(largestFirm / 2);
        }
        expect(assignment.control.length + assignment.contacted.length).toBe(members.length);
      }),
    );
  });

  it('holds back or contacts the members of one firm together', () => {
    fc.assert(
      fc.property(memberPool, salesPool, percent, campaignId, (members, sales, p, id) => {
        const assignment = assignGroups({ campaignId: id, controlPercent: p, members, sales, start: START });
        const control = new Set(assignment.control);
        const groupsOfFirm = new Map<string, Set<boolean>>();
        for (const member of members)
          groupsOfFirm.set(
            firmOf(member),
            (groupsOfFirm.get(firmOf(member)) ?? new Set()).add(control.has(member.key)),
          );
        expect([...groupsOfFirm.values()].every((groups) => groups.size === 1)).toBe(true);
      }),
    );
  });

  it('never moves a decided member, whatever is added or removed later', () => {
    fc.assert(
      fc.property(
        memberPool,
        memberPool,
        fc.array(fc.boolean()),
        salesPool,
        percent,
        percent,
        (before, added, keep, sales, p1, p2) => {
          const first = assignGroups({
            campaignId: 'K-1',
            controlPercent: p1,
            members: before,
            sales,
            start: START,
          });
          const known = new Set(before.map((m) => m.key));
          const later = [
            ...before.filter((_, i) => keep[i] ?? true),
            ...added.filter((m) => !known.has(m.key)),
          ];
          const next = assignGroups({
            campaignId: 'K-1',
            controlPercent: p2,
            members: later,
            sales,
            start: START,
            previous: first,
          });
          for (const member of before) expect(groupOf(next, member.key)).toBe(groupOf(first, member.key));
          for (const member of later) {
            const inControl = next.control.includes(member.key);
            expect(inControl !== next.contacted.includes(member.key)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('groupOf', () => {
  const assignment: GroupAssignment = { control: ['c:2', 'k:K-9'], contacted: ['c:1'] };

  it.each<[string, string, GroupAssignment | undefined, string]>([
    ['a held-back member', 'control', assignment, 'k:K-9'],
    ['a contacted member', 'contacted', assignment, 'c:1'],
    ['a member added after the last use', 'contacted', assignment, 'c:3'],
    ['any member before the first use', 'contacted', undefined, 'c:2'],
  ])('puts %s in %s', (_, expected, given, key) => {
    expect(groupOf(given, key)).toBe(expected);
  });
});

describe('hasControlGroup', () => {
  it.each<[string, boolean, { controlPercent?: number; assignment?: GroupAssignment }]>([
    ['no share, never used', false, {}],
    ['a share of 0', false, { controlPercent: 0 }],
    ['a share of 10 %', true, { controlPercent: 10 }],
    ['used without control members', false, { assignment: { control: [], contacted: ['c:1'] } }],
    [
      'the share set back to 0 after members were held back',
      true,
      { controlPercent: 0, assignment: { control: ['c:2'], contacted: ['c:1'] } },
    ],
  ])('%s → %s', (_, expected, campaign) => {
    expect(hasControlGroup(campaign)).toBe(expected);
  });
});

describe('mergeAssignments', () => {
  it('keeps every decision of the first and adds only undecided members of the second', () => {
    const stored: GroupAssignment = { control: ['c:2'], contacted: ['c:1', 'c:3'] };
    const stale: GroupAssignment = { control: ['c:3', 'c:5'], contacted: ['c:2', 'c:4'] };
    expect(mergeAssignments(stored, stale)).toEqual({
      control: ['c:2', 'c:5'],
      contacted: ['c:1', 'c:3', 'c:4'],
    });
  });

  it.each<[GroupAssignment | undefined, GroupAssignment | undefined]>([
    [undefined, undefined],
    [{ control: [], contacted: ['c:1'] }, undefined],
    [undefined, { control: ['c:1'], contacted: [] }],
  ])('takes whichever exists: %j, %j', (a, b) => {
    expect(mergeAssignments(a, b)).toEqual(a ?? b);
  });
});
