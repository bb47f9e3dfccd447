import type { CampaignDefinition } from '../campaign/campaign';
import type { Language } from '../kernel/language';
import type { MemberGroup } from '../group/targetGroupModel';
import type { PersonField, Recipient, RowRef } from '../kernel/model';
import type { TableData } from '../kernel/sheetTable';
import { transliterate } from '../workbook/sheetNames';
import type { Member, TargetGroup } from '../group/targetGroupModel';
import {
  ADDRESS_LINE_COUNT,
  greetingForAll,
  isOwnGreetingHeader,
  letterFor,
  type Letter,
  type LetterOptions,
} from './letter';
import { isMoneyHeader, looksLikeNumber, printedExtra } from './printedValues';

export const ADDRESS_COLUMNS = [
  'address1',
  'address2',
  'address3',
  'address4',
  'address5',
  'address6',
] as const;
type AddressColumn = (typeof ADDRESS_COLUMNS)[number];

type Column = 'contactId' | 'customerId' | PersonField | 'greeting' | AddressColumn | 'source';

/** Numbers that must stay text in every reader: the CSV quotes them (see TableData.quotedColumns). */
const NUMBER_LIKE_COLUMNS: ReadonlySet<Column> = new Set<Column>([
  'contactId',
  'customerId',
  'postalCode',
  'phone',
  'mobile',
]);

const addressHeaders = (word: string): Record<AddressColumn, string> =>
  Object.fromEntries(ADDRESS_COLUMNS.map((column, i) => [column, `${word}${i + 1}`])) as Record<
    AddressColumn,
    string
  >;

/** Short, ASCII-only headers: Word turns anything else into unreadable merge field names. */
const HEADERS: Record<Language, Record<Column, string>> = {
  de: {
    contactId: 'KontaktNr',
    customerId: 'KundenNr',
    salutation: 'Anrede',
    title: 'Titel',
    firstName: 'Vorname',
    lastName: 'Nachname',
    greeting: 'Briefanrede',
    ...addressHeaders('Anschrift'),
    company: 'Firma',
    street: 'Strasse',
    postalCode: 'PLZ',
    city: 'Ort',
    country: 'Land',
    email: 'EMail',
    phone: 'Telefon',
    mobile: 'Mobil',
    source: 'Quelle',
  },
  en: {
    contactId: 'ContactNo',
    customerId: 'CustomerNo',
    salutation: 'Salutation',
    title: 'Title',
    firstName: 'FirstName',
    lastName: 'LastName',
    greeting: 'Greeting',
    ...addressHeaders('Address'),
    company: 'Company',
    street: 'Street',
    postalCode: 'PostalCode',
    city: 'City',
    country: 'Country',
    email: 'Email',
    phone: 'Phone',
    mobile: 'Mobile',
    source: 'Source',
  },
};

/** The mail-merge field names of the standard columns, for the letter template and the README. */
export const mergeFieldHeaders = (lang: Language): Record<Column, string> => HEADERS[lang];

/** The standard columns in the order of the headers above: the record makes the compiler check that none is missing. */
const COLUMNS = Object.keys(HEADERS.de) as Column[];

const GROUP_HEADER: Record<Language, string> = { de: 'Gruppe', en: 'Group' };
/** The people one message is for, when it is for several (same e-mail address, firm or household). */
const PEOPLE_HEADER: Record<Language, string> = { de: 'Personen', en: 'People' };

const ROWS_LISTED_PER_SHEET = 10;

/** "Kontakte Zeilen 12, 47; Kunden Zeile 9": the rows a member was merged from, per sheet in sheet order. */
const mergedRowsText = (rows: readonly RowRef[], lang: Language): string => {
  const bySheet = new Map<string, number[]>();
  for (const { sheet, row } of rows) bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), row]);
  const [one, many] = lang === 'de' ? ['Zeile', 'Zeilen'] : ['row', 'rows'];
  return [...bySheet]
    .map(([sheet, numbers]) => {
      const listed = numbers.slice(0, ROWS_LISTED_PER_SHEET).join(', ');
      const more = numbers.length > ROWS_LISTED_PER_SHEET ? ', …' : '';
      return `${sheet} ${numbers.length === 1 ? one : many} ${listed}${more}`;
    })
    .join('; ');
};

/** The selection that found the member and, for a merged one, the rows it was merged from. */
const sourceText = (member: Member, selectionLabels: string[], lang: Language): string => {
  const label = selectionLabels[member.selectionIndex] ?? '';
  if (!member.rows) return label;
  const merged = lang === 'de' ? 'zusammengeführt aus' : 'merged from';
  return `${label} · ${merged} ${mergedRowsText(member.rows, lang)}`;
};

const personName = ({ firstName, lastName, email, company }: Recipient): string =>
  [firstName, lastName].filter((word) => word !== '').join(' ') || email || company;

const GROUP_LABELS: Record<Language, Record<MemberGroup, string>> = {
  de: { contacted: 'Kontaktiert', control: 'Kontrollgruppe' },
  en: { contacted: 'Contacted', control: 'Control group' },
};

export const memberGroupLabel = (group: MemberGroup, lang: Language): string => GROUP_LABELS[lang][group];

const MAX_MERGE_FIELD = 40;

/** Word merge field names: a letter first, then letters, digits and "_", at most 40 characters. */
const mergeFieldName = (header: string): string => {
  const words = transliterate(header)
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  const joined = words.map((word, i) => (i === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
  const name = /^[A-Za-z]/.test(joined) ? joined : `Feld${joined}`;
  return name.slice(0, MAX_MERGE_FIELD);
};

const uniqueNames = (wanted: string[], taken: string[]): string[] => {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = String(n);
      candidate = name.slice(0, MAX_MERGE_FIELD - suffix.length) + suffix;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
};

/** The user's extra columns in first-seen order; a greeting column of their own is the Briefanrede itself. */
const extraHeadersOf = (group: TargetGroup): string[] => {
  const seen = new Set<string>();
  for (const member of group.members)
    for (const header of Object.keys(member.recipient.extra)) seen.add(header);
  return [...seen].filter((header) => !isOwnGreetingHeader(header));
};

/** The cells of COLUMNS, in its order: a literal reads each field by name instead of one keyed load per cell. */
const standardCells = (person: Recipient, letter: Letter, source: string): string[] => {
  const cells = [
    person.contactId,
    person.customerId,
    person.salutation,
    person.title,
    person.firstName,
    person.lastName,
    letter.greeting,
  ];
  // Pushed one by one: a spread of a fresh array per row was nearly a third of building the table.
  for (let i = 0; i < ADDRESS_LINE_COUNT; i++) cells.push(letter.addressLines[i] ?? '');
  cells.push(
    person.company,
    person.street,
    person.postalCode,
    person.city,
    person.country,
    person.email,
    person.phone,
    person.mobile,
    source,
  );
  return cells;
};

export type TableCampaign = Pick<CampaignDefinition, 'type' | 'language' | 'addressee' | 'neutralGreeting'>;

export const letterOptionsOf = (campaign: TableCampaign): LetterOptions => ({
  language: campaign.language ?? 'de',
  addressee: campaign.addressee,
  neutralGreeting: campaign.neutralGreeting,
});

/** Extra columns whose values a reader could take for a number or a date: quoted in the CSV, all of the column. */
const numberLikeExtras = (group: TargetGroup, extras: string[]): boolean[] =>
  extras.map(
    (header) =>
      isMoneyHeader(header) ||
      group.members.some((member) => looksLikeNumber(member.recipient.extra[header] ?? '')),
  );

/**
 * The target group as one table, for its sheet and for the CSV. Every cell is text as Word prints it: ids, postal
 * codes and phone numbers keep their leading zeros and "+", amounts read "1.234,56 €", and a name such as "=Müller"
 * never becomes a formula in Excel. The address lines Anschrift1…6 and the Briefanrede follow DIN 5008 (letter.ts),
 * one merge field per line, so a Word template needs no IF fields.
 * With `groupOf` (a campaign with a control group) a "Gruppe" column after "Quelle" says who is held back. "Quelle"
 * names the rows a merged member came from; a "Personen" column appears when one message is for several people,
 * and the Briefanrede then greets each of them.
 */
export const targetGroupTable = (
  group: TargetGroup,
  campaign: TableCampaign,
  selectionLabels: string[],
  groupOf?: (key: string) => MemberGroup,
): TableData => {
  const options = letterOptionsOf(campaign);
  const lang = options.language;
  const withPeople = group.members.some((member) => member.others !== undefined);
  const standardHeaders = [
    ...COLUMNS.map((column) => HEADERS[lang][column]),
    ...(groupOf ? [GROUP_HEADER[lang]] : []),
    ...(withPeople ? [PEOPLE_HEADER[lang]] : []),
  ];
  const extras = extraHeadersOf(group);
  const moneyExtras = extras.map(isMoneyHeader);
  const headers = [...standardHeaders, ...uniqueNames(extras.map(mergeFieldName), standardHeaders)];
  const rows = group.members.map((member) => {
    const { key, recipient, others } = member;
    const people = others ? [recipient, ...others] : [recipient];
    const letter = letterFor(recipient, options);
    if (others) letter.greeting = greetingForAll(people, options);
    const row = standardCells(recipient, letter, sourceText(member, selectionLabels, lang));
    if (groupOf) row.push(memberGroupLabel(groupOf(key), lang));
    if (withPeople) row.push(people.map(personName).join(', '));
    extras.forEach((header, i) =>
      row.push(printedExtra(recipient.extra[header] ?? '', moneyExtras[i], lang)),
    );
    return row;
  });
  const quotedExtras = numberLikeExtras(group, extras);
  const quotedColumns = [
    ...COLUMNS.flatMap((column, i) => (NUMBER_LIKE_COLUMNS.has(column) ? [i] : [])),
    ...extras.flatMap((_, i) => (quotedExtras[i] ? [standardHeaders.length + i] : [])),
  ];
  return { headers, rows, textColumns: headers.map((_, i) => i), quotedColumns };
};
