import type { ForgottenToken } from './forgottenToken';
import type { CellValue } from './sheetTable';
import type { Problem } from './problems';
import type { SalesLines } from './salesLines';

/** Calendar day as days since 1970-01-01 (UTC). Dates in the core are days: no time zones, cheap to compare. */
export type Day = number;

export const SHEET_ROLES = ['contacts', 'customers', 'sales', 'articles'] as const;
export type SheetRole = (typeof SHEET_ROLES)[number];

export const PERSON_FIELDS = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'company',
  'street',
  'postalCode',
  'city',
  'country',
  'email',
  'phone',
  'mobile',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** Every field the add-in understands, per sheet role. `fullName` is split into first and last name. */
export const ROLE_FIELDS = {
  contacts: ['contactId', 'customerId', ...PERSON_FIELDS, 'fullName', 'optOut'],
  customers: ['customerId', ...PERSON_FIELDS, 'fullName', 'optOut'],
  sales: [
    'date',
    'customerId',
    'articleNo',
    'articleName',
    'quantity',
    'amount',
    'unitPrice',
    'purchasePrice',
    'margin',
  ],
  articles: ['articleNo', 'articleName', 'category', 'purchasePrice', 'margin'],
} as const satisfies Record<SheetRole, readonly string[]>;
export type ContactField = (typeof ROLE_FIELDS.contacts)[number];
export type CustomerField = (typeof ROLE_FIELDS.customers)[number];
export type SalesField = (typeof ROLE_FIELDS.sales)[number];
export type ArticleField = (typeof ROLE_FIELDS.articles)[number];
export type Field = ContactField | CustomerField | SalesField | ArticleField;

/** Every field once, in the order of the roles: what a campaign file may map, what a filter may name. */
export const FIELDS: readonly Field[] = [...new Set<Field>(Object.values(ROLE_FIELDS).flat())];

/** The field a name means, case ignored ("city", "City"), among the given fields. */
export const fieldNamed = (name: string, fields: readonly Field[] = FIELDS): Field | undefined => {
  const wanted = name.trim().toLowerCase();
  return fields.find((field) => field.toLowerCase() === wanted);
};

export type PersonData = Record<PersonField, string>;

/** Where a record came from, for messages and for the user to find the row. */
export interface RowRef {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
}

export interface Contact extends PersonData, RowRef {
  contactId: string;
  customerId: string;
  /** Header of the opt-out column that flagged this person (e.g. "Werbesperre"), or null. */
  optOut: string | null;
  /** Unknown columns, header → text; they travel along into the outputs. */
  extra: Record<string, string>;
  /** The sheet row as read, for filters on any column. Not copied. */
  cells: CellValue[];
}

export interface Customer extends PersonData, RowRef {
  customerId: string;
  optOut: string | null;
  extra: Record<string, string>;
  cells: CellValue[];
}

export interface SaleLine {
  customerId: string;
  day: Day | null;
  articleNo: string;
  articleName: string;
  quantity: number | null;
  amount: number | null;
  row: number;
  /**
   * What the line earned above its purchase cost, where the workbook tells (purchase price or margin on the sales or
   * the article sheet; see read/margins.ts); absent when it does not.
   */
  margin?: number | null;
}

export interface Article {
  articleNo: string;
  articleName: string;
  category: string;
  /** Per unit; absent without such a column. */
  purchasePrice?: number | null;
  /** Per unit in euros, or a share of the price when at most 1 (0.25 = 25 %); absent without such a column. */
  margin?: number | null;
}

/** How one sheet was understood: which sheet plays the role, where the header is, which column is which field. */
export interface SheetMapping {
  role: SheetRole;
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Header texts in sheet order, as written in the sheet. */
  headers: string[];
  /** field → column index (0-based within the SheetTable row). */
  columns: Partial<Record<Field, number>>;
  /** Column indexes of opt-out columns (there may be several). */
  optOutColumns: number[];
  /** Column indexes that are not mapped to a field: kept and carried into outputs. */
  extraColumns: number[];
  /** A separate house-number column ("Hausnr."), joined to the street when reading. */
  houseNumberColumn?: number;
  /** The Excel table the role is read from, when the sheet holds tables. */
  table?: string;
  /** 1-based sheet row of the last data row (an Excel table's end, above its totals row). Absent: the sheet's end. */
  lastRow?: number;
}

/** A sheet or Excel table that fits a role, described as a person choosing between candidates wants to see it. */
export interface SourceCandidate {
  /** The name that chooses it: the sheet's, or the Excel table's when its sheet holds several tables. */
  name: string;
  sheet: string;
  table?: string;
  /** Rows with data. */
  rows: number;
  /** The newest date in its cells, if any (how current the list is). */
  newest: Day | null;
}

export type WorkbookMapping = Partial<Record<SheetRole, SheetMapping>>;

/** What a user or a campaign file says explicitly; it always wins over recognition. */
export interface MappingOverrides {
  sheets?: Partial<Record<SheetRole, string>>;
  /** role → field → header text in the sheet. */
  columns?: Partial<Record<SheetRole, Partial<Record<Field, string>>>>;
}

/**
 * The sales lines as columns of numbers, filled while parsing (the parser looks every line's customer number up
 * anyway), so that a selection over a million lines needs no string lookup. They describe exactly the `sales` and
 * `customers` arrays named here; for any other arrays they do not apply.
 */
export interface SalesColumns {
  sales: SalesLines;
  customers: readonly Customer[];
  /**
   * Per line: the row (index into customers) of the first customer whose number matches the line's, ignoring case,
   * surrounding spaces and leading zeros (customerKey); -1 when no customer matches.
   */
  customerRows: Int32Array;
  /** Per line: its day, NaN when undated. */
  days: Float64Array;
  /** Per customer row: the first row with the same customer number as above; -1 for a row without a number. */
  firstRows: Int32Array;
}

/**
 * Who belongs to which firm, and which contacts share a number, as integer codes made while parsing (the parser
 * looks every contact's customer number up anyway): the recipient index and the identity graph then group records
 * by numbers, not by strings normalised again for every record. They describe exactly the `contacts` and
 * `customers` arrays named here.
 */
export interface PersonColumns {
  contacts: readonly Contact[];
  customers: readonly Customer[];
  /**
   * Per contact: its firm, by customer number (customerKey: case, surrounding spaces and leading zeros ignored): the
   * first customer row with that number; for a number no customer has, customers.length + a code the contacts with
   * that number share; -1 without a number.
   */
  contactFirms: Int32Array;
  /** Per customer row: its firm as above (the first row with its number), -1 without a number. */
  customerFirms: Int32Array;
  /** Per contact: a code the contacts with the same contact number (trimmed, as written) share, -1 without. */
  contactNumbers: Int32Array;
}

/**
 * One row of a Sperrliste: someone who objected to advertising (Art. 21 DSGVO, never expires), named by e-mail or by
 * name and postal address. It excludes every record of that person, also when the person's contact row is gone.
 */
export interface BlockEntry extends RowRef {
  /** A person forgotten under Art. 17: only salted hashes (group/forgotten.ts); the other fields are empty. */
  forgotten?: ForgottenToken;
  email: string;
  firstName: string;
  lastName: string;
  street: string;
  postalCode: string;
  city: string;
}

/** A sheet recognised as a Sperrliste, with its entries. */
export interface BlocklistSheet {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  headers: string[];
  /** field → column index (e-mail, name, address fields). */
  columns: Partial<Record<Field, number>>;
  /** The column that dates the objection ("Gesperrt seit", "Widerspruch am" …), if the sheet has one. */
  dateColumn?: number;
  /** 1-based sheet column of the first header. Default 1. */
  startColumn?: number;
  /** The Excel table the list is kept in, if it is one: a new entry grows it. */
  tableName?: string;
  entries: BlockEntry[];
}

/** How a campaign reached its members: its CSV export, its target sheet, the leads on the Leads sheet. */
export const CONTACT_CHANNELS = ['csv', 'targetSheet', 'leads'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** What the contact history records of a member per use: the columns of the sheet, in their default order. */
export const HISTORY_FIELDS = [
  'day',
  'campaign',
  'type',
  'channel',
  'group',
  'key',
  'name',
  'campaignId',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** One row of the contact history: a member of a campaign on the day it was used through one channel. */
export interface ContactEntry extends RowRef {
  day: Day;
  campaign: string;
  /** Empty in rows people added by hand without one. */
  campaignId: string;
  type: string;
  /** null when the cell names no channel the add-in knows (edited by hand). */
  channel: ContactChannel | null;
  /** Held back (control group) or contacted; a cell that names neither counts as contacted. */
  control: boolean;
  /** The member's key (group/identity.ts). */
  key: string;
  name: string;
}

/** The contact history sheet as read: where its columns are (a new row goes into them) and its entries. */
export interface ContactHistorySheet {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  headers: string[];
  columns: Partial<Record<HistoryField, number>>;
  /** 1-based sheet column of the first header. Default 1. */
  startColumn?: number;
  tableName?: string;
  entries: ContactEntry[];
}

export interface WorkbookData {
  /** null when the workbook has no contacts sheet: then each customer is a recipient itself. */
  contacts: Contact[] | null;
  customers: Customer[];
  /** As columns (salesLines.ts): a million line objects cost the parser most of its time and every GC a mark. */
  sales: SalesLines;
  /** From the articles sheet, or derived from the sales lines when there is none. */
  articles: Article[];
  mapping: WorkbookMapping;
  problems: Problem[];
  /**
   * Set when the sales or article sheet has purchase prices or margins: every line's margin is filled then, lines
   * without their own figure at the average margin share of the others.
   */
  margins?: { averageShare: number; estimatedLines: number };
  /** Set by the parser; without it (or for other arrays) selections derive the same from the lines. */
  salesColumns?: SalesColumns;
  /** Set by the parser; without it (or for other arrays) the engine derives the same from the records. */
  personColumns?: PersonColumns;
  /** The workbook's Sperrlisten; absent or empty when it has none. */
  blocklists?: BlocklistSheet[];
  /** The contact history (Kontakthistorie); absent when the workbook has none yet. */
  history?: ContactHistorySheet;
  /** Roles that several sheets fit equally well: not guessed, the user chooses (mapping dialog, --sheet, sources). */
  ambiguous?: Partial<Record<SheetRole, SourceCandidate[]>>;
}

/** A person who can receive the campaign: a contact, or a customer standing for itself. */
export interface Recipient extends PersonData {
  kind: 'contact' | 'customer';
  contactId: string;
  customerId: string;
  optOut: string | null;
  extra: Record<string, string>;
  sheet: string;
  row: number;
}
