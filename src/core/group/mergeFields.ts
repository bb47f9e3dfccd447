import type { PersonField, Recipient } from '../kernel/model';
import { isValidEmail } from './typeRules';

/**
 * Which value wins when records of one person merge (README, "Welche Werte gewinnen"): per field the most complete
 * value — a filled one before an empty one, a valid e-mail before an invalid one, the postal address with street and
 * city and then with more parts, always as a whole from one row — and between equally complete values the first row
 * in sheet order (contacts before customers).
 */

const SIMPLE_FIELDS = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'company',
  'phone',
  'mobile',
] as const satisfies readonly PersonField[];
const ADDRESS_FIELDS = ['street', 'postalCode', 'city', 'country'] as const satisfies readonly PersonField[];

const filled = (value: string): boolean => value.trim() !== '';

const firstFilled = (records: readonly Recipient[], read: (record: Recipient) => string): string =>
  read(records.find((record) => filled(read(record))) ?? records[0]);

/** A letter needs street and city, so an address with both beats any without; then more parts beat fewer. */
const addressScore = (record: Recipient): number =>
  (filled(record.street) && filled(record.city) ? ADDRESS_FIELDS.length + 1 : 0) +
  ADDRESS_FIELDS.filter((field) => filled(record[field])).length;

const bestAddress = (records: readonly Recipient[]): Recipient =>
  records.reduce((best, record) => (addressScore(record) > addressScore(best) ? record : best));

const bestEmail = (records: readonly Recipient[]): string =>
  records.find((record) => isValidEmail(record.email))?.email ?? firstFilled(records, (r) => r.email);

const mergedExtra = (records: readonly Recipient[]): Record<string, string> => {
  const extra: Record<string, string> = {};
  for (const record of records)
    for (const [header, value] of Object.entries(record.extra))
      if (!filled(extra[header] ?? '')) extra[header] = value;
  return extra;
};

/** One recipient from the records of one person, given in sheet order; it keeps the first record's sheet and row. */
export const mergeRecords = (records: readonly Recipient[]): Recipient => {
  if (records.length === 1) return records[0];
  const [first] = records;
  const address = bestAddress(records);
  const merged: Recipient = {
    ...first,
    contactId: firstFilled(records, (r) => r.contactId),
    customerId: firstFilled(records, (r) => r.customerId),
    email: bestEmail(records),
    street: address.street,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
    extra: mergedExtra(records),
  };
  for (const field of SIMPLE_FIELDS) merged[field] = firstFilled(records, (r) => r[field]);
  return merged;
};
