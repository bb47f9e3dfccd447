import ExcelJS from 'exceljs';

/**
 * The workbooks the reading tests build (xlsxWorkbook.read.test.ts), named so the fast reader's equivalence test
 * (fastReader.equivalence.test.ts) reads the very same files.
 */

export const utcDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** A messy contact list as people keep it: every kind of cell exceljs can hand back. */
export const buildContacts = (workbook: ExcelJS.Workbook): void => {
  const sheet = workbook.addWorksheet('Kontakte');
  sheet.addRow(['Kontaktliste Herbst']);
  sheet.mergeCells('A1:G1');
  sheet.addRow(['Name', 'Geburtstag', 'E-Mail', 'Umsatz', 'Bemerkung', 'Werbesperre', 'Letzter Kauf']);
  sheet.addRow([
    { richText: [{ text: 'Jörg ', font: { bold: true } }, { text: 'Müller' }] },
    utcDate(1980, 3, 15),
    { text: 'joerg@example.de', hyperlink: 'mailto:joerg@example.de' },
    { formula: 'SUM(1,2)', result: 3 },
    { formula: 'VLOOKUP("x",A:A,1,FALSE)', result: { error: '#N/A' } },
    true,
    { formula: 'MAX(Umsätze!B:B)', result: utcDate(2024, 5, 2) },
  ]);
  sheet.getCell('G3').numFmt = 'dd.mm.yyyy';
  sheet.addRow(['Anna Schmidt', '15.03.1980', 'anna@example.de', { error: '#DIV/0!' }, '', false]);
  sheet.getCell('B3').numFmt = 'dd.mm.yyyy';
  sheet.addRow([]);
  sheet.addRow(['Summe', null, null, { formula: 'SUM(D3:D4)', result: 3 }]);
  // formatted but empty cells must not widen the used range
  sheet.getCell('J20').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
};

export const offsetRange = (workbook: ExcelJS.Workbook): void => {
  const sheet = workbook.addWorksheet('Kunden');
  sheet.getCell('C3').value = 'Kundennr';
  sheet.getCell('D3').value = 'PLZ';
  sheet.getCell('C4').value = 'K-100';
  sheet.getCell('D4').value = 1067;
  sheet.getCell('E9').value = null;
};

export const dates1904 = (workbook: ExcelJS.Workbook): void => {
  workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet('Umsätze');
  sheet.addRow(['Datum', 'Betrag']);
  sheet.addRow([utcDate(2024, 2, 29), 19.99]);
  sheet.getCell('A2').numFmt = 'dd.mm.yyyy';
};

export const sheetStates = (workbook: ExcelJS.Workbook): void => {
  workbook.addWorksheet('Kontakte').addRow(['Name']);
  workbook.addWorksheet('Hilfsdaten', { state: 'hidden' }).addRow(['x']);
  workbook.addWorksheet('Leer');
  workbook.addWorksheet('KampagnenDaten', { state: 'veryHidden' }).addRow(['{}']);
};

export const UMLAUT_NAMES = Array.from(
  { length: 30_000 },
  (_, i) => `Müller-Lüdenscheidt ${i} Straße ä ö ß €`,
);

export const umlautChunks = (workbook: ExcelJS.Workbook): void => {
  const sheet = workbook.addWorksheet('Kontakte');
  sheet.addRow(['Nachname']);
  // inline strings put the text into the sheet part itself, which is read in chunks
  for (const name of UMLAUT_NAMES) sheet.addRow([{ richText: [{ text: name }] }]);
};

export const tablesLinksFormulas = (workbook: ExcelJS.Workbook): void => {
  const sheet = workbook.addWorksheet('Kontakte');
  sheet.getCell('A1').value = 'Kontaktliste';
  sheet.addTable({
    name: 'tblKontakte',
    ref: 'A3',
    totalsRow: true,
    columns: [{ name: 'Kontakt-Nr.' }, { name: 'E-Mail' }, { name: 'Umsatz', totalsRowFunction: 'sum' }],
    rows: [
      ['P1', { text: 'E-Mail schreiben', hyperlink: 'mailto:bernd@example.de' }, 10],
      ['P2', { text: 'Homepage', hyperlink: 'https://example.de' }, { formula: 'C4*2' }],
    ],
  });
  sheet.getCell('E3').value = 'Name';
  sheet.mergeCells('E3:F3');
};

export const oneSheet = (workbook: ExcelJS.Workbook): void => {
  workbook.addWorksheet('Kontakte').addRow(['Name']);
};
