import { KeySet } from '../kernel/keySet';
import { ROWS_PER_STEP, type Steps } from '../kernel/steps';
import type { Contact, Customer, PersonColumns, SheetMapping } from '../kernel/model';
import { ContactColumnsBuilder, UnknownFirms } from './personColumns';
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

/** Customer rows, in steps (see kernel/steps.ts); rows without a customer number are skipped (totals rows as info). */
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

/**
 * Contact rows, in steps (see kernel/steps.ts); a row needs a contact number, a name or an e-mail. With them the
 * columns of their firms and numbers (PersonColumns), from the lookups the checks make anyway.
 */
export function* contactSteps(
  table: SheetTable,
  mapping: SheetMapping,
  log: ProblemLog,
  customers: readonly Customer[],
  customerRows: CustomerRows | null,
): Steps<{ contacts: Contact[]; columns: PersonColumns }> {
  const reader = new SheetReader(table, mapping, log);
  const codes = new ContactColumnsBuilder(reader.rows.length);
  const unknownFirms = new UnknownFirms(customers.length);
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
    const number = reportDuplicate(reader, seen, contactId, row, 'contactId');
    codes.add(firmOf(reader, contact.customerId, row, customerColumn, customerRows, unknownFirms), number);
    contacts.push(contact);
  }
  const customerFirms = customerRows?.firstRows ?? new Int32Array(customers.length).fill(-1);
  return { contacts, columns: codes.columns(contacts, customers, customerFirms) };
}

/** A contact's firm (PersonColumns.contactFirms); a number not spelled as on the customers sheet is reported. */
function firmOf(
  reader: SheetReader,
  customerId: string,
  row: number,
  column: number,
  customerRows: CustomerRows | null,
  unknownFirms: UnknownFirms,
): number {
  if (customerId === '') return -1;
  if (customerRows) {
    const exact = customerRows.exactRow(customerId);
    const known = exact >= 0 ? exact : matchSpelling(reader, customerRows, customerId, row, column);
    if (known >= 0) return known;
  }
  return unknownFirms.code(customerId);
}
