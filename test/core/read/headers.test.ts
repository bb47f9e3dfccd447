import {
  findHeaderRow,
  headerTexts,
  isKnownHeader,
  normalizeHeader,
  recognizeColumns,
} from '../../../src/core/read/headers';
import type { Field, SheetRole } from '../../../src/core/kernel/model';
import type { CellValue } from '../../../src/core/kernel/sheetTable';

/** Field → header text of the column it got, for readable expectations. */
function mapped(headers: string[], role: SheetRole, overrides?: Partial<Record<Field, string>>) {
  const result = recognizeColumns(headers, role, overrides);
  const fields: Partial<Record<Field, string>> = {};
  for (const [field, column] of Object.entries(result.columns))
    fields[field as Field] = headers[column as number];
  return {
    fields,
    optOut: result.optOutColumns.map((c) => headers[c]),
    extra: result.extraColumns.map((c) => headers[c]),
    problems: result.problems,
  };
}

describe('normalizeHeader', () => {
  it.each([
    ['Straße', 'Strasse'],
    ['Customer ID', 'customer_id'],
    ['Customer ID', 'CustomerId'],
    ['Kunden-Nr.', 'Kundennr'],
    ['E-Mail', 'email'],
    ['Größe', 'groesse'],
    ['Société', 'societe'],
    ['  PLZ ', 'plz'],
  ])('%s equals %s', (a, b) => expect(normalizeHeader(a)).toBe(normalizeHeader(b)));

  it('keeps different words apart', () =>
    expect(normalizeHeader('Kundennr')).not.toBe(normalizeHeader('Kontaktnr')));
});

describe('recognizeColumns: synonyms per role', () => {
  it.each<[SheetRole, string, Field]>([
    ['contacts', 'Kontakt-Nr.', 'contactId'],
    ['contacts', 'Contact ID', 'contactId'],
    ['contacts', 'Kd.-Nr.', 'customerId'],
    ['contacts', 'KdNr', 'customerId'],
    ['contacts', 'Kundennummer', 'customerId'],
    ['contacts', 'Customer no.', 'customerId'],
    ['customers', 'Debitor', 'customerId'],
    ['customers', 'Debitorennummer', 'customerId'],
    ['contacts', 'Anrede', 'salutation'],
    ['contacts', 'Salutation', 'salutation'],
    ['contacts', 'Titel', 'title'],
    ['contacts', 'First name', 'firstName'],
    ['contacts', 'Nachname', 'lastName'],
    ['contacts', 'Last name', 'lastName'],
    ['contacts', 'Ansprechpartner', 'fullName'],
    ['contacts', 'Contact person', 'fullName'],
    ['customers', 'Firmenname', 'company'],
    ['customers', 'Company name', 'company'],
    ['customers', 'Str.', 'street'],
    ['customers', 'Hausanschrift', 'street'],
    ['customers', 'Strasse', 'street'],
    ['customers', 'Address', 'street'],
    ['customers', 'Postleitzahl', 'postalCode'],
    ['customers', 'ZIP', 'postalCode'],
    ['customers', 'Stadt', 'city'],
    ['customers', 'Staat', 'country'],
    ['customers', 'Country', 'country'],
    ['contacts', 'E-Mail-Adresse', 'email'],
    ['contacts', 'Mail', 'email'],
    ['contacts', 'E-Mail geschäftlich', 'email'],
    ['contacts', 'Tel.', 'phone'],
    ['contacts', 'Telefonnummer', 'phone'],
    ['contacts', 'Telefon (Zentrale)', 'phone'],
    ['contacts', 'Handy', 'mobile'],
    ['contacts', 'Mobilnummer', 'mobile'],
    ['sales', 'Beleg-Datum', 'date'],
    ['sales', 'Rechnungsdatum', 'date'],
    ['sales', 'Order date', 'date'],
    ['sales', 'Kunden-Nr.', 'customerId'],
    ['sales', 'Art.-Nr.', 'articleNo'],
    ['sales', 'SKU', 'articleNo'],
    ['sales', 'Bezeichnung', 'articleName'],
    ['sales', 'Product name', 'articleName'],
    ['sales', 'Menge', 'quantity'],
    ['sales', 'Qty', 'quantity'],
    ['sales', 'Umsatz', 'amount'],
    ['sales', 'Einzelpreis', 'unitPrice'],
    ['sales', 'Cust. No.', 'customerId'],
    ['sales', 'Units', 'quantity'],
    ['sales', 'Umsatz netto', 'amount'],
    ['sales', 'Product code', 'articleNo'],
    ['customers', 'Zip/Postal Code', 'postalCode'],
    ['customers', 'Country/Region', 'country'],
    ['customers', 'Firmenbezeichnung', 'company'],
    ['articles', 'Bezeichnung', 'articleName'],
    ['articles', 'Warengruppe', 'category'],
  ])('on a %s sheet "%s" is %s', (role, header, field) => {
    expect(mapped(['Irgendwas', header], role).fields[field]).toBe(header);
  });

  it.each([
    'Werbesperre',
    'Werbewiderspruch',
    'Keine Werbung',
    'Newsletter abgemeldet',
    'Opt-out',
    'Optout',
    'Unsubscribed',
    'Do not contact',
    'Sperrvermerk',
    'Kein Newsletter',
    'Abgemeldet',
    'Werbesperre seit',
  ])('"%s" is an opt-out column', (header) => {
    expect(mapped(['Kontakt-Nr.', header], 'contacts').optOut).toEqual([header]);
  });
});

describe('recognizeColumns: a realistic German contacts header', () => {
  const headers = [
    'Kontakt-Nr.',
    'Kunden-Nr.',
    'Anrede',
    'Vorname',
    'Name',
    'E-Mail',
    'Tel.',
    'Werbesperre',
    'Newsletter abgemeldet',
    'Geburtstag',
    '',
    'Bemerkung',
  ];
  const result = mapped(headers, 'contacts');

  it('maps each known column to its field', () => {
    expect(result.fields).toEqual({
      contactId: 'Kontakt-Nr.',
      customerId: 'Kunden-Nr.',
      salutation: 'Anrede',
      firstName: 'Vorname',
      lastName: 'Name',
      email: 'E-Mail',
      phone: 'Tel.',
    });
  });

  it('keeps every opt-out column', () =>
    expect(result.optOut).toEqual(['Werbesperre', 'Newsletter abgemeldet']));

  it('keeps unknown columns as extras and drops columns without a header', () =>
    expect(result.extra).toEqual(['Geburtstag', 'Bemerkung']));
});

describe('recognizeColumns: an Outlook contact export (German)', () => {
  const headers = [
    'Anrede',
    'Vorname',
    'Nachname',
    'Firma',
    'Straße geschäftlich',
    'Ort geschäftlich',
    'Postleitzahl geschäftlich',
    'Land/Region geschäftlich',
    'Telefon geschäftlich',
    'Mobiltelefon',
    'E-Mail-Adresse',
    'E-Mail 2: Adresse',
  ];

  it('maps the qualified headers and keeps the second e-mail as an extra', () => {
    expect(mapped(headers, 'contacts')).toMatchObject({
      fields: {
        salutation: 'Anrede',
        firstName: 'Vorname',
        lastName: 'Nachname',
        company: 'Firma',
        street: 'Straße geschäftlich',
        city: 'Ort geschäftlich',
        postalCode: 'Postleitzahl geschäftlich',
        country: 'Land/Region geschäftlich',
        phone: 'Telefon geschäftlich',
        mobile: 'Mobiltelefon',
        email: 'E-Mail-Adresse',
      },
      extra: ['E-Mail 2: Adresse'],
    });
  });
});

describe('recognizeColumns: ambiguous words', () => {
  it.each<[string, SheetRole, string[], Partial<Record<Field, string>>]>([
    [
      '"Name" next to "Vorname" is the last name',
      'contacts',
      ['Vorname', 'Name'],
      { firstName: 'Vorname', lastName: 'Name' },
    ],
    [
      '"Name" alone on a contacts sheet is the full name',
      'contacts',
      ['Kontakt-Nr.', 'Name'],
      { contactId: 'Kontakt-Nr.', fullName: 'Name' },
    ],
    [
      '"Name" on customers without company is the company',
      'customers',
      ['Kundennr', 'Name', 'Ort'],
      { customerId: 'Kundennr', company: 'Name', city: 'Ort' },
    ],
    [
      '"Name" on customers with company is the contact person',
      'customers',
      ['Kundennr', 'Firma', 'Name'],
      { customerId: 'Kundennr', company: 'Firma', fullName: 'Name' },
    ],
    [
      '"Name" on B2C customers with first name is the last name',
      'customers',
      ['Kundennr', 'Vorname', 'Name'],
      { customerId: 'Kundennr', firstName: 'Vorname', lastName: 'Name' },
    ],
    [
      '"Bezeichnung" is the article name on sales',
      'sales',
      ['Kunde', 'Bezeichnung'],
      { customerId: 'Kunde', articleName: 'Bezeichnung' },
    ],
    [
      'a precise customer number beats "Kunde"',
      'sales',
      ['Kunde', 'Kundennummer'],
      { customerId: 'Kundennummer' },
    ],
    ['the leftmost of two equal headers wins', 'contacts', ['E-Mail', 'E-Mail'], { email: 'E-Mail' }],
    ['an exact header beats a prefix', 'contacts', ['E-Mail privat', 'E-Mail'], { email: 'E-Mail' }],
  ])('%s', (_title, role, headers, expected) => {
    expect(mapped(headers, role).fields).toEqual(expected);
  });

  it('does not read "Name" as a person on a sales sheet', () => {
    expect(mapped(['Kundennr', 'Name'], 'sales')).toMatchObject({
      fields: { customerId: 'Kundennr' },
      extra: ['Name'],
    });
  });

  it('puts the losing duplicate into the extras', () => {
    expect(mapped(['Kunde', 'Kundennummer'], 'sales').extra).toEqual(['Kunde']);
  });
});

it.each(['Hausnummer', 'Hausnr.', 'Haus-Nr.', 'House number'])(
  '"%s" is the house-number column',
  (header) => {
    const result = recognizeColumns(['Straße', header, 'Ort'], 'customers');
    expect(result).toMatchObject({ columns: { street: 0, city: 2 }, houseNumberColumn: 1, extraColumns: [] });
  },
);

describe('recognizeColumns: overrides', () => {
  it('an override wins over recognition', () => {
    const result = mapped(['Kundennr', 'Ext. Nummer', 'Mail privat', 'E-Mail'], 'customers', {
      customerId: 'ext. nummer',
      email: 'Mail privat',
    });
    expect(result.fields).toEqual({ customerId: 'Ext. Nummer', email: 'Mail privat' });
    expect(result.extra).toEqual(['Kundennr', 'E-Mail']);
  });

  it('an opt-out override adds to the recognised opt-out columns', () => {
    expect(mapped(['Werbesperre', 'Info-Stopp'], 'contacts', { optOut: 'Info-Stopp' }).optOut).toEqual([
      'Werbesperre',
      'Info-Stopp',
    ]);
  });

  it('an override naming a missing header is an error problem', () => {
    expect(mapped(['Kundennr'], 'customers', { email: 'Mailadresse' }).problems).toEqual([
      { code: 'columnNotFound', severity: 'error', column: 'Mailadresse', detail: 'email' },
    ]);
  });
});

describe('findHeaderRow', () => {
  it.each<[string, CellValue[][], number | null]>([
    [
      'the first row',
      [
        ['Kundennr', 'Firma', 'Ort'],
        [1, 'A', 'B'],
      ],
      0,
    ],
    [
      'below a title and a blank row',
      [
        ['Kundenliste 2024', null, null],
        [null, null, null],
        ['Kunden-Nr.', 'Firma', 'PLZ'],
        [10001, 'Müller GmbH', 1067],
      ],
      2,
    ],
    [
      'below a "Stand" row with a date',
      [
        ['Stand:', new Date(Date.UTC(2024, 0, 1))],
        ['Customer ID', 'Company', 'City'],
        ['C1', 'Acme', 'Berlin'],
      ],
      1,
    ],
    ['an unknown header as long as it is all text', [['Titel'], ['Spalte A', 'Spalte B'], [1, 2]], 1],
    [
      'none in a sheet of numbers',
      [
        [1, 2],
        [3, 4],
      ],
      null,
    ],
    ['none in an empty sheet', [], null],
  ])('finds %s', (_title, rows, expected) => expect(findHeaderRow(rows)).toBe(expected));

  it('finds a header below a letterhead block, and looks only at the first 30 rows', () => {
    const letterhead: CellValue[][] = Array.from({ length: 11 }, (_, i) => [`Briefkopf ${i}`, null]);
    expect(findHeaderRow([...letterhead, ['Kundennr', 'Firma']])).toBe(11);
    const rows: CellValue[][] = Array.from({ length: 30 }, (_, i) => [i, i]);
    rows.push(['Kundennr', 'Firma']);
    expect(findHeaderRow(rows)).toBeNull();
  });

  it('uses the role dictionary, including prefixes, when a role is given', () => {
    const rows: CellValue[][] = [
      ['Infos', 42],
      ['E-Mail geschäftlich', 'Telefon Büro', 7],
    ];
    expect(findHeaderRow(rows, 'contacts')).toBe(1);
  });
});

describe('isKnownHeader and headerTexts', () => {
  it.each<[string, SheetRole | undefined, boolean]>([
    ['Kunden-Nr.', undefined, true],
    ['Name', undefined, true],
    ['Lieblingsfarbe', undefined, false],
    ['Bezeichnung', 'sales', true],
    ['Bezeichnung', 'contacts', false],
  ])('%s on %s: %s', (header, role, expected) => expect(isKnownHeader(header, role)).toBe(expected));

  it('turns header cells into trimmed text', () => {
    expect(headerTexts([' PLZ ', 2024, null, true])).toEqual(['PLZ', '2024', '', 'WAHR']);
  });
});
