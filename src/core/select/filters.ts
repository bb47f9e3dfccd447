import type { FilterCondition, FilterValue, RecordSelection } from '../campaign/campaign';
import { normalizeHeader, recognizeColumns } from '../read/headers';
import {
  fieldNamed,
  PERSON_FIELDS,
  ROLE_FIELDS,
  type Contact,
  type Customer,
  type Day,
  type Field,
  type SheetMapping,
  type WorkbookData,
} from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import type { CellValue } from '../kernel/sheetTable';
import { findCustomer, hasOwnAddress } from './recipients';
import { cellText, parseDay, parseNumber } from '../kernel/values';

export type FilterableRecord = Contact | Customer;
export type RecordPredicate = (record: FilterableRecord) => boolean;
type Accessor = (record: FilterableRecord) => CellValue;
type FilterRole = 'contacts' | 'customers';

/** Record properties that hold the parsed text of a field (postal codes restored, names split, …). */
const TEXT_FIELDS: ReadonlySet<string> = new Set<string>([...PERSON_FIELDS, 'contactId', 'customerId']);
/** Serial numbers in cells are read in the 1900 system: WorkbookData does not carry the workbook's date system. */
const DATE_SYSTEM = 1900;
const HASH = 35;

/**
 * How a contact row reaches its customer: a contact without an address of its own is written to at its customer's
 * address, so a filter on Ort or PLZ must see that address, just as the target group does.
 */
export interface CustomerInheritance {
  customers: SheetMapping | undefined;
  customerOf: (contact: Contact) => Customer | undefined;
}

const ADDRESS_FIELDS: ReadonlySet<string> = new Set(['street', 'postalCode', 'city', 'country']);

const inheritedAccessor = (field: Field, inheritance: CustomerInheritance): Accessor | null => {
  if (field === 'company') return (r) => r.company || (inheritance.customerOf(r as Contact)?.company ?? '');
  if (!ADDRESS_FIELDS.has(field)) return null;
  const key = field as 'street' | 'postalCode' | 'city' | 'country';
  return (r) => {
    if (hasOwnAddress(r as Contact)) return r[key];
    return inheritance.customerOf(r as Contact)?.[key] ?? '';
  };
};

const fieldAccessor = (field: Field, inheritance?: CustomerInheritance): Accessor => {
  const inherited = inheritance ? inheritedAccessor(field, inheritance) : null;
  if (inherited) return inherited;
  if (field === 'fullName') return (r) => `${r.firstName} ${r.lastName}`;
  if (field === 'optOut') return (r) => r.optOut ?? '';
  return (r) => (r as unknown as Record<string, string>)[field];
};

const columnAccessor = (
  mapping: SheetMapping,
  column: number,
  inheritance?: CustomerInheritance,
): Accessor => {
  const field = (Object.keys(mapping.columns) as Field[]).find((f) => mapping.columns[f] === column);
  return field && TEXT_FIELDS.has(field) ? fieldAccessor(field, inheritance) : (r) => r.cells[column] ?? null;
};

const fieldInSheet = (mapping: SheetMapping, field: Field): boolean => {
  const { columns } = mapping;
  if (columns[field] !== undefined) return true;
  if (field === 'firstName' || field === 'lastName') return columns.fullName !== undefined;
  if (field === 'fullName') return columns.firstName !== undefined || columns.lastName !== undefined;
  return field === 'optOut' && mapping.optOutColumns.length > 0;
};

/**
 * The column a filter names: a header of the sheet (case, spaces and punctuation do not matter), a field name such as
 * "city", or a known header synonym ("Stadt" finds the "Ort" column). Null when the sheet has no such column.
 */
const resolveColumn = (
  column: string,
  mapping: SheetMapping | undefined,
  role: FilterRole,
  inheritance?: CustomerInheritance,
): Accessor | null => {
  const wanted = normalizeHeader(column);
  const headerIndex = mapping
    ? mapping.headers.findIndex((header) => normalizeHeader(header) === wanted)
    : -1;
  if (mapping && headerIndex >= 0) return columnAccessor(mapping, headerIndex, inheritance);
  const field =
    fieldNamed(column, ROLE_FIELDS[role]) ??
    (Object.keys(recognizeColumns([column], role).columns)[0] as Field | undefined);
  if (!field) return null;
  if (!mapping || fieldInSheet(mapping, field)) return fieldAccessor(field, inheritance);
  const fromCustomer = inheritance?.customers && fieldInSheet(inheritance.customers, field);
  return fromCustomer ? inheritedAccessor(field, inheritance) : null;
};

/** A filter value read once in every way a cell may be compared with it. */
interface Operand {
  text: string;
  number: number | null;
  day: Day | null;
}

const comparableText = (value: CellValue): string =>
  typeof value === 'string' && value.charCodeAt(0) !== HASH
    ? value.trim().toLowerCase()
    : cellText(value).toLowerCase();

/** Umlauts typed on a Mac may arrive decomposed (o + ¨); the filter value is composed once, cells are composed data. */
const operandText = (value: string | number | boolean): string => comparableText(value).normalize('NFC');

const PLAIN_DIGITS = /^\d{1,15}$/;
/** Plain digits (postal codes, ids) are most cells: read them without the full German/English number parser. */
const cellNumber = (cell: CellValue): number | null =>
  typeof cell === 'string' && PLAIN_DIGITS.test(cell) ? Number(cell) : parseNumber(cell);

const toOperand = (value: string | number | boolean): Operand => ({
  text: operandText(value),
  number: typeof value === 'boolean' ? null : parseNumber(value),
  day: typeof value === 'string' ? parseDay(value, DATE_SYSTEM).day : null,
});

const cellDay = (cell: CellValue): Day | null =>
  cell === null || typeof cell === 'boolean' ? null : parseDay(cell, DATE_SYSTEM).day;

/** Numbers when both sides are numbers, dates when both are dates, else text. */
const isEqual = (cell: CellValue, operand: Operand): boolean => {
  if (typeof cell === 'number' && operand.number !== null) return cell === operand.number;
  if (operand.day !== null && (cell instanceof Date || typeof cell === 'number'))
    return cellDay(cell) === operand.day;
  return comparableText(cell) === operand.text;
};

/** Sign of cell − operand; null for empty cells, which are neither greater nor smaller than anything. */
const compare = (cell: CellValue, operand: Operand): number | null => {
  const text = comparableText(cell);
  if (text === '') return null;
  const day = operand.day === null ? null : cellDay(cell);
  if (day !== null) return day - (operand.day as Day);
  const number = operand.number === null ? null : cellNumber(cell);
  if (number !== null) return number - (operand.number as number);
  return text < operand.text ? -1 : text > operand.text ? 1 : 0;
};

const scalar = (value: FilterValue | undefined): string | number | boolean =>
  Array.isArray(value) ? (value[0] ?? '') : (value ?? '');

const ORDERED: Record<'gt' | 'gte' | 'lt' | 'lte', (sign: number) => boolean> = {
  gt: (sign) => sign > 0,
  gte: (sign) => sign >= 0,
  lt: (sign) => sign < 0,
  lte: (sign) => sign <= 0,
};

/** Whether comparableText(cell) is empty, without building the lower-case text. */
const isBlank = (cell: CellValue): boolean =>
  typeof cell === 'string' && cell.charCodeAt(0) !== HASH ? cell.trim() === '' : cellText(cell) === '';

/** `in`: text-only values (the usual list of words) are one set lookup of the cell's text, not one per value. */
const inPredicate = (get: Accessor, operands: readonly Operand[]): RecordPredicate => {
  if (operands.every((operand) => operand.number === null && operand.day === null)) {
    const texts = new Set(operands.map((operand) => operand.text));
    return (r) => texts.has(comparableText(get(r)));
  }
  return (r) => {
    const cell = get(r);
    return operands.some((operand) => isEqual(cell, operand));
  };
};

const conditionPredicate = (get: Accessor, condition: FilterCondition): RecordPredicate => {
  const { op, value } = condition;
  if (op === 'isEmpty') return (r) => isBlank(get(r));
  if (op === 'isNotEmpty') return (r) => !isBlank(get(r));
  if (op === 'in') return inPredicate(get, (Array.isArray(value) ? value : [scalar(value)]).map(toOperand));
  const operand = toOperand(scalar(value));
  switch (op) {
    case 'equals':
      return (r) => isEqual(get(r), operand);
    case 'notEquals':
      return (r) => !isEqual(get(r), operand);
    case 'contains':
      return (r) => comparableText(get(r)).includes(operand.text);
    case 'startsWith':
      return (r) => comparableText(get(r)).startsWith(operand.text);
    default: {
      const accepts = ORDERED[op];
      return (r) => {
        const sign = compare(get(r), operand);
        return sign !== null && accepts(sign);
      };
    }
  }
};

/**
 * Compiles conditions (all must hold) once into one predicate for the rows of a contacts or customers sheet.
 * A column the sheet does not have is an error, never a filter that silently matches nothing.
 */
export const compileFilter = (
  conditions: readonly FilterCondition[],
  mapping: SheetMapping | undefined,
  role: FilterRole,
  inheritance?: CustomerInheritance,
): Result<RecordPredicate, Problem[]> => {
  const problems: Problem[] = [];
  const predicates: RecordPredicate[] = [];
  for (const condition of conditions) {
    const get = resolveColumn(condition.column, mapping, role, inheritance);
    if (get) predicates.push(conditionPredicate(get, condition));
    else
      problems.push(problem('columnNotFound', 'error', { sheet: mapping?.sheet, column: condition.column }));
  }
  if (problems.length > 0) return fail(problems);
  return ok((record) => predicates.every((predicate) => predicate(record)));
};

/** The filter of a contacts or customers selection; contacts see their customer's address where they have none. */
export const compileSelectionFilter = (
  data: WorkbookData,
  selection: RecordSelection,
): Result<RecordPredicate, Problem[]> => {
  const conditions = selection.filter ?? [];
  if (selection.from === 'customers') return compileFilter(conditions, data.mapping.customers, 'customers');
  return compileFilter(conditions, data.mapping.contacts, 'contacts', {
    customers: data.mapping.customers,
    customerOf: (contact) => findCustomer(data, contact.customerId),
  });
};
