import type { CampaignType } from '../campaign/campaign';
import type { Member } from '../group/targetGroupModel';
import type { Language } from '../kernel/language';
import type { Recipient } from '../kernel/model';
import { problem, type Problem, type ProblemCode } from '../kernel/problems';
import { isDomestic, isGermanPostalCode } from './countries';
import { letterFor, type Letter, type LetterOptions } from './letter';
import { ADDRESS_COLUMNS, mergeFieldHeaders } from './targetTable';

/** Word's Excel connection reads at most 255 characters of a field and drops the rest without a word. */
export const MAX_FIELD_LENGTH = 255;
/** A DL envelope's window is 85 mm wide: about 40 characters of 10-point text (the messages say 40 too). */
export const MAX_ADDRESS_LINE = 40;

export const PREFLIGHT_CODES = [
  'letterWithoutStreet',
  'missingPostalCode',
  'postalCodeNotFiveDigits',
  'addressLineTooLong',
  'salutationMissing',
  'fieldTooLong',
] as const satisfies readonly ProblemCode[];
export type PreflightCode = (typeof PREFLIGHT_CODES)[number];

/** One member whose letter would print wrong, and why. */
export interface PreflightEntry {
  key: string;
  /** Who, as the user knows them: "Anna Schmidt (Schmidt Bau GmbH)". */
  name: string;
  problems: Problem[];
}

export interface PreflightReport {
  /** Members checked: everyone who would be exported. */
  checked: number;
  /** Only members with at least one finding, in export order. */
  entries: PreflightEntry[];
  /** Findings per code (a member counts once per code). */
  counts: Partial<Record<PreflightCode, number>>;
}

/** Postal letters are printed from the address lines; the other types merge the greeting at most. */
const isPostal = (type: CampaignType): boolean => type === 'letter';

const addressFindings = (recipient: Recipient, letter: Letter, lang: Language): Problem[] => {
  const where = { sheet: recipient.sheet, row: recipient.row };
  const found: Problem[] = [];
  if (letter.streetMissing) found.push(problem('letterWithoutStreet', 'warning', where));
  if (recipient.postalCode === '') found.push(problem('missingPostalCode', 'warning', where));
  else if (isDomestic(recipient.country) && !isGermanPostalCode(recipient.postalCode))
    found.push(problem('postalCodeNotFiveDigits', 'warning', { ...where, value: recipient.postalCode }));
  const headers = mergeFieldHeaders(lang);
  letter.addressLines.forEach((line, i) => {
    if (line.length > MAX_ADDRESS_LINE)
      found.push(
        problem('addressLineTooLong', 'warning', {
          ...where,
          value: line,
          detail: headers[ADDRESS_COLUMNS[i]],
        }),
      );
  });
  return found;
};

/** Every text that goes into the export for this member, by its merge field name. */
const mergedTexts = (recipient: Recipient, letter: Letter, lang: Language): Array<[string, string]> => {
  const headers = mergeFieldHeaders(lang);
  return [
    [headers.contactId, recipient.contactId],
    [headers.customerId, recipient.customerId],
    [headers.title, recipient.title],
    [headers.firstName, recipient.firstName],
    [headers.lastName, recipient.lastName],
    [headers.greeting, letter.greeting],
    [headers.company, recipient.company],
    [headers.street, recipient.street],
    [headers.city, recipient.city],
    [headers.email, recipient.email],
    ...Object.entries(recipient.extra),
  ];
};

const lengthFindings = (recipient: Recipient, letter: Letter, lang: Language): Problem[] =>
  mergedTexts(recipient, letter, lang)
    .filter(([, text]) => text.length > MAX_FIELD_LENGTH)
    .map(([field, text]) =>
      problem('fieldTooLong', 'warning', {
        sheet: recipient.sheet,
        row: recipient.row,
        detail: field,
        value: String(text.length),
      }),
    );

export const displayName = (recipient: Recipient): string => {
  const name = [recipient.firstName, recipient.lastName].filter((part) => part !== '').join(' ');
  if (name !== '' && recipient.company !== '') return `${name} (${recipient.company})`;
  return name || recipient.company || recipient.email || `${recipient.sheet} ${recipient.row}`;
};

/**
 * What would print wrong, member by member, before anything is exported: for a letter no street or postal code, a
 * German postal code that is not five digits, an address line wider than the envelope window; for every merge a
 * named person without Anrede and a field longer than Word reads. The export still runs ("trotzdem exportieren").
 */
export const preflight = (
  members: readonly Member[],
  type: CampaignType,
  options: LetterOptions,
): PreflightReport => {
  const entries: PreflightEntry[] = [];
  const counts: Partial<Record<PreflightCode, number>> = {};
  for (const { key, recipient } of members) {
    const letter = letterFor(recipient, options);
    const problems = [
      ...(isPostal(type) ? addressFindings(recipient, letter, options.language) : []),
      ...(letter.salutationMissing
        ? [problem('salutationMissing', 'warning', { sheet: recipient.sheet, row: recipient.row })]
        : []),
      ...lengthFindings(recipient, letter, options.language),
    ];
    if (problems.length === 0) continue;
    entries.push({ key, name: displayName(recipient), problems });
    for (const code of new Set(problems.map((p) => p.code as PreflightCode)))
      counts[code] = (counts[code] ?? 0) + 1;
  }
  return { checked: members.length, entries, counts };
};

/** Whether the report found anything at all. */
export const hasFindings = (report: PreflightReport): boolean => report.entries.length > 0;
