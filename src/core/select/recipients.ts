import { customerKey } from '../read/customerKeys';
import type { Contact, Customer, Recipient, WorkbookData } from '../kernel/model';

interface RecipientIndex {
  customerById: Map<string, Customer>;
  contactsByCustomer: Map<string, Contact[]>;
}

const indexes = new WeakMap<WorkbookData, RecipientIndex>();

const recipientIndex = (data: WorkbookData): RecipientIndex => {
  const cached = indexes.get(data);
  if (cached) return cached;
  const customerById = new Map<string, Customer>();
  for (const customer of data.customers) {
    const key = customerKey(customer.customerId);
    if (key && !customerById.has(key)) customerById.set(key, customer);
  }
  const contactsByCustomer = new Map<string, Contact[]>();
  for (const contact of data.contacts ?? []) {
    const key = customerKey(contact.customerId);
    if (!key) continue;
    const list = contactsByCustomer.get(key);
    if (list) list.push(contact);
    else contactsByCustomer.set(key, [contact]);
  }
  const index = { customerById, contactsByCustomer };
  indexes.set(data, index);
  return index;
};

export const findCustomer = (data: WorkbookData, customerId: string): Customer | undefined =>
  recipientIndex(data).customerById.get(customerKey(customerId));

export const hasOwnAddress = (contact: Contact): boolean =>
  [contact.street, contact.postalCode, contact.city, contact.country].some((value) => value.trim() !== '');

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

export const contactsToRecipients = (data: WorkbookData, contacts: readonly Contact[]): Recipient[] => {
  const { customerById } = recipientIndex(data);
  return contacts.map((contact) =>
    contactRecipient(contact, customerById.get(customerKey(contact.customerId))),
  );
};

/** A selected customer brings all its contacts; a customer without contacts is a recipient itself. */
export const customersToRecipients = (data: WorkbookData, customers: readonly Customer[]): Recipient[] => {
  const { contactsByCustomer } = recipientIndex(data);
  const recipients: Recipient[] = [];
  for (const customer of customers) {
    const contacts = contactsByCustomer.get(customerKey(customer.customerId));
    if (!contacts) recipients.push(customerRecipient(customer));
    else for (const contact of contacts) recipients.push(contactRecipient(contact, customer));
  }
  return recipients;
};
