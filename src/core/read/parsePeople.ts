import { KeySet } from '../kernel/keySet';
import { ROWS_PER_STEP, runSteps, type Steps } from '../kernel/steps';
import type { Contact, Customer, SheetMapping } from '../kernel/model';
import type { SheetTable } from '../kernel/sheetTable';
import { newContact, newCustomer, personColumns, readPerson } from './personRow';
import type { ProblemLog } from './problemLog';
import type { CustomerRows } from './salesColumns';
import {
  isBlankRow,
  isTotalsKey,
  matchSpelling,
  reportDuplicate,
  requireColumn,
  SheetReader,
} from './sheetReader';

/** Customer rows; rows without a customer number are skipped (totals rows as info). */
export const parseCustomers = (table: SheetTable, mapping: SheetMapping, log: ProblemLog): Customer[] =>
  runSteps(customerSteps(table, mapping, log));

/** parseCustomers in steps (see kernel/steps.ts). */
export function* customerSteps(table: SheetTable, mapping: SheetMapping, log: ProblemLog): Steps<Customer[]> {
  const reader = new SheetReader(table, mapping, log);
  if (!requireColumn(reader, 'customerId')) return [];
  const idColumn = reader.column('customerId');
  const columns = personColumns(reader);
  const customers: Customer[] = [];
  const seen = new KeySet(reader.rows.length);
  for (let i = reader.firstDataIndex; i < reader.endIndex; i++) {
    if (i % ROWS_PER_STEP === 0) yield;
    const cells = reader.rows[i];
    const row = reader.rowNumber(i);
    const customerId = reader.text(cells, idColumn, row);
    if (customerId === '' || isTotalsKey(customerId)) {
      reader.skipRow(cells, row, customerId !== '');
      continue;
    }
    reportDuplicate(reader, seen, customerId, row, 'customerId');
    const customer = newCustomer(reader.sheet, row, customerId, cells);
    readPerson(reader, columns, customer, cells, row);
    customers.push(customer);
  }
  return customers;
}

/** Contact rows; a row needs a contact number, a name or an e-mail. */
export const parseContacts = (
  table: SheetTable,
  mapping: SheetMapping,
  log: ProblemLog,
  customers: CustomerRows | null,
): Contact[] => runSteps(contactSteps(table, mapping, log, customers));

/** parseContacts in steps (see kernel/steps.ts). */
export function* contactSteps(
  table: SheetTable,
  mapping: SheetMapping,
  log: ProblemLog,
  customers: CustomerRows | null,
): Steps<Contact[]> {
  const reader = new SheetReader(table, mapping, log);
  const idColumn = reader.column('contactId');
  const customerColumn = reader.column('customerId');
  const columns = personColumns(reader);
  const contacts: Contact[] = [];
  const seen = new KeySet(reader.rows.length);
  for (let i = reader.firstDataIndex; i < reader.endIndex; i++) {
    if (i % ROWS_PER_STEP === 0) yield;
    const cells = reader.rows[i];
    const row = reader.rowNumber(i);
    if (isBlankRow(cells)) continue;
    const contactId = reader.text(cells, idColumn, row);
    const contact = newContact(reader.sheet, row, contactId, cells);
    readPerson(reader, columns, contact, cells, row);
    if (contactId === '' && contact.firstName === '' && contact.lastName === '' && contact.email === '') {
      reader.skipRow(cells, row);
      continue;
    }
    contact.customerId = reader.text(cells, customerColumn, row);
    reportDuplicate(reader, seen, contactId, row, 'contactId');
    if (customers && contact.customerId !== '' && !customers.has(contact.customerId))
      matchSpelling(reader, customers, contact.customerId, row, customerColumn);
    contacts.push(contact);
  }
  return contacts;
}
