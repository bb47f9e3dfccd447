import type { SheetRole } from '../../../src/core/kernel/model';
import { recognizeWorkbook } from '../../../src/core/read/sheetRoles';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { articlesSheet, messyContacts, messyCustomers, messySales, sheet } from '../sheetBuilders';

const rolesOf = (
  tables: SheetTable[],
  ...rest: Parameters<typeof recognizeWorkbook> extends [unknown, ...infer R] ? R : never
) => {
  const { mapping } = recognizeWorkbook(tables, ...rest);
  return Object.fromEntries(Object.entries(mapping).map(([role, m]) => [role, m.sheet])) as Partial<
    Record<SheetRole, string>
  >;
};

describe('recognizeWorkbook: which sheet is which', () => {
  it('recognises German sheet names with matching columns', () => {
    const tables = [messyContacts(), messyCustomers(), messySales(), articlesSheet()];
    expect(rolesOf(tables)).toEqual({
      contacts: 'Kontakte',
      customers: 'Kunden',
      sales: 'Umsätze',
      articles: 'Artikel',
    });
  });

  it('recognises the roles by their columns alone', () => {
    const tables = [
      messySales('Tabelle1'),
      articlesSheet('Tabelle2'),
      messyContacts('Tabelle3'),
      messyCustomers('Tabelle4'),
    ];
    expect(rolesOf(tables)).toEqual({
      sales: 'Tabelle1',
      articles: 'Tabelle2',
      contacts: 'Tabelle3',
      customers: 'Tabelle4',
    });
  });

  it.each<[string, SheetRole]>([
    ['Kundenliste 2024', 'customers'],
    ['Customers', 'customers'],
    ['Debitoren', 'customers'],
    ['Kundenstamm', 'customers'],
  ])('a customers sheet named "%s"', (name, role) => {
    expect(rolesOf([messyCustomers(name)])[role]).toBe(name);
  });

  it.each<[string, SheetRole]>([
    ['Rechnungen', 'sales'],
    ['Aufträge', 'sales'],
    ['Orders', 'sales'],
    ['Belege 2024', 'sales'],
    ['Kundenumsätze', 'sales'],
  ])('a sales sheet named "%s"', (name, role) => {
    expect(rolesOf([messyCustomers(), messySales(name)])[role]).toBe(name);
  });

  it('takes a name-only match of a sheet with plain customer columns', () => {
    const customers = sheet('Kunden', [
      ['Kundennr', 'Firma'],
      ['1', 'A GmbH'],
    ]);
    expect(rolesOf([customers]).customers).toBe('Kunden');
  });

  it.each([
    [
      'a contact log without person columns',
      'Kontaktverlauf',
      [
        ['Datum', 'Kunden-Nr.', 'Notiz'],
        [45356, '1', 'Anruf'],
      ],
    ],
    [
      'an unrelated sheet',
      'Notizen',
      [
        ['Kunden-Nr.', 'Notiz'],
        ['1', 'Anruf'],
      ],
    ],
  ])('does not take %s for a role', (_title, name, rows) => {
    expect(rolesOf([sheet(name, rows as CellValue[][])])).toEqual({});
  });

  it('tells customers from contacts without contact id by the sheet names', () => {
    const person = [
      ['Kunden-Nr.', 'Firma', 'Vorname', 'Nachname', 'Straße', 'Ort'],
      ['1', 'A', 'Anna', 'Schmidt', 'Weg 1', 'Kiel'],
    ];
    const tables = [sheet('Kontakte', person), sheet('Kunden', person)];
    expect(rolesOf(tables)).toEqual({ contacts: 'Kontakte', customers: 'Kunden' });
  });
});

describe('recognizeWorkbook: explicit mapping', () => {
  it('an explicit sheet always wins', () => {
    const tables = [messyCustomers(), messyCustomers('Kunden neu'), messySales()];
    expect(rolesOf(tables, { sheets: { customers: 'kunden NEU' } }).customers).toBe('Kunden neu');
  });

  it('an explicit sheet that does not exist is an error', () => {
    const { problems } = recognizeWorkbook([messyCustomers()], { sheets: { sales: 'Verkäufe' } });
    expect(problems).toContainEqual({
      code: 'sheetNotFound',
      severity: 'error',
      sheet: 'Verkäufe',
      detail: 'sales',
    });
  });

  it('an explicit sheet without header row is reported', () => {
    const { mapping, problems } = recognizeWorkbook([sheet('Daten', [[1, 2]])], {
      sheets: { sales: 'Daten' },
    });
    expect(mapping.sales).toBeUndefined();
    expect(problems).toContainEqual({
      code: 'headerNotFound',
      severity: 'warning',
      sheet: 'Daten',
      detail: '1-1',
    });
  });

  it('explicit columns are applied and missing ones reported with the sheet', () => {
    const { mapping, problems } = recognizeWorkbook([messyCustomers()], {
      columns: { customers: { company: 'Ort', phone: 'Telefon' } },
    });
    expect(mapping.customers?.columns.company).toBe(4);
    expect(problems).toContainEqual({
      code: 'columnNotFound',
      severity: 'error',
      sheet: 'Kunden',
      column: 'Telefon',
      detail: 'phone',
    });
  });
});

describe('recognizeWorkbook: sheets that are never input, and sheets that look like outputs', () => {
  const leads = sheet('Leads', [
    ['Lead-ID', 'Kampagne', 'Kunden-Nr.', 'Vorname', 'Nachname', 'E-Mail', 'Status'],
  ]);
  const targetGroup = sheet('Zielgruppe Newsletter', [
    ['Kontakt-Nr.', 'Kunden-Nr.', 'Vorname', 'Nachname', 'EMail', 'Quelle'],
    ['K1', '10001', 'Max', 'Mustermann', 'max@mueller.de', '1: Kontakte'],
  ]);
  const state = sheet('KampagnenDaten', [['Kontakt-Nr.', 'Kunden-Nr.', 'Vorname', 'Nachname']]);

  it.each([
    ['a Leads sheet the state does not know', leads],
    ['a target group sheet the state does not know', targetGroup],
    ['the state sheet', state],
  ])('%s loses against the user sheets that fit better', (_title, own) => {
    expect(rolesOf([own, messyContacts(), messyCustomers()])).toEqual({
      contacts: 'Kontakte',
      customers: 'Kunden',
    });
  });

  it('skips the sheets the add-in created', () => {
    const copy = messyContacts('Export');
    expect(rolesOf([copy, messyCustomers()], {}, ['export']).contacts).toBeUndefined();
  });

  it('keeps a user contacts sheet that has a "Quelle" column', () => {
    const contacts = sheet('Kontakte', [
      ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Quelle'],
      ['K1', 'A', 'B', 'Messe'],
    ]);
    expect(rolesOf([contacts]).contacts).toBe('Kontakte');
  });
});

describe('recognizeWorkbook: problems', () => {
  it('two equally good sheets: none is guessed, the question names both', () => {
    const { mapping, problems, ambiguous } = recognizeWorkbook([
      messyCustomers('Tabelle1'),
      messyCustomers('Tabelle2'),
    ]);
    expect(mapping.customers).toBeUndefined();
    expect(problems).toEqual([
      { code: 'sheetRoleAmbiguous', severity: 'error', detail: 'customers', candidates: ambiguous.customers },
      { code: 'sheetRoleNotFound', severity: 'info', detail: 'sales' },
    ]);
    expect(ambiguous.customers).toEqual([
      { name: 'Tabelle1', sheet: 'Tabelle1', rows: 5, newest: null },
      { name: 'Tabelle2', sheet: 'Tabelle2', rows: 5, newest: null },
    ]);
  });

  it('reports missing customers and sales sheets', () => {
    const { problems } = recognizeWorkbook([messyContacts(), sheet('Notizen', [['Bla']])]);
    expect(problems).toEqual([
      { code: 'sheetRoleNotFound', severity: 'warning', detail: 'customers' },
      { code: 'sheetRoleNotFound', severity: 'info', detail: 'sales' },
    ]);
  });

  it('gives the header row as a sheet row, also when the used range starts lower', () => {
    const customers = { ...messyCustomers(), startRow: 4 };
    const { mapping } = recognizeWorkbook([customers]);
    expect(mapping.customers).toMatchObject({
      headerRow: 6,
      headers: expect.arrayContaining(['Kunden-Nr.', 'PLZ']),
    });
  });
});
