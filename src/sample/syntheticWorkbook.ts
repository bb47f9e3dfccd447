import type { CellValue, SheetTable } from '../core/kernel/sheetTable';

/**
 * Deterministic synthetic CRM workbook as SheetTables (what a workbook adapter delivers): German headers, a title row
 * above the header, blank rows, a totals row, dates as Excel serials, German number text, opt-out flags, duplicates.
 * The same seed always gives the same workbook, so benchmark figures are comparable between runs and machines.
 */

export interface SyntheticSizes {
  contacts: number;
  customers: number;
  sales: number;
  articles: number;
  seed: number;
}

export const DEFAULT_SIZES: SyntheticSizes = {
  contacts: 100_000,
  customers: 20_000,
  sales: 1_000_000,
  articles: 2_000,
  seed: 20_260_531,
};

/** mulberry32: tiny, fast, good enough for test data. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const CITIES: Array<[string, string]> = [
  ['Köln', '50667'],
  ['Bonn', '53111'],
  ['Dresden', '01067'],
  ['Leipzig', '04109'],
  ['München', '80331'],
  ['Hamburg', '20095'],
  ['Berlin', '10115'],
  ['Düsseldorf', '40213'],
  ['Stuttgart', '70173'],
  ['Frankfurt am Main', '60311'],
];
const FIRST_NAMES = [
  'Anna',
  'Jürgen',
  'Eva',
  'Ben',
  'Carla',
  'Dieter',
  'Sabine',
  'Thomas',
  'Özlem',
  'Lukas',
  'Marie',
  'Stefan',
];
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
  'Groß',
  'Köhler',
];
const STREETS = ['Hauptstraße', 'Lindenweg', 'Bahnhofstr.', 'Am Markt', 'Gartenstraße', 'Schillerstraße'];
const BRANCHES = ['Bau', 'Handel', 'Gastronomie', 'Handwerk', 'IT', 'Praxis'];
const LEGAL_FORMS = ['GmbH', 'KG', 'AG', 'e.K.', 'GmbH & Co. KG'];
const CATEGORIES = ['Baustoffe', 'Werkzeug', 'Farben', 'Garten', 'Sanitär'];
/** 2024-01-01 as an Excel serial (1900 system). */
const FIRST_SALES_SERIAL = 45_292;
const SALES_DAYS = 882; // up to 2026-05-31

const germanMoney = (value: number): string =>
  value
    .toFixed(2)
    .replace('.', ',')
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export const syntheticWorkbook = (sizes: SyntheticSizes = DEFAULT_SIZES): SheetTable[] => {
  const random = seededRandom(sizes.seed);
  const int = (n: number): number => Math.floor(random() * n);
  const of = <T>(values: readonly T[]): T => values[int(values.length)];
  const customerNo = (i: number): string => `K-${String(10_000 + i)}`;
  const articleNo = (i: number): string => `A-${String(1000 + i)}`;

  const customerRows: CellValue[][] = [
    ['Kundenstamm (Export aus der Warenwirtschaft)'],
    [],
    [
      'Kundennummer',
      'Firma',
      'Anrede',
      'Vorname',
      'Nachname',
      'Straße',
      'PLZ',
      'Ort',
      'Land',
      'E-Mail',
      'Telefon',
      'Werbesperre',
      'Branche',
    ],
  ];
  for (let i = 0; i < sizes.customers; i++) {
    const [city, postalCode] = of(CITIES);
    const last = of(LAST_NAMES);
    customerRows.push([
      customerNo(i),
      `${last} ${of(BRANCHES)} ${of(LEGAL_FORMS)}`,
      random() < 0.5 ? 'Herr' : 'Frau',
      of(FIRST_NAMES),
      last,
      `${of(STREETS)} ${1 + int(120)}`,
      // A sixth of postal codes stored as numbers: leading zeros lost, as in real sheets.
      random() < 0.16 ? Number(postalCode) : postalCode,
      city,
      'Deutschland',
      random() < 0.85 ? `info@kunde${i}.de` : '',
      `+49 ${200 + int(700)} ${100_000 + int(899_999)}`,
      random() < 0.03 ? 'ja' : '',
      of(BRANCHES),
    ]);
    if (i % 5_000 === 4_999) customerRows.push([]);
  }

  const contactRows: CellValue[][] = [
    [
      'Kontakt-Nr.',
      'Kunden-Nr.',
      'Anrede',
      'Vorname',
      'Nachname',
      'Straße',
      'PLZ',
      'Ort',
      'E-Mail',
      'Telefon',
      'Mobil',
      'Newsletter abgemeldet',
      'Position',
    ],
  ];
  for (let i = 0; i < sizes.contacts; i++) {
    const first = of(FIRST_NAMES);
    const last = of(LAST_NAMES);
    const ownAddress = random() < 0.2;
    const [city, postalCode] = of(CITIES);
    const email = random() < 0.9 ? `${first}.${last}${i}@firma${int(sizes.customers)}.de`.toLowerCase() : '';
    contactRows.push([
      `P${100_000 + i}`,
      customerNo(int(sizes.customers)),
      random() < 0.5 ? 'Herr' : 'Frau',
      first,
      last,
      ownAddress ? `${of(STREETS)} ${1 + int(80)}` : '',
      ownAddress ? postalCode : '',
      ownAddress ? city : '',
      // A few duplicates by e-mail in other case, and some broken addresses.
      random() < 0.01 ? email.toUpperCase() : random() < 0.01 ? email.replace('@', ' at ') : email,
      random() < 0.7 ? `0${200 + int(700)} ${10_000 + int(89_999)}` : '',
      random() < 0.4 ? `+49 17${int(10)} ${1_000_000 + int(8_999_999)}` : '',
      random() < 0.02 ? 'x' : '',
      of(['Einkauf', 'Geschäftsführung', 'Buchhaltung', 'Technik']),
    ]);
  }

  const articleRows: CellValue[][] = [['Artikel-Nr.', 'Bezeichnung', 'Kategorie']];
  for (let i = 0; i < sizes.articles; i++)
    articleRows.push([articleNo(i), `Artikel ${i} ${of(CATEGORIES)}`, of(CATEGORIES)]);

  const salesRows: CellValue[][] = [
    ['Rechnungsdatum', 'Kunden-Nr.', 'Artikel-Nr.', 'Bezeichnung', 'Menge', 'Betrag'],
  ];
  let total = 0;
  for (let i = 0; i < sizes.sales; i++) {
    const article = int(sizes.articles);
    const quantity = 1 + int(20);
    const amount = quantity * (1 + int(50_000) / 100);
    total += amount;
    salesRows.push([
      // Recent months are busier; a few lines carry text dates as typed by hand.
      random() < 0.002 ? '15.03.2026' : FIRST_SALES_SERIAL + Math.floor(Math.sqrt(random()) * SALES_DAYS),
      // Skewed: a fifth of the customers make most of the sales; some never buy.
      customerNo(
        random() < 0.8 ? int(Math.floor(sizes.customers / 5)) : int(Math.floor(sizes.customers * 0.95)),
      ),
      articleNo(article),
      `Artikel ${article}`,
      quantity,
      random() < 0.1 ? germanMoney(amount) : Math.round(amount * 100) / 100,
    ]);
  }
  salesRows.push(['Summe', '', '', '', '', germanMoney(total)]);

  return [
    { name: 'Kunden', rows: customerRows },
    { name: 'Ansprechpartner', rows: contactRows },
    { name: 'Artikel', rows: articleRows },
    { name: 'Umsätze', rows: salesRows },
  ];
};
