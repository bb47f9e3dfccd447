import { normalizeHeader } from './headers';
import { KeySet } from '../kernel/keySet';
import type {
  Article,
  Contact,
  Customer,
  Day,
  Field,
  MappingOverrides,
  PersonField,
  SaleLine,
  SalesColumns,
  SheetMapping,
  SheetRole,
  WorkbookData,
} from '../kernel/model';
import type { Problem, ProblemCode, Severity } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import { readBlocklists } from './blocklist';
import { splitFullName } from './fullNames';
import { CustomerRows } from './salesColumns';
import { recognizeWorkbook } from './sheetRoles';
import { STATE_SHEET } from '../workbook/sheetNames';
import type { CellValue, SheetTable } from '../kernel/sheetTable';
import {
  cellText,
  excelSerialToDay,
  isErrorValue,
  isTruthyFlag,
  parseDay,
  parseNumber,
  trimCell,
  type DateSystem,
} from '../kernel/values';

/** Per code and sheet, this many problems are listed one by one; the rest is one summary (a 1M-row sheet). */
export const PROBLEMS_LISTED_PER_SHEET = 20;

/** Collects problems, listing at most PROBLEMS_LISTED_PER_SHEET per code and sheet and counting the rest. */
export class ProblemLog {
  private readonly listed: Problem[] = [];
  private readonly counts = new Map<
    string,
    { code: ProblemCode; severity: Severity; sheet: string; count: number }
  >();

  add(
    code: ProblemCode,
    severity: Severity,
    sheet: string,
    row: number,
    column?: string,
    value?: string,
    detail?: string,
  ): void {
    const key = `${code}\u0000${sheet}`;
    const entry = this.counts.get(key);
    const count = entry ? ++entry.count : 1;
    if (!entry) this.counts.set(key, { code, severity, sheet, count });
    if (count > PROBLEMS_LISTED_PER_SHEET) return;
    const p: Problem = { code, severity, sheet, row };
    if (column !== undefined) p.column = column;
    if (value !== undefined) p.value = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    if (detail !== undefined) p.detail = detail;
    this.listed.push(p);
  }

  problems(): Problem[] {
    const summaries: Problem[] = [];
    for (const { code, severity, sheet, count } of this.counts.values()) {
      if (count > PROBLEMS_LISTED_PER_SHEET)
        summaries.push({ code, severity, sheet, more: count - PROBLEMS_LISTED_PER_SHEET });
    }
    return [...this.listed, ...summaries];
  }
}

const TOTALS_WORDS: ReadonlySet<string> = new Set([
  'summe',
  'summen',
  'gesamt',
  'gesamtsumme',
  'zwischensumme',
  'total',
  'totals',
  'grandtotal',
  'subtotal',
]);

const isBlankCell = (cell: CellValue | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && trimCell(cell) === '');

function isBlankRow(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlankCell(cells[i])) return false;
  return true;
}

const isTotalsWord = (text: string): boolean => TOTALS_WORDS.has(normalizeHeader(text));

/** A "Summe"/"Gesamt"/"Total" row: its first text cell is one of those words (a colon ignored). */
function isTotalsRow(cells: readonly CellValue[]): boolean {
  const first = cells.find((cell) => typeof cell === 'string' && cell.trim() !== '');
  return typeof first === 'string' && isTotalsWord(first);
}

/** Cheap pre-check on the first letter: keys are mostly numbers, and this runs once per row of a large sheet. */
function isTotalsKey(key: string): boolean {
  const initial = key.charCodeAt(0) | 32; // lower case of an ASCII letter
  return (initial === 115 || initial === 103 || initial === 116 || initial === 122) && isTotalsWord(key); // s g t z
}

/** Reads cells of one mapped sheet and reports bad ones; every method is cheap for good cells. */
class SheetReader {
  readonly sheet: string;
  readonly rows: CellValue[][];
  readonly firstDataIndex: number;
  private readonly startRow: number;
  private readonly dateSystem: DateSystem;

  constructor(
    table: SheetTable,
    readonly mapping: SheetMapping,
    readonly log: ProblemLog,
  ) {
    this.sheet = table.name;
    this.rows = table.rows;
    this.startRow = table.startRow ?? 1;
    this.dateSystem = table.dateSystem ?? 1900;
    this.firstDataIndex = mapping.headerRow - this.startRow + 1;
  }

  rowNumber(index: number): number {
    return this.startRow + index;
  }

  column(field: Field): number {
    return this.mapping.columns[field] ?? -1;
  }

  header(column: number): string {
    // Only columns with a header are ever mapped, so a problem can always name the column by its header.
    return this.mapping.headers[column];
  }

  report(code: ProblemCode, severity: Severity, row: number, column?: number, value?: string): void {
    this.log.add(
      code,
      severity,
      this.sheet,
      row,
      column === undefined ? undefined : this.header(column),
      value,
    );
  }

  text(cells: readonly CellValue[], column: number, row: number): string {
    if (column < 0) return '';
    const cell = cells[column];
    if (cell === null || cell === undefined) return '';
    if (typeof cell !== 'string') return cellText(cell);
    const text = trimCell(cell);
    if (text.charCodeAt(0) === 35 && isErrorValue(text)) {
      this.report('errorValue', 'warning', row, column, text);
      return '';
    }
    return text;
  }

  number(cells: readonly CellValue[], column: number, row: number): number | null {
    if (column < 0) return null;
    const cell = cells[column];
    if (typeof cell === 'number') return cell;
    if (isBlankCell(cell)) return null;
    const value = parseNumber(cell);
    if (value === null) this.reportBadCell(cell, 'invalidNumber', row, column);
    return value;
  }

  day(cells: readonly CellValue[], column: number, row: number): Day | null {
    if (column < 0) return null;
    const cell = cells[column];
    if (typeof cell === 'number' && cell >= 61 && cell < 2_958_466)
      return excelSerialToDay(cell, this.dateSystem);
    const parsed = parseDay(cell ?? null, this.dateSystem);
    if (parsed.problem) this.reportBadCell(cell ?? null, parsed.problem, row, column);
    return parsed.day;
  }

  /** The header of the first opt-out column with a truthy flag, or null. */
  optOut(cells: readonly CellValue[], row: number): string | null {
    for (const column of this.mapping.optOutColumns) {
      const cell = cells[column] ?? null;
      if (cell === null || cell === '') continue; // the usual case, decided without trimming
      if (isTruthyFlag(cell)) return this.header(column);
      if (isErrorValue(cell)) this.reportBadCell(cell, 'errorValue', row, column);
    }
    return null;
  }

  extra(cells: readonly CellValue[], row: number): Record<string, string> {
    const extra: Record<string, string> = {};
    for (const column of this.mapping.extraColumns)
      extra[this.mapping.headers[column]] = this.text(cells, column, row);
    return extra;
  }

  /**
   * A row without its key (or with "Summe" as its key): silently skipped when blank, 'totalsRowSkipped' for a
   * totals row, else 'rowWithoutKey'.
   */
  skipRow(cells: readonly CellValue[], row: number, totalsKey = false): void {
    if (!totalsKey && isBlankRow(cells)) return;
    if (totalsKey || isTotalsRow(cells)) this.report('totalsRowSkipped', 'info', row);
    else this.report('rowWithoutKey', 'warning', row);
  }

  private reportBadCell(cell: CellValue, code: ProblemCode, row: number, column: number): void {
    const isError = isErrorValue(cell);
    this.report(isError ? 'errorValue' : code, 'warning', row, column, cellText(cell) || String(cell));
  }
}

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
type PersonColumns = Record<PersonField | 'fullName' | 'houseNumber', number>;

function personColumns(reader: SheetReader): PersonColumns {
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
function readPerson(
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
    record.email = record.email.slice(7).trim();
  applyFullName(record, reader.text(cells, columns.fullName, row));
  appendHouseNumber(record, reader.text(cells, columns.houseNumber, row));
  restorePostalCode(reader, record, cells, row, columns.postalCode);
  record.optOut = reader.optOut(cells, row);
  record.extra = reader.extra(cells, row);
}

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
const newCustomer = (sheet: string, row: number, customerId: string, cells: CellValue[]): Customer => ({
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

const newContact = (sheet: string, row: number, contactId: string, cells: CellValue[]): Contact => ({
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

function requireColumn(reader: SheetReader, field: Field): boolean {
  if (reader.column(field) >= 0) return true;
  reader.log.add(
    'requiredColumnMissing',
    'warning',
    reader.sheet,
    reader.mapping.headerRow,
    undefined,
    undefined,
    field,
  );
  return false;
}

function reportDuplicate(reader: SheetReader, seen: KeySet, id: string, row: number, field: Field): void {
  if (id !== '' && !seen.add(id)) reader.report('duplicateId', 'warning', row, reader.column(field), id);
}

/** The customer numbers of the customers sheet, for the 'unknownCustomer' check of every contact and sales line. */
type CustomerIds = Pick<ReadonlySet<string>, 'has'>;

/** Customer rows; rows without a customer number are skipped (totals rows as info). */
export function parseCustomers(table: SheetTable, mapping: SheetMapping, log: ProblemLog): Customer[] {
  const reader = new SheetReader(table, mapping, log);
  if (!requireColumn(reader, 'customerId')) return [];
  const idColumn = reader.column('customerId');
  const columns = personColumns(reader);
  const customers: Customer[] = [];
  const seen = new KeySet(reader.rows.length);
  for (let i = reader.firstDataIndex; i < reader.rows.length; i++) {
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
export function parseContacts(
  table: SheetTable,
  mapping: SheetMapping,
  log: ProblemLog,
  customerIds: CustomerIds | null,
): Contact[] {
  const reader = new SheetReader(table, mapping, log);
  const idColumn = reader.column('contactId');
  const customerColumn = reader.column('customerId');
  const columns = personColumns(reader);
  const contacts: Contact[] = [];
  const seen = new KeySet(reader.rows.length);
  for (let i = reader.firstDataIndex; i < reader.rows.length; i++) {
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
    if (customerIds && contact.customerId !== '' && !customerIds.has(contact.customerId)) {
      reader.report('unknownCustomer', 'warning', row, customerColumn, contact.customerId);
    }
    contacts.push(contact);
  }
  return contacts;
}

/** Sales lines with the numbers of SalesColumns that only the parser can fill cheaply, one entry per line. */
export interface ParsedSales {
  lines: SaleLine[];
  customerRows: Int32Array;
  days: Float64Array;
}

/**
 * Sales lines: the hot path (a million rows). Column indexes are looked up once; a line without amount but with
 * quantity and unit price gets quantity × unit price.
 */
export function parseSales(
  table: SheetTable,
  mapping: SheetMapping,
  log: ProblemLog,
  customers: CustomerRows | null,
): ParsedSales {
  const reader = new SheetReader(table, mapping, log);
  if (!requireColumn(reader, 'customerId'))
    return { lines: [], customerRows: new Int32Array(0), days: new Float64Array(0) };
  const customerColumn = reader.column('customerId');
  const dateColumn = reader.column('date');
  const noColumn = reader.column('articleNo');
  const nameColumn = reader.column('articleName');
  const quantityColumn = reader.column('quantity');
  const amountColumn = reader.column('amount');
  const priceColumn = amountColumn < 0 ? reader.column('unitPrice') : -1;
  const lines: SaleLine[] = [];
  const rows = reader.rows;
  const room = Math.max(rows.length - reader.firstDataIndex, 0);
  const customerRows = new Int32Array(room);
  const days = new Float64Array(room);
  for (let i = reader.firstDataIndex; i < rows.length; i++) {
    const cells = rows[i];
    const row = reader.rowNumber(i);
    const customerId = reader.text(cells, customerColumn, row);
    if (customerId === '' || isTotalsKey(customerId)) {
      reader.skipRow(cells, row, customerId !== '');
      continue;
    }
    let customerRow = -1;
    if (customers !== null) {
      customerRow = customers.exactRow(customerId);
      if (customerRow < 0) {
        reader.report('unknownCustomer', 'warning', row, customerColumn, customerId);
        customerRow = customers.rowOf(customerId);
      }
    }
    const quantity = reader.number(cells, quantityColumn, row);
    let amount = reader.number(cells, amountColumn, row);
    if (priceColumn >= 0 && quantity !== null) {
      const price = reader.number(cells, priceColumn, row);
      if (price !== null) amount = quantity * price;
    }
    const day = reader.day(cells, dateColumn, row);
    customerRows[lines.length] = customerRow;
    days[lines.length] = day ?? NaN;
    lines.push({
      customerId,
      day,
      articleNo: reader.text(cells, noColumn, row),
      articleName: reader.text(cells, nameColumn, row),
      quantity,
      amount,
      row,
    });
  }
  return {
    lines,
    customerRows: customerRows.subarray(0, lines.length),
    days: days.subarray(0, lines.length),
  };
}

/** Article rows; a row needs a number or a name. */
export function parseArticles(table: SheetTable, mapping: SheetMapping, log: ProblemLog): Article[] {
  const reader = new SheetReader(table, mapping, log);
  const noColumn = reader.column('articleNo');
  const nameColumn = reader.column('articleName');
  if (noColumn < 0 && !requireColumn(reader, 'articleName')) return [];
  const categoryColumn = reader.column('category');
  const articles: Article[] = [];
  for (let i = reader.firstDataIndex; i < reader.rows.length; i++) {
    const cells = reader.rows[i];
    const row = reader.rowNumber(i);
    const articleNo = reader.text(cells, noColumn, row);
    const articleName = reader.text(cells, nameColumn, row);
    const key = articleNo || articleName;
    if (key === '' || isTotalsKey(key)) {
      reader.skipRow(cells, row, key !== '');
      continue;
    }
    articles.push({ articleNo, articleName, category: reader.text(cells, categoryColumn, row) });
  }
  return articles;
}

/** Without an articles sheet: every distinct article number + name that occurs in the sales lines. */
export function articlesFromSales(sales: readonly SaleLine[]): Article[] {
  // Two levels instead of a joined key: no string is built per line of a million-line sheet.
  const byNumber = new Map<string, Map<string, Article>>();
  const articles: Article[] = [];
  for (let i = 0; i < sales.length; i++) {
    const { articleNo, articleName } = sales[i];
    let byName = byNumber.get(articleNo);
    if (!byName) byNumber.set(articleNo, (byName = new Map()));
    if (byName.has(articleName) || (articleNo === '' && articleName === '')) continue;
    const article = { articleNo, articleName, category: '' };
    byName.set(articleName, article);
    articles.push(article);
  }
  return articles;
}

/**
 * Reads the recognised sheets into records. Fails only when an explicit mapping names a sheet or column that is
 * not there (error problems); bad data are warnings and skipped rows, never a failure.
 */
export function parseWorkbook(
  tables: readonly SheetTable[],
  overrides: MappingOverrides = {},
  ownSheets: readonly string[] = [],
): Result<WorkbookData, Problem[]> {
  const blocklists = readBlocklists(tables, overrides, [STATE_SHEET, ...ownSheets]);
  const notInput = [...ownSheets, ...blocklists.map((blocklist) => blocklist.sheet)];
  const { mapping, problems } = recognizeWorkbook(tables, overrides, notInput);
  if (problems.some((p) => p.severity === 'error')) return fail(problems);
  const log = new ProblemLog();
  const tableOf = (role: SheetRole): SheetTable | undefined =>
    tables.find((t) => t.name === mapping[role]?.sheet);
  const customersTable = tableOf('customers');
  const contactsTable = tableOf('contacts');
  const salesTable = tableOf('sales');
  const articlesTable = tableOf('articles');
  const customers =
    customersTable && mapping.customers ? parseCustomers(customersTable, mapping.customers, log) : [];
  const customerRows = customersTable ? new CustomerRows(customers) : null;
  const contacts =
    contactsTable && mapping.contacts
      ? parseContacts(contactsTable, mapping.contacts, log, customerRows)
      : null;
  const parsedSales =
    salesTable && mapping.sales ? parseSales(salesTable, mapping.sales, log, customerRows) : null;
  const sales = parsedSales?.lines ?? [];
  const articles =
    articlesTable && mapping.articles
      ? parseArticles(articlesTable, mapping.articles, log)
      : articlesFromSales(sales);
  const salesColumns: SalesColumns = {
    sales,
    customers,
    customerRows: parsedSales?.customerRows ?? new Int32Array(0),
    days: parsedSales?.days ?? new Float64Array(0),
    firstRows: customerRows?.firstRows ?? new Int32Array(0),
  };
  const allProblems = [...problems, ...log.problems()];
  const data: WorkbookData = {
    contacts,
    customers,
    sales,
    articles,
    mapping,
    problems: allProblems,
    salesColumns,
  };
  if (blocklists.length > 0) data.blocklists = blocklists;
  return ok(data);
}
