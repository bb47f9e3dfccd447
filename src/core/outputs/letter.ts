import type { Addressee, NeutralGreeting } from '../campaign/campaign';
import type { Language } from '../kernel/language';
import type { Recipient } from '../kernel/model';
import { normalizeHeader } from '../read/headers';
import { countryOf, isDomestic, type Country } from './countries';

export interface LetterOptions {
  language: Language;
  addressee?: Addressee;
  neutralGreeting?: NeutralGreeting;
}

/** DIN 5008's address zone holds six lines. */
export const ADDRESS_LINE_COUNT = 6;

export interface Letter {
  /** At most ADDRESS_LINE_COUNT lines, filled from the top, none blank. */
  addressLines: string[];
  /** The letter's opening line, "Sehr geehrte Frau Dr. Schmidt,". */
  greeting: string;
  /** A named person without "Herr"/"Frau" (and no greeting of the user's own): the letter cannot greet them by gender. */
  salutationMissing: boolean;
  /** Neither a street nor a PO box: the post cannot deliver the letter. */
  streetMissing: boolean;
}

type Gender = 'female' | 'male' | 'diverse' | 'family' | 'unknown';

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
  familie: 'family',
  family: 'family',
};

interface Salutation {
  gender: Gender;
  /** Words after the salutation word ("Herr Dr." → ["Dr."]): titles written into the salutation column. */
  titles: string[];
}

/** A workbook spells its salutations a handful of ways: each spelling is read once (bounded, in case it is not so). */
const salutationsBySpelling = new Map<string, Salutation>();
const MAX_SPELLINGS = 256;

const readSalutation = (text: string): Salutation => {
  const known = salutationsBySpelling.get(text);
  if (known !== undefined) return known;
  const [word = '', ...titles] = text.trim().split(/\s+/);
  const gender = SALUTATION_GENDER[word.toLowerCase().replace(/[^a-z]/g, '')] ?? 'unknown';
  const salutation = { gender, titles: gender === 'unknown' ? [] : titles };
  if (salutationsBySpelling.size < MAX_SPELLINGS) salutationsBySpelling.set(text, salutation);
  return salutation;
};

const PROFESSOR = /^prof(\.|essor|essorin)?$/i;
const DOCTOR = /^dr(\.|-|$)/i;
/** Degrees written after the name ("Anna Schmidt M.A."); never in the greeting. */
const POSTNOMINAL =
  /^(M\.?A|B\.?A|M\.?Sc|B\.?Sc|MBA|LL\.?M|LL\.?B|B\.?Eng|M\.?Eng|Ph\.?D|M\.?Ed|B\.?Ed|MdB|MdL)\.?$/i;

interface Titles {
  professor: boolean;
  doctor: boolean;
  /** As written, in order: "Prof. Dr.", "Dipl.-Ing. (FH)". */
  before: string[];
  after: string[];
}

const readTitles = (words: string[]): Titles => {
  const titles: Titles = { professor: false, doctor: false, before: [], after: [] };
  for (const word of words) {
    if (POSTNOMINAL.test(word)) titles.after.push(word);
    else titles.before.push(word);
    if (PROFESSOR.test(word)) titles.professor = true;
    if (DOCTOR.test(word)) titles.doctor = true;
  }
  return titles;
};

/** A rank of nobility ("Karl Freiherr von Stein") takes the place of "Herr"/"Frau" in the greeting. */
const RANKS: ReadonlySet<string> = new Set([
  'graf',
  'gräfin',
  'freiherr',
  'freifrau',
  'freiin',
  'baron',
  'baronin',
  'prinz',
  'prinzessin',
  'fürst',
  'fürstin',
  'herzog',
  'herzogin',
]);

const hasRank = (lastName: string): boolean => RANKS.has(lastName.split(' ', 1)[0].toLowerCase());

const words = (...parts: Array<string | false>): string =>
  parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' ');

interface Person {
  gender: Gender;
  titles: Titles;
  firstName: string;
  lastName: string;
}

const personOf = (recipient: Recipient, salutation: string): Person => {
  const read = readSalutation(salutation);
  const titleWords = recipient.title === '' ? [] : recipient.title.split(/[\s,]+/).filter(Boolean);
  return {
    gender: read.gender,
    titles: readTitles([...read.titles, ...titleWords]),
    firstName: recipient.firstName,
    lastName: recipient.lastName,
  };
};

// ---------------------------------------------------------------- greeting

const GENERAL: Record<Language, string> = {
  de: 'Sehr geehrte Damen und Herren,',
  en: 'Dear Sir or Madam,',
};

/** "Dr." once and abbreviated, "Professor" written out (and then without "Dr."), Dipl.-Ing. and M.A. never. */
const germanAcademic = ({ titles, gender }: Person): string => {
  if (titles.professor) return gender === 'female' ? 'Professorin' : 'Professor';
  return titles.doctor ? 'Dr.' : '';
};

const englishAcademic = ({ titles }: Person): string =>
  titles.professor ? 'Professor' : titles.doctor ? 'Dr' : '';

const germanGreeting = (person: Person, neutral: NeutralGreeting): string => {
  const { gender, lastName } = person;
  const rank = hasRank(lastName);
  if (gender === 'female')
    return `${words('Sehr geehrte', !rank && 'Frau', germanAcademic(person), lastName)},`;
  if (gender === 'male')
    return `${words('Sehr geehrter', !rank && 'Herr', germanAcademic(person), lastName)},`;
  if (gender === 'family') return `Sehr geehrte Familie ${lastName},`;
  if (gender === 'unknown' && neutral === 'general') return GENERAL.de;
  const { professor, doctor } = person.titles;
  return `${words('Guten Tag', professor && 'Prof.', doctor && 'Dr.', person.firstName, lastName)},`;
};

const englishGreeting = (person: Person, neutral: NeutralGreeting): string => {
  const { gender, lastName } = person;
  const academic = englishAcademic(person);
  if (gender === 'female' || gender === 'male')
    return `Dear ${words(academic || (gender === 'female' ? 'Ms' : 'Mr'), lastName)},`;
  if (gender === 'family') return `Dear ${lastName} family,`;
  if (gender === 'unknown' && neutral === 'general') return GENERAL.en;
  // "Dr" and "Professor" name nobody's gender in English.
  return academic ? `Dear ${academic} ${lastName},` : `Dear ${words(person.firstName, lastName)},`;
};

const computedGreeting = (person: Person, lang: Language, neutral: NeutralGreeting): string => {
  if (person.lastName === '') return GENERAL[lang];
  return lang === 'de' ? germanGreeting(person, neutral) : englishGreeting(person, neutral);
};

// ---------------------------------------------------------------- the user's own columns

type ExtraKind = 'greeting' | 'department' | 'careOf' | 'poBox';

const EXTRA_HEADERS: Record<ExtraKind, readonly string[]> = {
  greeting: [
    'Briefanrede',
    'Anredezeile',
    'Briefanredezeile',
    'Anrede Brief',
    'Greeting',
    'Greeting line',
    'Salutation line',
    'Letter salutation',
  ],
  department: ['Abteilung', 'Abt.', 'Department'],
  careOf: ['c/o', 'Care of', 'Adresszusatz', 'Anschriftzusatz', 'Zusatz', 'Address line 2'],
  poBox: ['Postfach', 'PO Box', 'P.O. Box', 'Postbox'],
};

const KIND_BY_HEADER = new Map<string, ExtraKind>(
  (Object.entries(EXTRA_HEADERS) as Array<[ExtraKind, readonly string[]]>).flatMap(([kind, headers]) =>
    headers.map((header) => [normalizeHeader(header), kind] as const),
  ),
);

/** Extra headers repeat on every member: each header is normalised once (bounded, like the salutations). */
const kindsByHeader = new Map<string, ExtraKind | null>();

const extraKind = (header: string): ExtraKind | null => {
  const known = kindsByHeader.get(header);
  if (known !== undefined) return known;
  const kind = KIND_BY_HEADER.get(normalizeHeader(header)) ?? null;
  if (kindsByHeader.size < MAX_SPELLINGS) kindsByHeader.set(header, kind);
  return kind;
};

/** Whether an extra column is the user's own greeting line: the letter uses it instead of a column of its own. */
export const isOwnGreetingHeader = (header: string): boolean => extraKind(header) === 'greeting';

type LetterExtras = Partial<Record<ExtraKind, { header: string; value: string }>>;

const letterExtras = (extra: Record<string, string>): LetterExtras => {
  const found: LetterExtras = {};
  for (const header in extra) {
    const kind = extraKind(header);
    const value = extra[header].trim();
    if (kind !== null && value !== '' && found[kind] === undefined) found[kind] = { header, value };
  }
  return found;
};

// ---------------------------------------------------------------- address

const COURTESY: Record<Language, Partial<Record<Gender, string>>> = {
  de: { female: 'Frau', male: 'Herrn', family: 'Familie' },
  en: { female: 'Ms', male: 'Mr' },
};

/** "Herrn Prof. Dr. Karl Weber", "Frau Anna Schmidt M.A.", "Familie Schmidt"; English "Dr Anna Smith". */
const nameLine = (person: Person, lang: Language): string => {
  const { gender, titles, firstName, lastName } = person;
  if (gender === 'family') return lang === 'de' ? `Familie ${lastName}` : `The ${lastName} family`;
  if (lang === 'en') {
    const courtesy = englishAcademic(person) || COURTESY.en[gender] || '';
    return words(courtesy, firstName, lastName, ...titles.after);
  }
  return words(COURTESY.de[gender] ?? '', ...titles.before, firstName, lastName, ...titles.after);
};

const FOR_ATTENTION: Record<Language, string> = { de: 'z. Hd.', en: 'Attn:' };

const careOfLine = (careOf: { header: string; value: string }): string => {
  const isCareOfColumn = ['co', 'careof'].includes(normalizeHeader(careOf.header));
  return isCareOfColumn && !/^c\/o\b/i.test(careOf.value) ? `c/o ${careOf.value}` : careOf.value;
};

const PO_BOX_WORD: Record<Language, string> = { de: 'Postfach', en: 'PO Box' };

const poBoxLine = (value: string, lang: Language): string =>
  /^(postfach|p\.?\s?o\.?\s?box)/i.test(value) ? value : `${PO_BOX_WORD[lang]} ${value}`;

const streetLine = (recipient: Recipient, extras: LetterExtras, lang: Language): string =>
  recipient.street !== '' ? recipient.street : extras.poBox ? poBoxLine(extras.poBox.value, lang) : '';

/** Postal code and town as the destination country writes them (Britain: the post town in capitals, then the code). */
const townLines = (recipient: Recipient, country: Country | null): string[] => {
  const { postalCode, city } = recipient;
  if (country === null || country.format === 'codeCity') return [words(postalCode, city)];
  if (country.format === 'cityCode') return [words(city, postalCode)];
  return [city.toLocaleUpperCase('en'), postalCode].filter((line) => line !== '');
};

const countryLine = (recipient: Recipient, country: Country | null, lang: Language): string =>
  (country ? country.names[lang] : recipient.country).toLocaleUpperCase('de');

type LineKind = 'company' | 'person' | 'department' | 'careOf' | 'street' | 'town' | 'country';
type Line = { kind: LineKind; text: string };

/** More than six lines: the department goes first, then a split town line (Britain) is joined. */
const fitToZone = (lines: Line[]): Line[] => {
  let fitted = lines;
  if (fitted.length > ADDRESS_LINE_COUNT) fitted = fitted.filter((line) => line.kind !== 'department');
  const towns = fitted.filter((line) => line.kind === 'town');
  if (fitted.length > ADDRESS_LINE_COUNT && towns.length === 2) {
    const joined: Line = { kind: 'town', text: towns.map((line) => line.text).join(' ') };
    fitted = fitted.flatMap((line) => (line === towns[0] ? [joined] : line === towns[1] ? [] : [line]));
  }
  return fitted.slice(0, ADDRESS_LINE_COUNT);
};

const addressLines = (
  recipient: Recipient,
  person: Person,
  extras: LetterExtras,
  options: LetterOptions,
): string[] => {
  const lang = options.language;
  const { company } = recipient;
  const personLine = nameLine(person, lang);
  const forAttention = options.addressee === 'company' && company !== '' && personLine !== '';
  const domestic = isDomestic(recipient.country);
  const country = domestic ? null : countryOf(recipient.country);
  const lines: Line[] = [
    { kind: 'company', text: company },
    { kind: 'person', text: forAttention ? `${FOR_ATTENTION[lang]} ${personLine}` : personLine },
    { kind: 'department', text: extras.department?.value ?? '' },
    { kind: 'careOf', text: extras.careOf ? careOfLine(extras.careOf) : '' },
    { kind: 'street', text: streetLine(recipient, extras, lang) },
    ...townLines(recipient, country).map((text): Line => ({ kind: 'town', text })),
    { kind: 'country', text: domestic ? '' : countryLine(recipient, country, lang) },
  ];
  return fitToZone(lines.filter((line) => line.text !== '')).map((line) => line.text);
};

// ---------------------------------------------------------------- the letter

/** A greeting column that only says "Herr" or "Frau" is an Anrede put in the wrong column. */
const isBareSalutation = (text: string): boolean =>
  !/\s/.test(text) && readSalutation(text).gender !== 'unknown';

/**
 * The address block (DIN 5008: firm first, "Herrn" in the address, no country line for domestic mail, the country in
 * capitals for foreign mail, no blank lines) and the greeting ("Dr." once, "Professor" written out, Dipl.-Ing. and
 * M.A. never; a name without gender gets "Guten Tag Anna Schmidt,", no name "Sehr geehrte Damen und Herren,").
 * A greeting column of the user's own ("Briefanrede") always wins.
 */
export const letterFor = (recipient: Recipient, options: LetterOptions): Letter => {
  const extras = letterExtras(recipient.extra);
  const own = extras.greeting?.value ?? '';
  const ownIsSalutation = own !== '' && isBareSalutation(own);
  const salutation = ownIsSalutation && recipient.salutation === '' ? own : recipient.salutation;
  const person = personOf(recipient, salutation);
  const ownGreeting = own !== '' && !ownIsSalutation ? own : '';
  return {
    addressLines: addressLines(recipient, person, extras, options),
    greeting: ownGreeting || computedGreeting(person, options.language, options.neutralGreeting ?? 'name'),
    salutationMissing: ownGreeting === '' && person.lastName !== '' && person.gender === 'unknown',
    streetMissing: streetLine(recipient, extras, options.language) === '',
  };
};

/** More people than this on one message (a firm letter to a whole team) are greeted in general. */
const MAX_NAMED_IN_GREETING = 3;

/**
 * The opening line for everyone one message is for (one e-mail address, firm or household): "Sehr geehrte Frau
 * Lang, sehr geehrter Herr Maier,". People without a name add nothing; nobody named, or too many, is greeted in
 * general.
 */
export const greetingForAll = (people: readonly Recipient[], options: LetterOptions): string => {
  const general = GENERAL[options.language];
  const named = people
    .map((person) => letterFor(person, options).greeting)
    .filter((line) => line !== general);
  if (named.length === 0 || people.length > MAX_NAMED_IN_GREETING) return general;
  return named.map((line, i) => (i === 0 ? line : line.charAt(0).toLowerCase() + line.slice(1))).join(' ');
};
