import type { CampaignDefinition, SelectionDefinition } from '../../../src/core/campaign/campaign';
import {
  applySelection,
  buildTargetGroup,
  emptyTargetGroup,
  previewSelection,
} from '../../../src/core/group/targetGroup';
import type { TargetGroup } from '../../../src/core/group/targetGroupModel';
import { isoToDay } from '../../../src/core/kernel/values';
import { makeContact, makeCustomer, makeSale, makeWorkbookData } from '../builders';

const today = isoToDay('2026-05-31') as number;
const options = { today };

const customers = [
  makeCustomer({
    customerId: 'K1',
    company: 'Müller Bau GmbH',
    street: 'Lindenweg 4',
    city: 'Köln',
    postalCode: '50667',
  }),
  makeCustomer({
    customerId: 'K2',
    company: 'Bäckerei Lang',
    firstName: 'Eva',
    lastName: 'Lang',
    email: 'eva@lang.de',
    city: 'Bonn',
  }),
  makeCustomer({
    customerId: 'K3',
    company: 'Gesperrt GmbH',
    email: 'info@gesperrt.de',
    optOut: 'Werbesperre',
  }),
];
const contacts = [
  makeContact({
    contactId: 'A1',
    customerId: 'K1',
    firstName: 'Anna',
    lastName: 'Schmidt',
    email: 'anna@mueller-bau.de',
    extra: { Gruppe: 'VIP' },
  }),
  makeContact({
    contactId: 'A2',
    customerId: 'K1',
    firstName: 'Ben',
    lastName: 'Koch',
    email: '',
    extra: { Gruppe: 'VIP' },
  }),
  makeContact({
    contactId: '',
    customerId: 'K1',
    firstName: 'Anna',
    lastName: 'Schmidt',
    email: ' ANNA@mueller-bau.de',
    extra: { Gruppe: 'Messe' },
  }),
  makeContact({
    contactId: 'A4',
    customerId: 'K1',
    firstName: 'Carla',
    lastName: 'Vogt',
    email: 'carla@mueller-bau',
    extra: { Gruppe: 'Messe' },
  }),
  makeContact({
    contactId: 'A5',
    customerId: 'K3',
    firstName: 'Dieter',
    lastName: 'Sperr',
    email: 'dieter@gesperrt.de',
    extra: { Gruppe: 'Messe' },
  }),
  makeContact({
    contactId: '',
    customerId: '',
    firstName: 'Ben',
    lastName: 'Koch',
    company: 'Müller Bau GmbH',
    email: 'ben.koch@web.de',
    optOut: 'Newsletter abgemeldet',
    extra: { Gruppe: 'Privat' },
  }),
];
const sales = [makeSale({ customerId: 'K1', day: isoToDay('2026-05-01'), articleNo: 'A-1001', quantity: 1 })];
const data = makeWorkbookData({ contacts, customers, sales });

const group = (
  type: CampaignDefinition['type'],
  selections: SelectionDefinition[],
  removed?: string[],
): TargetGroup => buildTargetGroup(data, { name: 'Test', type, selections, removed }, options);

const vip: SelectionDefinition = {
  from: 'contacts',
  filter: [{ column: 'Gruppe', op: 'equals', value: 'VIP' }],
};
const messe: SelectionDefinition = {
  from: 'contacts',
  filter: [{ column: 'Gruppe', op: 'equals', value: 'messe' }],
};
const inactive: SelectionDefinition = { from: 'inactiveCustomers', months: 3 };

describe('buildTargetGroup', () => {
  it('adds selection after selection, first occurrence wins, and reports every run', () => {
    const result = group('event', [vip, messe, inactive]);
    expect(result.members.map((m) => [m.key, m.selectionIndex])).toEqual([
      ['c:A1', 0],
      ['c:A2', 0],
      ['c:A4', 1],
      ['k:K2', 2],
    ]);
    expect(result.reports).toEqual([
      {
        selectionIndex: 0,
        label: '1: Kontakte (Gruppe = VIP)',
        matched: 2,
        added: 2,
        alreadyIn: 0,
        excluded: {},
      },
      // The row without contact id is Anna again by e-mail; Dieter's customer has an opt-out.
      {
        selectionIndex: 1,
        label: '2: Kontakte (Gruppe = messe)',
        matched: 3,
        added: 1,
        alreadyIn: 1,
        excluded: { optOut: 1 },
      },
      // Inactive: K2 (never bought) and K3 (opted out: its contact Dieter again).
      {
        selectionIndex: 2,
        label: '3: Inaktive Kunden (3 Monate)',
        matched: 2,
        added: 1,
        alreadyIn: 0,
        excluded: { optOut: 1 },
      },
    ]);
    expect(result.excluded.map((e) => [e.key, e.reason, e.selectionIndex])).toEqual([['c:A5', 'optOut', 1]]);
  });

  it('applies the type rules and lists each excluded person once', () => {
    const result = group('email', [vip, messe, vip]);
    expect(result.members.map((m) => m.key)).toEqual(['c:A1']);
    expect(result.excluded.map((e) => [e.key, e.reason])).toEqual([
      ['c:A2', 'noEmail'],
      ['c:A5', 'optOut'],
      ['c:A4', 'invalidEmail'],
    ]);
    expect(result.reports[2]).toMatchObject({ matched: 2, added: 0, alreadyIn: 1, excluded: { noEmail: 1 } });
  });

  it('an opt-out in one record excludes the same person found through another record, in any order', () => {
    const privat: SelectionDefinition = {
      from: 'contacts',
      filter: [{ column: 'Gruppe', op: 'equals', value: 'Privat' }],
    };
    // The row without id is Ben Koch at Müller Bau GmbH (same name and company as A2, who has no e-mail): he objected.
    const first = group('event', [vip, privat]);
    const second = group('event', [privat, vip]);
    for (const result of [first, second]) {
      expect(result.members.map((m) => m.key)).toEqual(['c:A1']);
      expect(result.excluded.map((e) => e.reason)).toEqual(['optOut']);
    }
    expect(first.reports[1].excluded).toEqual({ optOut: 1 });
    expect(second.reports[1]).toMatchObject({ added: 1, excluded: { optOut: 1 } });
  });

  it('keeps people the user removed out, also when found again', () => {
    const result = group('event', [vip, messe], ['c:A1']);
    expect(result.members.map((m) => m.key)).toEqual(['c:A2', 'c:A4']);
    expect(result.excluded.map((e) => [e.key, e.reason])).toEqual([
      ['c:A1', 'removedByUser'],
      ['c:A5', 'optOut'],
    ]);
    expect(result.reports[1].excluded).toEqual({ removedByUser: 1, optOut: 1 });
  });

  it('letters: the address comes from the customer; a missing postal code is left to the pre-flight', () => {
    const result = group('letter', [vip, inactive]);
    expect(result.members.map((m) => [m.key, m.recipient.street, m.recipient.postalCode])).toEqual([
      ['c:A1', 'Lindenweg 4', '50667'],
      ['c:A2', 'Lindenweg 4', '50667'],
    ]);
    expect(result.excluded.map((e) => [e.key, e.reason])).toEqual([
      ['c:A5', 'optOut'],
      ['k:K2', 'noAddress'],
    ]);
    const withoutPostalCode = makeContact({
      contactId: 'P1',
      street: 'Am Markt 1',
      city: 'Bonn',
      extra: { Gruppe: 'x' },
    });
    const workbook = makeWorkbookData({ contacts: [withoutPostalCode] });
    const select: SelectionDefinition = { from: 'contacts', ids: ['P1'] };
    const letter = buildTargetGroup(
      workbook,
      { name: 'B', type: 'letter', selections: [select, select] },
      options,
    );
    expect(letter.members.map((m) => m.key)).toEqual(['c:P1']);
    expect(letter.problems).toEqual([]);
  });

  it('collects selection problems once', () => {
    const unknown: SelectionDefinition = { from: 'purchasedArticles', articles: ['Gibt es nicht'] };
    const result = group('event', [unknown, unknown]);
    expect(result.problems).toEqual([
      { code: 'unknownArticle', severity: 'warning', value: 'Gibt es nicht' },
    ]);
    expect(result.reports.map((r) => r.matched)).toEqual([0, 0]);
  });

  it('someone excluded for one record but a member through another is not listed as excluded', () => {
    const annaWithoutMail = makeContact({
      contactId: 'B1',
      firstName: 'Anna',
      lastName: 'Berg',
      company: 'X',
      extra: { Gruppe: '1' },
    });
    const annaWithMail = makeContact({
      contactId: '',
      firstName: 'Anna',
      lastName: 'Berg',
      company: 'X',
      email: 'anna@x.de',
      extra: { Gruppe: '2' },
    });
    const workbook = makeWorkbookData({ contacts: [annaWithoutMail, annaWithMail] });
    const select = (value: string): SelectionDefinition => ({
      from: 'contacts',
      filter: [{ column: 'Gruppe', op: 'equals', value }],
    });
    const result = buildTargetGroup(
      workbook,
      { name: 'N', type: 'newsletter', selections: [select('1'), select('2')] },
      options,
    );
    expect(result.members.map((m) => m.key)).toEqual(['e:anna@x.de']);
    expect(result.excluded).toEqual([]);
    expect(result.reports.map((r) => r.excluded)).toEqual([{ noEmail: 1 }, {}]);
  });
});

describe('applySelection and previewSelection', () => {
  const rules = { type: 'event' as const, language: 'en' as const };

  it('returns a new group and leaves the old one as it was', () => {
    const first = applySelection(emptyTargetGroup(), data, vip, 0, rules, options);
    const second = applySelection(first, data, messe, 1, rules, options);
    expect(first.members).toHaveLength(2);
    expect(second.members.map((m) => m.key)).toEqual(['c:A1', 'c:A2', 'c:A4']);
    expect(second.reports.map((r) => r.label)).toEqual([
      '1: Contacts (Gruppe = VIP)',
      '2: Contacts (Gruppe = messe)',
    ]);
    expect(second).toEqual(
      buildTargetGroup(data, { name: 'T', ...rules, selections: [vip, messe] }, options),
    );
  });

  it('previews the report without committing', () => {
    const first = applySelection(emptyTargetGroup(), data, vip, 0, rules, options);
    const before = structuredClone(first);
    expect(previewSelection(first, data, messe, 1, rules, options)).toMatchObject({
      matched: 3,
      added: 1,
      alreadyIn: 1,
    });
    expect(first).toEqual(before);
  });

  it('keeps opt-outs and removals when continuing from a stored group', () => {
    const first = applySelection(
      emptyTargetGroup(),
      data,
      messe,
      0,
      { ...rules, removed: ['c:A4'] },
      options,
    );
    const privat: SelectionDefinition = { from: 'contacts', ids: ['A4', 'A5'] };
    const next = applySelection(structuredClone(first), data, privat, 1, rules, options);
    expect(next.members.map((m) => m.key)).toEqual(['e:anna@mueller-bau.de']);
    expect(next.reports[1].excluded).toEqual({ removedByUser: 1, optOut: 1 });
  });
});

describe('identity is a cascade, not an equivalence', () => {
  // A record without contact id that shares an e-mail with two contacts of different ids is "the same" as both,
  // while they are not the same as each other. First occurrence wins, so the order of selections decides.
  const shared = 'info@firma.de';
  const workbook = makeWorkbookData({
    contacts: [
      makeContact({ contactId: '1', firstName: 'Hans', email: shared, extra: { Gruppe: 'a' } }),
      makeContact({ contactId: '', email: shared, extra: { Gruppe: 'b' } }),
      makeContact({ contactId: '2', firstName: 'Petra', email: shared, extra: { Gruppe: 'c' } }),
    ],
  });
  const select = (value: string): SelectionDefinition => ({
    from: 'contacts',
    filter: [{ column: 'Gruppe', op: 'equals', value }],
  });
  const keys = (order: string[]): string[] =>
    buildTargetGroup(workbook, { name: 'N', type: 'letter', selections: order.map(select) }, options)
      .members.map((m) => m.key)
      .sort();

  it('so membership may depend on the order when records are ambiguous', () => {
    expect(keys(['a', 'b', 'c'])).toEqual([]);
    const asEvent = (order: string[]) =>
      buildTargetGroup(
        workbook,
        { name: 'N', type: 'event', selections: order.map(select) },
        options,
      ).members.map((m) => m.key);
    expect(asEvent(['a', 'b', 'c'])).toEqual(['c:1', 'c:2']);
    expect(asEvent(['b', 'a', 'c'])).toEqual([`e:${shared}`]);
  });
});
