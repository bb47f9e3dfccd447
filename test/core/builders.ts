import type {
  Article,
  BlockEntry,
  Contact,
  Customer,
  Field,
  PersonData,
  Recipient,
  SaleLine,
  SheetMapping,
  SheetRole,
  WorkbookData,
} from '../../src/core/kernel/model';

const emptyPersonData = (): PersonData => ({
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
});
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { salesLines } from '../../src/core/kernel/salesLines';

/**
 * Builders for core tests: records as the parser would produce them, and a WorkbookData with sheet mappings and
 * cell rows that agree with the records (so filters by header text work as on a real sheet).
 */

type Raw = Record<string, CellValue>;
/** Typed cells of extra columns (numbers, Dates) that the record's `extra` holds as text. */
const rawCells = new WeakMap<object, Raw>();

let nextRow = 2;

export type ContactInput = Partial<Contact> & { raw?: Raw };
export type CustomerInput = Partial<Customer> & { raw?: Raw };

export const makeContact = ({ raw, ...fields }: ContactInput = {}): Contact => {
  const contact: Contact = Object.assign(
    {
      contactId: '',
      customerId: '',
      ...emptyPersonData(),
      optOut: null,
      extra: {},
      cells: [],
      sheet: 'Kontakte',
      row: nextRow++,
    },
    fields,
  );
  if (raw) rawCells.set(contact, raw);
  return contact;
};

export const makeCustomer = ({ raw, ...fields }: CustomerInput = {}): Customer => {
  const customer: Customer = Object.assign(
    {
      customerId: '',
      ...emptyPersonData(),
      optOut: null,
      extra: {},
      cells: [],
      sheet: 'Kunden',
      row: nextRow++,
    },
    fields,
  );
  if (raw) rawCells.set(customer, raw);
  return customer;
};

export const makeSale = (fields: Partial<SaleLine> = {}): SaleLine => ({
  customerId: '',
  day: null,
  articleNo: '',
  articleName: '',
  quantity: null,
  amount: null,
  row: nextRow++,
  ...fields,
});

export const makeRecipient = (fields: Partial<Recipient> = {}): Recipient =>
  Object.assign(
    {
      kind: 'contact' as const,
      contactId: '',
      customerId: '',
      ...emptyPersonData(),
      optOut: null,
      extra: {},
      sheet: 'Kontakte',
      row: nextRow++,
    },
    fields,
  );

const PERSON_HEADERS: Array<[Field, string]> = [
  ['salutation', 'Anrede'],
  ['title', 'Titel'],
  ['firstName', 'Vorname'],
  ['lastName', 'Nachname'],
  ['company', 'Firma'],
  ['street', 'Straße'],
  ['postalCode', 'PLZ'],
  ['city', 'Ort'],
  ['country', 'Land'],
  ['email', 'E-Mail'],
  ['phone', 'Telefon'],
  ['mobile', 'Mobil'],
];
const FIELD_HEADERS: Record<'contacts' | 'customers', Array<[Field, string]>> = {
  contacts: [['contactId', 'Kontakt-Nr.'], ['customerId', 'Kunden-Nr.'], ...PERSON_HEADERS],
  customers: [['customerId', 'Kunden-Nr.'], ...PERSON_HEADERS],
};
const OPT_OUT_HEADER = 'Werbesperre';

/** Mapping plus cells for a person sheet; records get their `cells` filled in sheet column order. */
const personSheet = <T extends Contact | Customer>(
  role: 'contacts' | 'customers',
  sheet: string,
  records: T[],
): { mapping: SheetMapping; records: T[] } => {
  const fieldHeaders = FIELD_HEADERS[role];
  const extraHeaders = [
    ...new Set(records.flatMap((r) => [...Object.keys(r.extra), ...Object.keys(rawCells.get(r) ?? {})])),
  ];
  const headers = [...fieldHeaders.map(([, header]) => header), OPT_OUT_HEADER, ...extraHeaders];
  const optOutColumn = fieldHeaders.length;
  const mapping: SheetMapping = {
    role,
    sheet,
    headerRow: 1,
    headers,
    columns: Object.fromEntries(fieldHeaders.map(([field], i) => [field, i])),
    optOutColumns: [optOutColumn],
    extraColumns: extraHeaders.map((_, i) => optOutColumn + 1 + i),
  };
  const withCells = records.map((record) => {
    if (record.cells.length > 0) return record;
    const raw = rawCells.get(record) ?? {};
    const cells: CellValue[] = [
      ...fieldHeaders.map(([field]) => (record as unknown as Record<string, string>)[field] || null),
      record.optOut === null ? null : 'ja',
      ...extraHeaders.map((header) => (header in raw ? raw[header] : (record.extra[header] ?? null))),
    ];
    return { ...record, cells };
  });
  return { mapping, records: withCells };
};

const SALES_MAPPING: SheetMapping = {
  role: 'sales',
  sheet: 'Umsätze',
  headerRow: 1,
  headers: ['Rechnungsdatum', 'Kunden-Nr.', 'Artikel-Nr.', 'Bezeichnung', 'Menge', 'Betrag'],
  columns: { date: 0, customerId: 1, articleNo: 2, articleName: 3, quantity: 4, amount: 5 },
  optOutColumns: [],
  extraColumns: [],
};

export interface WorkbookInput {
  /** null: the workbook has no contacts sheet. */
  contacts?: Contact[] | null;
  customers?: Customer[];
  sales?: SaleLine[];
  articles?: Article[];
  /** Sheets the workbook does not have (no mapping for them). */
  without?: SheetRole[];
}

export const makeWorkbookData = ({
  contacts = [],
  customers = [],
  sales = [],
  articles = [],
  without = [],
}: WorkbookInput = {}): WorkbookData => {
  const customerSheet = personSheet('customers', 'Kunden', customers);
  const contactSheet = contacts === null ? null : personSheet('contacts', 'Kontakte', contacts);
  const mapping: WorkbookData['mapping'] = { customers: customerSheet.mapping, sales: SALES_MAPPING };
  if (contactSheet) mapping.contacts = contactSheet.mapping;
  for (const role of without) delete mapping[role];
  return {
    contacts: contactSheet ? contactSheet.records : null,
    customers: customerSheet.records,
    sales: salesLines(sales),
    articles,
    mapping,
    problems: [],
  };
};

/** A row of a Sperrliste sheet; `index` 0 is the first row below the header. */
export const makeBlockEntry = (index: number, fields: Partial<BlockEntry> = {}): BlockEntry => ({
  sheet: 'Sperrliste',
  row: index + 2,
  email: '',
  firstName: '',
  lastName: '',
  street: '',
  postalCode: '',
  city: '',
  ...fields,
});
