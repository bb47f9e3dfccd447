import type { CampaignDefinition, StoredCampaign } from '../core/campaign/campaign';
import { assignGroups } from '../core/group/controlGroup';
import type { Day } from '../core/kernel/model';
import { parseWorkbook } from '../core/read/parseWorkbook';
import type { CellValue, SheetTable } from '../core/kernel/sheetTable';
import { emptyState, type AddinState } from '../core/state/state';
import { HISTORY_SHEET, STATE_SHEET } from '../core/workbook/sheetNames';
import { HISTORY_FIELDS } from '../core/kernel/model';
import { CHANNEL_LABELS, GROUP_LABELS, HISTORY_HEADERS } from '../core/read/contactHistory';
import { campaignTypeLabel } from '../core/campaign/campaignTypes';
import { memberName } from '../core/outputs/contactHistory';
import { newCampaignId, stateToTable } from '../core/state/stateTable';
import { buildTargetGroup } from '../core/group/targetGroup';
import { isoToDay } from '../core/kernel/values';
import { seededRandom as mulberry32 } from './syntheticWorkbook';

/**
 * The demo workbook of a fictional office-supplies wholesaler in Dresden, with the mess real workbooks have.
 * Pure and deterministic: a seeded generator and a fixed reference date, so tests, the task pane preview and the
 * committed samples/Beispiel-Grosshandel.xlsx all show the same data.
 */
export const SAMPLE_COMPANY = 'Hoffmann Bürobedarf GmbH';
export const SAMPLE_REFERENCE_DATE = '2026-11-15';
export const SAMPLE_SHEETS = {
  customers: 'Kunden',
  contacts: 'Kontakte',
  sales: 'Umsätze',
  articles: 'Artikel',
  blocklist: 'Sperrliste',
} as const;
export const SAMPLE_CUSTOMERS_TITLE = 'Kundenstamm – Stand 15.11.2026';

const SEED = 20261115;
const CUSTOMER_COUNT = 300;
const FIRST_CUSTOMER_NO = 10001;
const FIRST_CONTACT_NO = 50001;
const SALES_DAYS = 730;
const DAY_MS = 86_400_000;
const REFERENCE_DAY = Date.UTC(2026, 10, 15) / DAY_MS;

interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

const seededRandom = (seed: number): Random => {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    chance: (probability) => next() < probability,
  };
};

type Country = 'DE' | 'AT' | 'CH';

interface Place {
  postalCode: string;
  city: string;
  areaCode: string;
  country: Country;
}

const place = (postalCode: string, city: string, areaCode: string, country: Country = 'DE'): Place => ({
  postalCode,
  city,
  areaCode,
  country,
});

/** Saxony is listed more than once: the wholesaler sits in Dresden, most customers are near. */
const GERMAN_PLACES: readonly Place[] = [
  place('01067', 'Dresden', '351'),
  place('01069', 'Dresden', '351'),
  place('01097', 'Dresden', '351'),
  place('01277', 'Dresden', '351'),
  place('01445', 'Radebeul', '351'),
  place('01662', 'Meißen', '3521'),
  place('01796', 'Pirna', '3501'),
  place('02625', 'Bautzen', '3591'),
  place('02826', 'Görlitz', '3581'),
  place('04109', 'Leipzig', '341'),
  place('04229', 'Leipzig', '341'),
  place('04315', 'Leipzig', '341'),
  place('06108', 'Halle (Saale)', '345'),
  place('07743', 'Jena', '3641'),
  place('08056', 'Zwickau', '375'),
  place('08523', 'Plauen', '3741'),
  place('09111', 'Chemnitz', '371'),
  place('09599', 'Freiberg', '3731'),
  place('10115', 'Berlin', '30'),
  place('10999', 'Berlin', '30'),
  place('20095', 'Hamburg', '40'),
  place('30159', 'Hannover', '511'),
  place('37073', 'Göttingen', '551'),
  place('40210', 'Düsseldorf', '211'),
  place('48143', 'Münster', '251'),
  place('50667', 'Köln', '221'),
  place('60311', 'Frankfurt am Main', '69'),
  place('70173', 'Stuttgart', '711'),
  place('80331', 'München', '89'),
  place('81541', 'München', '89'),
  place('90402', 'Nürnberg', '911'),
  place('97070', 'Würzburg', '931'),
  place('99084', 'Erfurt', '361'),
];

const FOREIGN_PLACES: readonly Place[] = [
  place('1010', 'Wien', '1', 'AT'),
  place('8010', 'Graz', '316', 'AT'),
  place('5020', 'Salzburg', '662', 'AT'),
  place('4020', 'Linz', '732', 'AT'),
  place('8001', 'Zürich', '44', 'CH'),
  place('4051', 'Basel', '61', 'CH'),
  place('3011', 'Bern', '31', 'CH'),
];

const COUNTRY_DIALING: Record<Country, string> = { DE: '+49', AT: '+43', CH: '+41' };
const COUNTRY_DOMAIN: Record<Country, string> = { DE: 'de', AT: 'at', CH: 'ch' };

const MALE_NAMES = [
  'Thomas',
  'Michael',
  'Andreas',
  'Stefan',
  'Frank',
  'Jürgen',
  'Klaus',
  'Peter',
  'Markus',
  'Christian',
  'Matthias',
  'Jörg',
  'Uwe',
  'Sebastian',
  'Tobias',
  'Florian',
  'Lukas',
  'Jan',
  'Björn',
  'Günter',
  'Dieter',
  'Ralf',
  'Holger',
  'Sören',
] as const;
const FEMALE_NAMES = [
  'Sabine',
  'Petra',
  'Claudia',
  'Andrea',
  'Susanne',
  'Stefanie',
  'Julia',
  'Katrin',
  'Anja',
  'Nicole',
  'Birgit',
  'Ute',
  'Monika',
  'Jana',
  'Lena',
  'Sarah',
  'Bärbel',
  'Sophie',
  'Mareike',
  'Friederike',
  'Jülide',
  'Anke',
  'Doreen',
  'Maike',
] as const;
const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
  'Köhler',
  'Groß',
  'Weiß',
  'Jäger',
  'Böhm',
  'Günther',
  'Förster',
  'Löffler',
  'Voß',
  'Brückner',
  'Kühn',
  'Möller',
  'Süß',
  'Seidel',
  'Ziegler',
  'Winkler',
  'Vogel',
  'Große',
] as const;
const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Schillerstraße',
  'Goethestraße',
  'Lindenallee',
  'Gartenstraße',
  'Königsbrücker Straße',
  'Am Mühlgraben',
  'Weißeritzstraße',
  'Große Meißner Straße',
  'Rosenweg',
  'Äußere Weberstraße',
  'Industriestraße',
  'Gewerbering',
  'Am Güterbahnhof',
  'Schloßstraße',
  'Fürstenstraße',
  'Marktplatz',
  'Kirchgasse',
  'Löbtauer Straße',
] as const;
const TRADES = [
  { name: 'Haustechnik', industry: 'Handwerk' },
  { name: 'Elektro', industry: 'Handwerk' },
  { name: 'Metallbau', industry: 'Handwerk' },
  { name: 'Immobilien', industry: 'Immobilien' },
  { name: 'Logistik', industry: 'Transport & Logistik' },
  { name: 'Druckerei', industry: 'Medien' },
  { name: 'Steuerberatung', industry: 'Beratung' },
  { name: 'Gebäudereinigung', industry: 'Dienstleistung' },
  { name: 'Versicherungsmakler', industry: 'Finanzen' },
  { name: 'Architekten', industry: 'Planung' },
  { name: 'Software', industry: 'IT' },
  { name: 'Gartenbau', industry: 'Handwerk' },
] as const;
const LEGAL_FORMS = ['GmbH', 'GmbH', 'GmbH & Co. KG', 'KG', 'e.K.', 'AG', 'GbR'] as const;
const REGIONAL_PREFIXES = [
  'Elbtal',
  'Sachsenland',
  'Erzgebirgs',
  'Lausitzer',
  'Nordlicht',
  'Grünfeld',
  'Südsachsen',
  'Mitteldeutsche',
];
const POSITIONS = [
  'Geschäftsführung',
  'Einkauf',
  'Einkauf',
  'Buchhaltung',
  'Büroleitung',
  'Sekretariat',
  'Inhaber/in',
  'Assistenz der Geschäftsführung',
  'Teamleitung Verwaltung',
] as const;
const CUSTOMER_GROUPS = ['A-Kunde', 'B-Kunde', 'B-Kunde', 'C-Kunde', 'C-Kunde', 'C-Kunde'] as const;
const OPT_OUT_SPELLINGS: readonly CellValue[] = ['ja', 'x', 'WAHR', 'Ja', true];

interface ArticleSpec {
  articleNo: string;
  name: string;
  category: string;
  price: number;
  /** Typical order quantity range. */
  quantity: [number, number];
}

const articleGroup = (
  prefix: string,
  category: string,
  items: ReadonlyArray<[name: string, price: number, maxQuantity: number]>,
): ArticleSpec[] =>
  items.map(([name, price, maxQuantity], index) => ({
    articleNo: `${prefix}-${1001 + index}`,
    name,
    category,
    price,
    quantity: [1, maxQuantity],
  }));

export const SAMPLE_ARTICLES: readonly ArticleSpec[] = [
  ...articleGroup('PAP', 'Papier', [
    ['Kopierpapier A4, 80 g/m², 500 Blatt', 4.49, 40],
    ['Kopierpapier A3, 80 g/m², 500 Blatt', 9.9, 10],
    ['Recyclingpapier A4, weiß, 500 Blatt', 4.99, 30],
    ['Briefumschläge DIN lang mit Fenster, 1000 Stück', 24.9, 5],
    ['Versandtaschen C4, haftklebend, 250 Stück', 29.5, 4],
    ['Etiketten 70 × 36 mm, 2400 Stück', 18.9, 5],
    ['Notizblöcke A5 kariert, 10 Stück', 7.49, 10],
    ['Haftnotizen 76 × 76 mm, gelb, 12 Blöcke', 9.95, 10],
    ['Fotopapier glänzend A4, 50 Blatt', 14.9, 5],
    ['Visitenkartenpapier, 250 g/m², 100 Blatt', 12.5, 3],
  ]),
  ...articleGroup('SCH', 'Schreibwaren', [
    ['Kugelschreiber blau, 50 Stück', 19.9, 5],
    ['Gelschreiber schwarz, 12 Stück', 11.9, 5],
    ['Textmarker gelb, 10 Stück', 6.99, 8],
    ['Bleistifte HB, 12 Stück', 3.49, 10],
    ['Radiergummi, 20 Stück', 5.9, 4],
    ['Folienstifte permanent, 4 Farben', 6.49, 5],
    ['Whiteboard-Marker, 4 Farben', 7.99, 6],
    ['Füllhalter „Schönschrift“', 24.9, 3],
    ['Korrekturroller, 10 Stück', 14.9, 4],
    ['Lineal 30 cm, Aluminium', 3.99, 5],
  ]),
  ...articleGroup('ORD', 'Ordner & Ablage', [
    ['Ordner A4, 8 cm, blau', 2.99, 30],
    ['Ordner A4, 5 cm, grün', 2.89, 30],
    ['Hängemappen, 25 Stück', 21.9, 4],
    ['Klarsichthüllen A4, 100 Stück', 6.49, 10],
    ['Trennblätter A4, 100 Stück', 4.99, 8],
    ['Schnellhefter A4, 25 Stück', 8.49, 6],
    ['Archivboxen, 10 Stück', 17.9, 6],
    ['Briefablage stapelbar, schwarz', 4.49, 10],
    ['Stehsammler A4, 5 Stück', 9.99, 6],
    ['Ringbuch A4, 4 Ringe', 3.79, 10],
  ]),
  ...articleGroup('TEC', 'Bürotechnik', [
    ['Locher für 40 Blatt', 12.9, 3],
    ['Heftgerät für 30 Blatt', 9.9, 4],
    ['Heftklammern 24/6, 5000 Stück', 2.49, 10],
    ['Laminiergerät A3', 79.0, 1],
    ['Laminierfolien A4, 100 Stück', 11.9, 4],
    ['Aktenvernichter, Sicherheitsstufe P-4', 189.0, 1],
    ['Tonerkartusche schwarz (kompatibel)', 39.9, 6],
    ['Tintenpatronen-Set, 4 Farben', 34.9, 4],
    ['Etikettendrucker', 129.0, 1],
    ['Tischrechner mit Druckwerk', 69.0, 2],
  ]),
  ...articleGroup('KUE', 'Kaffee & Küche', [
    ['Kaffeebohnen „Crema“, 1 kg', 16.9, 12],
    ['Filterkaffee mild, 500 g', 6.49, 12],
    ['Tee-Sortiment, 100 Beutel', 9.9, 6],
    ['Kaffeevollautomat für Büros', 899.0, 1],
    ['Pappbecher 0,2 l, 1000 Stück', 39.9, 3],
    ['Zuckersticks, 1000 Stück', 12.9, 3],
    ['Kondensmilch-Portionen, 240 Stück', 14.5, 4],
    ['Spülmaschinentabs, 100 Stück', 15.9, 3],
    ['Geschirrtücher, 10 Stück', 11.5, 3],
    ['Mineralwasser still, 12 × 1 l', 5.99, 20],
  ]),
  ...articleGroup('MOE', 'Büromöbel', [
    ['Bürostuhl ergonomisch „Komfort“', 249.0, 4],
    ['Bürostuhl „Basic“', 129.0, 6],
    ['Schreibtisch höhenverstellbar, 160 × 80 cm', 549.0, 2],
    ['Rollcontainer, 3 Schübe', 179.0, 3],
    ['Aktenschrank abschließbar', 389.0, 2],
    ['Fußstütze, neigbar', 39.9, 4],
    ['Monitorarm für zwei Bildschirme', 89.0, 4],
    ['Schreibtischlampe LED', 49.9, 4],
    ['Garderobenständer', 59.0, 2],
    ['Stehtisch für Besprechungen', 299.0, 1],
  ]),
];

interface Person {
  salutation: 'Herr' | 'Frau';
  title: string;
  firstName: string;
  lastName: string;
}

type Activity = 'regular' | 'lapsed' | 'borderline' | 'never';

interface CustomerSpec {
  customerNo: number;
  company: string;
  domain: string;
  contactPerson: Person | null;
  street: string;
  place: Place;
  country: CellValue;
  phone: CellValue;
  email: CellValue;
  optOut: CellValue;
  group: string;
  industry: string;
  since: Date;
  activity: Activity;
  contactCount: number;
}

const utcDay = (day: number): Date => new Date(day * DAY_MS);
const dayOf = (date: Date): number => Math.round(date.getTime() / DAY_MS);
const germanDate = (date: Date): string =>
  `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;

const transliterate = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const makePerson = (random: Random): Person => {
  const female = random.chance(0.5);
  const title = random.chance(0.08) ? 'Dr.' : random.chance(0.01) ? 'Prof. Dr.' : '';
  return {
    salutation: female ? 'Frau' : 'Herr',
    title,
    firstName: random.pick(female ? FEMALE_NAMES : MALE_NAMES),
    lastName: random.pick(LAST_NAMES),
  };
};

const subscriberNumber = (random: Random): string => `${random.int(200, 989)}${random.int(1000, 9999)}`;

/** Mostly international format, sometimes the national one, as people type it. */
const phoneNumber = (random: Random, where: Place): string =>
  where.country === 'DE' && random.chance(0.25)
    ? `0${where.areaCode} ${subscriberNumber(random)}`
    : `${COUNTRY_DIALING[where.country]} ${where.areaCode} ${subscriberNumber(random)}`;

const mobileNumber = (random: Random, where: Place): string =>
  `${COUNTRY_DIALING[where.country]} ${random.pick(['151', '160', '171', '176'])} ${random.int(1000000, 9999999)}`;

const companyName = (random: Random, owner: Person, country: Country): { name: string; industry: string } => {
  const trade = random.pick(TRADES);
  const legalForm = country === 'CH' ? 'AG' : random.pick(LEGAL_FORMS);
  const variant = random.int(0, 6);
  if (variant === 0) return { name: `Praxis Dr. ${owner.lastName}`, industry: 'Gesundheit' };
  if (variant === 1) return { name: `Bäckerei ${owner.lastName}`, industry: 'Lebensmittel' };
  if (variant === 2)
    return { name: `${owner.lastName} & ${random.pick(LAST_NAMES)} Rechtsanwälte`, industry: 'Recht' };
  if (variant === 3 && country === 'DE')
    return { name: `${random.pick(REGIONAL_PREFIXES)} ${trade.name} ${legalForm}`, industry: trade.industry };
  return { name: `${owner.lastName} ${trade.name} ${legalForm}`, industry: trade.industry };
};

const pickActivity = (random: Random): Activity => {
  const roll = random.next();
  if (roll < 0.7) return 'regular';
  if (roll < 0.88) return 'lapsed';
  if (roll < 0.93) return 'borderline';
  return 'never';
};

const pickContactCount = (random: Random): number => {
  const roll = random.next();
  if (roll < 0.15) return 0;
  if (roll < 0.62) return 1;
  if (roll < 0.88) return 2;
  return 3;
};

const pickPlace = (random: Random, index: number): Place =>
  index % 23 === 7
    ? FOREIGN_PLACES[Math.floor(index / 23) % FOREIGN_PLACES.length]
    : random.pick(GERMAN_PLACES);

const countryCell = (random: Random, where: Place): CellValue => {
  if (where.country !== 'DE') return where.country;
  const roll = random.next();
  return roll < 0.75 ? 'DE' : roll < 0.9 ? 'Deutschland' : null;
};

const makeCustomers = (random: Random): CustomerSpec[] => {
  const usedNames = new Set<string>();
  const customers: CustomerSpec[] = [];
  for (let index = 0; index < CUSTOMER_COUNT; index++) {
    const where = pickPlace(random, index);
    const owner = makePerson(random);
    let company = companyName(random, owner, where.country);
    while (usedNames.has(company.name)) company = companyName(random, makePerson(random), where.country);
    usedNames.add(company.name);
    const domain = `${transliterate(company.name.replace(/ (GmbH & Co\. KG|GmbH|KG|e\.K\.|AG|GbR)$/, ''))}.${COUNTRY_DOMAIN[where.country]}`;
    customers.push({
      customerNo: FIRST_CUSTOMER_NO + index,
      company: company.name,
      domain,
      contactPerson: random.chance(0.9) ? owner : null,
      street: `${random.pick(STREETS)} ${random.int(1, 140)}${random.chance(0.1) ? random.pick(['a', 'b']) : ''}`,
      place: where,
      country: countryCell(random, where),
      phone: phoneNumber(random, where),
      email: random.chance(0.9) ? `info@${domain}` : null,
      optOut: random.chance(0.05) ? random.pick(OPT_OUT_SPELLINGS) : null,
      group: random.pick(CUSTOMER_GROUPS),
      industry: company.industry,
      since: utcDay(REFERENCE_DAY - random.int(60, 4000)),
      activity: pickActivity(random),
      contactCount: pickContactCount(random),
    });
  }
  return customers;
};

const fullName = (person: Person): string => `${person.firstName} ${person.lastName}`;

const CUSTOMER_HEADERS = [
  'Kunden-Nr.',
  'Firma',
  'Ansprechpartner',
  'Straße',
  'PLZ',
  'Ort',
  'Land',
  'Telefon',
  'E-Mail-Adresse',
  'Werbesperre',
  'Kundengruppe',
  'Branche',
  'Kunde seit',
];

const customerRow = (customer: CustomerSpec): CellValue[] => [
  customer.customerNo,
  customer.company,
  customer.contactPerson ? fullName(customer.contactPerson) : null,
  customer.street,
  customer.place.postalCode,
  customer.place.city,
  customer.country,
  customer.phone,
  customer.email,
  customer.optOut,
  customer.group,
  customer.industry,
  customer.since,
];

/** Rows a person typed by hand: an invalid address, a VLOOKUP error, a postal code that lost its leading zero. */
const addCustomerMess = (customers: CustomerSpec[], rows: CellValue[][]): void => {
  const column = (header: string): number => CUSTOMER_HEADERS.indexOf(header);
  const invalidEmail = customers.findIndex((c) => c.email !== null && c.place.country === 'DE');
  rows[invalidEmail][column('E-Mail-Adresse')] =
    `info@${customers[invalidEmail].domain.replace(/\.de$/, '')}`;
  rows[41][column('Telefon')] = '#N/A';
  const lostZero = customers.findIndex((c, i) => i > 100 && c.place.postalCode.startsWith('0'));
  rows[lostZero][column('PLZ')] = Number(customers[lostZero].place.postalCode);
};

const customersSheet = (customers: CustomerSpec[]): SheetTable => {
  const rows = customers.map(customerRow);
  addCustomerMess(customers, rows);
  const blank = (): CellValue[] => CUSTOMER_HEADERS.map(() => null);
  const title = blank();
  title[0] = SAMPLE_CUSTOMERS_TITLE;
  const middle = Math.floor(rows.length / 2);
  return {
    name: SAMPLE_SHEETS.customers,
    rows: [title, blank(), CUSTOMER_HEADERS, ...rows.slice(0, middle), blank(), ...rows.slice(middle)],
  };
};

const CONTACT_HEADERS = [
  'Kontakt-Nr.',
  'Kunden-Nr.',
  'Anrede',
  'Titel',
  'Vorname',
  'Nachname',
  'Position',
  'Email',
  'Telefon',
  'Mobil',
  'Newsletter abgemeldet',
];

const contactEmail = (random: Random, person: Person, domain: string): string | null => {
  if (random.chance(0.08)) return null;
  const first = transliterate(person.firstName);
  const last = transliterate(person.lastName);
  const local = random.chance(0.7) ? `${first}.${last}` : `${first[0]}.${last}`;
  return `${local}@${domain}`;
};

const contactRows = (random: Random, customers: CustomerSpec[]): CellValue[][] => {
  const rows: CellValue[][] = [];
  let contactNo = FIRST_CONTACT_NO;
  for (const customer of customers) {
    for (let n = 0; n < customer.contactCount; n++) {
      const person = n === 0 && customer.contactPerson ? customer.contactPerson : makePerson(random);
      rows.push([
        contactNo++,
        customer.customerNo,
        person.salutation,
        person.title || null,
        person.firstName,
        person.lastName,
        n === 0 ? 'Geschäftsführung' : random.pick(POSITIONS),
        contactEmail(random, person, customer.domain),
        phoneNumber(random, customer.place),
        random.chance(0.4) ? mobileNumber(random, customer.place) : null,
        random.chance(0.07) ? random.pick(OPT_OUT_SPELLINGS) : null,
      ]);
    }
  }
  return rows;
};

/** The same people entered twice: once without contact number, once with the e-mail in other letter case. */
const contactDuplicates = (rows: CellValue[][]): CellValue[][] => {
  const withEmail = rows.filter((row) => typeof row[7] === 'string');
  const withoutNumber = [withEmail[10], withEmail[120]].map((row) => [null, ...row.slice(1)]);
  const otherCase = [withEmail[60], withEmail[200]].map((row, i) => [
    FIRST_CONTACT_NO + rows.length + i,
    ...row.slice(1, 7),
    String(row[7])
      .replace(/^./, (c) => c.toUpperCase())
      .replace(/@.*/, (domain) => domain.toUpperCase()),
    ...row.slice(8),
  ]);
  return [...withoutNumber, ...otherCase];
};

/**
 * Firms the demo letter reaches (no purchase in the last three months, bought before, no objection as a firm) with two
 * contacts or more: the
 * first six carry the cases of one person on several rows and of the Sperrliste. The furniture letter's effect passes
 * them by (campaignEffect), so that they stay inactive.
 */
const lapsedFirms = (customers: CustomerSpec[]): CustomerSpec[] =>
  customers
    .filter(
      (customer) => customer.activity === 'lapsed' && customer.contactCount >= 2 && customer.optOut === null,
    )
    .slice(0, 6);

const firstContactOf = (rows: CellValue[][], customer: CustomerSpec): CellValue[] => {
  const row = rows.find((candidate) => candidate[1] === customer.customerNo);
  if (!row) throw new Error(`the sample has no contact of ${customer.customerNo}`);
  return row;
};

/**
 * One person on several rows, at firms the demo letter reaches (drawn without the random generator, so that the
 * sales stay as they were): a contact entered again with a new number and the e-mail in capitals, who objected on
 * that row only; the same contact again without number; two people behind one office mailbox, without numbers; and
 * one contact number typed for two more people.
 */
const identityCases = (rows: CellValue[][], customers: CustomerSpec[]): CellValue[][] => {
  const [objected, again, office, shared] = lapsedFirms(customers);
  const nextNumber = FIRST_CONTACT_NO + rows.length + 2;
  const objecting = firstContactOf(rows, objected);
  const sharedNumber = firstContactOf(rows, shared)[0];
  const person = (
    customer: CustomerSpec,
    salutation: string,
    first: string,
    last: string,
    email: string | null,
  ) => [customer.customerNo, salutation, null, first, last, 'Einkauf', email, null, null];
  return [
    [
      nextNumber,
      ...objecting.slice(1, 7),
      String(objecting[7] ?? '').toUpperCase() || null,
      ...objecting.slice(8, 10),
      'ja',
    ],
    [null, ...firstContactOf(rows, again).slice(1)],
    [null, ...person(office, 'Frau', 'Ulrike', 'Hanke', `info@${office.domain}`), null],
    [null, ...person(office, 'Herr', 'Malte', 'Reuter', `info@${office.domain}`), null],
    [sharedNumber, ...person(shared, 'Frau', 'Ines', 'Albrecht', `i.albrecht@${shared.domain}`), null],
    [sharedNumber, ...person(shared, 'Herr', 'Timo', 'Brandt', `t.brandt@${shared.domain}`), null],
  ];
};

const contactsSheet = (random: Random, customers: CustomerSpec[]): SheetTable => {
  const rows = contactRows(random, customers);
  const invalid = rows.findIndex((row, i) => i > 250 && typeof row[7] === 'string');
  rows[invalid][7] = String(rows[invalid][7]).replace(/\.[a-z]+$/, '');
  return {
    name: SAMPLE_SHEETS.contacts,
    rows: [CONTACT_HEADERS, ...rows, ...contactDuplicates(rows), ...identityCases(rows, customers)],
  };
};

/**
 * Objections under Art. 21 DSGVO, kept for good: one by e-mail and one by name and address of contacts the demo letter
 * would reach, and one of a person whose contact row was deleted years ago.
 */
const blocklistSheet = (contacts: SheetTable, customers: CustomerSpec[]): SheetTable => {
  const [, , , , byEmail, byAddress] = lapsedFirms(customers);
  const rows = contacts.rows.slice(1);
  const named = firstContactOf(rows, byAddress);
  return {
    name: SAMPLE_SHEETS.blocklist,
    rows: [
      ['E-Mail', 'Vorname', 'Nachname', 'Straße', 'PLZ', 'Widerspruch am'],
      [firstContactOf(rows, byEmail)[7], null, null, null, null, '14.03.2024'],
      [null, named[4], named[5], byAddress.street, byAddress.place.postalCode, '02.09.2025'],
      [null, 'Gabriele', 'Neumann', 'Bahnhofstraße 3', '01069', '17.01.2019'],
    ],
  };
};

interface SaleSpec {
  day: number;
  customerNo: number;
  article: ArticleSpec;
  quantity: number;
}

const lastOrderDay = (random: Random, activity: Exclude<Activity, 'never'>): number => {
  if (activity === 'regular') return REFERENCE_DAY - random.int(0, 60);
  if (activity === 'borderline') return REFERENCE_DAY - random.int(85, 95);
  return REFERENCE_DAY - random.int(100, 420);
};

/** Orders fall on working days. */
const workingDay = (day: number): number => {
  const weekday = utcDay(day).getUTCDay();
  return weekday === 0 ? day - 2 : weekday === 6 ? day - 1 : day;
};

const customerSales = (random: Random, customer: CustomerSpec): SaleSpec[] => {
  if (customer.activity === 'never') return [];
  const last = workingDay(lastOrderDay(random, customer.activity));
  const first = Math.max(REFERENCE_DAY - SALES_DAYS + 3, dayOf(customer.since));
  const orderDays = [
    last,
    ...Array.from({ length: random.int(2, 10) }, () => workingDay(random.int(first, last))),
  ];
  const favourites = Array.from({ length: 4 }, () => random.pick(SAMPLE_ARTICLES));
  return orderDays
    .filter((day) => day <= last && day >= first - 2)
    .flatMap((day) =>
      Array.from({ length: random.int(1, 4) }, () => {
        const article = random.chance(0.6) ? random.pick(favourites) : random.pick(SAMPLE_ARTICLES);
        return { day, customerNo: customer.customerNo, article, quantity: random.int(...article.quantity) };
      }),
    );
};

const SALES_HEADERS = [
  'Belegdatum',
  'Kundennr',
  'Artikel-Nr.',
  'Bezeichnung',
  'Menge',
  'Einzelpreis',
  'Betrag',
];

const cents = (value: number): number => Math.round(value * 100) / 100;

const saleRow = (random: Random, sale: SaleSpec): CellValue[] => {
  const date = utcDay(sale.day);
  return [
    random.chance(0.03) ? germanDate(date) : date,
    sale.customerNo,
    sale.article.articleNo,
    sale.article.name,
    sale.quantity,
    sale.article.price,
    cents(sale.quantity * sale.article.price),
  ];
};

const salesSheet = (random: Random, specs: SaleSpec[]): SheetTable => {
  const sales = [...specs].sort((a, b) => a.day - b.day || a.customerNo - b.customerNo);
  const rows = sales.map((sale) => saleRow(random, sale));
  rows[rows.length - 40][3] = '#N/A';
  rows[rows.length - 700][3] = '#N/A';
  const total = cents(rows.reduce((sum, row) => sum + Number(row[6]), 0));
  const quantity = rows.reduce((sum, row) => sum + Number(row[4]), 0);
  const blank = SALES_HEADERS.map(() => null);
  return {
    name: SAMPLE_SHEETS.sales,
    rows: [SALES_HEADERS, ...rows, blank, ['Summe', null, null, null, quantity, null, total]],
  };
};

const articlesSheet = (): SheetTable => ({
  name: SAMPLE_SHEETS.articles,
  rows: [
    ['Artikelnummer', 'Bezeichnung', 'Warengruppe', 'Listenpreis'],
    ...SAMPLE_ARTICLES.map((article) => [article.articleNo, article.name, article.category, article.price]),
  ],
});

/**
 * A campaign that already ran: a letter with the furniture catalogue to the management of every customer, four weeks
 * to order, 15 % held back as a control group. Its effect is built into the sales: of the firms whose manager got the
 * letter, SAMPLE_EFFECT_SHARE order furniture within the four weeks, so `kampagne report` on the sample finds a real,
 * known uplift. One contact per firm: a firm's purchases count for all its members, and a control member whose
 * colleague was contacted would carry the letter's effect into the control group.
 */
export const SAMPLE_CAMPAIGN: CampaignDefinition = {
  name: 'Herbstaktion Büromöbel 2026',
  type: 'letter',
  description:
    'Brief mit dem Büromöbel-Katalog und 10 % Herbstrabatt an die Geschäftsführung aller Kunden, vier Wochen gültig.',
  language: 'de',
  selections: [
    { from: 'contacts', filter: [{ column: 'Position', op: 'equals', value: 'Geschäftsführung' }] },
  ],
  start: '2026-09-01',
  cost: 4800,
  evaluationDays: 30,
  status: 'completed',
  // 15 %, not 10 %: of 250 members, a tenth would fall short of the 30 the evaluation needs to say anything.
  controlPercent: 15,
};
const SAMPLE_CAMPAIGN_CREATED = '2026-08-24T08:30:00.000Z';
const SAMPLE_CAMPAIGN_USED = '2026-09-01T07:45:00.000Z';

/**
 * A campaign to customers who had bought nothing for half a year: a voucher letter, 30 % held back, judged by the
 * share of buyers. No effect is built into the sales: its evaluation shows how many of the held-back customers came
 * back on their own (regression to the mean), which a before/after comparison would have credited to the letter.
 */
export const SAMPLE_INACTIVE_CAMPAIGN: CampaignDefinition = {
  name: 'Reaktivierung Frühjahr 2026',
  type: 'letter',
  description:
    'Brief mit einem 20-€-Gutschein an alle Kunden, die seit einem halben Jahr nichts gekauft haben.',
  language: 'de',
  selections: [{ from: 'inactiveCustomers', months: 6 }],
  start: '2026-03-02',
  cost: 900,
  evaluationDays: 90,
  status: 'completed',
  controlPercent: 30,
  primaryMetric: 'conversion',
};
const SAMPLE_INACTIVE_CREATED = '2026-02-23T10:00:00.000Z';
const SAMPLE_INACTIVE_USED = '2026-03-02T08:15:00.000Z';

/**
 * The autumn reactivation letter, two weeks before the reference day, still being evaluated until the end of the year:
 * its control group is protected. A campaign now leaves those customers' contacts out ("ein Kontakt würde ihre
 * Auswertung verfälschen") — samples/kampagnen/adventsgruss-mit-kontaktgrenze.json shows it.
 */
export const SAMPLE_AUTUMN_CAMPAIGN: CampaignDefinition = {
  name: 'Reaktivierung Herbst 2026',
  type: 'letter',
  description: 'Brief mit einem Wintergutschein an alle Kunden, die seit drei Monaten nichts gekauft haben.',
  language: 'de',
  selections: [{ from: 'inactiveCustomers', months: 3 }],
  start: '2026-11-02',
  cost: 600,
  evaluationDays: 60,
  status: 'active',
  controlPercent: 30,
  primaryMetric: 'conversion',
};
const SAMPLE_AUTUMN_CREATED = '2026-10-27T09:00:00.000Z';
const SAMPLE_AUTUMN_USED = '2026-11-02T08:00:00.000Z';
/** The known effect: the chance that a firm reached by the letter orders furniture (two lines) because of it. Tuned so that the
 * return is a plausible one for a catalogue letter, and the 37 control firms still show it beyond doubt. */
export const SAMPLE_EFFECT_SHARE = 0.3;
const EFFECT_SEED = SEED + 7;
const FURNITURE = SAMPLE_ARTICLES.filter((article) => article.category === 'Büromöbel');

/** Sales as plain dated rows (no text dates yet): enough to parse who is in the campaign and what they bought before. */
const plainSales = (specs: SaleSpec[]): SheetTable => ({
  name: SAMPLE_SHEETS.sales,
  rows: [
    SALES_HEADERS,
    ...specs.map((sale) => [
      utcDay(sale.day),
      sale.customerNo,
      sale.article.articleNo,
      sale.article.name,
      sale.quantity,
      sale.article.price,
      cents(sale.quantity * sale.article.price),
    ]),
  ],
});

interface UsedCampaign {
  campaign: StoredCampaign;
  /** Customer number of each member, by member key. */
  customerOf: Map<string, number>;
  /** Each member's name, by member key, as the contact history shows it. */
  names: Map<string, string>;
}

interface CampaignDates {
  created: string;
  used: string;
}

/** The campaign as the add-in stored it when the letters went out: members and who was held back. */
const usedCampaign = (
  definition: CampaignDefinition,
  dates: CampaignDates,
  people: SheetTable[],
  sales: SaleSpec[],
): UsedCampaign => {
  const parsed = parseWorkbook([...people, plainSales(sales)]);
  if (!parsed.ok) throw new Error('the sample workbook must parse');
  const start = isoToDay(definition.start ?? '') as Day;
  const id = newCampaignId(definition.name, dates.created);
  const group = buildTargetGroup(parsed.value, definition, { today: start });
  const assignment = assignGroups({
    campaignId: id,
    controlPercent: definition.controlPercent,
    members: group.members,
    sales: parsed.value.sales,
    start,
  });
  return {
    campaign: {
      ...definition,
      id,
      createdAt: dates.created,
      updatedAt: dates.used,
      memberCount: group.members.length,
      assignment,
    },
    customerOf: new Map(group.members.map((member) => [member.key, Number(member.recipient.customerId)])),
    names: new Map(group.members.map((member) => [member.key, memberName(member.recipient)])),
  };
};

/**
 * A phone round the sales team logged in the contact history by hand, two and a half weeks before the reference day:
 * every fourth manager the furniture letter reached. A campaign with a contact limit ("höchstens 1 Kontakt je 30 Tage",
 * samples/kampagnen/adventsgruss-mit-kontaktgrenze.json) leaves them out and says so.
 */
const PHONE_ROUND = { name: 'Telefonaktion Oktober 2026', type: 'Telefon', day: '2026-10-28', every: 4 };

/** The contact history the add-in wrote when the two campaigns were used, and the phone round typed in below it. */
const historySheet = (campaigns: readonly UsedCampaign[]): SheetTable => {
  const labels = HISTORY_HEADERS.de;
  const rows: CellValue[][] = campaigns.flatMap(({ campaign, names }) => {
    const day = utcDay(isoToDay(campaign.start ?? '') as Day);
    const type = campaignTypeLabel(campaign.type, 'de');
    const members = [
      ...(campaign.assignment?.contacted ?? []).map((key) => ({ key, group: GROUP_LABELS.de.contacted })),
      ...(campaign.assignment?.control ?? []).map((key) => ({ key, group: GROUP_LABELS.de.control })),
    ];
    return members.map(({ key, group }) => [
      day,
      campaign.name,
      type,
      CHANNEL_LABELS.de.targetSheet,
      group,
      key,
      names.get(key) ?? '',
      campaign.id,
    ]);
  });
  const reached = campaigns[0].campaign.assignment?.contacted ?? [];
  const called = reached.filter((_, i) => i % PHONE_ROUND.every === 0);
  const phoneDay = utcDay(isoToDay(PHONE_ROUND.day) as Day);
  for (const key of called)
    rows.push([
      phoneDay,
      PHONE_ROUND.name,
      PHONE_ROUND.type,
      CHANNEL_LABELS.de.leads,
      GROUP_LABELS.de.contacted,
      key,
      campaigns[0].names.get(key) ?? '',
      null,
    ]);
  return { name: HISTORY_SHEET.de, rows: [HISTORY_FIELDS.map((field) => labels[field]), ...rows] };
};

/** Extra furniture orders of customers that at least one contacted member works for, in the weeks after the letter. */
const campaignEffect = ({ campaign, customerOf }: UsedCampaign, quiet: ReadonlySet<number>): SaleSpec[] => {
  const random = seededRandom(EFFECT_SEED);
  const start = isoToDay(campaign.start ?? '') as Day;
  const reached = new Set((campaign.assignment?.contacted ?? []).map((key) => customerOf.get(key) ?? 0));
  return [...reached]
    .filter((customerNo) => customerNo > 0)
    .sort((a, b) => a - b)
    .filter(() => random.chance(SAMPLE_EFFECT_SHARE))
    .flatMap((customerNo) => {
      const day = workingDay(start + random.int(4, 25));
      const orders = Array.from({ length: 2 }, () => {
        const article = random.pick(FURNITURE);
        return { day, customerNo, article, quantity: random.int(...article.quantity) };
      });
      return quiet.has(customerNo) ? [] : orders;
    });
};

interface Sample {
  tables: SheetTable[];
  state: AddinState;
}

const buildSample = (): Sample => {
  const random = seededRandom(SEED);
  const customerSpecs = makeCustomers(random);
  const customers = customersSheet(customerSpecs);
  const contacts = contactsSheet(random, customerSpecs);
  const blocklist = blocklistSheet(contacts, customerSpecs);
  const sales = customerSpecs.flatMap((customer) => customerSales(random, customer));
  const people = [customers, contacts, blocklist];
  const used = usedCampaign(
    SAMPLE_CAMPAIGN,
    { created: SAMPLE_CAMPAIGN_CREATED, used: SAMPLE_CAMPAIGN_USED },
    people,
    sales,
  );
  const inactive = usedCampaign(
    SAMPLE_INACTIVE_CAMPAIGN,
    { created: SAMPLE_INACTIVE_CREATED, used: SAMPLE_INACTIVE_USED },
    people,
    sales,
  );
  const autumn = usedCampaign(
    SAMPLE_AUTUMN_CAMPAIGN,
    { created: SAMPLE_AUTUMN_CREATED, used: SAMPLE_AUTUMN_USED },
    people,
    sales,
  );
  const quietFirms = new Set(lapsedFirms(customerSpecs).map((customer) => customer.customerNo));
  return {
    tables: [
      customers,
      contacts,
      salesSheet(random, [...sales, ...campaignEffect(used, quietFirms)]),
      articlesSheet(),
      blocklist,
      historySheet([used, inactive, autumn]),
    ],
    state: { ...emptyState(), campaigns: [used.campaign, inactive.campaign, autumn.campaign] },
  };
};

let built: Sample | undefined;
/** Built once (it parses the sample to draw the control group). */
const sample = (): Sample => (built ??= buildSample());

const copyTable = (table: SheetTable): SheetTable => ({
  ...table,
  rows: table.rows.map((row) => row.map((cell) => (cell instanceof Date ? new Date(cell) : cell))),
});

/** The sheets of the sample workbook, in workbook order. Each call returns fresh tables for the caller to change. */
export const sampleWorkbookTables = (): SheetTable[] => sample().tables.map(copyTable);

/** The add-in's state as the sample workbook stores it (very hidden): the campaigns that already ran. */
export const sampleState = (): AddinState => JSON.parse(JSON.stringify(sample().state)) as AddinState;

/** The state as the sheet the add-in keeps it in, for the sample file and for tests on the whole workbook. */
export const sampleStateSheet = (): SheetTable => {
  const table = stateToTable(sampleState());
  return { name: STATE_SHEET, rows: [table.headers, ...table.rows] };
};
