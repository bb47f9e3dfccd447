import type { RecordSelection } from '../../../core/campaign/campaign';
import type { CellValue } from '../../../core/kernel/sheetTable';
import type { PersonData, Recipient, WorkbookData } from '../../../core/kernel/model';
import { customerRecipient, workbookRecords } from '../../../core/select/recipients';
import { keptSteps, ROWS_PER_STEP, runSteps, type Steps } from '../../../core/kernel/steps';

/** One row of the contacts or customers picker: the id a selection stores, the person as the core sees it, and a search text. */
export interface PickerRow {
  id: string;
  person: Recipient;
  /** Lower-case text of all the row's columns (and, for a contact, its customer's address), built once. */
  text: string;
}

export interface RecordFilter {
  search: string;
  city: string;
  country: string;
  postalFrom: string;
  postalTo: string;
}

export const emptyRecordFilter = (): RecordFilter => ({
  search: '',
  city: '',
  country: '',
  postalFrom: '',
  postalTo: '',
});

/** A cell as the search box matches it: dates as YYYY-MM-DD, everything else as it is. */
const searchableText = (cell: CellValue): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
};

const SEPARATOR = '\u0001';

/** Built by concatenation: at 300,000 contacts an array per row (spread, map, join) cost half a second. */
const searchText = (cells: readonly CellValue[], person: PersonData): string => {
  let text = '';
  for (const cell of cells) text += searchableText(cell) + SEPARATOR;
  const { company, street, postalCode, city, country } = person;
  return (
    text +
    company +
    SEPARATOR +
    street +
    SEPARATOR +
    postalCode +
    SEPARATOR +
    city +
    SEPARATOR +
    country
  ).toLowerCase();
};

type PickerSource = RecordSelection['from'];

const built: Record<PickerSource, WeakMap<WorkbookData, PickerRow[]>> = {
  contacts: new WeakMap(),
  customers: new WeakMap(),
};

/** The picker's rows if they were built for this workbook already. */
export const knownPickerRows = (data: WorkbookData, from: PickerSource): PickerRow[] | undefined =>
  built[from].get(data);

export const pickerRowCount = (data: WorkbookData, from: PickerSource): number =>
  from === 'contacts' ? (data.contacts?.length ?? 0) : data.customers.length;

/**
 * The picker's rows, built once per workbook and kept: leaving step 2 or adding a selection remounts the picker, and
 * 300,000 rows take a second. A contact's person is the workbook's record of it (record i is contact i), so the
 * target group and the picker share the same objects. Pauses every ROWS_PER_STEP rows; see keptSteps.
 */
export const pickerRowsSteps = (data: WorkbookData, from: PickerSource): Steps<PickerRow[]> =>
  keptSteps(built[from], data, () => buildPickerRows(data, from));

function* buildPickerRows(data: WorkbookData, from: PickerSource): Steps<PickerRow[]> {
  const rows: PickerRow[] = [];
  const count = pickerRowCount(data, from);
  const records = from === 'contacts' ? workbookRecords(data) : null;
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % ROWS_PER_STEP === 0) yield;
    if (records) {
      const contact = data.contacts![i];
      const person = records.recipient(i);
      rows.push({ id: contact.contactId, person, text: searchText(contact.cells, person) });
    } else {
      const customer = data.customers[i];
      const person = customerRecipient(customer);
      rows.push({ id: customer.customerId, person, text: searchText(customer.cells, person) });
    }
  }
  return rows;
}

export const pickerRows = (data: WorkbookData, from: PickerSource): PickerRow[] =>
  runSteps(pickerRowsSteps(data, from));

/** Postal codes compare as text: "01067" stays below "1010", and a prefix such as "8" means the region. */
const postalCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const matchesText = (value: string, wanted: string): boolean =>
  wanted === '' || value.toLowerCase().includes(wanted.toLowerCase());

const searchWords = (filter: RecordFilter): string[] =>
  filter.search.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Indexes of the rows that pass the filter. Every search word must occur somewhere in the row; "PLZ bis 50" includes
 * 50999, because users mean a postal region. `within`: only these rows are looked at (see narrows).
 */
export const filterRows = (
  rows: readonly PickerRow[],
  filter: RecordFilter,
  within?: readonly number[],
): number[] => {
  const words = searchWords(filter);
  const passes = fieldTest(filter);
  const count = within ? within.length : rows.length;
  // an empty filter (a fresh list) shows every row: no need to read 300,000 rows spread over the heap (30 ms)
  if (words.length === 0 && passes === null)
    return within ? within.slice() : Array.from({ length: count }, (_, i) => i);
  const result: number[] = [];
  // plain loops: at 300,000 rows a closure per row and word was most of a keystroke's time
  next: for (let k = 0; k < count; k++) {
    const i = within ? within[k] : k;
    const { person, text } = rows[i];
    for (let w = 0; w < words.length; w++) if (!text.includes(words[w])) continue next;
    if (passes === null || passes(person)) result.push(i);
  }
  return result;
};

/** The test of the filter's other fields, or null when they are all empty (the usual case while typing). */
const fieldTest = (filter: RecordFilter): ((person: Recipient) => boolean) | null => {
  const city = filter.city.trim();
  const country = filter.country.trim();
  const from = filter.postalFrom.trim();
  const to = filter.postalTo.trim();
  if (city === '' && country === '' && from === '' && to === '') return null;
  return (person) => {
    if (!matchesText(person.city, city) || !matchesText(person.country, country)) return false;
    const postal = person.postalCode.trim();
    if (from !== '' && (postal === '' || postalCompare(postal, from) < 0)) return false;
    if (to !== '' && (postal === '' || postalCompare(postal.slice(0, to.length), to) > 0)) return false;
    return true;
  };
};

/**
 * Whether every row `next` passes also passes `previous`: the same other fields, and each word searched before is
 * part of a word searched now ("berlin f" after "berlin"). Then typing on filters the rows shown, not all 300,000.
 */
export const narrows = (previous: RecordFilter, next: RecordFilter): boolean => {
  const sameFields = (['city', 'country', 'postalFrom', 'postalTo'] as const).every(
    (field) => previous[field].trim() === next[field].trim(),
  );
  const words = searchWords(next);
  return sameFields && searchWords(previous).every((word) => words.some((now) => now.includes(word)));
};

export const displayName = (
  person: Pick<PersonData, 'firstName' | 'lastName' | 'company' | 'email'>,
): string => {
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return name || person.company || person.email || '–';
};
