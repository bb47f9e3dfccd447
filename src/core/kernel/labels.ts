import type { Language } from './language';
import type { Field, SheetRole } from './model';

/**
 * One label per value of a vocabulary, in both languages. Each vocabulary has one source, next to its type: sheet
 * roles and fields here, campaign types (campaign/campaignTypes.ts), campaign statuses (campaign/campaignStatus.ts),
 * exclusion reasons (group/targetGroupModel.ts), lead statuses (outputs/leads.ts), verdicts and figures
 * (evaluation/). The apps show these through their translator; problem messages, sheets and CSV use them directly.
 */
export type Labels<K extends string> = Record<Language, Record<K, string>>;

const ROLE_LABELS: Labels<SheetRole> = {
  de: { contacts: 'Kontakte', customers: 'Kundenstamm', sales: 'Umsätze', articles: 'Artikel' },
  en: { contacts: 'Contacts', customers: 'Customers', sales: 'Sales', articles: 'Articles' },
};

const FIELD_LABELS: Labels<Field> = {
  de: {
    contactId: 'Kontakt-Nr.',
    customerId: 'Kunden-Nr.',
    salutation: 'Anrede',
    title: 'Titel',
    firstName: 'Vorname',
    lastName: 'Nachname',
    fullName: 'Name (vollständig)',
    company: 'Firma',
    street: 'Straße',
    postalCode: 'PLZ',
    city: 'Ort',
    country: 'Land',
    email: 'E-Mail',
    phone: 'Telefon',
    mobile: 'Mobil',
    optOut: 'Werbesperre',
    date: 'Datum',
    articleNo: 'Artikel-Nr.',
    articleName: 'Artikelbezeichnung',
    quantity: 'Menge',
    amount: 'Betrag',
    unitPrice: 'Einzelpreis',
    purchasePrice: 'Einkaufspreis',
    margin: 'Marge',
    category: 'Kategorie',
  },
  en: {
    contactId: 'Contact no.',
    customerId: 'Customer no.',
    salutation: 'Salutation',
    title: 'Title',
    firstName: 'First name',
    lastName: 'Last name',
    fullName: 'Full name',
    company: 'Company',
    street: 'Street',
    postalCode: 'Postal code',
    city: 'City',
    country: 'Country',
    email: 'E-mail',
    phone: 'Phone',
    mobile: 'Mobile',
    optOut: 'Marketing opt-out',
    date: 'Date',
    articleNo: 'Article no.',
    articleName: 'Article name',
    quantity: 'Quantity',
    amount: 'Amount',
    unitPrice: 'Unit price',
    purchasePrice: 'Purchase price',
    margin: 'Margin',
    category: 'Category',
  },
};

/** The value a label names in either language, case ignored: people write labels into campaign files by hand. */
export const valueOfLabel = <K extends string>(labels: Labels<K>, text: string): K | undefined => {
  const wanted = text.trim().toLowerCase();
  for (const byValue of Object.values<Record<K, string>>(labels))
    for (const [value, label] of Object.entries<string>(byValue))
      if (label.toLowerCase() === wanted) return value as K;
  return undefined;
};

export const roleLabel = (role: SheetRole, lang: Language): string => ROLE_LABELS[lang][role];
export const fieldLabel = (field: Field, lang: Language): string => FIELD_LABELS[lang][field];

/** The label of a value read from a problem's detail, or the value itself if it names no role or field. */
export const labelOf = <K extends string>(labels: Record<K, string>, key: string | undefined): string =>
  key === undefined ? '' : ((labels as Record<string, string>)[key] ?? key);

export const roleLabelOf = (key: string | undefined, lang: Language): string =>
  labelOf(ROLE_LABELS[lang], key);
export const fieldLabelOf = (key: string | undefined, lang: Language): string =>
  labelOf(FIELD_LABELS[lang], key);
