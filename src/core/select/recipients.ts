import { Buckets } from '../kernel/buckets';
import { customerKey } from '../read/customerKeys';
import { personColumnsOfSteps } from '../read/personColumns';
import { CustomerRows } from '../read/salesColumns';
import type { Contact, Customer, PersonColumns, Recipient, WorkbookData } from '../kernel/model';
import { keptSteps, runSteps, type Steps } from '../kernel/steps';

/** Per workbook, built once: the firm of every contact and the contacts of every firm, by the codes of PersonColumns. */
interface RecipientIndex {
  columns: PersonColumns;
  /** Per firm code: its contacts, in sheet order. */
  contactsOfFirm: Buckets;
}

const indexes = new WeakMap<WorkbookData, RecipientIndex>();

/** The index in steps (a pause every ROWS_PER_STEP rows, where its columns must be derived from the strings). */
const recipientIndexSteps = (data: WorkbookData): Steps<RecipientIndex> =>
  keptSteps(indexes, data, () => buildRecipientIndex(data));

function* buildRecipientIndex(data: WorkbookData): Steps<RecipientIndex> {
  const columns = yield* personColumnsOfSteps(data);
  const { contactFirms } = columns;
  const contactsOfFirm = new Buckets(contactFirms.length);
  for (let i = contactFirms.length - 1; i >= 0; i--)
    if (contactFirms[i] >= 0) contactsOfFirm.add(contactFirms[i], i);
  return { columns, contactsOfFirm };
}

/** Asked for per record: once built, it is a lookup, not a run of steps. */
const recipientIndex = (data: WorkbookData): RecipientIndex =>
  indexes.get(data) ?? runSteps(recipientIndexSteps(data));

const customerLookups = new WeakMap<readonly Customer[], CustomerRows>();

/** The customer with this number in any spelling (customerKey), for the filters that read a contact's firm. */
export const findCustomer = (data: WorkbookData, customerId: string): Customer | undefined => {
  let lookup = customerLookups.get(data.customers);
  if (lookup === undefined) customerLookups.set(data.customers, (lookup = new CustomerRows(data.customers)));
  const row = lookup.rowOf(customerId);
  return row < 0 ? undefined : data.customers[row];
};

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
  if (isEmpty(firm)) return own;
  // Copied key by key into a fresh object: adding the contact's keys to a spread copy of the firm's took V8's slow
  // path on every call, four times the cost of this (a quarter of building the recipients at L).
  const merged: Record<string, string> = {};
  for (const header in firm) merged[header] = firm[header];
  for (const header in own) if (own[header] !== '' || !(header in merged)) merged[header] = own[header];
  return merged;
};

const isEmpty = (record: Record<string, string>): boolean => {
  for (const _ in record) return false;
  return true;
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
  const contactsOf = new Map<string, Contact[]>();
  for (const contact of data.contacts ?? []) {
    const key = customerKey(contact.customerId);
    if (key === '') continue;
    const list = contactsOf.get(key);
    if (list) list.push(contact);
    else contactsOf.set(key, [contact]);
  }
  const recipients: Recipient[] = [];
  for (const customer of customers) {
    const own = contactsOf.get(customerKey(customer.customerId));
    if (!own) recipients.push(customerRecipient(customer));
    else for (const contact of own) recipients.push(contactRecipient(contact, customer));
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
    const { contactFirms, customerFirms } = index.columns;
    const customerCount = data.customers.length;
    this.contactCount = contactFirms.length;
    this.customerRecords = new Int32Array(customerCount).fill(-1);
    let count = this.contactCount;
    customerFirms.forEach((firm, i) => {
      if (index.contactsOfFirm.first(firm) < 0) this.customerRecords[i] = count++;
    });
    this.count = count;
    this.customerOf = new Int32Array(count);
    contactFirms.forEach((firm, i) => (this.customerOf[i] = firm < customerCount ? firm : -1));
    this.customerRecords.forEach((record, i) => {
      if (record >= 0) this.customerOf[record] = i;
    });
    this.recipients = new Array<Recipient | undefined>(count);
  }

  /** The firm of a record as a code (PersonColumns): a contact's, a customer's own; -1 for none. */
  firmOf(record: number): number {
    const { contactFirms, customerFirms } = this.index.columns;
    return record < this.contactCount ? contactFirms[record] : customerFirms[this.customerOf[record]];
  }

  /** A code the contacts with the same contact number share (PersonColumns); -1 for none and for customers. */
  contactNumberOf(record: number): number {
    return record < this.contactCount ? this.index.columns.contactNumbers[record] : -1;
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
    const { columns, contactsOfFirm } = this.index;
    const records: number[] = [];
    for (const i of customerIndexes) {
      const own = this.customerRecords[i];
      if (own >= 0) records.push(own);
      else {
        const { next } = contactsOfFirm;
        for (
          let contact = contactsOfFirm.first(columns.customerFirms[i]);
          contact >= 0;
          contact = next[contact]
        )
          records.push(contact);
      }
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
