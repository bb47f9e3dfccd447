import fc from 'fast-check';
import {
  ForgottenMatcher,
  forgottenToken,
  parseToken,
  recognitionTexts,
  tokenText,
  type ForgettablePerson,
  type ForgottenToken,
} from '../../../src/core/group/forgotten';
import { identityGraph } from '../../../src/core/group/identity';
import { sha256 } from '../../../src/core/kernel/sha256';
import { makeBlockEntry, makeContact, makeCustomer, makeWorkbookData } from '../builders';

const anna = {
  email: 'Anna.Schmidt@Example.de',
  firstName: 'Anna',
  lastName: 'Schmidt',
  company: 'Bäckerei Schmidt',
  postalCode: '53111',
};

describe('the hashes that keep a forgotten person on the Sperrliste', () => {
  it('sha256 gives the standard digests', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('ä'.repeat(40))).toBe(sha256('ä'.repeat(40)));
  });

  it('holds no name or address, reads back from its cell, and recognises the person in other spellings', () => {
    const text = tokenText(forgottenToken(anna, 'abcd1234')!);
    expect(text).toMatch(
      /^#DSGVO-17:s=abcd1234;e=[0-9a-f]{32};n=[0-9a-f]{32};p=[0-9a-f]{32};f=[0-9a-f]{12}$/,
    );
    expect(text.toLowerCase()).not.toMatch(/anna|schmidt|example|53111|baeckerei/);
    const matcher = new ForgottenMatcher([{ token: parseToken(` ${text} `)!, value: 'row 7' }]);
    expect(matcher.match({ ...anna, email: ' mailto:ANNA.schmidt@example.de' })).toBe('row 7');
    expect(matcher.match({ ...anna, email: '', firstName: 'Dr. Anna', company: 'Baeckerei Schmidt' })).toBe(
      'row 7',
    );
    expect(matcher.match({ ...anna, email: '', company: '', postalCode: '53111' })).toBe('row 7');
    expect(
      matcher.match({ ...anna, email: 'anna@other.de', company: 'Metzgerei', postalCode: '10115' }),
    ).toBeUndefined();
  });

  it('differs between workbooks (salts), and is refused for a person nothing could recognise', () => {
    expect(tokenText(forgottenToken(anna, 'aa')!)).not.toEqual(
      tokenText(forgottenToken(anna, 'bb')!).replace('s=bb', 's=aa'),
    );
    expect(
      forgottenToken({ email: '-', firstName: 'Anna', lastName: '', company: 'X', postalCode: '1' }, 'aa'),
    ).toBeNull();
    expect(parseToken('#DSGVO-17:s=aa;e=nothex')).toBeNull();
    expect(parseToken('anna@example.de')).toBeNull();
  });
});

/** Anna's entry as the add-in wrote it before tokens carried the prefilter (f=), and as it writes it now. */
const LEGACY_ANNA =
  '#DSGVO-17:s=5a17f0e1c2d3b4a5968778695a4b3c2d;e=99677ac090602f585163c610feb53f20;' +
  'n=0e0fc9d9b9548305c41877a56a638f87;p=ca0cc4800f8926cbf20e001f9852a950';
const ANNA_NOW = `${LEGACY_ANNA};f=b00ba95b0faa`;

/** What every token promises, without the prefilter: a person matches an entry when one of their hashes is in it. */
const byFullHashing = <T>(
  entries: ReadonlyArray<{ token: ForgottenToken; value: T }>,
  person: ForgettablePerson,
) => {
  const texts = recognitionTexts(person);
  const salts = [...new Set(entries.map((entry) => entry.token.salt))];
  for (const salt of salts)
    for (const [kind, field] of [
      ['e', 'email'],
      ['n', 'nameFirm'],
      ['p', 'namePlace'],
    ] as const) {
      if (texts[kind] === '') continue;
      const hash = sha256(`${salt}|${kind}|${texts[kind]}`).slice(0, 32);
      const found = entries
        .filter((entry) => entry.token.salt === salt && entry.token[field] === hash)
        .at(-1);
      if (found) return found.value;
    }
  return undefined;
};

const withoutFilter = (token: ForgottenToken): ForgottenToken => {
  const { filter: _filter, ...legacy } = token;
  return legacy;
};

describe('the prefilter that spares hashing every record with SHA-256', () => {
  it('is written into new tokens and stays the same (tokens in workbooks rely on it)', () => {
    const anna2 = { ...anna, email: 'Anna.Schmidt@Example.de' };
    expect(tokenText(forgottenToken(anna2, '5a17f0e1c2d3b4a5968778695a4b3c2d')!)).toBe(ANNA_NOW);
    expect(forgottenToken({ ...anna, company: '', postalCode: '' }, 'aa')!.filter).toMatch(
      /^[0-9a-f]{4}0{8}$/,
    );
  });

  it('an entry written before it (no f=) still recognises the person, alone and beside new entries', () => {
    const legacy = parseToken(LEGACY_ANNA)!;
    expect(legacy.filter).toBeUndefined();
    const bernd = {
      email: 'b.kraus@kraus-bau.de',
      firstName: 'Bernd',
      lastName: 'Kraus',
      company: 'Kraus Bau',
      postalCode: '01067',
    };
    const matcher = new ForgottenMatcher([
      { token: legacy, value: 'old row' },
      { token: forgottenToken(bernd, '5a17f0e1c2d3b4a5968778695a4b3c2d')!, value: 'new row' },
    ]);
    expect(matcher.match({ ...anna, email: 'ANNA.SCHMIDT@example.de ', company: '', postalCode: '' })).toBe(
      'old row',
    );
    expect(matcher.match({ ...anna, email: '', firstName: 'Dr. Anna', postalCode: '' })).toBe('old row');
    expect(matcher.match({ ...anna, email: '', company: 'Konditorei', postalCode: ' 53111' })).toBe(
      'old row',
    );
    expect(matcher.match({ ...bernd, email: '', postalCode: '' })).toBe('new row');
    expect(matcher.match({ ...anna, firstName: 'Hanna', email: 'hanna@example.de' })).toBeUndefined();
  });

  it('a damaged f= is ignored, not trusted: the entry is matched by full hashing', () => {
    const damaged = parseToken(LEGACY_ANNA + ';f=zz')!;
    expect(damaged.filter).toBeUndefined();
    expect(new ForgottenMatcher([{ token: damaged, value: 7 }]).match(anna)).toBe(7);
  });

  it('a workbook whose Sperrliste holds an old entry still excludes the person, found among other contacts', () => {
    const data = makeWorkbookData({
      contacts: [
        makeContact({
          contactId: '1',
          firstName: 'Anna',
          lastName: 'Schmidt',
          email: 'anna@privat.de',
          postalCode: '53111',
        }),
        makeContact({
          contactId: '2',
          firstName: 'Anna',
          lastName: 'Schmitt',
          email: 'a.schmitt@example.de',
          postalCode: '53111',
        }),
        makeContact({ contactId: '3', firstName: 'Jürgen', lastName: 'Groß', email: 'jg@example.de' }),
      ],
    });
    data.blocklists = [
      {
        sheet: 'Sperrliste',
        headerRow: 1,
        headers: ['E-Mail'],
        columns: { email: 0 },
        entries: [makeBlockEntry(0, { forgotten: parseToken(LEGACY_ANNA)! })],
      },
    ];
    const graph = identityGraph(data);
    expect([0, 1, 2].map((r) => graph.carrierOf(graph.person[r])?.row)).toEqual([2, undefined, undefined]);
  });
});

describe('the identity graph recognises a forgotten person by what their recipient shows', () => {
  const blocked = (
    contact: Parameters<typeof makeContact>[0],
    customer: Parameters<typeof makeCustomer>[0],
    person: ForgettablePerson,
  ) => {
    const data = makeWorkbookData({ contacts: [makeContact(contact)], customers: [makeCustomer(customer)] });
    data.blocklists = [
      {
        sheet: 'Sperrliste',
        headerRow: 1,
        headers: ['E-Mail'],
        columns: { email: 0 },
        entries: [makeBlockEntry(0, { forgotten: forgottenToken(person, 'aa')! })],
      },
    ];
    return identityGraph(data).carrierOf(0)?.reason;
  };
  const nobody = { email: '', firstName: '', lastName: '', company: '', postalCode: '' };

  it('an e-mail cell written as a link ("mailto:…")', () => {
    expect(
      blocked(
        { customerId: 'K1', email: 'MAILTO:Anna@x.de' },
        { customerId: 'K1' },
        { ...nobody, email: 'anna@x.de' },
      ),
    ).toBe('blocklist');
  });

  it("a contact without a firm of its own, or with only blanks there, at its customer's firm", () => {
    const anna = { ...nobody, firstName: 'Anna', lastName: 'Schmidt', company: 'Bäckerei Schmidt' };
    const customer = { customerId: 'K1', company: 'Baeckerei Schmidt' };
    expect(
      blocked({ customerId: 'K1', firstName: 'Anna', lastName: 'Schmidt', company: '  ' }, customer, anna),
    ).toBe('blocklist');
    expect(blocked({ customerId: 'K1', firstName: 'Anna', lastName: 'Schmidt' }, customer, anna)).toBe(
      'blocklist',
    );
    expect(
      blocked(
        { customerId: 'K1', firstName: 'Anna', lastName: 'Schmidt', company: 'Metzgerei' },
        customer,
        anna,
      ),
    ).toBeUndefined();
  });

  it("a contact without an address of its own at its customer's postal code, one with its own at that", () => {
    const anna = { ...nobody, firstName: 'Anna', lastName: 'Schmidt', postalCode: '53111' };
    const customer = { customerId: 'K1', postalCode: '53111' };
    expect(blocked({ customerId: 'K1', firstName: 'Anna', lastName: 'Schmidt' }, customer, anna)).toBe(
      'blocklist',
    );
    expect(
      blocked({ customerId: 'K1', firstName: 'Anna', lastName: 'Schmidt', city: 'Köln' }, customer, anna),
    ).toBeUndefined();
    expect(
      blocked(
        { customerId: 'K1', firstName: 'Anna', lastName: 'Schmidt', postalCode: ' 53111' },
        { customerId: 'K1' },
        anna,
      ),
    ).toBe('blocklist');
  });
});

/** Names, e-mails, firms and postal codes as people type them: case, blanks, umlauts, titles, "mailto:", nothing. */
const messyName = fc.constantFrom(
  '',
  'Anna',
  'anna ',
  'Dr. Anna',
  'Jürgen',
  'Juergen',
  'Eva-Maria',
  'É',
  ' ',
  'Hans Peter',
);
const messyLast = fc.constantFrom(
  '',
  'Schmidt',
  'SCHMIDT',
  'Groß',
  'Gross',
  'Müller-Lüdenscheidt',
  'de la Cruz',
  '-',
);
const messyEmail = fc.oneof(
  fc.constantFrom(
    '',
    '-',
    'keine',
    'anna@x.de',
    ' ANNA@X.DE',
    'mailto:anna@x.de',
    'MailTo:Anna@x.de',
    ' mailto:anna@x.de',
    'jürgen@müller.de',
  ),
  fc.emailAddress(),
);
const messyFirm = fc.constantFrom(
  '',
  ' ',
  'Bäckerei Schmidt',
  'Baeckerei  Schmidt',
  'ACME GmbH',
  'acme gmbh',
  'Praxis Dr. Weber',
);
const messyPlace = fc.constantFrom('', ' ', '53111', ' 53111 ', '01067', '1067');
const messyPerson: fc.Arbitrary<ForgettablePerson> = fc.record({
  email: messyEmail,
  firstName: fc.oneof(messyName, fc.string({ maxLength: 6 })),
  lastName: fc.oneof(messyLast, fc.string({ maxLength: 6 })),
  company: fc.oneof(messyFirm, fc.string({ maxLength: 6 })),
  postalCode: messyPlace,
});
const salt = fc.constantFrom('aa', '5a17f0e1c2d3b4a5968778695a4b3c2d', 'ff00');

describe('property: the prefilter never loses a match', () => {
  it('everyone whose token was made is recognised, and anyone else gets the answer of full hashing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(messyPerson, salt, fc.boolean()), { minLength: 1, maxLength: 6 }),
        fc.array(messyPerson, { maxLength: 8 }),
        (forgotten, others) => {
          const entries = forgotten.flatMap(([person, s, legacy], row) => {
            const token = forgottenToken(person, s);
            return token
              ? [{ token: parseToken(tokenText(legacy ? withoutFilter(token) : token))!, value: row }]
              : [];
          });
          const matcher = new ForgottenMatcher(entries);
          for (const [person, s] of forgotten)
            if (forgottenToken(person, s)) expect(matcher.match(person)).not.toBeUndefined();
          for (const person of [...forgotten.map(([p]) => p), ...others])
            expect(matcher.match(person)).toBe(byFullHashing(entries, person));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the identity graph finds the same forgotten people as full hashing of every record', () => {
    const row = fc.record({
      contactId: fc.constantFrom('', '1', '2', '3'),
      customerId: fc.constantFrom('', 'K1', 'K2', 'k2 '),
      email: messyEmail,
      firstName: messyName,
      lastName: messyLast,
      company: messyFirm,
      postalCode: messyPlace,
      street: fc.constantFrom('', '', 'Hauptstr. 5'),
    });
    const firm = fc.record({
      customerId: fc.constantFrom('K1', 'K2', 'K3'),
      company: messyFirm,
      firstName: messyName,
      lastName: messyLast,
      email: messyEmail,
      postalCode: messyPlace,
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 10 }),
        fc.array(firm, { maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), messyPerson, salt, fc.boolean()), { minLength: 1, maxLength: 4 }),
        (contactRows, customerRows, picks) => {
          const data = makeWorkbookData({
            contacts: contactRows.map((fields) => makeContact(fields)),
            customers: customerRows.map((fields) => makeCustomer(fields)),
          });
          const graph = identityGraph(data);
          const count = graph.records.count;
          // Two entries in three name a record of the workbook (as its recipient), the others someone made up.
          const entries = picks.flatMap(([at, made, s, legacy], i) => {
            const token = forgottenToken(
              count > 0 && at % 2 === 0 ? graph.records.recipient(at % count) : made,
              s,
            );
            return token ? [makeBlockEntry(i, { forgotten: legacy ? withoutFilter(token) : token })] : [];
          });
          data.blocklists = [{ sheet: 'Sperrliste', headerRow: 1, headers: [], columns: {}, entries }];
          const fresh = identityGraph({ ...data });
          const expected = new Map<number, number>();
          const reference = entries.map((entry) => ({ token: entry.forgotten!, value: entry.row }));
          for (let r = 0; r < count; r++) {
            const found = byFullHashing(reference, fresh.records.recipient(r));
            if (found !== undefined && !expected.has(fresh.person[r])) expected.set(fresh.person[r], found);
          }
          for (let r = 0; r < count; r++) {
            const carrier = fresh.carrierOf(fresh.person[r]);
            expect(carrier?.reason === 'blocklist' ? carrier.row : undefined).toBe(
              expected.get(fresh.person[r]),
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
