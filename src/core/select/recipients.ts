import { customerKey } from '../read/customerKeys';
import type { Contact, Customer, Recipient, WorkbookData } from '../kernel/model';
import { keptSteps, ROWS_PER_STEP, runSteps, type Steps } from '../kernel/steps';

/** Per workbook, built once: customers by number, and the contacts of each customer. */
interface RecipientIndex {
  /** Customer number (see customerKey) → position of the first customer with it. */
  customerAt: Map<string, number>;
  /** Per customer: its customer number as a key. */
  customerKeys: string[];
  /** Customer number → positions of its contacts. */
  contactsOf: Map<string, number[]>;
  /** Per contact: its customer number as a key ('' for none). */
  contactKeys: string[];
  /** Per contact: the position of its customer, -1 for none. */
  contactCustomers: Int32Array;
}

const indexes = new WeakMap<WorkbookData, RecipientIndex>();

/** The index in steps (a pause every ROWS_PER_STEP rows): at 300,000 contacts it is a quarter of a second. */
const recipientIndexSteps = (data: WorkbookData): Steps<RecipientIndex> =>
  keptSteps(indexes, data, () => buildRecipientIndex(data));

function* buildRecipientIndex(data: WorkbookData): Steps<RecipientIndex> {
  const customerAt = new Map<string, number>();
  const customerKeys = new Array<string>(data.customers.length);
  for (let i = 0; i < data.customers.length; i++) {
    if (i > 0 && i % ROWS_PER_STEP === 0) yield;
    const key = (customerKeys[i] = customerKey(data.customers[i].customerId));
    if (key && !customerAt.has(key)) customerAt.set(key, i);
  }
  const contacts = data.contacts ?? [];
  const contactsOf = new Map<string, number[]>();
  const contactKeys = new Array<string>(contacts.length);
  const contactCustomers = new Int32Array(contacts.length).fill(-1);
  for (let i = 0; i < contacts.length; i++) {
    if (i > 0 && i % ROWS_PER_STEP === 0) yield;
    const key = customerKey(contacts[i].customerId);
    contactKeys[i] = key;
    if (key === '') continue;
    contactCustomers[i] = customerAt.get(key) ?? -1;
    const list = contactsOf.get(key);
    if (list) list.push(i);
    else contactsOf.set(key, [i]);
  }
  return { customerAt, customerKeys, contactsOf, contactKeys, contactCustomers };
}

/** Asked for per record: once built, it is a lookup, not a run of steps. */
const recipientIndex = (data: WorkbookData): RecipientIndex =>
  indexes.get(data) ?? runSteps(recipientIndexSteps(data));

const customerOf = (data: WorkbookData, key: string): Customer | undefined => {
  const at = recipientIndex(data).customerAt.get(key);
  return at === undefined ? undefined : data.customers[at];
};

export const findCustomer = (data: WorkbookData, customerId: string): Customer | undefined =>
  customerOf(data, customerKey(customerId));

const filled = (value: string): boolean => value !== '' && value.trim() !== '';

/** Without an array and a closure per call: the forgotten entries' matching asks it for every record. */
export const hasOwnAddress = (contact: Contact): boolean =>
  filled(contact.street) || filled(contact.postalCode) || filled(contact.city) || filled(contact.country);

const NO_EXTRA: Record<string, string> = Object.freeze({});

/**
 * The customer's own columns (Kundengruppe, Branche, Kunde seit …) for its contact, so a merge field filled for the
 * firm is filled in every letter to its people; where the contact has a value of its own, the contact's wins.
 */
const withFirmColumns = (
  own: Record<string, string>,
  firm: Record<string, string>,
): Record<string, string> => {
  if (Object.keys(firm).length === 0) return own;
  const merged: Record<string, string> = { ...firm };
  for (const header in own) if (own[header] !== '' || !(header in merged)) merged[header] = own[header];
  return merged;
};

/**
 * A contact as recipient. Without any address field of its own it takes its customer's whole address (never mixing
 * parts of two addresses); without a company it takes the customer's; it carries the customer's other columns.
 * A customer's opt-out covers its contacts.
 */
export const contactRecipient = (contact: Contact, customer: Customer | undefined): Recipient => {
  const address = customer && !hasOwnAddress(contact) ? customer : contact;
  return {
    kind: 'contact',
    contactId: contact.contactId,
    customerId: contact.customerId,
    salutation: contact.salutation,
    title: contact.title,
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: contact.company.trim() === '' && customer ? customer.company : contact.company,
    street: address.street,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
    email: contact.email,
    phone: contact.phone,
    mobile: contact.mobile,
    optOut: contact.optOut ?? customer?.optOut ?? null,
    extra: withFirmColumns(contact.extra, customer?.extra ?? NO_EXTRA),
    sheet: contact.sheet,
    row: contact.row,
  };
};

/** A customer standing for itself: its own person columns give the person. */
export const customerRecipient = (customer: Customer): Recipient => ({
  kind: 'customer',
  contactId: '',
  customerId: customer.customerId,
  salutation: customer.salutation,
  title: customer.title,
  firstName: customer.firstName,
  lastName: customer.lastName,
  company: customer.company,
  street: customer.street,
  postalCode: customer.postalCode,
  city: customer.city,
  country: customer.country,
  email: customer.email,
  phone: customer.phone,
  mobile: customer.mobile,
  optOut: customer.optOut,
  extra: customer.extra,
  sheet: customer.sheet,
  row: customer.row,
});

export const contactsToRecipients = (data: WorkbookData, contacts: readonly Contact[]): Recipient[] =>
  contacts.map((contact) => contactRecipient(contact, findCustomer(data, contact.customerId)));

/** A selected customer brings all its contacts; a customer without contacts is a recipient itself. */
export const customersToRecipients = (data: WorkbookData, customers: readonly Customer[]): Recipient[] => {
  const { contactsOf } = recipientIndex(data);
  const contacts = data.contacts ?? [];
  const recipients: Recipient[] = [];
  for (const customer of customers) {
    const own = contactsOf.get(customerKey(customer.customerId));
    if (!own) recipients.push(customerRecipient(customer));
    else for (const i of own) recipients.push(contactRecipient(contacts[i], customer));
  }
  return recipients;
};

/**
 * Every person record of a workbook, numbered: record i < contactCount is contact i, the records after them are the
 * customers that stand for themselves (those without contacts). Selections name records by these numbers; the
 * target group and the identity graph work on them. Each record's recipient is built once, when first asked for.
 */
export class WorkbookRecords {
  readonly count: number;
  readonly contactCount: number;
  /** Per customer: the record it stands for, or -1 when its contacts are the recipients. */
  readonly customerRecords: Int32Array;
  /** Per record: the customer it belongs to or is (first customer with its number), -1 for none. */
  readonly customerOf: Int32Array;
  private readonly recipients: Array<Recipient | undefined>;
  private readonly index: RecipientIndex;

  constructor(private readonly data: WorkbookData) {
    const index = (this.index = recipientIndex(data));
    const { contactsOf, customerKeys, contactKeys, contactCustomers } = index;
    this.contactCount = contactKeys.length;
    this.customerRecords = new Int32Array(data.customers.length).fill(-1);
    let count = this.contactCount;
    customerKeys.forEach((key, i) => {
      if (!contactsOf.has(key)) this.customerRecords[i] = count++;
    });
    this.count = count;
    this.customerOf = new Int32Array(count);
    this.customerOf.set(contactCustomers);
    this.customerRecords.forEach((record, i) => {
      if (record >= 0) this.customerOf[record] = i;
    });
    this.recipients = new Array<Recipient | undefined>(count);
  }

  /** The customer number of a record as a key (see customerKey): a contact's firm's, a customer's own; '' for none. */
  customerKeyOf(record: number): string {
    return record < this.contactCount
      ? this.index.contactKeys[record]
      : this.index.customerKeys[this.customerOf[record]];
  }

  recipient(record: number): Recipient {
    return (this.recipients[record] ??= this.build(record));
  }

  /** The contact or customer row a record was read from. */
  source(record: number): Contact | Customer {
    return record < this.contactCount
      ? (this.data.contacts ?? [])[record]
      : this.data.customers[this.customerOf[record]];
  }

  /** The customer of a record: a contact's firm, or the customer a customer record is. */
  customer(record: number): Customer | undefined {
    const index = this.customerOf[record];
    return index < 0 ? undefined : this.data.customers[index];
  }

  /** A selected customer brings all its contacts; a customer without contacts is a record itself. */
  ofCustomers(customerIndexes: readonly number[]): number[] {
    const { contactsOf, customerKeys } = this.index;
    const records: number[] = [];
    for (const i of customerIndexes) {
      const own = this.customerRecords[i];
      const contacts = own >= 0 ? undefined : contactsOf.get(customerKeys[i]);
      if (contacts === undefined) records.push(own);
      else for (const contact of contacts) records.push(contact);
    }
    return records;
  }

  private build(record: number): Recipient {
    const customer = this.customer(record);
    return record < this.contactCount
      ? contactRecipient((this.data.contacts ?? [])[record], customer)
      : customerRecipient(customer as Customer);
  }
}

const recordTables = new WeakMap<WorkbookData, WorkbookRecords>();

export const workbookRecords = (data: WorkbookData): WorkbookRecords => {
  let records = recordTables.get(data);
  if (records === undefined) recordTables.set(data, (records = new WorkbookRecords(data)));
  return records;
};

/** workbookRecords with its index over all contacts built in steps; what is left is two passes over typed arrays. */
export function* workbookRecordsSteps(data: WorkbookData): Steps<WorkbookRecords> {
  yield* recipientIndexSteps(data);
  return workbookRecords(data);
}

/** The recipients of records, in their order (tests and the benchmark's peer compare by them). */
export const recipientsOf = (data: WorkbookData, records: readonly number[]): Recipient[] => {
  const table = workbookRecords(data);
  return records.map((record) => table.recipient(record));
};
