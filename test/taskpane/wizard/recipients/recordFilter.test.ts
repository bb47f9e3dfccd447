import {
  emptyRecordFilter,
  filterRows,
  narrows,
  pickerRows,
  type RecordFilter,
} from '../../../../src/taskpane/wizard/recipients/recordFilter';
import { makeContact, makeCustomer, makeWorkbookData } from '../../../core/builders';
import { contactsToRecipients, workbookRecords } from '../../../../src/core/select/recipients';

const data = makeWorkbookData({
  customers: [
    makeCustomer({
      customerId: '10001',
      company: 'Müller Bau GmbH',
      postalCode: '01067',
      city: 'Dresden',
      country: 'Deutschland',
    }),
    makeCustomer({
      customerId: '10002',
      company: 'Lange Immobilien AG',
      postalCode: '80331',
      city: 'München',
      country: 'Deutschland',
    }),
    makeCustomer({
      customerId: '10003',
      company: 'Wiener Kaffee KG',
      postalCode: '1010',
      city: 'Wien',
      country: 'Österreich',
    }),
    makeCustomer({
      customerId: '10004',
      company: 'Ohne Adresse e.K.',
      postalCode: '',
      city: '',
      country: '',
    }),
    makeCustomer({
      customerId: '10005',
      company: 'Bäckerei Schulz',
      postalCode: '80999',
      city: 'München',
      country: 'Deutschland',
    }),
  ],
  contacts: [
    makeContact({
      contactId: '50001',
      customerId: '10002',
      firstName: 'Stefanie',
      lastName: 'Lange',
      email: 'stefanie.lange@lange-immobilien.de',
    }),
    makeContact({
      contactId: '50002',
      customerId: '10001',
      firstName: 'Jörg',
      lastName: 'Müller',
      city: 'Leipzig',
      postalCode: '04109',
    }),
  ],
});

const customers = pickerRows(data, 'customers');
const ids = (filter: Partial<RecordFilter>, rows = customers) =>
  filterRows(rows, { ...emptyRecordFilter(), ...filter }).map((i) => rows[i].id);

describe('filterRows over customers', () => {
  it.each([
    [{}, ['10001', '10002', '10003', '10004', '10005']],
    [{ search: 'münchen' }, ['10002', '10005']],
    [{ search: 'MÜNCHEN bäckerei' }, ['10005']],
    [{ search: 'gmbh dresden' }, ['10001']],
    [{ search: 'nirgendwo' }, []],
    [{ city: 'münch' }, ['10002', '10005']],
    [{ country: 'österreich' }, ['10003']],
    [{ postalFrom: '80000' }, ['10002', '10005']],
    [{ postalTo: '1' }, ['10001', '10003']],
    [{ postalFrom: '80000', postalTo: '803' }, ['10002']],
    [{ postalFrom: '01000', postalTo: '09999' }, ['10001']],
  ] as Array<[Partial<RecordFilter>, string[]]>)('%j → %j', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});

describe('pickerRows over contacts', () => {
  const contacts = pickerRows(data, 'contacts');

  it('shows a contact without an address of its own with its customer’s address and company', () => {
    expect(contacts[0].person).toMatchObject({
      company: 'Lange Immobilien AG',
      city: 'München',
      postalCode: '80331',
    });
    expect(ids({ city: 'München' }, contacts)).toEqual(['50001']);
  });

  it('keeps a contact’s own address', () => {
    expect(ids({ city: 'Leipzig' }, contacts)).toEqual(['50002']);
    expect(ids({ search: 'lange-immobilien' }, contacts)).toEqual(['50001']);
  });
});

describe('narrowing a filter while typing', () => {
  const filter = (fields: Partial<RecordFilter>): RecordFilter => ({ ...emptyRecordFilter(), ...fields });

  it.each([
    [{ search: 'mü' }, { search: 'mün' }, true],
    [{ search: 'münchen' }, { search: 'münchen bä' }, true],
    [{ search: 'münchen' }, { search: 'MÜNCHEN' }, true],
    [{}, { search: 'x' }, true],
    [{ search: 'münchen' }, { search: 'münche' }, false],
    [{ search: 'münchen bä' }, { search: 'münchen' }, false],
    [{ search: 'mün' }, { search: 'mün', city: 'w' }, false],
    [{ search: 'a', postalTo: '8' }, { search: 'ab', postalTo: '80' }, false],
  ] as Array<[Partial<RecordFilter>, Partial<RecordFilter>, boolean]>)(
    '%j then %j: narrows %s',
    (before, after, expected) => {
      expect(narrows(filter(before), filter(after))).toBe(expected);
    },
  );

  it('finds among the rows shown exactly what it finds among all rows, whenever it narrows', () => {
    const typed = ['', 'm', 'mü', 'mün', 'münchen', 'münchen ', 'münchen b', 'münchen bä', 'gmbh', 'gmbh d'];
    let previous = filter({});
    let shown = filterRows(customers, previous);
    for (const search of typed) {
      const next = filter({ search });
      const within = narrows(previous, next) ? shown : undefined;
      shown = filterRows(customers, next, within);
      expect(shown).toEqual(filterRows(customers, next));
      previous = next;
    }
    expect(shown.map((i) => customers[i].id)).toEqual(['10001']);
  });
});

describe('pickerRows and the workbook records', () => {
  it('gives each contact the recipient the core selects for it', () => {
    const contacts = pickerRows(data, 'contacts');
    expect(contacts.map((row) => row.person)).toEqual(contactsToRecipients(data, data.contacts ?? []));
    // the same objects the target group uses, not a second copy
    expect(contacts[1].person).toBe(workbookRecords(data).recipient(1));
  });
});
