import type { CampaignType, SelectionDefinition } from '../../../src/core/campaign/campaign';
import { consentColumns, consentKinds, isClearYes } from '../../../src/core/group/consent';
import { buildTargetGroup } from '../../../src/core/group/targetGroup';
import type { Contact } from '../../../src/core/kernel/model';
import { makeContact, makeWorkbookData } from '../builders';

describe('consent columns', () => {
  it.each([
    ['Einwilligung E-Mail', ['email']],
    ['E-Mail-Einwilligung', ['email']],
    ['Einwilligung Newsletter', ['email']],
    ['DOI bestätigt am', ['email']],
    ['Double-Opt-In', ['email']],
    ['Email consent', ['email']],
    ['Consent (e-mail)', ['email']],
    ['Einwilligung Telefon', ['phone']],
    ['Telefonwerbung: Einwilligung', ['phone']],
    ['Phone consent', ['phone']],
    ['Einwilligung E-Mail und Telefon', ['email', 'phone']],
    ['Einwilligung Werbung', ['email', 'phone']],
    ['Marketing consent', ['email', 'phone']],
  ])('"%s" records consent to %j', (header, kinds) => {
    expect(consentKinds(header)).toEqual(kinds);
  });

  it.each([
    'E-Mail',
    'Telefon',
    'Werbesperre',
    'Newsletter abgemeldet',
    'Opt-out',
    'Einwilligung',
    'Notiz',
    'Mailing',
  ])('"%s" is no consent column', (header) => {
    expect(consentKinds(header)).toEqual([]);
  });

  it.each([
    'ja',
    'Ja',
    'x',
    'X',
    'WAHR',
    'TRUE',
    '1',
    'yes',
    '✓',
    'erteilt',
    'ja, per Formular',
    '03.05.2024',
    '2024-05-03',
    '45413',
  ])('"%s" is a clear yes', (value) => {
    expect(isClearYes(value)).toBe(true);
  });

  it.each(['', ' ', 'nein', 'FALSCH', '0', 'no', 'angefragt', '?', 'unklar', '-'])(
    '"%s" is no consent',
    (value) => {
      expect(isClearYes(value)).toBe(false);
    },
  );
});

const options = { today: 20_000 };
const everyone: SelectionDefinition = { from: 'contacts' };
const membersOf = (contacts: Contact[], type: CampaignType) =>
  buildTargetGroup(makeWorkbookData({ contacts }), { name: 'T', type, selections: [everyone] }, options);

const person = (id: string, fields: Partial<Contact> = {}) =>
  makeContact({
    contactId: id,
    firstName: 'Eva',
    lastName: `Lang ${id}`,
    email: `${id}@example.de`,
    phone: '0351 1',
    ...fields,
  });

describe('consent in the target group (UWG § 7)', () => {
  it('an e-mail campaign needs a clear yes where the workbook records e-mail consent', () => {
    const group = membersOf(
      [
        person('1', { extra: { 'Einwilligung E-Mail': 'ja' } }),
        person('2', { extra: { 'Einwilligung E-Mail': '' } }),
        person('3', { extra: { 'Einwilligung E-Mail': 'angefragt' } }),
        person('4', { extra: { 'Einwilligung E-Mail': '03.05.2024' } }),
      ],
      'email',
    );
    expect(group.members.map((m) => m.recipient.contactId)).toEqual(['1', '4']);
    expect(group.excluded.map((e) => [e.recipient.contactId, e.reason])).toEqual([
      ['2', 'noConsent'],
      ['3', 'noConsent'],
    ]);
    expect(group.reports[0].excluded).toEqual({ noConsent: 2 });
  });

  it('without a consent column nobody is excluded for it: the add-in does not decide the law', () => {
    const contacts = [person('1', { extra: { Gruppe: 'A' } }), person('2')];
    expect(membersOf(contacts, 'email').members).toHaveLength(2);
    expect(consentColumns(makeWorkbookData({ contacts }))).toEqual({ email: [], phone: [] });
  });

  it('a yes on any row of the person counts, in whatever order the rows stand', () => {
    const rows = [
      person('7', { extra: { 'DOI bestätigt am': '' } }),
      person('7', { extra: { 'DOI bestätigt am': '45413' }, email: '' }),
    ];
    for (const contacts of [rows, [...rows].reverse()])
      expect(
        membersOf(
          contacts.map((c) => ({ ...c })),
          'newsletter',
        ).members.map((m) => m.key),
      ).toEqual(['c:7']);
  });

  it('an opt-out stays the reason even with consent, and a letter needs no consent', () => {
    const contacts = [
      person('1', {
        extra: { 'Einwilligung Werbung': 'ja' },
        optOut: 'Werbesperre',
        street: 'A 1',
        city: 'B',
      }),
      person('2', { extra: { 'Einwilligung Werbung': 'nein' }, street: 'A 2', city: 'B' }),
    ];
    expect(membersOf(contacts, 'email').excluded.map((e) => e.reason)).toEqual(['optOut', 'noConsent']);
    expect(membersOf(contacts, 'letter').members.map((m) => m.recipient.contactId)).toEqual(['2']);
  });

  it('a phone campaign needs consent from private persons only, not from firms', () => {
    const contacts = [
      person('1', { extra: { 'Einwilligung Telefon': '' } }),
      person('2', { extra: { 'Einwilligung Telefon': '' }, company: 'Bau GmbH' }),
      person('3', { extra: { 'Einwilligung Telefon': 'x' } }),
    ];
    const group = membersOf(contacts, 'phone');
    expect(group.members.map((m) => m.recipient.contactId)).toEqual(['2', '3']);
    expect(group.excluded.map((e) => [e.recipient.contactId, e.reason])).toEqual([['1', 'noConsent']]);
    // the e-mail campaign does not read the phone consent
    expect(membersOf(contacts, 'email').members).toHaveLength(3);
  });
});
