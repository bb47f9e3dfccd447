import type { CellValue, SheetTable } from '../../core/sheetTable';

const FIRST = ['Anna', 'Jörg', 'Büşra', 'Max', 'Sophie', 'Lukas', 'Marie', 'Ömer', 'Lena', 'Paul'];
const LAST = [
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
];
const CITIES: Array<[string, string]> = [
  ['10115', 'Berlin'],
  ['20095', 'Hamburg'],
  ['50667', 'Köln'],
  ['80331', 'München'],
  ['01067', 'Dresden'],
  ['60311', 'Frankfurt am Main'],
];

/** A large deterministic workbook for the browser benchmark: `contacts` contacts, one customer per 4 contacts. */
export function syntheticTables(contacts: number): SheetTable[] {
  const customers = Math.max(1, Math.ceil(contacts / 4));
  const customerRows: CellValue[][] = [
    ['Kundennummer', 'Firma', 'Straße', 'PLZ', 'Ort', 'Land', 'E-Mail', 'Telefon'],
  ];
  for (let i = 0; i < customers; i++) {
    const [plz, city] = CITIES[i % CITIES.length];
    customerRows.push([
      `K${100000 + i}`,
      `Firma ${i} GmbH`,
      `Hauptstraße ${(i % 200) + 1}`,
      plz,
      city,
      'Deutschland',
      `info${i}@firma${i}.de`,
      `+49 30 ${1000000 + i}`,
    ]);
  }
  const contactRows: CellValue[][] = [
    [
      'Kontakt-Nr.',
      'Kundennummer',
      'Anrede',
      'Vorname',
      'Nachname',
      'Straße',
      'PLZ',
      'Ort',
      'Land',
      'E-Mail',
      'Werbesperre',
    ],
  ];
  for (let i = 0; i < contacts; i++) {
    const [plz, city] = CITIES[(i >> 2) % CITIES.length];
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    contactRows.push([
      `P${200000 + i}`,
      `K${100000 + (i >> 2)}`,
      i % 2 === 0 ? 'Frau' : 'Herr',
      first,
      `${last}${i}`,
      `Nebenweg ${(i % 90) + 1}`,
      plz,
      city,
      'Deutschland',
      i % 17 === 0 ? '' : `${first.toLowerCase()}.${i}@example.de`,
      i % 101 === 0 ? 'ja' : '',
    ]);
  }
  const salesRows: CellValue[][] = [['Datum', 'Kundennummer', 'Artikelnummer', 'Artikel', 'Menge', 'Betrag']];
  for (let i = 0; i < customers * 2; i++) {
    salesRows.push([
      45000 + (i % 600),
      `K${100000 + (i % customers)}`,
      `A${i % 50}`,
      `Artikel ${i % 50}`,
      (i % 5) + 1,
      19.9,
    ]);
  }
  return [
    { name: 'Kontakte', rows: contactRows },
    { name: 'Kunden', rows: customerRows },
    { name: 'Verkäufe', rows: salesRows },
  ];
}
