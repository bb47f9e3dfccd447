import type { MappingOverrides, WorkbookData } from '../../../src/core/kernel/model';
import type { Problem } from '../../../src/core/kernel/problems';
import type { CellValue, SheetTable, TableDefinition } from '../../../src/core/kernel/sheetTable';
import { parseWorkbook } from '../../../src/core/read/parseWorkbook';
import { customerKey } from '../../../src/core/read/customerKeys';
import { sheet } from '../sheetBuilders';

/** Workbooks shaped the way small businesses keep them, read through the whole parser. */

const parsed = (tables: SheetTable[], overrides?: MappingOverrides): WorkbookData => {
  const result = parseWorkbook(tables, overrides);
  if (!result.ok) throw new Error(`expected data, got ${JSON.stringify(result.error)}`);
  return result.value;
};

const codes = (data: WorkbookData): string[] => data.problems.map((p) => p.code);
const problemsOf = (data: WorkbookData, code: Problem['code']): Problem[] =>
  data.problems.filter((p) => p.code === code);

const customers = (rows: CellValue[][] = []): SheetTable =>
  sheet('Kunden', [
    ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort'],
    ['00123', 'Müller GmbH', 'Hauptstr. 1', '01067', 'Dresden'],
    ['K-7', 'Schmidt KG', 'Ringweg 5', '80331', 'München'],
    ...rows,
  ]);

const contactRows: CellValue[][] = [
  ['Kontakt-Nr.', 'Kunden-Nr.', 'Vorname', 'Nachname', 'E-Mail'],
  ['P1', '00123', 'Anna', 'Alt', 'anna@mueller.de'],
];

const table = (
  name: string,
  area: TableDefinition['area'],
  columns: string[],
  totals = 0,
): TableDefinition => ({
  name,
  area,
  hasHeaderRow: true,
  totalsRowCount: totals,
  columns,
});

describe('which sheet is which: decided by the state and the content, asked when unclear', () => {
  const contacts2023 = sheet('Kontakte 2023', contactRows);
  const contacts2024 = sheet('Kontakte 2024', [
    ...contactRows,
    ['P2', 'K-7', 'Bernd', 'Neu', 'bernd@schmidt.de'],
    ['P3', 'K-7', 'Carla', 'Neu', 'carla@schmidt.de', new Date(Date.UTC(2024, 2, 12))],
  ]);

  it('two contact sheets for one role: none is used, both are offered with rows and newest date', () => {
    const data = parsed([customers(), contacts2023, contacts2024]);
    expect(data.mapping.contacts).toBeUndefined();
    expect(data.contacts).toBeNull();
    expect(data.ambiguous?.contacts).toEqual([
      { name: 'Kontakte 2023', sheet: 'Kontakte 2023', rows: 1, newest: null },
      { name: 'Kontakte 2024', sheet: 'Kontakte 2024', rows: 3, newest: Date.UTC(2024, 2, 12) / 86_400_000 },
    ]);
    expect(problemsOf(data, 'sheetRoleAmbiguous')).toEqual([
      {
        code: 'sheetRoleAmbiguous',
        severity: 'error',
        detail: 'contacts',
        candidates: data.ambiguous?.contacts,
      },
    ]);
  });

  it('the user chooses by sheet name', () => {
    const data = parsed([customers(), contacts2023, contacts2024], { sheets: { contacts: 'kontakte 2024' } });
    expect(data.mapping.contacts?.sheet).toBe('Kontakte 2024');
    expect(data.contacts?.map((c) => c.contactId)).toEqual(['P1', 'P2', 'P3']);
    expect(data.ambiguous).toBeUndefined();
  });

  it('a contacts sheet with a "Quelle" column is the contacts sheet', () => {
    const adressen = sheet('Adressen', [
      ['Kontakt-Nr.', 'Kunden-Nr.', 'Vorname', 'Nachname', 'E-Mail', 'Quelle'],
      ['P1', '00123', 'Anna', 'Alt', 'anna@mueller.de', 'Messe 2024'],
    ]);
    const data = parsed([customers(), adressen]);
    expect(data.mapping.contacts?.sheet).toBe('Adressen');
    expect(data.contacts?.[0].extra).toEqual({ Quelle: 'Messe 2024' });
  });

  it('only the sheets the state records as the add-in own are skipped', () => {
    const data = parseWorkbook([customers(), contacts2023, contacts2024], {}, ['Kontakte 2023']);
    expect(data.ok && data.value.mapping.contacts?.sheet).toBe('Kontakte 2024');
  });
});

describe('Excel tables are read as tables', () => {
  const rows: CellValue[][] = [
    ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort'],
    ['00123', 'Müller GmbH', 'Hauptstr. 1', '01067', 'Dresden'],
    ['K-7', 'Schmidt KG', 'Ringweg 5', '80331', 'München'],
    ['Summe', null, null, null, null],
  ];

  it('the totals row of a table is no record, and says nothing', () => {
    const kunden = sheet('Kunden', rows, {
      tables: [
        table(
          'tblKunden',
          { top: 1, left: 1, bottom: 4, right: 5 },
          ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort'],
          1,
        ),
      ],
    });
    const data = parsed([kunden]);
    expect(data.customers.map((c) => c.customerId)).toEqual(['00123', 'K-7']);
    expect(data.mapping.customers).toMatchObject({ table: 'tblKunden', headerRow: 1, lastRow: 3 });
    expect(codes(data)).not.toContain('totalsRowSkipped');
  });

  it('a totals row without the word "Summe" is left out too', () => {
    const withTotal = rows.map((row, i) => (i === 3 ? [null, null, null, null, 2] : row));
    const kunden = sheet('Kunden', withTotal, {
      tables: [
        table(
          'tblKunden',
          { top: 1, left: 1, bottom: 4, right: 5 },
          ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort'],
          1,
        ),
      ],
    });
    expect(parsed([kunden]).customers).toHaveLength(2);
  });

  it('headers come from the definition and cells beside the table are not read', () => {
    const kunden = sheet(
      'Kunden',
      [
        ['Kundenliste', null, null, null, null, null],
        ['Kd-Nr', 'Firma', 'Straße', 'PLZ', 'Ort', 'Notiz am Rand'],
        ['00123', 'Müller GmbH', 'Hauptstr. 1', '01067', 'Dresden', 'nicht Teil der Tabelle'],
      ],
      {
        tables: [
          table('Tabelle1', { top: 2, left: 1, bottom: 3, right: 5 }, [
            'Kunden-Nr.',
            'Firma',
            'Straße',
            'PLZ',
            'Ort',
          ]),
        ],
      },
    );
    const data = parsed([kunden]);
    expect(data.customers[0]).toMatchObject({ customerId: '00123', extra: {} });
    expect(data.mapping.customers?.headers).toEqual(['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', '']);
  });

  it('several tables on one sheet are each a candidate, chosen by table name', () => {
    const both = sheet(
      'Daten',
      [
        [
          'Kunden-Nr.',
          'Firma',
          'Straße',
          'PLZ',
          'Ort',
          null,
          'Kontakt-Nr.',
          'Kunden-Nr.',
          'Vorname',
          'Nachname',
        ],
        ['00123', 'Müller GmbH', 'Hauptstr. 1', '01067', 'Dresden', null, 'P1', '00123', 'Anna', 'Alt'],
      ],
      {
        tables: [
          table('tblKunden', { top: 1, left: 1, bottom: 2, right: 5 }, [
            'Kunden-Nr.',
            'Firma',
            'Straße',
            'PLZ',
            'Ort',
          ]),
          table('tblKontakte', { top: 1, left: 7, bottom: 2, right: 10 }, [
            'Kontakt-Nr.',
            'Kunden-Nr.',
            'Vorname',
            'Nachname',
          ]),
        ],
      },
    );
    const data = parsed([both]);
    expect(data.mapping.customers).toMatchObject({ sheet: 'Daten', table: 'tblKunden' });
    expect(data.mapping.contacts).toMatchObject({ sheet: 'Daten', table: 'tblKontakte' });
    expect(data.contacts?.[0]).toMatchObject({ contactId: 'P1', customerId: '00123', firstName: 'Anna' });

    const twoContactTables = sheet(
      'Kontakte',
      both.rows.map((row) => [...row.slice(6), null, ...row.slice(6)]),
      {
        tables: [
          table('Alt', { top: 1, left: 1, bottom: 2, right: 4 }, [
            'Kontakt-Nr.',
            'Kunden-Nr.',
            'Vorname',
            'Nachname',
          ]),
          table('Neu', { top: 1, left: 6, bottom: 2, right: 9 }, [
            'Kontakt-Nr.',
            'Kunden-Nr.',
            'Vorname',
            'Nachname',
          ]),
        ],
      },
    );
    const asked = parsed([customers(), twoContactTables]);
    expect(asked.ambiguous?.contacts?.map((c) => [c.name, c.sheet, c.table])).toEqual([
      ['Alt', 'Kontakte', 'Alt'],
      ['Neu', 'Kontakte', 'Neu'],
    ]);
    expect(
      parsed([customers(), twoContactTables], { sheets: { contacts: 'Neu' } }).mapping.contacts,
    ).toMatchObject({
      table: 'Neu',
    });
  });
});

describe('headers as people make them', () => {
  it('"Name" merged over two text columns is first and last name, with a note', () => {
    const kontakte = sheet(
      'Kontakte',
      [
        ['Kontakt-Nr.', 'Name', null, 'E-Mail'],
        ['P1', 'Anna', 'Alt', 'anna@example.de'],
        ['P2', 'Bernd', 'Berg', 'bernd@example.de'],
      ],
      { merges: [{ top: 1, left: 2, bottom: 1, right: 3 }] },
    );
    const data = parsed([customers(), kontakte]);
    expect(data.contacts?.map((c) => [c.firstName, c.lastName])).toEqual([
      ['Anna', 'Alt'],
      ['Bernd', 'Berg'],
    ]);
    expect(data.mapping.contacts?.headers).toEqual(['Kontakt-Nr.', 'Name', 'Name (2)', 'E-Mail']);
    expect(problemsOf(data, 'mergedHeaderSplit')).toEqual([
      { code: 'mergedHeaderSplit', severity: 'info', sheet: 'Kontakte', row: 1, value: 'Name' },
    ]);
  });

  it.each<[string, CellValue[][], number]>([
    [
      'a salutation column under "Name"',
      [
        ['P1', 'Herr', 'Alt', 'a@b.de'],
        ['P2', 'Frau', 'Berg', 'c@d.de'],
      ],
      3,
    ],
    [
      'three columns under "Name"',
      [
        ['P1', 'Anna', 'Maria', 'Alt'],
        ['P2', 'Bernd', 'Jan', 'Berg'],
      ],
      4,
    ],
  ])('%s is asked, not guessed', (_, data, right) => {
    const kontakte = sheet('Kontakte', [['Kontakt-Nr.', 'Name', null, null], ...data], {
      merges: [{ top: 1, left: 2, bottom: 1, right }],
    });
    const result = parsed([customers(), kontakte]);
    expect(problemsOf(result, 'mergedHeaderUnclear')).toEqual([
      {
        code: 'mergedHeaderUnclear',
        severity: 'error',
        sheet: 'Kontakte',
        row: 1,
        value: 'Name',
        detail: String(right - 1),
      },
    ]);
    const answered = parsed([customers(), kontakte], {
      columns: { contacts: { salutation: 'Name', lastName: 'Name (2)' } },
    });
    expect(codes(answered)).not.toContain('mergedHeaderUnclear');
  });

  it('a merged header of no known field is carried along as numbered columns', () => {
    const kontakte = sheet(
      'Kontakte',
      [
        ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Bemerkungen', null],
        ['P1', 'Anna', 'Alt', 'ruft zurück', 'Mo'],
      ],
      { merges: [{ top: 1, left: 4, bottom: 1, right: 5 }] },
    );
    const data = parsed([customers(), kontakte]);
    expect(data.contacts?.[0].extra).toEqual({ Bemerkungen: 'ruft zurück', 'Bemerkungen (2)': 'Mo' });
    expect(codes(data)).not.toContain('mergedHeaderUnclear');
  });

  it('two columns with the same header are both kept', () => {
    const kontakte = sheet('Kontakte', [
      ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Notiz', 'Notiz'],
      ['P1', 'Anna', 'Alt', 'erste', 'zweite'],
    ]);
    expect(parsed([customers(), kontakte]).contacts?.[0].extra).toEqual({
      Notiz: 'erste',
      'Notiz (2)': 'zweite',
    });
  });

  it('a header in row 12, below a letterhead, is found', () => {
    const letterhead: CellValue[][] = Array.from({ length: 11 }, (_, i) => [
      i === 0 ? 'Müller GmbH · Hauptstr. 1' : null,
    ]);
    const data = parsed([sheet('Adressen', [...letterhead, ...contactRows]), customers()]);
    expect(data.mapping.contacts).toMatchObject({ sheet: 'Adressen', headerRow: 12 });
  });

  it('no header in the first 30 rows: the message names the rows checked', () => {
    const rows: CellValue[][] = Array.from({ length: 30 }, (_, i) => [`Zeile ${i + 1}`]);
    const data = parsed([sheet('Adressen', [...rows, ...contactRows]), customers()]);
    expect(problemsOf(data, 'headerNotFound')).toEqual([
      { code: 'headerNotFound', severity: 'warning', sheet: 'Adressen', detail: '1-30' },
    ]);
  });
});

describe('values', () => {
  it('customer numbers match across sheets regardless of leading zeros and case, with a note', () => {
    const kontakte = sheet('Kontakte', [
      ...contactRows,
      ['P2', 123, 'Bernd', 'Berg', ''],
      ['P3', 'k-7', 'Carla', 'C', ''],
    ]);
    const umsaetze = sheet('Umsätze', [
      ['Datum', 'Kunden-Nr.', 'Artikel-Nr.', 'Menge'],
      [new Date(Date.UTC(2026, 10, 1)), '123', 'A-1', 1],
      [new Date(Date.UTC(2026, 10, 2)), 'K-8', 'A-1', 1],
    ]);
    const data = parsed([customers(), kontakte, umsaetze]);
    expect(data.salesColumns?.customerRows).toEqual(Int32Array.from([0, -1]));
    expect(problemsOf(data, 'customerIdSpelling').map((p) => [p.sheet, p.row, p.value, p.detail])).toEqual([
      ['Kontakte', 3, '123', '00123'],
      ['Kontakte', 4, 'k-7', 'K-7'],
      ['Umsätze', 2, '123', '00123'],
    ]);
    expect(problemsOf(data, 'unknownCustomer').map((p) => p.value)).toEqual(['K-8']);
  });

  it.each([
    ['00123', '123'],
    ['123', '123'],
    ['0', '0'],
    ['000', '0'],
    [' K-007 ', 'k-007'],
    ['0123A', '0123a'],
  ])('customerKey(%j) = %j', (id, key) => expect(customerKey(id)).toBe(key));

  it('cuts a cell over 32,767 characters and removes control characters, with notes', () => {
    const kontakte = sheet('Kontakte', [
      ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Notiz'],
      ['P1', 'An\u0007na', 'Alt\u0000', 'x'.repeat(50_000)],
    ]);
    const data = parsed([customers(), kontakte]);
    const [contact] = data.contacts ?? [];
    expect([contact.firstName, contact.lastName, contact.extra.Notiz.length]).toEqual([
      'Anna',
      'Alt',
      32_767,
    ]);
    expect(problemsOf(data, 'cellTooLong')).toEqual([
      {
        code: 'cellTooLong',
        severity: 'warning',
        sheet: 'Kontakte',
        row: 2,
        column: 'Notiz',
        value: '50000',
      },
    ]);
    expect(problemsOf(data, 'controlCharactersRemoved').map((p) => p.column)).toEqual([
      'Vorname',
      'Nachname',
    ]);
  });

  it('keeps line breaks and tabs, which belong in cells', () => {
    const kontakte = sheet('Kontakte', [
      ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Notiz'],
      ['P1', 'Anna', 'Alt', 'Zeile 1\nZeile 2\tTab'],
    ]);
    const data = parsed([customers(), kontakte]);
    expect(data.contacts?.[0].extra.Notiz).toBe('Zeile 1\nZeile 2\tTab');
    expect(codes(data)).not.toContain('controlCharactersRemoved');
  });

  it('a formula without a calculated value is a problem with sheet, row and column', () => {
    const kontakte = sheet('Kontakte', [...contactRows, ['P2', '00123', 'Bernd', null, 'b@x.de']], {
      uncalculated: [
        { row: 3, column: 4 },
        { row: 1, column: 9 },
      ],
    });
    const data = parsed([customers(), kontakte]);
    expect(problemsOf(data, 'formulaNotCalculated')).toEqual([
      { code: 'formulaNotCalculated', severity: 'warning', sheet: 'Kontakte', row: 3, column: 'Nachname' },
    ]);
  });
});
