import type { CellValue, SheetTable } from '../../src/core/kernel/sheetTable';

/** A sheet as an adapter delivers it. */
export const sheet = (name: string, rows: CellValue[][], options: Partial<SheetTable> = {}): SheetTable => ({
  name,
  rows,
  ...options,
});

export const CUSTOMER_HEADERS = [
  'Kunden-Nr.',
  'Firma',
  'Straße',
  'PLZ',
  'Ort',
  'Land',
  'E-Mail',
  'Werbesperre',
];

/** A customers sheet the way small offices keep it: title row, blank row in the middle, a totals row. */
export function messyCustomers(name = 'Kunden'): SheetTable {
  return sheet(name, [
    ['Kundenliste Stand 01.01.2025', null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null],
    CUSTOMER_HEADERS,
    [10001, 'Müller GmbH', 'Hauptstr. 1', 1067, 'Dresden', '', 'info@mueller.de', ''],
    [
      '10002',
      'Schmidt & Söhne KG',
      'Ringweg 5',
      '80331',
      'München',
      'Deutschland',
      ' MAILTO:kontakt@schmidt.de ',
      'nein',
    ],
    [null, null, null, null, null, null, null, null],
    [10003, 'Wiener Bau', 'Gasse 2', 1010, 'Wien', 'Österreich', '#N/A', 'x'],
    [10001, 'Müller GmbH (alt)', '', '', '', '', '', ''],
    ['Summe', null, null, null, null, null, null, null],
  ]);
}

/** A contacts sheet with English headers, a full-name column and several opt-out columns. */
export function messyContacts(name = 'Kontakte'): SheetTable {
  return sheet(name, [
    [
      'Contact ID',
      'Customer ID',
      'Contact person',
      'Email',
      'Phone',
      'Unsubscribed',
      'Do not contact',
      'Hobby',
    ],
    ['K1', 10001, 'Herr Dr. Max Mustermann', 'max@mueller.de', '+49 351 123', 'no', '', 'Golf'],
    ['K2', 10001, 'Schmidt, Anna', 'anna@mueller.de', '', 'yes', '', ''],
    ['K3', 10002, 'Erika von Berg', 'erika@schmidt.de', '', '', 'X', 'Segeln'],
    ['', '', '', '', '', '', '', 'nur Notiz'],
    ['K4', 99999, 'Fritz Fremd', 'fritz@example.com', '', '0', 'nein', ''],
    ['', 10002, 'Ohne Nummer', '', '', '', '', ''],
    ['K2', 10001, 'Anna Schmidt', 'anna.schmidt@mueller.de', '', '', new Date(Date.UTC(2023, 4, 3)), ''],
  ]);
}

/** Sales lines with serial, text and broken dates, a totals row and an unknown customer. */
export function messySales(name = 'Umsätze'): SheetTable {
  return sheet(name, [
    ['Umsätze 2024', null, null, null, null, null],
    ['Rechnungsdatum', 'Kunden-Nr.', 'Artikel-Nr.', 'Bezeichnung', 'Menge', 'Betrag'],
    [45356, 10001, 'A-100', 'Druckerpapier A4', 10, 49.9],
    ['04.07.2024', '10002', 'A-200', 'Toner schwarz', '2', '1.234,50'],
    [null, null, null, null, null, null],
    ['2024-13-40', 10001, 'A-100', 'Druckerpapier A4', 'viele', '€ 12,00'],
    [45400, 77777, 'A-300', 'Ordner', 1, 3.5],
    [null, null, null, 'Summe', 13, 1300],
    ['Gesamt', null, null, null, 13, 1300],
  ]);
}

export function articlesSheet(name = 'Artikel'): SheetTable {
  return sheet(name, [
    ['Artikel-Nr.', 'Bezeichnung', 'Warengruppe'],
    ['A-100', 'Druckerpapier A4', 'Büro'],
    ['A-200', 'Toner schwarz', 'Drucker'],
  ]);
}
