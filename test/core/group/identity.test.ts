import fc from 'fast-check';
import {
  IdentityCoder,
  IdentityIndex,
  identityKeys,
  isSameIdentity,
  memberKey,
} from '../../../src/core/group/identity';
import type { Recipient } from '../../../src/core/kernel/model';
import { makeRecipient } from '../builders';

describe('memberKey', () => {
  it.each<[string, Partial<Recipient>, string]>([
    ['contact id first', { contactId: ' 4711 ', email: 'a@b.de', customerId: 'K1' }, 'c:4711'],
    [
      'customer recipient by customer number',
      { kind: 'customer', customerId: 'K-1001', email: 'x@y.de' },
      'k:K-1001',
    ],
    [
      'e-mail trimmed, lower-cased',
      { customerId: 'K1', email: '  Anna.Schmidt@Example.DE ' },
      'e:anna.schmidt@example.de',
    ],
    [
      'name at company, normalised',
      { firstName: ' Jürgen ', lastName: 'Müller', company: 'Bäckerei  Groß GmbH' },
      'n:jürgen müller|bäckerei groß gmbh',
    ],
    [
      'name at customer number when no company',
      { firstName: 'Eva', lastName: 'Lang', customerId: 'K7' },
      'n:eva lang|k7',
    ],
    [
      'placeholder e-mail is no e-mail',
      { email: '-', firstName: 'Eva', lastName: 'Lang', company: 'ACME' },
      'n:eva lang|acme',
    ],
    ['nothing recognisable: the row', { firstName: 'Eva', sheet: 'Kontakte', row: 17 }, 'r:Kontakte!17'],
  ])('%s', (_, fields, key) => {
    expect(memberKey(makeRecipient(fields))).toBe(key);
  });
});

describe('isSameIdentity', () => {
  it.each<[string, Partial<Recipient>, Partial<Recipient>, boolean]>([
    [
      'same contact id, different e-mail',
      { contactId: '1', email: 'a@x.de' },
      { contactId: '1', email: 'b@x.de' },
      true,
    ],
    [
      'different contact ids share an office mailbox',
      { contactId: '1', email: 'info@x.de' },
      { contactId: '2', email: 'INFO@x.de' },
      false,
    ],
    ['id and no id, same e-mail', { contactId: '1', email: 'anna@x.de' }, { email: ' Anna@X.de ' }, true],
    [
      'customer recipients by customer number',
      { kind: 'customer', customerId: 'K1' },
      { kind: 'customer', customerId: 'K1', email: 'z@z.de' },
      true,
    ],
    [
      'different customers',
      { kind: 'customer', customerId: 'K1', email: 'a@x.de' },
      { kind: 'customer', customerId: 'K2', email: 'a@x.de' },
      false,
    ],
    [
      'customer and contact: ids do not compare, e-mail decides',
      { kind: 'customer', customerId: 'K1', email: 'a@x.de' },
      { contactId: '9', customerId: 'K1', email: 'a@x.de' },
      true,
    ],
    [
      'both have e-mails that differ: not the same despite the name',
      { firstName: 'Eva', lastName: 'Lang', company: 'ACME', email: 'a@x.de' },
      { firstName: 'Eva', lastName: 'Lang', company: 'ACME', email: 'b@x.de' },
      false,
    ],
    [
      'same name at the same company, one without e-mail',
      { firstName: 'Eva', lastName: 'Lang', company: 'ACME', email: 'a@x.de' },
      { firstName: 'eva', lastName: 'LANG ', company: 'acme' },
      true,
    ],
    [
      'same name at the same customer number',
      { firstName: 'Eva', lastName: 'Lang', customerId: 'K1' },
      { firstName: 'Eva', lastName: 'Lang', customerId: 'k1', company: 'ACME' },
      true,
    ],
    [
      'same name at another company',
      { firstName: 'Eva', lastName: 'Lang', company: 'ACME' },
      { firstName: 'Eva', lastName: 'Lang', company: 'Beta' },
      false,
    ],
    [
      'umlauts are exact',
      { firstName: 'Jörg', lastName: 'Maier', company: 'ACME' },
      { firstName: 'Joerg', lastName: 'Maier', company: 'ACME' },
      false,
    ],
  ])('%s', (_, a, b, same) => {
    const left = makeRecipient(a);
    const right = makeRecipient(b);
    expect(isSameIdentity(left, right)).toBe(same);
    expect(isSameIdentity(right, left)).toBe(same);
  });

  it('a row that names nobody is only itself', () => {
    const nobody = makeRecipient({ firstName: 'Eva' });
    expect(isSameIdentity(nobody, nobody)).toBe(true);
    expect(isSameIdentity(nobody, makeRecipient({ firstName: 'Eva' }))).toBe(false);
  });
});

/** Small value pools so that collisions on every key happen often. */
const recipientArbitrary: fc.Arbitrary<Recipient> = fc
  .record({
    kind: fc.constantFrom<Recipient['kind']>('contact', 'contact', 'customer'),
    contactId: fc.constantFrom('', '', '1', '2', '3'),
    customerId: fc.constantFrom('', 'K1', 'K2', ' k1'),
    email: fc.constantFrom('', '', 'a@x.de', 'A@x.de ', 'b@x.de', 'n/a'),
    firstName: fc.constantFrom('', 'Eva', 'Jürgen', 'Ju\u0308rgen', 'eva  '),
    lastName: fc.constantFrom('', 'Lang'),
    company: fc.constantFrom('', 'ACME', 'acme ', 'Müller GmbH', 'k1'),
    sheet: fc.constantFrom('Kontakte', 'Kunden'),
    row: fc.integer({ min: 2, max: 5 }),
  })
  .map((fields) => makeRecipient(fields));

describe('IdentityCoder', () => {
  it('gives two recipients equal codes exactly where their key strings are equal', () => {
    fc.assert(
      fc.property(fc.array(recipientArbitrary, { minLength: 2, maxLength: 8 }), (recipients) => {
        const coder = new IdentityCoder();
        const codes = recipients.map((recipient) => coder.encode(recipient));
        const keys = recipients.map(identityKeys);
        recipients.forEach((_, i) => {
          expect(codes[i].key).toBe(keys[i].key);
          expect(codes[i].idClass).toBe(keys[i].idKind === 'c' ? 0 : keys[i].idKind === 'k' ? 1 : 2);
          expect(codes[i].id < 0).toBe(keys[i].id === null);
          expect(codes[i].email < 0).toBe(keys[i].email === null);
          expect(codes[i].names).toHaveLength(keys[i].names.length);
          recipients.forEach((__, j) => {
            expect(codes[i].id >= 0 && codes[i].id === codes[j].id).toBe(
              keys[i].id !== null && keys[i].id === keys[j].id,
            );
            expect(codes[i].email >= 0 && codes[i].email === codes[j].email).toBe(
              keys[i].email !== null && keys[i].email === keys[j].email,
            );
            const sharedCodes = codes[i].names.filter((name) => codes[j].names.includes(name));
            const sharedKeys = keys[i].names.filter((name) => keys[j].names.includes(name));
            expect(sharedCodes).toHaveLength(sharedKeys.length);
          });
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('numbers thousands of distinct name pairs apart (its pair table grows)', () => {
    const coder = new IdentityCoder();
    const people = Array.from({ length: 3000 }, (_, i) =>
      makeRecipient({
        firstName: `Eva${i % 50}`,
        lastName: 'Lang',
        company: `Firma ${i % 60}`,
        customerId: `K${i}`,
      }),
    );
    const pairs = new Set(people.flatMap((person) => coder.encode(person).names));
    const expected = new Set(people.flatMap((person) => identityKeys(person).names));
    expect(pairs.size).toBe(expected.size);
    expect(people.map((person) => coder.encode(person).names)).toEqual(
      people.map((person) => coder.encode(person).names),
    );
  });
});

describe('IdentityIndex', () => {
  it('finds a same-identity entry exactly when a linear search would, also after being cleared and refilled', () => {
    fc.assert(
      fc.property(
        fc.array(recipientArbitrary, { maxLength: 12 }),
        fc.array(recipientArbitrary, { maxLength: 12 }),
        recipientArbitrary,
        (cleared, entries, probe) => {
          const coder = new IdentityCoder();
          const index = new IdentityIndex<Recipient>();
          for (const entry of cleared) index.add(coder.encode(entry), entry);
          index.clear();
          for (const entry of entries) index.add(coder.encode(entry), entry);
          const found = index.find(coder.encode(probe));
          const expected = entries.some((entry) => isSameIdentity(entry, probe));
          expect(found !== undefined).toBe(expected);
          if (found) expect(entries).toContain(found);
          if (found) expect(isSameIdentity(found, probe)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
