import fc from 'fast-check';
import type {
  CampaignDefinition,
  CampaignType,
  LetterUnit,
  SelectionDefinition,
  StoredCampaign,
} from '../../../src/core/campaign/campaign';
import { normaliseEmail } from '../../../src/core/group/normalise';
import { removeMemberByHand, restoreMemberByHand } from '../../../src/core/group/handRemovals';
import { applySelection, buildTargetGroup, emptyTargetGroup } from '../../../src/core/group/targetGroup';
import type {
  BlockEntry,
  ContactEntry,
  Contact,
  Customer,
  WorkbookData,
} from '../../../src/core/kernel/model';
import type { ContactRules } from '../../../src/core/group/contactRules';
import type { TargetGroup } from '../../../src/core/group/targetGroupModel';
import { toCsv } from '../../../src/core/outputs/csv';
import { leadIdFor, mergeLeads } from '../../../src/core/outputs/leads';
import { splitTargetGroup, tablesForUse } from '../../../src/core/run/groupUse';
import { makeBlockEntry, makeContact, makeCustomer, makeWorkbookData } from '../builders';
import { noSalesLines } from '../../../src/core/kernel/salesLines';

/**
 * Messy contact sheets generated from people (the ground truth): every person has a unique name, and some a contact
 * number, an e-mail (two people may share an office mailbox; two may share a number by mistake) and a firm. Each of
 * their rows spells them as people do (case, umlauts, spaces, a title), carries at least one thing that links it to
 * the person (number, e-mail, or name at the firm), and may carry an opt-out; firms may object as a whole, and a
 * Sperrliste names some people by e-mail or by name and address.
 */
const options = { today: 20_000 };
const GROUPS = ['1', '2', '3'];
const FIRST = ['Jürgen', 'Anna', 'Özlem', 'Sören', 'Eva', 'Bernd'];
const LAST = ['Groß', 'Schmidt', 'Müller', 'Weiß', 'Lang', 'Köhler'];
const FIRMS = [
  { customerId: 'K1', company: 'Müller GmbH', street: 'Hauptstraße 1', postalCode: '01067', city: 'Dresden' },
  { customerId: 'K2', company: 'Bäckerei Groß', street: 'Ring 2', postalCode: '50667', city: 'Köln' },
];

interface Person {
  id: string;
  email: string;
  firm: number;
}

interface Row {
  person: number;
  link: 'id' | 'email' | 'firm';
  spelling: number;
  withEmail: boolean;
  optOut: boolean;
  group: string;
}

interface Messy {
  people: Person[];
  rows: Row[];
  firmOptOut: boolean[];
  blocked: Array<{ person: number; by: 'email' | 'address' }>;
}

const person = (index: number): fc.Arbitrary<Person> =>
  fc.record({
    id: fc.constantFrom('', `${100 + index}`, '7'),
    email: fc.constantFrom('', `p${index}@x.de`, 'info@x.de'),
    firm: fc.constantFrom(-1, 0, 1),
  });

const messy: fc.Arbitrary<Messy> = fc.integer({ min: 1, max: FIRST.length }).chain((count) =>
  fc.record({
    people: fc.tuple(...Array.from({ length: count }, (_, i) => person(i))),
    rows: fc.array(
      fc.record({
        person: fc.integer({ min: 0, max: count - 1 }),
        link: fc.constantFrom<Row['link']>('id', 'email', 'firm'),
        spelling: fc.integer({ min: 0, max: 3 }),
        withEmail: fc.boolean(),
        optOut: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
        group: fc.constantFrom(...GROUPS),
      }),
      { maxLength: 14 },
    ),
    firmOptOut: fc.tuple(fc.boolean(), fc.boolean()).map(([a, b]) => [a && b, false]),
    blocked: fc.array(
      fc.record({
        person: fc.integer({ min: 0, max: count - 1 }),
        by: fc.constantFrom<'email' | 'address'>('email', 'address'),
      }),
      { maxLength: 2 },
    ),
  }),
);

/** How people write a name: as it is, transliterated and in capitals, with a title and extra spaces. */
const spell = (name: string, spelling: number): string =>
  [
    name,
    name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').toUpperCase(),
    ` ${name}  `,
    name.toLowerCase(),
  ][spelling];

/** What links every row of a person: the number if they have one, else the e-mail, else the name at the firm. */
const primaryLink = (p: Person): Row['link'] => (p.id ? 'id' : p.email ? 'email' : 'firm');

const tagOf = (personIndex: number, rowIndex: number): string => `P${personIndex}R${rowIndex}`;
const personOfTag = (tag: string): number => Number(/^P(\d+)R/.exec(tag)?.[1]);

const contactOf = (m: Messy, row: Row, index: number): Contact => {
  const p = m.people[row.person];
  const links = new Set([primaryLink(p), row.link]);
  const firm = FIRMS[p.firm] ?? FIRMS[row.person % 2];
  const title = row.spelling === 2 ? 'Dr. ' : '';
  const withEmail = p.email !== '' && (links.has('email') || row.withEmail);
  return makeContact({
    contactId: links.has('id') ? p.id : '',
    customerId: links.has('firm') || p.firm >= 0 ? firm.customerId : '',
    firstName: title + spell(FIRST[row.person], row.spelling),
    lastName: spell(LAST[row.person], (row.spelling + 1) % 4),
    email: withEmail ? (row.spelling % 2 ? p.email.toUpperCase() : p.email) : '',
    phone: '0351 1',
    optOut: row.optOut ? 'Newsletter abgemeldet' : null,
    extra: { Gruppe: row.group, Tag: tagOf(row.person, index) },
  });
};

const blocklistOf = (m: Messy): BlockEntry[] =>
  m.blocked.flatMap(({ person: index, by }, i) => {
    const p = m.people[index];
    const firm = FIRMS[p.firm] ?? FIRMS[index % 2];
    const entry = makeBlockEntry(i);
    if (by === 'email') return p.email ? [{ ...entry, email: ` ${p.email.toUpperCase()}` }] : [];
    return [
      {
        ...entry,
        firstName: FIRST[index],
        lastName: LAST[index],
        street: firm.street,
        postalCode: firm.postalCode,
      },
    ];
  });

const workbookOf = (m: Messy, order?: number[]): WorkbookData => {
  const contacts = m.rows.map((row, i) => contactOf(m, row, i));
  const customers: Customer[] = FIRMS.map((firm, i) =>
    makeCustomer({ ...firm, optOut: m.firmOptOut[i] ? 'Werbesperre' : null }),
  );
  const data = makeWorkbookData({ contacts: order ? order.map((i) => contacts[i]) : contacts, customers });
  const entries = blocklistOf(m);
  if (entries.length > 0)
    data.blocklists = [{ sheet: 'Sperrliste', headerRow: 1, headers: [], columns: {}, entries }];
  return data;
};

/** The people who must never be reached: an opt-out on one of their rows or their firm, or the Sperrliste. */
const blockedPeople = (m: Messy, data: WorkbookData): Set<number> => {
  const blocked = new Set<number>();
  const firmBlocked = (customerId: string) =>
    FIRMS.some((f, i) => f.customerId === customerId && m.firmOptOut[i]);
  for (const contact of data.contacts ?? []) {
    if (contact.optOut !== null || firmBlocked(contact.customerId))
      blocked.add(personOfTag(contact.extra.Tag));
  }
  for (const entry of blocklistOf(m)) {
    const email = normaliseEmail(entry.email);
    for (const contact of data.contacts ?? [])
      if (email !== null && normaliseEmail(contact.email) === email)
        blocked.add(personOfTag(contact.extra.Tag));
    const index = FIRST.indexOf(entry.firstName);
    const reached = (data.contacts ?? []).some(
      (c) => c.extra.Tag.startsWith(`P${index}R`) && c.customerId !== '',
    );
    if (entry.firstName && reached) blocked.add(index);
  }
  return blocked;
};

const selectionOf = (groups: string[]): SelectionDefinition => ({
  from: 'contacts',
  filter: [{ column: 'Gruppe', op: 'in', value: groups }],
});
const selectionsArbitrary = fc.array(fc.subarray(GROUPS, { minLength: 1 }), { minLength: 1, maxLength: 3 });
const channelArbitrary = fc.constantFrom<[CampaignType, LetterUnit | undefined]>(
  ['email', undefined],
  ['newsletter', undefined],
  ['letter', undefined],
  ['letter', 'firm'],
  ['letter', 'household'],
  ['phone', undefined],
  ['event', undefined],
);

const campaignOf = (
  [type, letterUnit]: [CampaignType, LetterUnit | undefined],
  groups: string[][],
): CampaignDefinition => ({ name: 'P', type, letterUnit, selections: groups.map(selectionOf) });

/** Selections that add or take out, in order. */
const stepsArbitrary = fc.array(
  fc.record({ groups: fc.subarray(GROUPS, { minLength: 1 }), remove: fc.boolean() }),
  { minLength: 1, maxLength: 4 },
);
type Step = { groups: string[]; remove: boolean };
const selectionFor = ({ groups, remove }: Step): SelectionDefinition =>
  remove ? { ...selectionOf(groups), mode: 'remove' } : selectionOf(groups);
const campaignWith = (
  [type, letterUnit]: [CampaignType, LetterUnit | undefined],
  steps: Step[],
): CampaignDefinition => ({ name: 'P', type, letterUnit, selections: steps.map(selectionFor) });

describe('target group properties over messy contact sheets', () => {
  it('(a) an e-mail campaign never has two members with the same address', () => {
    fc.assert(
      fc.property(
        messy,
        selectionsArbitrary,
        fc.constantFrom<CampaignType>('email', 'newsletter'),
        (m, groups, type) => {
          const group = buildTargetGroup(workbookOf(m), campaignOf([type, undefined], groups), options);
          const addresses = group.members.map((member) => normaliseEmail(member.recipient.email));
          expect(new Set(addresses).size).toBe(addresses.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('(b) nobody who objected — on any row, through the firm or on the Sperrliste — reaches the sheet, the CSV or the leads', () => {
    fc.assert(
      fc.property(messy, selectionsArbitrary, channelArbitrary, (m, groups, channel) => {
        const data = workbookOf(m);
        const campaign = campaignOf(channel, groups);
        const group = buildTargetGroup(data, campaign, options);
        const blocked = blockedPeople(m, data);
        const stored: StoredCampaign = {
          ...campaign,
          id: 'K-1',
          createdAt: '',
          updatedAt: '',
          memberCount: 0,
        };
        const use = splitTargetGroup(stored, group, noSalesLines(), options.today);
        const tables = tablesForUse(use, ['Auswahl']);
        const csv = toCsv(tables.export);
        const sheet = JSON.stringify(tables.target.rows);
        const rows = group.members.flatMap((member) => member.rows ?? [member.recipient]);
        const tags = new Set(
          (data.contacts ?? []).filter((c) => rows.some((r) => r.row === c.row)).map((c) => c.extra.Tag),
        );
        for (const index of blocked) {
          expect([...tags].some((tag) => personOfTag(tag) === index)).toBe(false);
          expect(csv).not.toContain(`P${index}R`);
          expect(sheet).not.toContain(`P${index}R`);
        }
        const leads = mergeLeads({
          existing: null,
          campaign: stored,
          members: use.contacted,
          now: '2026-06-01T10:00:00Z',
          lang: 'de',
        });
        const ids = new Set(use.contacted.map((member) => leadIdFor(stored.id, member.key)));
        expect(new Set(leads.table!.rows.map((row) => row[0]))).toEqual(ids);
      }),
      { numRuns: 300 },
    );
  });

  it('(c) every row found is a member, merged into one, or excluded with a reason — per selection', () => {
    fc.assert(
      fc.property(messy, selectionsArbitrary, channelArbitrary, (m, groups, channel) => {
        const data = workbookOf(m);
        const group = buildTargetGroup(data, campaignOf(channel, groups), options);
        for (const report of group.reports) {
          const excluded = Object.values(report.excluded).reduce((sum, n) => sum + (n ?? 0), 0);
          expect(report.added + report.alreadyIn + report.merged + excluded).toBe(report.found);
          const matching = (data.contacts ?? []).filter((c) =>
            groups[report.selectionIndex].includes(c.extra.Gruppe),
          );
          expect(report.found).toBe(matching.length);
        }
        // And every such row is to be found: in a member's rows or among the excluded rows.
        const accounted = new Set([
          ...group.members.flatMap((member) => (member.rows ?? [member.recipient]).map((r) => r.row)),
          ...group.excluded.map((exclusion) => exclusion.recipient.row),
        ]);
        for (const contact of data.contacts ?? [])
          if (groups.flat().includes(contact.extra.Gruppe)) expect(accounted.has(contact.row)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('(d) the result does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        messy.chain((m) =>
          fc.tuple(
            fc.constant(m),
            fc.shuffledSubarray(
              m.rows.map((_, i) => i),
              { minLength: m.rows.length },
            ),
          ),
        ),
        selectionsArbitrary,
        channelArbitrary,
        ([m, order], groups, channel) => {
          const outcome = (data: WorkbookData) => {
            const group = buildTargetGroup(data, campaignOf(channel, groups), options);
            const tagAt = new Map((data.contacts ?? []).map((c) => [c.row, c.extra.Tag]));
            const members = group.members
              .map((member) =>
                (member.rows ?? [member.recipient])
                  .map((r) => tagAt.get(r.row))
                  .sort()
                  .join(),
              )
              .sort();
            const excluded = group.excluded.map((e) => `${e.recipient.extra.Tag}:${e.reason}`).sort();
            return { members, excluded };
          };
          expect(outcome(workbookOf(m, order))).toEqual(outcome(workbookOf(m)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('continuing a group selection by selection', () => {
  it('applying the same selection twice changes nothing', () => {
    fc.assert(
      fc.property(
        messy,
        selectionsArbitrary,
        fc.subarray(GROUPS, { minLength: 1 }),
        channelArbitrary,
        (m, before, again, channel) => {
          const data = workbookOf(m);
          const campaign = campaignOf(channel, before);
          const start = buildTargetGroup(data, campaign, options);
          const once = applySelection(start, data, selectionOf(again), before.length, campaign, options);
          const twice = applySelection(once, data, selectionOf(again), before.length, campaign, options);
          expect(twice.members).toEqual(once.members);
          expect(twice.excluded).toEqual(once.excluded);
          const second = twice.reports[twice.reports.length - 1];
          expect(second.added).toBe(0);
          expect(second.found).toBe(once.reports[once.reports.length - 1].found);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an empty group plus selections (adding and taking out) equals building the campaign', () => {
    fc.assert(
      fc.property(messy, stepsArbitrary, channelArbitrary, (m, steps, channel) => {
        const data = workbookOf(m);
        const campaign = campaignWith(channel, steps);
        const folded = campaign.selections.reduce(
          (group, selection, index) =>
            applySelection(structuredClone(group), data, selection, index, campaign, options),
          emptyTargetGroup(),
        );
        expect(folded).toEqual(buildTargetGroup(data, campaign, options));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the contact history's rules, selection by selection", () => {
  /** Keys of everyone the workbook could make a member, whichever selection finds them. */
  const everyKey = (data: WorkbookData, channel: [CampaignType, LetterUnit | undefined]): string[] =>
    buildTargetGroup(data, campaignOf(channel, [GROUPS]), options).members.flatMap((member) => [
      member.key,
      ...(member.mergedKeys ?? []),
    ]);
  const contacted = (key: string, day: number): ContactEntry => ({
    sheet: 'Kontakthistorie',
    row: 2,
    day,
    campaign: 'Sommerbrief',
    campaignId: 'other',
    type: 'Brief',
    channel: 'csv',
    control: false,
    key,
    name: key,
  });

  it('adding the selections one by one leaves out whom building the campaign with the rules leaves out', () => {
    fc.assert(
      fc.property(
        messy,
        stepsArbitrary,
        channelArbitrary,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (m, steps, channel, contactedPicks, protectedPicks) => {
          const plain = workbookOf(m);
          const keys = everyKey(plain, channel);
          const pick = (picks: number[]) => (keys.length ? picks.map((i) => keys[i % keys.length]) : []);
          const data: WorkbookData = {
            ...plain,
            history: {
              sheet: 'Kontakthistorie',
              headerRow: 1,
              headers: [],
              columns: {},
              entries: pick(contactedPicks).map((key) => contacted(key, options.today - 3)),
            },
          };
          const rules: ContactRules = {
            campaign: { name: 'P' },
            limit: { contacts: 1, days: 30 },
            protectedGroups: [
              { campaign: 'Herbst', start: options.today - 10, keys: new Set(pick(protectedPicks)) },
            ],
          };
          const withRules = { ...options, contactRules: rules };
          const campaign = campaignWith(channel, steps);
          const folded = campaign.selections.reduce(
            (group, selection, index) => applySelection(group, data, selection, index, campaign, withRules),
            emptyTargetGroup(),
          );
          const built = buildTargetGroup(data, campaign, withRules);
          const outcome = (group: TargetGroup) => ({
            members: group.members.map((member) => member.key).sort(),
            excluded: group.excluded.map((e) => `${e.key}:${e.reason}`).sort(),
          });
          expect(outcome(folded)).toEqual(outcome(built));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('selections that take people out', () => {
  const keysOf = (group: { members: Array<{ key: string }> }) => new Set(group.members.map((m) => m.key));

  it('follows set algebra: an addition unites, a removal takes out the people it finds, in order', () => {
    fc.assert(
      fc.property(messy, stepsArbitrary, (m, steps) => {
        const data = workbookOf(m);
        const group = buildTargetGroup(data, campaignWith(['event', undefined], steps), options);
        const expected = new Set<string>();
        for (const step of steps) {
          const found = keysOf(
            buildTargetGroup(data, campaignWith(['event', undefined], [{ ...step, remove: false }]), options),
          );
          for (const key of found)
            if (step.remove) expected.delete(key);
            else expected.add(key);
        }
        expect([...keysOf(group)].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('loses nobody: every member a removal takes out is listed as removed by it, and counted', () => {
    fc.assert(
      fc.property(messy, stepsArbitrary, channelArbitrary, (m, steps, channel) => {
        const data = workbookOf(m);
        steps.forEach((step, index) => {
          if (!step.remove) return;
          const before = buildTargetGroup(data, campaignWith(channel, steps.slice(0, index)), options);
          const after = buildTargetGroup(data, campaignWith(channel, steps.slice(0, index + 1)), options);
          const report = after.reports[index];
          const gone = [...keysOf(before)].filter((key) => !keysOf(after).has(key));
          expect(after.members.length).toBe(before.members.length - report.removed!);
          expect(report.added + report.alreadyIn + report.merged).toBe(0);
          const listed = after.excluded.filter(
            (e) => e.reason === 'removedBySelection' && e.selectionIndex === index,
          );
          expect(listed.map((e) => e.key).sort()).toEqual(gone.sort());
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a member added again after a removal is a member, not also listed as removed', () => {
    fc.assert(
      fc.property(messy, stepsArbitrary, channelArbitrary, (m, steps, channel) => {
        const group = buildTargetGroup(workbookOf(m), campaignWith(channel, steps), options);
        const members = keysOf(group);
        expect(group.excluded.filter((e) => e.reason === 'removedBySelection' && members.has(e.key))).toEqual(
          [],
        );
      }),
      { numRuns: 150 },
    );
  });

  it('removing and restoring members by hand, in any order, equals building with the keys removed', () => {
    const edits = fc.array(fc.record({ pick: fc.nat(), restore: fc.boolean() }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(messy, stepsArbitrary, channelArbitrary, edits, (m, steps, channel, picks) => {
        const data = workbookOf(m);
        const campaign = campaignWith(channel, steps);
        let removed: string[] = [];
        let group = buildTargetGroup(data, campaign, options);
        for (const { pick, restore } of picks) {
          if (restore && removed.length > 0) {
            const key = removed[pick % removed.length];
            removed = removed.filter((k) => k !== key);
            group = restoreMemberByHand(group, key);
          } else if (group.members.length > 0) {
            const key = group.members[pick % group.members.length].key;
            removed = [...removed, key];
            group = removeMemberByHand(group, key);
          }
          expect(group).toEqual(buildTargetGroup(data, { ...campaign, removed }, options));
        }
        // A selection applied to the edited group sees the removed members as the rebuild does.
        const next = { groups: GROUPS, remove: false };
        expect(
          applySelection(group, data, selectionFor(next), steps.length, { ...campaign, removed }, options),
        ).toEqual(buildTargetGroup(data, { ...campaignWith(channel, [...steps, next]), removed }, options));
      }),
      { numRuns: 200 },
    );
  });
});
