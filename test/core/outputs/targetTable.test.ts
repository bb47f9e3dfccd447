import { targetGroupTable } from '../../../src/core/outputs/targetTable';
import { greetingForAll } from '../../../src/core/outputs/letter';
import { completeRecipient, makeGroup, makeMember } from './memberBuilders';

const LABELS = ['Kontakte: Ort = Köln', 'Inaktive Kunden (3 Monate)'];

const column = (table: { headers: string[]; rows: unknown[][] }, header: string): unknown[] => {
  const index = table.headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${table.headers.join(',')}`);
  return table.rows.map((row) => row[index]);
};

describe('targetGroupTable', () => {
  it('writes the German mail-merge headers in order, the extras after them', () => {
    const table = targetGroupTable(
      makeGroup([makeMember({ extra: { 'Letzter Kontakt': '03.11.2026' } })]),
      { type: 'letter' },
      LABELS,
    );
    expect(table.headers).toEqual([
      'KontaktNr',
      'KundenNr',
      'Anrede',
      'Titel',
      'Vorname',
      'Nachname',
      'Briefanrede',
      'Anschrift1',
      'Anschrift2',
      'Anschrift3',
      'Anschrift4',
      'Anschrift5',
      'Anschrift6',
      'Firma',
      'Strasse',
      'PLZ',
      'Ort',
      'Land',
      'EMail',
      'Telefon',
      'Mobil',
      'Quelle',
      'LetzterKontakt',
    ]);
  });

  it('writes English headers when the campaign is in English', () => {
    const table = targetGroupTable(makeGroup([]), { type: 'email', language: 'en' }, []);
    expect(table.headers).toEqual([
      'ContactNo',
      'CustomerNo',
      'Salutation',
      'Title',
      'FirstName',
      'LastName',
      'Greeting',
      'Address1',
      'Address2',
      'Address3',
      'Address4',
      'Address5',
      'Address6',
      'Company',
      'Street',
      'PostalCode',
      'City',
      'Country',
      'Email',
      'Phone',
      'Mobile',
      'Source',
    ]);
    expect(table.rows).toEqual([]);
  });

  it('keeps ids, postal codes and phone numbers as given text and names the selection that added each member', () => {
    const table = targetGroupTable(
      makeGroup([
        makeMember({ contactId: '000123', postalCode: '01067', phone: '+49 221 987654-0' }, 0),
        makeMember({ contactId: 'K-2', postalCode: '50667', mobile: '0171 2345678', phone: '' }, 1),
      ]),
      { type: 'phone' },
      LABELS,
    );
    expect(column(table, 'KontaktNr')).toEqual(['000123', 'K-2']);
    expect(column(table, 'PLZ')).toEqual(['01067', '50667']);
    expect(column(table, 'Telefon')).toEqual(['+49 221 987654-0', '']);
    expect(column(table, 'Mobil')).toEqual(['', '0171 2345678']);
    expect(column(table, 'Quelle')).toEqual(['Kontakte: Ort = Köln', 'Inaktive Kunden (3 Monate)']);
  });

  /** Every field a value of its own, so that a cell under the wrong header shows. */
  const distinct = completeRecipient({
    contactId: 'K-77',
    customerId: '10077',
    salutation: 'Herr',
    title: 'Dr.',
    firstName: 'Jörg',
    lastName: 'Weiß',
    company: 'Weiß & Söhne KG',
    street: 'Domplatz 3',
    postalCode: '50667',
    city: 'Köln',
    country: 'Deutschland',
    email: 'joerg@weiss-soehne.de',
    phone: '+49 221 555',
    mobile: '0171 666',
  });
  it.each<[string, string]>([
    ['KontaktNr', 'K-77'],
    ['KundenNr', '10077'],
    ['Anrede', 'Herr'],
    ['Titel', 'Dr.'],
    ['Vorname', 'Jörg'],
    ['Nachname', 'Weiß'],
    ['Briefanrede', 'Sehr geehrter Herr Dr. Weiß,'],
    ['Anschrift1', 'Weiß & Söhne KG'],
    ['Anschrift2', 'Herrn Dr. Jörg Weiß'],
    ['Anschrift3', 'Domplatz 3'],
    ['Anschrift4', '50667 Köln'],
    ['Anschrift5', ''],
    ['Anschrift6', ''],
    ['Firma', 'Weiß & Söhne KG'],
    ['Strasse', 'Domplatz 3'],
    ['PLZ', '50667'],
    ['Ort', 'Köln'],
    ['Land', 'Deutschland'],
    ['EMail', 'joerg@weiss-soehne.de'],
    ['Telefon', '+49 221 555'],
    ['Mobil', '0171 666'],
    ['Quelle', 'Inaktive Kunden (3 Monate)'],
  ])('puts under %p the value %p', (header, value) => {
    const member = { key: 'c:K-77', recipient: distinct, selectionIndex: 1 };
    expect(column(targetGroupTable(makeGroup([member]), { type: 'letter' }, LABELS), header)).toEqual([
      value,
    ]);
  });

  it('marks every column as text, so "=Müller" or "+49 …" never becomes a formula in Excel', () => {
    const table = targetGroupTable(
      makeGroup([makeMember({ lastName: '=Müller', extra: { Umsatz: '1.234,50' } })]),
      { type: 'letter' },
      LABELS,
    );
    expect(table.textColumns).toEqual(table.headers.map((_, i) => i));
    expect(column(table, 'Nachname')).toEqual(['=Müller']);
  });

  it('collects extra columns over all members in first-seen order and leaves missing ones empty', () => {
    const table = targetGroupTable(
      makeGroup([
        makeMember({ contactId: '1', extra: { Branche: 'Bau', 'Größe (MA)': '12' } }),
        makeMember({ contactId: '2', extra: { Region: 'Süd', Branche: 'Handel' } }),
      ]),
      { type: 'event' },
      LABELS,
    );
    expect(table.headers.slice(-3)).toEqual(['Branche', 'GroesseMA', 'Region']);
    expect(table.rows.map((row) => row.slice(-3))).toEqual([
      ['Bau', '12', ''],
      ['Handel', '', 'Süd'],
    ]);
  });

  it.each([
    ['Straße & Hausnr.', 'StrasseHausnr'],
    ['Umsatz 2025 (€)', 'Umsatz2025EUR'],
    ['2. Ansprechpartner', 'Feld2Ansprechpartner'],
    ['E-Mail privat', 'EMailPrivat'],
    ['Café Besuch', 'CafeBesuch'],
    ['***', 'Feld'],
    [
      'Ein sehr langer Spaltenname für interne Vermerke der Buchhaltung',
      'EinSehrLangerSpaltennameFuerInterneVerme',
    ],
  ])('makes the extra header %p mail-merge safe: %p', (header, expected) => {
    const table = targetGroupTable(
      makeGroup([makeMember({ extra: { [header]: 'x' } })]),
      { type: 'other' },
      LABELS,
    );
    expect(table.headers.at(-1)).toBe(expected);
  });

  it('keeps extra headers unique, also against the standard headers', () => {
    const table = targetGroupTable(
      makeGroup([makeMember({ extra: { 'PLZ ': 'a', 'Plz.': 'b', Notiz: 'c', 'notiz!': 'd' } })]),
      { type: 'other' },
      LABELS,
    );
    expect(table.headers.slice(-4)).toEqual(['PLZ2', 'Plz3', 'Notiz', 'notiz2']);
    expect(table.rows[0].slice(-4)).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['de', 'Gruppe', ['Kontaktiert', 'Kontrollgruppe', 'Kontaktiert']],
    ['en', 'Group', ['Contacted', 'Control group', 'Contacted']],
  ] as const)(
    'says in %s who is held back in a "%s" column after the source, before the extras',
    (language, header, labels) => {
      const members = [
        makeMember({ contactId: 'K-1', extra: { Branche: 'Bau' } }),
        makeMember({ contactId: 'K-2' }, 1),
        makeMember({ contactId: 'K-3' }),
      ];
      const table = targetGroupTable(makeGroup(members), { type: 'letter', language }, LABELS, (key) =>
        key === 'c:K-2' ? 'control' : 'contacted',
      );
      const source = language === 'de' ? 'Quelle' : 'Source';
      expect(table.headers.slice(table.headers.indexOf(source))).toEqual([source, header, 'Branche']);
      expect(column(table, header)).toEqual(labels);
      expect(column(table, 'Branche')).toEqual(['Bau', '', '']);
      expect(table.textColumns).toHaveLength(table.headers.length);
    },
  );

  it('has no group column without a control group, so the mail-merge fields stay as they were', () => {
    const table = targetGroupTable(makeGroup([makeMember()]), { type: 'letter' }, LABELS);
    expect(table.headers).not.toContain('Gruppe');
    expect(table.rows[0]).toHaveLength(table.headers.length);
  });

  it('leaves the source empty when the label is unknown', () => {
    const table = targetGroupTable(makeGroup([makeMember({}, 5)]), { type: 'other' }, LABELS);
    expect(column(table, 'Quelle')).toEqual(['']);
  });
});

describe('a member merged from several rows or people', () => {
  const anna = makeMember({ salutation: 'Frau', firstName: 'Anna', lastName: 'Schmidt', row: 7 });
  const merged = {
    ...anna,
    rows: [
      { sheet: 'Kontakte', row: 7 },
      { sheet: 'Kontakte', row: 40 },
      { sheet: 'Kunden', row: 12 },
    ],
  };
  const bernd = completeRecipient({ salutation: 'Herr', firstName: 'Bernd', lastName: 'Maier', row: 9 });

  it.each([
    ['de', 'Quelle', 'Kontakte: Ort = Köln · zusammengeführt aus Kontakte Zeilen 7, 40; Kunden Zeile 12'],
    ['en', 'Source', 'Kontakte: Ort = Köln · merged from Kontakte rows 7, 40; Kunden row 12'],
  ] as const)('names the rows it was merged from in "Quelle" (%s)', (language, header, source) => {
    const table = targetGroupTable(makeGroup([merged]), { type: 'letter', language }, LABELS);
    expect(column(table, header)).toEqual([source]);
  });

  it('names everyone one e-mail is for, and greets them all', () => {
    const table = targetGroupTable(
      makeGroup([{ ...anna, others: [bernd] }, makeMember()]),
      { type: 'email' },
      LABELS,
    );
    expect(column(table, 'Personen')).toEqual(['Anna Schmidt, Bernd Maier', 'Anna Schmidt']);
    expect(column(table, 'Briefanrede')[0]).toBe('Sehr geehrte Frau Schmidt, sehr geehrter Herr Maier,');
  });

  it('has no "Personen" column when every message is for one person', () => {
    const table = targetGroupTable(makeGroup([merged]), { type: 'email' }, LABELS);
    expect(table.headers).not.toContain('Personen');
  });

  it.each([
    ['de', 'Sehr geehrte Damen und Herren,'],
    ['en', 'Dear Sir or Madam,'],
  ] as const)('greets more than three people of one firm as a firm (%s)', (language, greeting) => {
    const people = ['A', 'B', 'C', 'D'].map((lastName) =>
      completeRecipient({ salutation: 'Herr', lastName }),
    );
    expect(greetingForAll(people, { language })).toBe(greeting);
    expect(greetingForAll([people[0], bernd], { language: 'en' })).toBe('Dear Mr A, dear Mr Maier,');
  });
});

describe('targetGroupTable: the letter columns', () => {
  it('fills the greeting and address columns in the campaign language and by its addressee option', () => {
    const group = makeGroup([makeMember({ salutation: 'Frau', title: 'Dr.', lastName: 'Schmidt' })]);
    const de = targetGroupTable(group, { type: 'letter', addressee: 'company' }, LABELS);
    const en = targetGroupTable(group, { type: 'letter', language: 'en' }, LABELS);
    expect(column(de, 'Briefanrede')).toEqual(['Sehr geehrte Frau Dr. Schmidt,']);
    expect(column(de, 'Anschrift2')).toEqual(['z. Hd. Frau Dr. Anna Schmidt']);
    expect(column(en, 'Greeting')).toEqual(['Dear Dr Schmidt,']);
    expect(column(en, 'Address2')).toEqual(['Dr Anna Schmidt']);
  });

  it("greets by the campaign's choice for a name without Anrede", () => {
    const group = makeGroup([makeMember({ salutation: '', lastName: 'Schmidt' })]);
    expect(column(targetGroupTable(group, { type: 'letter' }, LABELS), 'Briefanrede')).toEqual([
      'Guten Tag Anna Schmidt,',
    ]);
    const general = targetGroupTable(group, { type: 'letter', neutralGreeting: 'general' }, LABELS);
    expect(column(general, 'Briefanrede')).toEqual(['Sehr geehrte Damen und Herren,']);
  });

  it("uses the user's own Briefanrede column as the Briefanrede, not as a second column", () => {
    const table = targetGroupTable(
      makeGroup([
        makeMember({ contactId: '1', extra: { Briefanrede: 'Liebe Anna,', Branche: 'Bau' } }),
        makeMember({ contactId: '2', salutation: 'Herr', lastName: 'Wolf', extra: { Briefanrede: '' } }),
      ]),
      { type: 'letter' },
      LABELS,
    );
    expect(table.headers.filter((header) => /briefanrede/i.test(header))).toEqual(['Briefanrede']);
    expect(column(table, 'Briefanrede')).toEqual(['Liebe Anna,', 'Sehr geehrter Herr Wolf,']);
    expect(column(table, 'Branche')).toEqual(['Bau', '']);
  });

  it.each<['de' | 'en', Record<string, string>, Record<string, string>]>([
    [
      'de',
      { 'Umsatz 2025': '1234.56', Bestellwert: '80', Rabatt: '', Rang: '2.5', KundeSeit: '23.07.2019' },
      {
        Umsatz2025: '1.234,56\u00a0€',
        Bestellwert: '80,00\u00a0€',
        Rabatt: '',
        Rang: '2,5',
        KundeSeit: '23.07.2019',
      },
    ],
    ['en', { 'Umsatz 2025': '1234.56', Rang: '2.5' }, { Umsatz2025: '€1,234.56', Rang: '2.5' }],
    ['de', { 'Umsatz 2025': 'keiner', Mitarbeiter: '1200' }, { Umsatz2025: 'keiner', Mitarbeiter: '1200' }],
  ])('prints the numbers of extra columns as a %s letter does: %p', (language, extra, printed) => {
    const table = targetGroupTable(makeGroup([makeMember({ extra })]), { type: 'letter', language }, LABELS);
    for (const [header, value] of Object.entries(printed)) expect(column(table, header)).toEqual([value]);
  });

  it('quotes numbers, postal codes and phones in the CSV, and extra columns holding numbers or dates', () => {
    const table = targetGroupTable(
      makeGroup([
        makeMember({ extra: { Branche: 'Bau', KundeSeit: '23.07.2019', Hausnr: '' } }),
        makeMember({ extra: { Branche: '12', KundeSeit: '', Hausnr: '11b' } }),
      ]),
      { type: 'letter' },
      LABELS,
    );
    const quoted = (table.quotedColumns ?? []).map((index) => table.headers[index]);
    expect(quoted).toEqual(['KontaktNr', 'KundenNr', 'PLZ', 'Telefon', 'Mobil', 'Branche', 'KundeSeit']);
  });
});
