import { codeIn } from '../kernel/keySet';
import type { Contact, Customer, PersonColumns, WorkbookData } from '../kernel/model';
import { ROWS_PER_STEP, type Steps } from '../kernel/steps';
import { customerKey } from './customerKeys';
import { CustomerRows } from './salesColumns';

const NONE = -1;

/**
 * Firm codes for customer numbers no customer has (see PersonColumns.contactFirms): they follow the customer rows,
 * one per number in any spelling, so that two contacts of the same unknown firm still share it.
 */
export class UnknownFirms {
  private readonly codes = new Map<string, number>();

  constructor(private readonly customerCount: number) {}

  code(customerId: string): number {
    const key = customerKey(customerId);
    return key === '' ? NONE : this.customerCount + codeIn(this.codes, key);
  }
}

/** The contacts' columns, filled row by row as the parser keeps a contact. */
export class ContactColumnsBuilder {
  private count = 0;
  private readonly firms: Int32Array;
  private readonly numbers: Int32Array;

  constructor(maxRows: number) {
    this.firms = new Int32Array(maxRows);
    this.numbers = new Int32Array(maxRows);
  }

  add(firm: number, number: number): void {
    this.firms[this.count] = firm;
    this.numbers[this.count++] = number;
  }

  columns(
    contacts: readonly Contact[],
    customers: readonly Customer[],
    customerFirms: Int32Array,
  ): PersonColumns {
    return {
      contacts,
      customers,
      customerFirms,
      contactFirms: this.firms.slice(0, this.count),
      contactNumbers: this.numbers.slice(0, this.count),
    };
  }
}

const NO_CONTACTS: readonly Contact[] = Object.freeze([]);

/**
 * The columns for records that did not come from the parser (built by hand, or rows appended later), from their
 * strings: what the parser makes while reading, and the oracle its columns are tested against.
 */
export function* personColumnsSteps(
  contacts: readonly Contact[],
  customers: readonly Customer[],
): Steps<PersonColumns> {
  const rows = new CustomerRows(customers);
  const unknown = new UnknownFirms(customers.length);
  const numbers = new Map<string, number>();
  const columns = new ContactColumnsBuilder(contacts.length);
  for (let i = 0; i < contacts.length; i++) {
    if (i > 0 && i % ROWS_PER_STEP === 0) yield;
    const customerId = contacts[i].customerId.trim();
    const known = customerId === '' ? NONE : rows.rowOf(customerId);
    const number = contacts[i].contactId.trim();
    columns.add(
      known >= 0 ? known : unknown.code(customerId),
      number === '' ? NONE : codeIn(numbers, number),
    );
  }
  return columns.columns(contacts, customers, rows.firstRows);
}

/** The same arrays, and still of the same length: rows appended later void the columns too. */
const describes = (columns: PersonColumns | undefined, data: WorkbookData): columns is PersonColumns =>
  columns !== undefined &&
  (data.contacts === null || columns.contacts === data.contacts) &&
  columns.customers === data.customers &&
  columns.contactFirms.length === (data.contacts ?? NO_CONTACTS).length &&
  columns.customerFirms.length === data.customers.length;

const derived = new WeakMap<WorkbookData, PersonColumns>();

/** The parser's columns when they describe the workbook's records, else columns derived once from them. */
export function* personColumnsOfSteps(data: WorkbookData): Steps<PersonColumns> {
  if (describes(data.personColumns, data)) return data.personColumns;
  let columns = derived.get(data);
  if (!describes(columns, data))
    derived.set(data, (columns = yield* personColumnsSteps(data.contacts ?? NO_CONTACTS, data.customers)));
  return columns;
}
