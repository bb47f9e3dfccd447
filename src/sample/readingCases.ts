import type { CellValue, SheetTable } from '../core/kernel/sheetTable';

/**
 * Workbooks where a person reading them would ask before guessing: the task pane's preview shows them
 * (`?workbook=<name>`) and test/fixtures writes them as .xlsx for the command line. Small and deterministic.
 */
export type ReadingCase = 'twoContactSheets' | 'unclearMergedHeader';
export const READING_CASES: readonly ReadingCase[] = ['twoContactSheets', 'unclearMergedHeader'];

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const customers = (): SheetTable => ({
  name: 'Kunden',
  rows: [
    ['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'Kundengruppe'],
    ['K-1', 'Bäckerei Größe', 'Schloßstraße 4', '01067', 'Dresden', 'A'],
    ['K-2', 'Müller Haustechnik GmbH', 'Hauptstraße 1', '04109', 'Leipzig', 'B'],
    ['K-3', 'Köhler & Söhne KG', 'Domplatz 2', '50667', 'Köln', 'A'],
  ],
});

const CONTACT_HEADERS: CellValue[] = [
  'Kontakt-Nr.',
  'Kunden-Nr.',
  'Vorname',
  'Nachname',
  'E-Mail',
  'Werbesperre',
  'Erfasst am',
];

/**
 * Last year's list and this year's: in 2024 Sabine Müller objected to advertising. Both sheets fit as contacts
 * equally well; the newer one has more rows and newer dates, which the choice shows.
 */
const contactSheets = (): SheetTable[] => [
  {
    name: 'Kontakte 2023',
    rows: [
      CONTACT_HEADERS,
      ['P-1', 'K-1', 'Jürgen', 'Groß', 'juergen@baeckerei-groesse.de', null, day('2023-02-01')],
      ['P-2', 'K-2', 'Sabine', 'Müller', 'sabine@mueller-haustechnik.de', null, day('2023-05-12')],
    ],
  },
  {
    name: 'Kontakte 2024',
    rows: [
      CONTACT_HEADERS,
      ['P-1', 'K-1', 'Jürgen', 'Groß', 'juergen@baeckerei-groesse.de', null, day('2023-02-01')],
      ['P-2', 'K-2', 'Sabine', 'Müller', 'sabine@mueller-haustechnik.de', 'ja', day('2024-03-12')],
      ['P-3', 'K-3', 'Uwe', 'Köhler', 'uwe@koehler-soehne.de', null, day('2024-06-30')],
    ],
  },
];

/** "Name" merged over a salutation column and a name column: which is which, the data does not say for sure. */
const unclearMergedHeader = (): SheetTable[] => [
  customers(),
  {
    name: 'Kontakte',
    rows: [
      ['Kontakt-Nr.', 'Kunden-Nr.', 'Name', null, 'E-Mail'],
      ['P-1', 'K-1', 'Herr', 'Jürgen Groß', 'juergen@baeckerei-groesse.de'],
      ['P-2', 'K-2', 'Frau', 'Sabine Müller', 'sabine@mueller-haustechnik.de'],
      ['P-3', 'K-3', 'Herr', 'Uwe Köhler', 'uwe@koehler-soehne.de'],
    ],
    merges: [{ top: 1, left: 3, bottom: 1, right: 4 }],
  },
];

/** The sheets of a case, fresh on every call. */
export const readingCase = (name: ReadingCase): SheetTable[] =>
  name === 'twoContactSheets' ? [customers(), ...contactSheets()] : unclearMergedHeader();
