import type { Contact, Customer, PersonField } from '../kernel/model';
import type { CellValue } from '../kernel/sheetTable';
import { normalizeHeader } from './headers';
import { splitFullName } from './personNames';
import type { SheetReader } from './sheetReader';

const GERMAN_COUNTRIES: ReadonlySet<string> = new Set([
  '',
  'de',
  'd',
  'deu',
  'deutschland',
  'germany',
  'bundesrepublikdeutschland',
]);

type PersonRecord = Contact | Customer;

/** Column of each person field, looked up once per sheet rather than once per cell (-1: not mapped). */
export type PersonColumns = Record<PersonField | 'fullName' | 'houseNumber', number>;

export function personColumns(reader: SheetReader): PersonColumns {
  return {
    salutation: reader.column('salutation'),
    title: reader.column('title'),
    firstName: reader.column('firstName'),
    lastName: reader.column('lastName'),
    company: reader.column('company'),
    street: reader.column('street'),
    postalCode: reader.column('postalCode'),
    city: reader.column('city'),
    country: reader.column('country'),
    email: reader.column('email'),
    phone: reader.column('phone'),
    mobile: reader.column('mobile'),
    fullName: reader.column('fullName'),
    houseNumber: reader.mapping.houseNumberColumn ?? -1,
  };
}

/** Fills the person fields of a record from its row, then repairs what spreadsheets typically break. */
export function readPerson(
  reader: SheetReader,
  columns: PersonColumns,
  record: PersonRecord,
  cells: readonly CellValue[],
  row: number,
): void {
  // One named store per field (not a loop over field names): this runs for every row of a contacts sheet.
  record.salutation = reader.text(cells, columns.salutation, row);
  record.title = reader.text(cells, columns.title, row);
  record.firstName = reader.text(cells, columns.firstName, row);
  record.lastName = reader.text(cells, columns.lastName, row);
  record.company = reader.text(cells, columns.company, row);
  record.street = reader.text(cells, columns.street, row);
  record.postalCode = reader.text(cells, columns.postalCode, row);
  record.city = reader.text(cells, columns.city, row);
  record.country = reader.text(cells, columns.country, row);
  record.email = reader.text(cells, columns.email, row);
  record.phone = reader.text(cells, columns.phone, row);
  record.mobile = reader.text(cells, columns.mobile, row);
  if (record.email !== '' && record.email.slice(0, 7).toLowerCase() === 'mailto:')
    record.email = mailtoAddress(record.email);
  applyFullName(record, reader.text(cells, columns.fullName, row));
  appendHouseNumber(record, reader.text(cells, columns.houseNumber, row));
  restorePostalCode(reader, record, cells, row, columns.postalCode);
  record.optOut = reader.optOut(cells, row);
  record.extra = reader.extra(cells, row);
}

/** "mailto:bernd@example.de?subject=Angebot" → the address; a hyperlink cell's target reads as such a text. */
const mailtoAddress = (link: string): string => {
  const query = link.indexOf('?');
  return link.slice(7, query < 0 ? link.length : query).trim();
};

function applyFullName(record: PersonRecord, fullName: string): void {
  if (fullName === '' || record.firstName !== '' || record.lastName !== '') return;
  const split = splitFullName(fullName);
  record.firstName = split.firstName;
  record.lastName = split.lastName;
  if (record.salutation === '') record.salutation = split.salutation;
  if (record.title === '') record.title = split.title;
}

/** "Hauptstraße" + "12" → "Hauptstraße 12"; a street that already ends with the number stays as it is. */
function appendHouseNumber(record: PersonRecord, houseNumber: string): void {
  if (houseNumber === '' || record.street.endsWith(` ${houseNumber}`)) return;
  record.street = record.street === '' ? houseNumber : `${record.street} ${houseNumber}`;
}

/** A German postal code typed as a number loses its leading zero (01067 → 1067): Word would print it wrong. */
function restorePostalCode(
  reader: SheetReader,
  record: PersonRecord,
  cells: readonly CellValue[],
  row: number,
  column: number,
): void {
  const cell = column < 0 ? null : cells[column];
  if (typeof cell !== 'number' || cell < 1000 || cell > 9999 || !Number.isInteger(cell)) return;
  if (!GERMAN_COUNTRIES.has(normalizeHeader(record.country))) return;
  record.postalCode = `0${cell}`;
  reader.report('postalCodeRestored', 'info', row, column, record.postalCode);
}

/** Placeholder until readPerson reads the extra columns: an empty object per row would be garbage at once. */
const EXTRA_NOT_READ: Record<string, string> = Object.freeze({});

/*
 * The person fields are spelled out, not spread from a shared empty record: a spread in the middle of a literal copies
 * property by property, once per row.
 */
export const newCustomer = (
  sheet: string,
  row: number,
  customerId: string,
  cells: CellValue[],
): Customer => ({
  sheet,
  row,
  customerId,
  cells,
  salutation: '',
  title: '',
  firstName: '',
  lastName: '',
  company: '',
  street: '',
  postalCode: '',
  city: '',
  country: '',
  email: '',
  phone: '',
  mobile: '',
  optOut: null,
  extra: EXTRA_NOT_READ,
});

export const newContact = (sheet: string, row: number, contactId: string, cells: CellValue[]): Contact => ({
  sheet,
  row,
  contactId,
  customerId: '',
  cells,
  salutation: '',
  title: '',
  firstName: '',
  lastName: '',
  company: '',
  street: '',
  postalCode: '',
  city: '',
  country: '',
  email: '',
  phone: '',
  mobile: '',
  optOut: null,
  extra: EXTRA_NOT_READ,
});
