import type { RecordSelection } from '../../../core/campaign/campaign';
import type { CellValue } from '../../../core/kernel/sheetTable';
import type { PersonData, Recipient, WorkbookData } from '../../../core/kernel/model';
import { contactsToRecipients, customerRecipient } from '../../../core/select/recipients';

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

const searchText = (cells: readonly CellValue[], person: PersonData): string =>
  [
    ...cells.map(searchableText),
    person.company,
    person.street,
    person.postalCode,
    person.city,
    person.country,
  ]
    .join('\u0001')
    .toLowerCase();

export const pickerRows = (data: WorkbookData, from: RecordSelection['from']): PickerRow[] => {
  if (from === 'contacts') {
    const contacts = data.contacts ?? [];
    const people = contactsToRecipients(data, contacts);
    return contacts.map((contact, i) => ({
      id: contact.contactId,
      person: people[i],
      text: searchText(contact.cells, people[i]),
    }));
  }
  return data.customers.map((customer) => {
    const person = customerRecipient(customer);
    return { id: customer.customerId, person, text: searchText(customer.cells, person) };
  });
};

/** Postal codes compare as text: "01067" stays below "1010", and a prefix such as "8" means the region. */
const postalCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const matchesText = (value: string, wanted: string): boolean =>
  wanted === '' || value.toLowerCase().includes(wanted.toLowerCase());

/**
 * Indexes of the rows that pass the filter. Every search word must occur somewhere in the row; "PLZ bis 50" includes
 * 50999, because users mean a postal region.
 */
export const filterRows = (rows: readonly PickerRow[], filter: RecordFilter): number[] => {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  const city = filter.city.trim();
  const country = filter.country.trim();
  const from = filter.postalFrom.trim();
  const to = filter.postalTo.trim();
  const result: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { person, text } = rows[i];
    if (words.length > 0 && !words.every((word) => text.includes(word))) continue;
    if (!matchesText(person.city, city) || !matchesText(person.country, country)) continue;
    const postal = person.postalCode.trim();
    if (from !== '' && (postal === '' || postalCompare(postal, from) < 0)) continue;
    if (to !== '' && (postal === '' || postalCompare(postal.slice(0, to.length), to) > 0)) continue;
    result.push(i);
  }
  return result;
};

export const displayName = (
  person: Pick<PersonData, 'firstName' | 'lastName' | 'company' | 'email'>,
): string => {
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return name || person.company || person.email || '–';
};
