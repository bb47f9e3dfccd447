import type { CampaignType } from '../campaign/campaign';
import type { Language } from '../kernel/language';
import type { MemberGroup } from '../group/targetGroupModel';
import type { PersonField, Recipient, RowRef } from '../kernel/model';
import type { TableData } from '../kernel/sheetTable';
import { transliterate } from '../workbook/sheetNames';
import type { Member, TargetGroup } from '../group/targetGroupModel';

type Column = 'contactId' | 'customerId' | PersonField | 'greeting' | 'source';

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

/** The standard columns in the order of the headers above: the record makes the compiler check that none is missing. */
const COLUMNS = Object.keys(HEADERS.de) as Column[];

type Gender = 'female' | 'male' | 'diverse' | 'unknown';

const SALUTATION_GENDER: Record<string, Gender> = {
  frau: 'female',
  fr: 'female',
  ms: 'female',
  mrs: 'female',
  miss: 'female',
  herr: 'male',
  hr: 'male',
  herrn: 'male',
  mr: 'male',
  divers: 'diverse',
  mx: 'diverse',
};

/** A workbook spells its salutations a handful of ways: each spelling is read once (bounded, in case it is not so). */
const gendersBySpelling = new Map<string, Gender>();
const MAX_SPELLINGS = 256;

const genderOf = (salutation: string): Gender => {
  const known = gendersBySpelling.get(salutation);
  if (known !== undefined) return known;
  const gender = SALUTATION_GENDER[salutation.toLowerCase().replace(/[^a-z]/g, '')] ?? 'unknown';
  if (gendersBySpelling.size < MAX_SPELLINGS) gendersBySpelling.set(salutation, gender);
  return gender;
};

const joinWords = (...words: string[]): string => words.filter((word) => word !== '').join(' ');

const GENERIC: Record<Language, string> = { de: 'Sehr geehrte Damen und Herren,', en: 'Dear Sir or Madam,' };

/** The letter's opening line for Word mail merge ("Sehr geehrte Frau Dr. Schmidt,"). */
export const greetingFor = (person: Recipient, lang: Language): string => {
  const { title, firstName, lastName } = person;
  const gender = lastName === '' ? 'unknown' : genderOf(person.salutation);
  if (lang === 'de') {
    if (gender === 'female') return `Sehr geehrte ${joinWords('Frau', title, lastName)},`;
    if (gender === 'male') return `Sehr geehrter ${joinWords('Herr', title, lastName)},`;
    if (gender === 'diverse') return `Guten Tag ${joinWords(firstName, lastName)},`;
    return GENERIC.de;
  }
  // English drops "Ms"/"Mr" when there is an academic title ("Dear Dr Smith,").
  const englishTitle = title.replace(/\./g, '');
  if (gender === 'female' || gender === 'male') {
    return `Dear ${joinWords(englishTitle || (gender === 'female' ? 'Ms' : 'Mr'), lastName)},`;
  }
  if (gender === 'diverse') return `Dear ${joinWords(firstName, lastName)},`;
  return GENERIC.en;
};

/** The letter's opening line for everyone one message is for: "Sehr geehrte Frau Lang, sehr geehrter Herr Maier,". */
const MAX_NAMED_IN_GREETING = 3;

export const greetingForAll = (people: readonly Recipient[], lang: Language): string => {
  const named = people.map((person) => greetingFor(person, lang)).filter((line) => line !== GENERIC[lang]);
  if (named.length === 0 || people.length > MAX_NAMED_IN_GREETING) return GENERIC[lang];
  return named.map((line, i) => (i === 0 ? line : line.charAt(0).toLowerCase() + line.slice(1))).join(' ');
};

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

const personName = (person: Recipient): string =>
  joinWords(person.firstName, person.lastName) || person.email || person.company;

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

const extraHeadersOf = (group: TargetGroup): string[] => {
  const seen = new Set<string>();
  for (const member of group.members)
    for (const header of Object.keys(member.recipient.extra)) seen.add(header);
  return [...seen];
};

/** The cells of COLUMNS, in its order: a literal reads each field by name instead of one keyed load per cell. */
const standardCells = (person: Recipient, greeting: string, source: string): string[] => [
  person.contactId,
  person.customerId,
  person.salutation,
  person.title,
  person.firstName,
  person.lastName,
  greeting,
  person.company,
  person.street,
  person.postalCode,
  person.city,
  person.country,
  person.email,
  person.phone,
  person.mobile,
  source,
];

/**
 * The target group as one table, for its sheet and for the CSV. Every cell is text: ids, postal codes and phone
 * numbers must keep their leading zeros and "+", and a name such as "=Müller" must never become a formula in Excel.
 * With `groupOf` (a campaign with a control group) a "Gruppe" column after "Quelle" says who is held back. "Quelle"
 * names the rows a merged member came from; a "Personen" column appears when one message is for several people.
 */
export const targetGroupTable = (
  group: TargetGroup,
  campaign: { type: CampaignType; language?: Language },
  selectionLabels: string[],
  groupOf?: (key: string) => MemberGroup,
): TableData => {
  const lang = campaign.language ?? 'de';
  const withPeople = group.members.some((member) => member.others !== undefined);
  const standardHeaders = [
    ...COLUMNS.map((column) => HEADERS[lang][column]),
    ...(groupOf ? [GROUP_HEADER[lang]] : []),
    ...(withPeople ? [PEOPLE_HEADER[lang]] : []),
  ];
  const extras = extraHeadersOf(group);
  const headers = [...standardHeaders, ...uniqueNames(extras.map(mergeFieldName), standardHeaders)];
  const rows = group.members.map((member) => {
    const { key, recipient, others } = member;
    const people = others ? [recipient, ...others] : [recipient];
    const greeting = others ? greetingForAll(people, lang) : greetingFor(recipient, lang);
    const row = standardCells(recipient, greeting, sourceText(member, selectionLabels, lang));
    if (groupOf) row.push(memberGroupLabel(groupOf(key), lang));
    if (withPeople) row.push(people.map(personName).join(', '));
    for (const header of extras) row.push(recipient.extra[header] ?? '');
    return row;
  });
  return { headers, rows, textColumns: headers.map((_, i) => i) };
};
