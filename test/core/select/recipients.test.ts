import {
  contactRecipient,
  contactsToRecipients,
  customerRecipient,
  customersToRecipients,
  findCustomer,
  workbookRecords,
  workbookRecordsSteps,
} from '../../../src/core/select/recipients';
import { makeContact, makeCustomer, makeWorkbookData } from '../builders';

const mueller = makeCustomer({
  customerId: 'K-1001',
  company: 'Müller Bau GmbH',
  street: 'Lindenweg 4',
  postalCode: '01067',
  city: 'Dresden',
  country: 'Deutschland',
  email: 'info@mueller-bau.de',
});
const solo = makeCustomer({ customerId: 'K-1002', firstName: 'Eva', lastName: 'Lang', city: 'Köln' });

describe('contactRecipient', () => {
  it('takes the whole customer address and company when the contact has none', () => {
    const contact = makeContact({
      contactId: 'A1',
      customerId: 'k-1001 ',
      firstName: 'Jürgen',
      email: 'j@m.de',
    });
    expect(contactRecipient(contact, mueller)).toMatchObject({
      kind: 'contact',
      contactId: 'A1',
      company: 'Müller Bau GmbH',
      street: 'Lindenweg 4',
      postalCode: '01067',
      city: 'Dresden',
      country: 'Deutschland',
      email: 'j@m.de',
    });
  });

  it("carries the customer's own columns; the contact's value wins where it has one", () => {
    const firm = makeCustomer({
      customerId: 'K-1001',
      extra: { Kundengruppe: 'A', Branche: 'Bau', 'Kunde seit': '2011', Notiz: 'Firma' },
    });
    const contact = makeContact({
      customerId: 'K-1001',
      extra: { Branche: 'Tiefbau', Notiz: '', Hobby: 'Golf' },
    });
    expect(contactRecipient(contact, firm).extra).toEqual({
      Kundengruppe: 'A',
      Branche: 'Tiefbau',
      'Kunde seit': '2011',
      Notiz: 'Firma',
      Hobby: 'Golf',
    });
    expect(contactRecipient(contact, undefined).extra).toBe(contact.extra);
  });

  it('keeps its own address, even a partial one, and never mixes two addresses', () => {
    const contact = makeContact({ customerId: 'K-1001', city: 'Leipzig', company: 'Müller Bau Leipzig' });
    expect(contactRecipient(contact, mueller)).toMatchObject({
      street: '',
      postalCode: '',
      city: 'Leipzig',
      company: 'Müller Bau Leipzig',
    });
  });

  it.each([
    ['the contact', 'Werbesperre', null, 'Werbesperre'],
    ['the customer', null, 'Keine Werbung', 'Keine Werbung'],
    ['nobody', null, null, null],
  ])('opt-out of %s', (_, own, customers, expected) => {
    const customer = makeCustomer({ customerId: 'K1', optOut: customers });
    expect(contactRecipient(makeContact({ customerId: 'K1', optOut: own }), customer).optOut).toBe(expected);
  });

  it('works without a customer', () => {
    expect(contactRecipient(makeContact({ city: 'Bonn' }), undefined)).toMatchObject({
      city: 'Bonn',
      company: '',
    });
  });
});

describe('customersToRecipients', () => {
  const anna = makeContact({ contactId: 'A1', customerId: 'K-1001', firstName: 'Anna' });
  const ben = makeContact({ contactId: 'A2', customerId: 'K-1001', firstName: 'Ben' });
  const stray = makeContact({ contactId: 'A3', customerId: 'K-9999', firstName: 'Stray' });

  it('brings all linked contacts, and a customer without contacts stands for itself', () => {
    const data = makeWorkbookData({ contacts: [anna, stray, ben], customers: [mueller, solo] });
    const recipients = customersToRecipients(data, data.customers);
    expect(recipients.map((r) => [r.kind, r.contactId || r.customerId, r.firstName])).toEqual([
      ['contact', 'A1', 'Anna'],
      ['contact', 'A2', 'Ben'],
      ['customer', 'K-1002', 'Eva'],
    ]);
    expect(recipients[0].city).toBe('Dresden');
  });

  it('without a contacts sheet every customer is a recipient', () => {
    const data = makeWorkbookData({ contacts: null, customers: [mueller, solo] });
    expect(customersToRecipients(data, data.customers)).toEqual([
      customerRecipient(mueller),
      customerRecipient(solo),
    ]);
  });

  it('contacts selected directly inherit from their customer the same way', () => {
    const data = makeWorkbookData({ contacts: [anna, stray], customers: [mueller] });
    const [first, second] = contactsToRecipients(data, data.contacts ?? []);
    expect(first).toMatchObject({ company: 'Müller Bau GmbH', city: 'Dresden' });
    expect(second).toMatchObject({ company: '', city: '' });
  });

  it('finds customers by number, trimmed and case-insensitive', () => {
    const data = makeWorkbookData({ customers: [mueller, solo] });
    expect(findCustomer(data, ' k-1002')?.lastName).toBe('Lang');
    expect(findCustomer(data, 'K-404')).toBeUndefined();
  });
});

describe('workbookRecordsSteps', () => {
  const contacts = Array.from({ length: 10_000 }, (_, i) =>
    makeContact({ contactId: `P${i}`, customerId: i % 3 === 0 ? '' : `0${1000 + (i % 50)}` }),
  );
  const customers = Array.from({ length: 60 }, (_, i) =>
    makeCustomer({ customerId: String(1000 + i), company: `Firma ${i}` }),
  );

  it('pauses every 4,096 contacts and gives the records built at once, each contact with its firm', () => {
    const stepped = makeWorkbookData({ contacts, customers });
    const atOnce = workbookRecords(makeWorkbookData({ contacts, customers }));
    const steps = workbookRecordsSteps(stepped);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    const records = step.value;
    expect(pauses).toBe(2);
    expect(records).toBe(workbookRecords(stepped));
    expect(Array.from(records.customerOf)).toEqual(Array.from(atOnce.customerOf));
    expect(records.customer(1)?.customerId).toBe('1001');
    expect(records.customer(0)).toBeUndefined();
    // customers 1050 to 1059 have no contacts: each is a record of its own
    expect(records.count).toBe(10_000 + 10);
  });
});
