import type { Field, SheetRole } from '../kernel/model';
import type { Problem } from '../kernel/problems';
import type { CellValue } from '../kernel/sheetTable';
import { cellText } from '../kernel/values';

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Header identity: case, spaces, punctuation, umlauts/ß and accents do not matter ("Kunden-Nr." = "kundennr"). */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => UMLAUTS[ch])
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

type Synonyms = readonly string[];

const CONTACT_ID: Synonyms = [
  'Kontakt-Nr.',
  'Kontaktnummer',
  'Kontakt ID',
  'Ansprechpartner-Nr.',
  'Ansprechpartnernummer',
  'AP-Nr.',
  'Person-Nr.',
  'Personennummer',
  'Contact ID',
  'Contact no.',
  'Contact number',
  'Person ID',
];
const CUSTOMER_ID: Synonyms = [
  'Kunden-Nr.',
  'Kundennummer',
  'Kd.-Nr.',
  'Cust. no.',
  'Kunden ID',
  'Kundennr',
  'Kundnr',
  'KNr',
  'Debitor',
  'Debitorennummer',
  'Debitoren-Nr.',
  'Deb.-Nr.',
  'Customer ID',
  'Customer no.',
  'Customer number',
  'Account ID',
  'Account number',
  'Client ID',
  'Kunde',
  'Customer',
];
/** Not "Briefanrede": that is a whole greeting line of the user's own, which the letter uses as it is (letter.ts). */
const SALUTATION: Synonyms = ['Anrede', 'Salutation'];
const TITLE: Synonyms = ['Titel', 'Akad. Titel', 'Title'];
const FIRST_NAME: Synonyms = ['Vorname', 'First name', 'Firstname', 'Given name', 'Forename'];
const LAST_NAME: Synonyms = ['Nachname', 'Familienname', 'Zuname', 'Last name', 'Surname', 'Family name'];
const FULL_NAME: Synonyms = [
  'Ansprechpartner',
  'Kontaktperson',
  'Ansprechperson',
  'Vollständiger Name',
  'Kontaktname',
  'Contact name',
  'Contact person',
  'Full name',
];
const COMPANY: Synonyms = [
  'Firma',
  'Firmenname',
  'Firmenbezeichnung',
  'Unternehmen',
  'Unternehmensname',
  'Name 1',
  'Kundenname',
  'Company',
  'Company name',
  'Organisation',
  'Organization',
  'Account name',
];
const STREET: Synonyms = [
  'Straße',
  'Str.',
  'Straße und Hausnummer',
  'Straße Nr.',
  'Hausanschrift',
  'Anschrift',
  'Adresse',
  'Address',
  'Street',
  'Street address',
  'Address line 1',
];
const HOUSE_NUMBER: Synonyms = ['Hausnummer', 'Hausnr.', 'Haus-Nr.', 'House number', 'Street number'];
const POSTAL_CODE: Synonyms = [
  'PLZ',
  'Postleitzahl',
  'Postal code',
  'Postcode',
  'ZIP',
  'ZIP code',
  'ZIP/Postal code',
];
const CITY: Synonyms = ['Ort', 'Stadt', 'Wohnort', 'Ort geschäftlich', 'Ort privat', 'City', 'Town'];
const COUNTRY: Synonyms = ['Land', 'Staat', 'Land/Region', 'Länderkennzeichen', 'Country', 'Country/Region'];
const EMAIL: Synonyms = ['E-Mail', 'E-Mail-Adresse', 'Mail', 'Mailadresse', 'Email address', 'Email'];
const PHONE: Synonyms = [
  'Telefon',
  'Tel.',
  'Telefonnummer',
  'Tel.-Nr.',
  'Festnetz',
  'Phone',
  'Phone number',
  'Telephone',
];
const MOBILE: Synonyms = [
  'Mobil',
  'Mobiltelefon',
  'Mobilnummer',
  'Handy',
  'Handynummer',
  'Mobile',
  'Mobile phone',
  'Cell phone',
];
const OPT_OUT: Synonyms = [
  'Werbesperre',
  'Werbewiderspruch',
  'Widerspruch Werbung',
  'Keine Werbung',
  'Newsletter abgemeldet',
  'Kein Newsletter',
  'Abgemeldet',
  'Sperrvermerk',
  'Sperre',
  'Opt-out',
  'Unsubscribed',
  'Do not contact',
  'Do not mail',
  'No marketing',
];
const DATE: Synonyms = [
  'Datum',
  'Rechnungsdatum',
  'Belegdatum',
  'Beleg-Datum',
  'Auftragsdatum',
  'Bestelldatum',
  'Lieferdatum',
  'Verkaufsdatum',
  'Date',
  'Order date',
  'Invoice date',
  'Sales date',
];
const ARTICLE_NO: Synonyms = [
  'Artikel-Nr.',
  'Artikelnummer',
  'Art.-Nr.',
  'Product code',
  'Item code',
  'Produktnummer',
  'Produkt-Nr.',
  'Article no.',
  'Article number',
  'Item no.',
  'Item number',
  'Product ID',
  'Product no.',
  'SKU',
];
const ARTICLE_NAME: Synonyms = [
  'Artikel',
  'Artikelname',
  'Artikelbezeichnung',
  'Bezeichnung',
  'Produkt',
  'Produktname',
  'Article',
  'Product',
  'Product name',
  'Item',
  'Description',
];
const QUANTITY: Synonyms = ['Menge', 'Anzahl', 'Stück', 'Stk.', 'Quantity', 'Qty', 'Units'];
const AMOUNT: Synonyms = [
  'Betrag',
  'Umsatz',
  'Umsatz netto',
  'Nettoumsatz',
  'Bruttobetrag',
  'Net amount',
  'Gross amount',
  'Gesamtpreis',
  'Nettobetrag',
  'Summe',
  'Amount',
  'Revenue',
  'Total',
  'Line total',
];
const UNIT_PRICE: Synonyms = ['Einzelpreis', 'Preis', 'Stückpreis', 'VK-Preis', 'Unit price', 'Price'];
const PURCHASE_PRICE: Synonyms = [
  'Einkaufspreis',
  'EK',
  'EK-Preis',
  'EK netto',
  'Einstandspreis',
  'Purchase price',
  'Cost price',
  'Unit cost',
];
/** An amount per line (sales) or per unit (articles), or a share of the price ("25 %"): see read/margins.ts. */
const MARGIN: Synonyms = [
  'Marge',
  'Deckungsbeitrag',
  'Rohertrag',
  'Rohgewinn',
  'Margin',
  'Gross margin',
  'Contribution margin',
  'Gross profit',
];
const CATEGORY: Synonyms = [
  'Kategorie',
  'Warengruppe',
  'Artikelgruppe',
  'Produktgruppe',
  'Category',
  'Product group',
];

const PERSON = {
  salutation: SALUTATION,
  title: TITLE,
  firstName: FIRST_NAME,
  lastName: LAST_NAME,
  fullName: FULL_NAME,
  company: COMPANY,
  street: STREET,
  houseNumber: HOUSE_NUMBER,
  postalCode: POSTAL_CODE,
  city: CITY,
  country: COUNTRY,
  email: EMAIL,
  phone: PHONE,
  mobile: MOBILE,
};

/** A house-number column is recognised too, but it is no field of its own: the reader joins it to the street. */
type Matchable = Field | 'houseNumber';
type FieldSynonyms = Partial<Record<Exclude<Matchable, 'optOut'>, Synonyms>>;

const DICTIONARY: Record<SheetRole, FieldSynonyms> = {
  contacts: { contactId: CONTACT_ID, customerId: CUSTOMER_ID, ...PERSON },
  customers: { customerId: CUSTOMER_ID, ...PERSON },
  sales: {
    date: DATE,
    customerId: CUSTOMER_ID,
    articleNo: ARTICLE_NO,
    articleName: ARTICLE_NAME,
    quantity: QUANTITY,
    amount: AMOUNT,
    unitPrice: UNIT_PRICE,
    purchasePrice: PURCHASE_PRICE,
    margin: MARGIN,
  },
  articles: {
    articleNo: ARTICLE_NO,
    articleName: ARTICLE_NAME,
    category: CATEGORY,
    purchasePrice: PURCHASE_PRICE,
    margin: MARGIN,
  },
};

/**
 * Fields whose headers often carry a qualifier ("E-Mail geschäftlich", "Telefon (Zentrale)", Outlook's
 * "Postleitzahl geschäftlich"): a synonym of at least 5 letters matches as a prefix.
 */
const PREFIX_FIELDS: ReadonlySet<Matchable> = new Set<Matchable>([
  'email',
  'phone',
  'mobile',
  'street',
  'postalCode',
  'city',
  'country',
  'optOut',
]);
const PREFIX_RANK = 1000;

interface FieldEntry {
  field: Matchable;
  names: readonly string[];
}

const normalizeAll = (synonyms: Synonyms): string[] => synonyms.map(normalizeHeader);

const ENTRIES: Record<SheetRole, FieldEntry[]> = {
  contacts: buildEntries(DICTIONARY.contacts, true),
  customers: buildEntries(DICTIONARY.customers, true),
  sales: buildEntries(DICTIONARY.sales, false),
  articles: buildEntries(DICTIONARY.articles, false),
};

function buildEntries(synonyms: FieldSynonyms, withOptOut: boolean): FieldEntry[] {
  const entries = Object.entries(synonyms).map(([field, names]) => ({
    field: field as Matchable,
    names: normalizeAll(names),
  }));
  return withOptOut ? [...entries, { field: 'optOut', names: normalizeAll(OPT_OUT) }] : entries;
}

/** "Name" alone means different things depending on the other columns (see resolvePlainName). */
const PLAIN_NAME = 'name';

/** Rank of a header for an entry: synonym position for an exact match, PREFIX_RANK + position for a prefix, or -1. */
function matchRank(header: string, entry: FieldEntry): number {
  const exact = entry.names.indexOf(header);
  if (exact >= 0) return exact;
  if (!PREFIX_FIELDS.has(entry.field)) return -1;
  const prefix = entry.names.findIndex((name) => name.length >= 5 && header.startsWith(name));
  return prefix >= 0 ? PREFIX_RANK + prefix : -1;
}

const ALL_KNOWN: ReadonlySet<string> = new Set(
  Object.values(ENTRIES).flatMap((entries) => entries.flatMap((entry) => entry.names)),
);

/** Whether a header text is in the dictionary of the role (of any role when none is given). */
export function isKnownHeader(text: string, role?: SheetRole): boolean {
  const header = normalizeHeader(text);
  if (header === PLAIN_NAME) return true;
  if (!role) return ALL_KNOWN.has(header);
  return ENTRIES[role].some((entry) => matchRank(header, entry) >= 0);
}

/** A letterhead, a title and a blank line or two above the headers: people's lists start lower than row 10. */
export const HEADER_SCAN_ROWS = 30;

function headerEvidence(
  row: readonly CellValue[],
  role?: SheetRole,
): { filled: number; texts: number; known: number } {
  let filled = 0;
  let texts = 0;
  let known = 0;
  for (const cell of row) {
    if (cell === null || cell === '') continue;
    filled++;
    if (typeof cell !== 'string') continue;
    texts++;
    if (isKnownHeader(cell, role)) known++;
  }
  return { filled, texts, known };
}

/**
 * Index of the header row within `rows`: the first of the first HEADER_SCAN_ROWS rows with at least two recognised header texts
 * and mostly text cells. Without such a row, the first row of at least two cells that are all text (so an explicit
 * column mapping still finds its headers). Null when neither exists.
 */
export function findHeaderRow(rows: readonly CellValue[][], role?: SheetRole): number | null {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  let allTextRow: number | null = null;
  for (let i = 0; i < limit; i++) {
    const { filled, texts, known } = headerEvidence(rows[i], role);
    if (known >= 2 && texts * 3 >= filled * 2) return i;
    if (allTextRow === null && filled >= 2 && texts === filled) allTextRow = i;
  }
  return allTextRow;
}

export interface RecognizedColumns {
  /** field → 0-based column index. */
  columns: Partial<Record<Field, number>>;
  optOutColumns: number[];
  /** Columns with a header that no field took; columns without a header are dropped. */
  extraColumns: number[];
  houseNumberColumn?: number;
  /** 'columnNotFound' for overrides naming a header that is not there (without sheet: the caller knows it). */
  problems: Problem[];
}

interface Candidate {
  field: Matchable;
  column: number;
  rank: number;
}

function collectCandidates(
  normalized: readonly string[],
  role: SheetRole,
  taken: ReadonlySet<number>,
): Candidate[] {
  const candidates: Candidate[] = [];
  normalized.forEach((header, column) => {
    if (header === '' || taken.has(column)) return;
    for (const entry of ENTRIES[role]) {
      const rank = matchRank(header, entry);
      if (rank >= 0) candidates.push({ field: entry.field, column, rank });
    }
  });
  // Best rank first; equal ranks: the leftmost column wins.
  return candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
}

/**
 * "Name" alone: on a contacts sheet the last name next to a first-name column, else the full name; on a customers
 * sheet the company when there is no company and no first-name column (a B2B customer list), else the person.
 */
function resolvePlainName(role: SheetRole, columns: Partial<Record<Field, number>>): Field | null {
  if (role !== 'contacts' && role !== 'customers') return null;
  if (role === 'customers' && columns.company === undefined && columns.firstName === undefined)
    return 'company';
  if (columns.firstName !== undefined) return columns.lastName === undefined ? 'lastName' : null;
  return columns.fullName === undefined && columns.lastName === undefined ? 'fullName' : null;
}

function applyOverrides(
  normalized: readonly string[],
  overrides: Partial<Record<Field, string>>,
  result: RecognizedColumns,
  taken: Set<number>,
): void {
  for (const [field, header] of Object.entries(overrides) as [Field, string][]) {
    const column = normalized.indexOf(normalizeHeader(header));
    if (column < 0) {
      result.problems.push({ code: 'columnNotFound', severity: 'error', column: header, detail: field });
      continue;
    }
    if (field === 'optOut') result.optOutColumns.push(column);
    else result.columns[field] = column;
    taken.add(column);
  }
}

/** Which column is which field. An explicit override (field → header text) always wins. */
export function recognizeColumns(
  headers: readonly string[],
  role: SheetRole,
  overrides: Partial<Record<Field, string>> = {},
): RecognizedColumns {
  const normalized = headers.map(normalizeHeader);
  const result: RecognizedColumns = { columns: {}, optOutColumns: [], extraColumns: [], problems: [] };
  const taken = new Set<number>();
  applyOverrides(normalized, overrides, result, taken);
  for (const { field, column } of collectCandidates(normalized, role, taken)) {
    if (taken.has(column)) continue;
    if (field === 'optOut') result.optOutColumns.push(column);
    else if (field === 'houseNumber') {
      if (result.houseNumberColumn !== undefined) continue;
      result.houseNumberColumn = column;
    } else if (result.columns[field] === undefined) result.columns[field] = column;
    else continue;
    taken.add(column);
  }
  const plainName = normalized.indexOf(PLAIN_NAME);
  const plainNameField =
    plainName >= 0 && !taken.has(plainName) ? resolvePlainName(role, result.columns) : null;
  if (plainNameField) {
    result.columns[plainNameField] = plainName;
    taken.add(plainName);
  }
  result.optOutColumns.sort((a, b) => a - b);
  result.extraColumns = normalized.flatMap((header, column) =>
    header !== '' && !taken.has(column) ? [column] : [],
  );
  return result;
}

/**
 * Header texts that name one column each: a repeated header gets a number ("Notiz", "Notiz (2)"), so that both
 * columns are kept and reach the outputs. Headers count as the same when the recognition would take them for the
 * same (case, spaces and punctuation ignored).
 */
export function uniqueHeaders(texts: readonly string[]): string[] {
  const taken = new Set<string>();
  return texts.map((text) => {
    if (text === '') return text;
    let unique = text;
    for (let n = 2; taken.has(normalizeHeader(unique)); n++) unique = `${text} (${n})`;
    taken.add(normalizeHeader(unique));
    return unique;
  });
}

/** Header texts of a header row, as written (trimmed); unique unless asked for the raw texts. */
export const headerTexts = (row: readonly CellValue[], unique = true): string[] => {
  const texts = Array.from(row, (cell) => cellText(cell ?? null));
  return unique ? uniqueHeaders(texts) : texts;
};
