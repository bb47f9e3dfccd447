import type { CampaignDefinition, SelectionDefinition } from '../../../src/core/campaign/campaign';
import {
  applySelection,
  buildTargetGroup,
  emptyTargetGroup,
  previewSelection,
} from '../../../src/core/group/targetGroup';
import type { TargetGroup } from '../../../src/core/group/targetGroupModel';
import type { BlockEntry, WorkbookData } from '../../../src/core/kernel/model';
import { isoToDay } from '../../../src/core/kernel/values';
import { makeBlockEntry, makeContact, makeCustomer, makeSale, makeWorkbookData } from '../builders';

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

const privat: SelectionDefinition = {
  from: 'contacts',
  filter: [{ column: 'Gruppe', op: 'equals', value: 'Privat' }],
};

/** found = added + already in + merged + excluded, for every selection: nobody disappears. */
const expectEveryRowCounted = (result: TargetGroup): void => {
  for (const report of result.reports) {
    const excluded = Object.values(report.excluded).reduce((sum, n) => sum + (n ?? 0), 0);
    expect(report.added + report.alreadyIn + report.merged + excluded).toBe(report.found);
  }
};

describe('buildTargetGroup', () => {
  it('adds selection after selection, one member per person, and counts every row it found', () => {
    const result = group('event', [vip, messe, inactive]);
    expect(result.members.map((m) => [m.key, m.selectionIndex])).toEqual([
      ['c:A1', 0],
      ['c:A4', 1],
      ['k:K2', 2],
    ]);
    expect(result.reports).toEqual([
      // Ben Koch (A2) objected on another row of his: the row without number at the same company.
      {
        selectionIndex: 0,
        label: '1: Kontakte (Gruppe = VIP)',
        found: 2,
        added: 1,
        alreadyIn: 0,
        merged: 0,
        excluded: { optOut: 1 },
      },
      // The row without contact number is Anna again (e-mail and name); Dieter's customer has an opt-out.
      {
        selectionIndex: 1,
        label: '2: Kontakte (Gruppe = messe)',
        found: 3,
        added: 1,
        alreadyIn: 1,
        merged: 0,
        excluded: { optOut: 1 },
      },
      // Inactive: K2 (never bought) and K3 (opted out: its contact Dieter again).
      {
        selectionIndex: 2,
        label: '3: Inaktive Kunden (3 Monate)',
        found: 2,
        added: 1,
        alreadyIn: 0,
        merged: 0,
        excluded: { optOut: 1 },
      },
    ]);
    expect(result.excluded.map((e) => [e.key, e.reason, e.selectionIndex, e.carrier])).toEqual([
      ['c:A2', 'optOut', 0, { sheet: 'Kontakte', row: contacts[5].row, column: 'Newsletter abgemeldet' }],
      ['c:A5', 'optOut', 1, { sheet: 'Kunden', row: customers[2].row, column: 'Werbesperre' }],
    ]);
  });

  it('merges the rows of one person into one member, names them, and keeps the other keys', () => {
    const result = group('event', [messe, vip]);
    const anna = result.members.find((m) => m.key === 'c:A1');
    expect(anna).toMatchObject({
      selectionIndex: 0,
      rows: [
        { sheet: 'Kontakte', row: contacts[0].row },
        { sheet: 'Kontakte', row: contacts[2].row },
      ],
      mergedKeys: ['e:anna@mueller-bau.de'],
    });
    // The first row in sheet order wins ties: A1's number and e-mail spelling.
    expect(anna?.recipient).toMatchObject({
      contactId: 'A1',
      email: 'anna@mueller-bau.de',
      row: contacts[0].row,
    });
    expect(result.reports[1]).toMatchObject({ found: 2, added: 0, alreadyIn: 1, merged: 0 });
    expectEveryRowCounted(result);
  });

  it('counts a second row of a member found by the same selection as merged', () => {
    const both: SelectionDefinition = { from: 'customers', ids: ['K1'] };
    const result = group('event', [both]);
    expect(result.reports[0]).toMatchObject({
      found: 4,
      added: 2,
      alreadyIn: 0,
      merged: 1,
      excluded: { optOut: 1 },
    });
    expectEveryRowCounted(result);
  });

  it('applies the type rules to the person as merged from all their rows, and lists each excluded row once', () => {
    const result = group('email', [vip, messe, vip]);
    expect(result.members.map((m) => m.key)).toEqual(['c:A1']);
    expect(result.excluded.map((e) => [e.key, e.reason])).toEqual([
      ['c:A2', 'optOut'],
      ['c:A4', 'invalidEmail'],
      ['c:A5', 'optOut'],
    ]);
    expect(result.reports[2]).toMatchObject({ found: 2, added: 0, alreadyIn: 1, excluded: { optOut: 1 } });
    expectEveryRowCounted(result);
  });

  it('an opt-out on any row of the person excludes them, selected or not, in any order', () => {
    const first = group('event', [vip, privat]);
    const second = group('event', [privat, vip]);
    const alone = group('event', [vip]);
    for (const result of [first, second, alone]) {
      expect(result.members.map((m) => m.key)).toEqual(['c:A1']);
      expect(result.excluded.every((e) => e.reason === 'optOut')).toBe(true);
      expectEveryRowCounted(result);
    }
    expect(first.excluded.map((e) => e.recipient.row)).toEqual([contacts[1].row, contacts[5].row]);
  });

  it('keeps people the user removed out, also when found again through another row', () => {
    const result = group('event', [vip, messe], ['c:A1']);
    expect(result.members.map((m) => m.key)).toEqual(['c:A4']);
    // The removal by hand comes after the selections: listed once, under the key removed, with all the person's rows.
    expect(result.excluded.map((e) => [e.key, e.reason, e.recipient.row])).toEqual([
      ['c:A2', 'optOut', contacts[1].row],
      ['c:A5', 'optOut', contacts[4].row],
      ['c:A1', 'removedByUser', contacts[0].row],
    ]);
    const removal = result.excluded[2].removedByHand;
    expect(removal?.member.rows?.map((r) => r.row)).toEqual([contacts[0].row, contacts[2].row]);
    // The selections' reports count what they found; the user's decision is not theirs.
    expect(result.reports[1]).toMatchObject({ alreadyIn: 1, excluded: { optOut: 1 } });
  });

  it('letters: the address comes from the customer, a missing postal code is left to the pre-flight', () => {
    const result = group('letter', [vip, messe, inactive]);
    expect(result.members.map((m) => [m.key, m.recipient.street, m.recipient.postalCode])).toEqual([
      ['c:A1', 'Lindenweg 4', '50667'],
      ['c:A4', 'Lindenweg 4', '50667'],
    ]);
    expect(result.excluded.map((e) => [e.key, e.reason])).toEqual([
      ['c:A2', 'optOut'],
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
    expect(result.reports.map((r) => r.found)).toEqual([0, 0]);
  });

  it('someone excluded for one row but a member through another is merged, not listed as excluded', () => {
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
    // One person: found through the row without e-mail, she has one on her other row.
    expect(result.members.map((m) => [m.key, m.recipient.email])).toEqual([['c:B1', 'anna@x.de']]);
    expect(result.excluded).toEqual([]);
    expect(result.reports.map((r) => [r.added, r.alreadyIn])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});

describe('the channel decides what one message is', () => {
  const mailbox = 'info@firma.de';
  const office = makeWorkbookData({
    contacts: [
      makeContact({
        firstName: 'Hans',
        lastName: 'Ott',
        email: mailbox,
        street: 'Ring 1',
        postalCode: '53111',
        city: 'Bonn',
      }),
      makeContact({
        firstName: 'Petra',
        lastName: 'Ott',
        email: 'INFO@firma.de',
        street: 'Ring 1',
        postalCode: '53111',
        city: 'Bonn',
      }),
      makeContact({
        firstName: 'Uwe',
        lastName: 'Kern',
        customerId: 'K7',
        street: 'Ring 1',
        postalCode: '53111',
        city: 'Bonn',
      }),
      makeContact({
        firstName: 'Jana',
        lastName: 'Berg',
        customerId: 'K7',
        street: 'Weg 2',
        postalCode: '53111',
        city: 'Bonn',
      }),
    ],
  });
  const everyone: SelectionDefinition = { from: 'contacts' };
  const build = (type: CampaignDefinition['type'], letterUnit?: CampaignDefinition['letterUnit']) =>
    buildTargetGroup(office, { name: 'K', type, letterUnit, selections: [everyone] }, options);

  it('an e-mail goes once to an address, naming everyone behind it', () => {
    const result = build('email');
    expect(result.members).toHaveLength(1);
    expect(result.members[0].recipient.firstName).toBe('Hans');
    expect(result.members[0].others?.map((o) => o.firstName)).toEqual(['Petra']);
    expect(result.reports[0]).toMatchObject({ found: 4, added: 1, merged: 1, excluded: { noEmail: 2 } });
  });

  it('a letter goes to each person at an address: two people of one mailbox are two letters, nobody disappears', () => {
    const result = build('letter');
    expect(result.members.map((m) => m.recipient.firstName)).toEqual(['Hans', 'Petra', 'Uwe', 'Jana']);
    expect(result.reports[0]).toMatchObject({ found: 4, added: 4, merged: 0 });
  });

  it('one letter per household: same street, postal code and last name', () => {
    const result = build('letter', 'household');
    expect(result.members.map((m) => [m.recipient.firstName, m.others?.map((o) => o.firstName)])).toEqual([
      ['Hans', ['Petra']],
      ['Uwe', undefined],
      ['Jana', undefined],
    ]);
  });

  it('one letter per firm', () => {
    const result = build('letter', 'firm');
    expect(result.members.map((m) => [m.recipient.firstName, m.others?.map((o) => o.firstName)])).toEqual([
      ['Hans', undefined],
      ['Petra', undefined],
      ['Uwe', ['Jana']],
    ]);
    expectEveryRowCounted(result);
  });

  it('an objection of one person behind a shared mailbox closes the mailbox', () => {
    const objected = makeWorkbookData({
      contacts: [
        makeContact({ firstName: 'Hans', lastName: 'Ott', email: mailbox }),
        makeContact({ firstName: 'Petra', lastName: 'Ott', email: mailbox, optOut: 'Werbesperre' }),
      ],
    });
    const result = buildTargetGroup(objected, { name: 'K', type: 'email', selections: [everyone] }, options);
    expect(result.members).toEqual([]);
    expect(result.excluded.map((e) => [e.recipient.firstName, e.reason, e.carrier?.row])).toEqual([
      ['Hans', 'optOut', objected.contacts?.[1].row],
      ['Petra', 'optOut', objected.contacts?.[1].row],
    ]);
  });
});

describe('the Sperrliste', () => {
  const anna = makeContact({ contactId: '1', firstName: 'Anna', lastName: 'Schmidt', email: 'anna@x.de' });
  const jan = makeContact({
    contactId: '2',
    firstName: 'Jan',
    lastName: 'Groß',
    street: 'Hauptstraße 5',
    postalCode: '01067',
    city: 'Dresden',
  });
  const eva = makeContact({ contactId: '3', firstName: 'Eva', lastName: 'Lang', email: 'eva@x.de' });
  const blocklist = (entries: Array<Partial<BlockEntry>>): WorkbookData => ({
    ...makeWorkbookData({ contacts: [anna, jan, eva] }),
    blocklists: [
      {
        sheet: 'Sperrliste',
        headerRow: 1,
        headers: [],
        columns: {},
        entries: entries.map((entry, i) => makeBlockEntry(i, entry)),
      },
    ],
  });

  it('excludes by e-mail and by name and postal address, with the Sperrliste row as the reason', () => {
    const data = blocklist([
      { email: ' ANNA@x.de' },
      { firstName: 'Jan', lastName: 'Gross', street: 'Hauptstr. 5', postalCode: '01067' },
      { email: 'gone@x.de' },
    ]);
    const result = buildTargetGroup(
      data,
      { name: 'S', type: 'event', selections: [{ from: 'contacts' }] },
      options,
    );
    expect(result.members.map((m) => m.key)).toEqual(['c:3']);
    expect(result.excluded.map((e) => [e.key, e.reason, e.carrier])).toEqual([
      ['c:1', 'blocklist', { sheet: 'Sperrliste', row: 2 }],
      ['c:2', 'blocklist', { sheet: 'Sperrliste', row: 3 }],
    ]);
  });

  it('a name alone, without address, excludes nobody', () => {
    const data = blocklist([{ firstName: 'Eva', lastName: 'Lang' }]);
    const result = buildTargetGroup(
      data,
      { name: 'S', type: 'event', selections: [{ from: 'contacts' }] },
      options,
    );
    expect(result.members).toHaveLength(3);
  });
});

describe('applySelection and previewSelection', () => {
  const rules = { type: 'event' as const, language: 'en' as const };

  it('returns a new group and leaves the old one as it was', () => {
    const first = applySelection(emptyTargetGroup(), data, vip, 0, rules, options);
    const second = applySelection(first, data, messe, 1, rules, options);
    expect(first.members).toHaveLength(1);
    expect(second.members.map((m) => m.key)).toEqual(['c:A1', 'c:A4']);
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
      found: 3,
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
    const again: SelectionDefinition = { from: 'contacts', ids: ['A4', 'A5'] };
    const next = applySelection(
      structuredClone(first),
      data,
      again,
      1,
      { ...rules, removed: ['c:A4'] },
      options,
    );
    expect(next.members.map((m) => m.key)).toEqual(['c:A1']);
    expect(next.reports[1]).toMatchObject({ alreadyIn: 1, excluded: { optOut: 1 } });
    expect(next.excluded.map((e) => [e.key, e.reason])).toEqual([
      ['c:A5', 'optOut'],
      ['c:A4', 'removedByUser'],
    ]);
    expect(next).toEqual(
      buildTargetGroup(
        data,
        { ...rules, name: 'Test', selections: [messe, again], removed: ['c:A4'] },
        options,
      ),
    );
  });
});
