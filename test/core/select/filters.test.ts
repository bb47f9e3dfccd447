import type { FilterCondition } from '../../../src/core/campaign/campaign';
import { compileFilter } from '../../../src/core/select/filters';
import type { Contact } from '../../../src/core/kernel/model';
import { makeContact, makeCustomer, makeWorkbookData } from '../builders';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const contacts: Contact[] = [
  makeContact({
    contactId: 'A1',
    firstName: 'Anna',
    lastName: 'Schmidt',
    city: ' Köln ',
    postalCode: '50667',
    extra: { Branche: 'Bau', 'Umsatz 2025': '1.234,50', 'Letzter Kontakt': '04.07.2025' },
  }),
  makeContact({
    contactId: 'A2',
    firstName: 'Jürgen',
    lastName: 'Müller',
    city: 'KÖLN',
    postalCode: '01067',
    extra: { Branche: 'Handel', 'Umsatz 2025': '' },
    raw: { 'Umsatz 2025': 980, 'Letzter Kontakt': utc('2026-01-15') },
  }),
  makeContact({
    contactId: 'A3',
    firstName: 'Eva',
    lastName: 'Lang',
    city: 'Dresden',
    postalCode: '09999',
    optOut: 'Werbesperre',
    extra: { Branche: '', 'Umsatz 2025': '#N/A', 'Letzter Kontakt': '' },
    raw: { 'Letzter Kontakt': 46000 },
  }),
  makeContact({
    contactId: 'A4',
    firstName: 'Ben',
    lastName: 'Koch',
    city: 'Koeln',
    postalCode: '10115',
    extra: { Branche: 'Baustoffe', 'Umsatz 2025': '15000', 'Letzter Kontakt': '2024-12-31' },
  }),
];
const data = makeWorkbookData({ contacts, customers: [] });

const run = (conditions: FilterCondition[]): string[] => {
  const compiled = compileFilter(conditions, data.mapping.contacts, 'contacts');
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
  return (data.contacts ?? []).filter(compiled.value).map((c) => c.contactId);
};

describe('compileFilter', () => {
  it.each<[string, FilterCondition[], string[]]>([
    [
      'field name, case-insensitive and trimmed, umlaut-exact',
      [{ column: 'city', op: 'equals', value: 'köln' }],
      ['A1', 'A2'],
    ],
    ['German header text', [{ column: 'Ort', op: 'equals', value: 'Köln' }], ['A1', 'A2']],
    ['header written differently', [{ column: 'ORT ', op: 'equals', value: 'Köln' }], ['A1', 'A2']],
    ['header synonym of a field', [{ column: 'Stadt', op: 'equals', value: 'Dresden' }], ['A3']],
    [
      'notEquals keeps empty and other cells',
      [{ column: 'Branche', op: 'notEquals', value: 'bau' }],
      ['A2', 'A3', 'A4'],
    ],
    ['contains', [{ column: 'Branche', op: 'contains', value: 'BAU' }], ['A1', 'A4']],
    ['startsWith', [{ column: 'Nachname', op: 'startsWith', value: 'mü' }], ['A2']],
    ['in: any of the values', [{ column: 'Ort', op: 'in', value: ['Dresden', 'Koeln'] }], ['A3', 'A4']],
    ['in with a single value', [{ column: 'Ort', op: 'in', value: 'Dresden' }], ['A3']],
    [
      'in: words of any case against padded and upper-case cells',
      [{ column: 'Ort', op: 'in', value: ['KÖLN', 'x'] }],
      ['A1', 'A2'],
    ],
    [
      'in: a number among the values compares number cells as numbers',
      [{ column: 'Umsatz 2025', op: 'in', value: ['980,0', '15000'] }],
      ['A2', 'A4'],
    ],
    [
      'in: a date among the values compares Date cells and serials as dates',
      [{ column: 'Letzter Kontakt', op: 'in', value: ['15.01.2026', '2024-12-31'] }],
      ['A2', 'A4'],
    ],
    ['isEmpty', [{ column: 'Branche', op: 'isEmpty' }], ['A3']],
    ['isNotEmpty', [{ column: 'Branche', op: 'isNotEmpty' }], ['A1', 'A2', 'A4']],
    [
      'isEmpty: an Excel error cell is empty, a number cell is not',
      [{ column: 'Umsatz 2025', op: 'isEmpty' }],
      ['A3'],
    ],
    [
      'postal code range as text of equal length',
      [
        { column: 'PLZ', op: 'gte', value: '01067' },
        { column: 'PLZ', op: 'lte', value: '09999' },
      ],
      ['A2', 'A3'],
    ],
    [
      'numbers: German text, number cells; #N/A and empty never compare',
      [{ column: 'Umsatz 2025', op: 'gt', value: 1000 }],
      ['A1', 'A4'],
    ],
    [
      'numbers with a German decimal value',
      [{ column: 'Umsatz 2025', op: 'lt', value: '1.234,51' }],
      ['A1', 'A2'],
    ],
    ['number equality on a number cell', [{ column: 'Umsatz 2025', op: 'equals', value: '980' }], ['A2']],
    [
      'dates: German text, Date cells, serials and ISO text',
      [{ column: 'Letzter Kontakt', op: 'gte', value: '2025-01-01' }],
      ['A1', 'A2', 'A3'],
    ],
    ['dates with a German value', [{ column: 'Letzter Kontakt', op: 'lt', value: '01.01.2025' }], ['A4']],
    [
      'date equality on a Date cell',
      [{ column: 'Letzter Kontakt', op: 'equals', value: '15.01.2026' }],
      ['A2'],
    ],
    [
      'text order when the value is neither number nor date',
      [{ column: 'Nachname', op: 'lt', value: 'L' }],
      ['A4'],
    ],
    [
      'conditions are ANDed',
      [
        { column: 'Ort', op: 'equals', value: 'köln' },
        { column: 'Branche', op: 'equals', value: 'Bau' },
      ],
      ['A1'],
    ],
    ['no conditions match all', [], ['A1', 'A2', 'A3', 'A4']],
    ['opt-out by field name', [{ column: 'optOut', op: 'isNotEmpty' }], ['A3']],
    ['full name', [{ column: 'fullName', op: 'equals', value: 'Eva Lang' }], ['A3']],
  ])('%s', (_, conditions, ids) => {
    expect(run(conditions)).toEqual(ids);
  });

  it.each([['Umsatz 2024'], ['Kontakt-ID-Nummer-X']])(
    'an unknown column "%s" is an error, not an empty result',
    (column) => {
      const compiled = compileFilter(
        [{ column, op: 'equals', value: 'x' }],
        data.mapping.contacts,
        'contacts',
      );
      expect(compiled).toEqual({
        ok: false,
        error: [{ code: 'columnNotFound', severity: 'error', sheet: 'Kontakte', column }],
      });
    },
  );

  it('a field the sheet does not have is an error', () => {
    const mapping = { ...data.mapping.customers!, columns: { customerId: 0 } };
    const compiled = compileFilter([{ column: 'city', op: 'equals', value: 'Köln' }], mapping, 'customers');
    expect(compiled.ok).toBe(false);
  });

  it('names split from a full-name column count as present', () => {
    const mapping = { ...data.mapping.contacts!, columns: { contactId: 0, fullName: 2 } };
    const compiled = compileFilter(
      [{ column: 'lastName', op: 'equals', value: 'Lang' }],
      mapping,
      'contacts',
    );
    expect(compiled.ok).toBe(true);
  });

  it('field names work without a mapping', () => {
    const compiled = compileFilter([{ column: 'city', op: 'equals', value: 'Köln' }], undefined, 'customers');
    expect(compiled.ok && compiled.value(makeCustomer({ city: 'Köln' }))).toBe(true);
  });

  it('filters 100,000 rows by two conditions (speed: npm run bench)', () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      makeContact({
        contactId: String(i),
        city: i % 3 === 0 ? 'Köln' : 'Bonn',
        postalCode: String(10000 + (i % 90000)),
        cells: [null],
      }),
    );
    const compiled = compileFilter(
      [
        { column: 'city', op: 'equals', value: 'Köln' },
        { column: 'postalCode', op: 'lt', value: '50000' },
      ],
      data.mapping.contacts,
      'contacts',
    );
    if (!compiled.ok) throw new Error('compile failed');
    expect(many.filter(compiled.value).length).toBe(16668);
  });
});
