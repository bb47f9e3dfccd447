import type { Recipient, WorkbookData } from '../kernel/model';
import { normalizeHeader } from '../read/headers';

/**
 * Consent to advertising (UWG § 7): e-mail advertising needs the recipient's prior consent (or the existing-customer
 * exception of § 7(3), which the add-in cannot judge), phone advertising to a private person their express consent.
 * Consent columns are read where the workbook has them ("Einwilligung E-Mail", "DOI bestätigt am", "Phone consent");
 * they stay ordinary columns of the row and travel into the outputs like any other.
 */
export type ConsentKind = 'email' | 'phone';

const CONSENT_WORD = /einwilligung|consent|zustimmung|erlaubnis|permission|optin/;
const DOUBLE_OPT_IN = /^(doi|doubleoptin)/;
const MAIL_WORD = /mail|newsletter/;
const PHONE_WORD = /telefon|phone|anruf|call/;
const ADVERTISING_WORD = /werb|marketing/;

const kindsByHeader = new Map<string, readonly ConsentKind[]>();

/** The kinds of consent a column header records: none for most columns. */
export const consentKinds = (header: string): readonly ConsentKind[] => {
  let kinds = kindsByHeader.get(header);
  if (kinds === undefined) {
    kinds = kindsOfNormalized(normalizeHeader(header));
    kindsByHeader.set(header, kinds);
  }
  return kinds;
};

function kindsOfNormalized(header: string): ConsentKind[] {
  if (DOUBLE_OPT_IN.test(header)) return ['email'];
  if (!CONSENT_WORD.test(header)) return [];
  const mail = MAIL_WORD.test(header);
  const phone = PHONE_WORD.test(header);
  if (mail || phone) return [...(mail ? (['email'] as const) : []), ...(phone ? (['phone'] as const) : [])];
  // "Einwilligung Werbung", "Marketing consent": for every channel
  return ADVERTISING_WORD.test(header) ? ['email', 'phone'] : [];
}

const YES_WORDS: ReadonlySet<string> = new Set([
  'ja',
  'j',
  'yes',
  'y',
  'x',
  'wahr',
  'true',
  '✓',
  '✔',
  'erteilt',
  'bestätigt',
  'bestaetigt',
  'liegt',
  'vorhanden',
  'confirmed',
  'granted',
  'given',
  'optin',
  'opt-in',
]);
const DATE_TEXT = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/;
const NUMBER_TEXT = /^\d+([.,]\d+)?$/;
const FIRST_WORD_END = /[\s,;:(]/;

/**
 * Whether a consent cell clearly says yes: ja, x, WAHR, 1, yes, ✓, "erteilt", or a date (the day it was given; Excel
 * hands dates to the add-in as serial numbers). Unlike an opt-out, where anything not clearly "no" protects, here only
 * a clear yes counts: "angefragt", "?" or an error cell are no consent.
 */
export const isClearYes = (text: string): boolean => {
  const value = text.trim().toLowerCase();
  if (value === '') return false;
  if (NUMBER_TEXT.test(value)) return Number(value.replace(',', '.')) > 0;
  if (DATE_TEXT.test(value)) return true;
  return YES_WORDS.has(value) || YES_WORDS.has(value.split(FIRST_WORD_END, 1)[0]);
};

/**
 * A person's consent of a kind over all their rows: null when none of their rows has such a column (the workbook
 * records no consent for them), else whether any row clearly says yes — in whatever order the rows stand.
 */
export const consentOf = (rows: readonly Pick<Recipient, 'extra'>[], kind: ConsentKind): boolean | null => {
  let recorded = false;
  for (const { extra } of rows)
    for (const header in extra) {
      if (!consentKinds(header).includes(kind)) continue;
      if (isClearYes(extra[header])) return true;
      recorded = true;
    }
  return recorded ? false : null;
};

/** The consent columns of the workbook's contacts and customers, by kind: what the pane's note depends on. */
export const consentColumns = (
  data: Pick<WorkbookData, 'contacts' | 'customers'>,
): Record<ConsentKind, string[]> => {
  const columns: Record<ConsentKind, string[]> = { email: [], phone: [] };
  for (const records of [data.contacts, data.customers]) {
    const [first] = records ?? [];
    if (!first) continue;
    for (const header of Object.keys(first.extra))
      for (const kind of consentKinds(header))
        if (!columns[kind].includes(header)) columns[kind].push(header);
  }
  return columns;
};
