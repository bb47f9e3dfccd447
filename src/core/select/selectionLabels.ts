import type { FilterCondition, FilterOp, FilterValue, SelectionDefinition } from '../campaign/campaign';
import type { Language } from '../kernel/language';
import { isoToDay, dayToIso } from '../kernel/values';

interface LabelTexts {
  contacts: string;
  customers: string;
  articles: string;
  inactive: string;
  all: string;
  selected: (count: number) => string;
  since: string;
  until: string;
  minQuantity: (quantity: number) => string;
  months: (months: number) => string;
  withPurchasesOnly: string;
  ops: Record<FilterOp, string>;
  fields: Record<string, string>;
  date: (iso: string) => string;
}

const germanDate = (iso: string): string => {
  const day = isoToDay(iso);
  if (day === null) return iso;
  const [year, month, date] = dayToIso(day).split('-');
  return `${date}.${month}.${year}`;
};

const TEXTS: Record<Language, LabelTexts> = {
  de: {
    contacts: 'Kontakte',
    customers: 'Kunden',
    articles: 'Artikel',
    inactive: 'Inaktive Kunden',
    all: 'alle',
    selected: (count) => `${count} ausgewählt`,
    since: 'ab',
    until: 'bis',
    minQuantity: (quantity) => `mind. ${quantity} Stück`,
    months: (months) => (months === 1 ? '1 Monat' : `${months} Monate`),
    withPurchasesOnly: 'nur mit früheren Käufen',
    ops: {
      equals: '=',
      notEquals: '≠',
      contains: 'enthält',
      startsWith: 'beginnt mit',
      in: 'in',
      isEmpty: 'ist leer',
      isNotEmpty: 'ist nicht leer',
      gt: '>',
      gte: '≥',
      lt: '<',
      lte: '≤',
    },
    fields: {
      contactid: 'Kontakt-Nr.',
      customerid: 'Kunden-Nr.',
      salutation: 'Anrede',
      title: 'Titel',
      firstname: 'Vorname',
      lastname: 'Nachname',
      fullname: 'Name',
      company: 'Firma',
      street: 'Straße',
      postalcode: 'PLZ',
      city: 'Ort',
      country: 'Land',
      email: 'E-Mail',
      phone: 'Telefon',
      mobile: 'Mobil',
      optout: 'Werbesperre',
    },
    date: germanDate,
  },
  en: {
    contacts: 'Contacts',
    customers: 'Customers',
    articles: 'Articles',
    inactive: 'Inactive customers',
    all: 'all',
    selected: (count) => `${count} selected`,
    since: 'from',
    until: 'to',
    minQuantity: (quantity) => `min. quantity ${quantity}`,
    months: (months) => (months === 1 ? '1 month' : `${months} months`),
    withPurchasesOnly: 'with earlier purchases only',
    ops: {
      equals: '=',
      notEquals: '≠',
      contains: 'contains',
      startsWith: 'starts with',
      in: 'in',
      isEmpty: 'is empty',
      isNotEmpty: 'is not empty',
      gt: '>',
      gte: '≥',
      lt: '<',
      lte: '≤',
    },
    fields: {
      contactid: 'Contact no.',
      customerid: 'Customer no.',
      salutation: 'Salutation',
      title: 'Title',
      firstname: 'First name',
      lastname: 'Last name',
      fullname: 'Name',
      company: 'Company',
      street: 'Street',
      postalcode: 'Postal code',
      city: 'City',
      country: 'Country',
      email: 'E-mail',
      phone: 'Phone',
      mobile: 'Mobile',
      optout: 'Opt-out',
    },
    date: (iso) => iso,
  },
};

/** More than this many articles or values are shortened to "A, B, C +2". */
const MAX_LISTED = 3;

const list = (values: ReadonlyArray<string | number>): string =>
  values.length <= MAX_LISTED
    ? values.join(', ')
    : `${values.slice(0, MAX_LISTED).join(', ')} +${values.length - MAX_LISTED}`;

const valueText = (value: FilterValue | undefined): string =>
  Array.isArray(value) ? `(${list(value)})` : value === undefined ? '' : String(value);

const conditionText = (condition: FilterCondition, texts: LabelTexts): string => {
  const column = texts.fields[condition.column.trim().toLowerCase()] ?? condition.column.trim();
  const op = texts.ops[condition.op];
  return condition.op === 'isEmpty' || condition.op === 'isNotEmpty'
    ? `${column} ${op}`
    : `${column} ${op} ${valueText(condition.value)}`;
};

const details = (selection: SelectionDefinition, texts: LabelTexts): string[] => {
  switch (selection.from) {
    case 'contacts':
    case 'customers': {
      const parts = (selection.filter ?? []).map((condition) => conditionText(condition, texts));
      if (selection.ids) parts.push(texts.selected(selection.ids.length));
      return parts.length > 0 ? parts : [texts.all];
    }
    case 'purchasedArticles': {
      const parts: string[] = [];
      if (selection.since !== undefined) parts.push(`${texts.since} ${texts.date(selection.since)}`);
      if (selection.until !== undefined) parts.push(`${texts.until} ${texts.date(selection.until)}`);
      if (selection.minQuantity !== undefined) parts.push(texts.minQuantity(selection.minQuantity));
      return parts;
    }
    case 'inactiveCustomers': {
      const period = texts.months(selection.months);
      const parts = [
        selection.asOf === undefined ? period : `${period} ${texts.until} ${texts.date(selection.asOf)}`,
      ];
      if (selection.includeNeverPurchased === false) parts.push(texts.withPurchasesOnly);
      return parts;
    }
  }
};

const title = (selection: SelectionDefinition, texts: LabelTexts): string => {
  switch (selection.from) {
    case 'contacts':
      return texts.contacts;
    case 'customers':
      return texts.customers;
    case 'purchasedArticles':
      return `${texts.articles} ${list(selection.articles)}`;
    case 'inactiveCustomers':
      return texts.inactive;
  }
};

/**
 * The "Quelle"/"Source" of a member: why it is in the list, short, e.g. "1: Kontakte (Ort = Köln)".
 * `index` is the 0-based position of the selection in the campaign; users count from 1.
 */
export const describeSelection = (selection: SelectionDefinition, index: number, lang: Language): string => {
  const texts = TEXTS[lang];
  const parts = details(selection, texts);
  const head = `${index + 1}: ${title(selection, texts)}`;
  return parts.length > 0 ? `${head} (${parts.join(', ')})` : head;
};
