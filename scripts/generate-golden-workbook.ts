/**
 * Writes test/xlsx/golden/Vertrieb.xlsx, the workbook the golden tests take through `kampagne run --leads` twice:
 * `npm run golden`. exceljs writes the data with defined names, comments, data validation, conditional formatting,
 * a formula column and a protected sheet; LibreOffice Calc (headless, test/xlsx/golden/calc.py) adds what exceljs
 * cannot write, a chart and a pivot table, and saves the file as .xlsx. Deterministic data; needs soffice and
 * Debian's /usr/bin/python3 with python3-uno.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const GOLDEN_DIR = path.join(__dirname, '..', 'test', 'xlsx', 'golden');
export const GOLDEN_WORKBOOK = path.join(GOLDEN_DIR, 'Vertrieb.xlsx');
const CALC = path.join(GOLDEN_DIR, 'calc.py');

const CUSTOMERS = 10;
const CONTACTS = 40;
const SALES = 60;

const customers = (workbook: ExcelJS.Workbook): void => {
  const sheet = workbook.addWorksheet('Kunden');
  sheet.addRow(['Kunden-Nr.', 'Firma', 'Straße', 'PLZ', 'Ort', 'Werbesperre']);
  for (let i = 1; i <= CUSTOMERS; i++)
    sheet.addRow([`${10000 + i}`, `Firma ${i} GmbH`, `Hauptstraße ${i}`, `0${1060 + i}`, 'Dresden', 'nein']);
  sheet.getColumn(4).numFmt = '@';
  sheet.getCell('B2').note = 'Stammkunde seit 1998';
  for (let row = 2; row <= CUSTOMERS + 1; row++)
    sheet.getCell(`F${row}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"ja,nein"'],
    };
  workbook.definedNames.add(`Kunden!$A$1:$F$${CUSTOMERS + 1}`, 'Kundenliste');
};

const contacts = (workbook: ExcelJS.Workbook): void => {
  const sheet = workbook.addWorksheet('Kontakte');
  sheet.addRow(['Kontakt-Nr.', 'Kunden-Nr.', 'Anrede', 'Vorname', 'Nachname', 'E-Mail', 'Telefon']);
  for (let i = 1; i <= CONTACTS; i++)
    sheet.addRow([
      `K${i}`,
      `${10000 + ((i - 1) % CUSTOMERS) + 1}`,
      i % 2 ? 'Frau' : 'Herr',
      ['Anna', 'Jörg', 'Ülkü', 'Max'][i % 4],
      `Muster ${i}`,
      `muster${i}@example.de`,
      `030 ${1000 + i}`,
    ]);
  for (const column of [1, 2, 7]) sheet.getColumn(column).numFmt = '@';
};

const sales = (workbook: ExcelJS.Workbook): void => {
  const sheet = workbook.addWorksheet('Umsätze');
  sheet.addRow(['Belegdatum', 'Kundennr', 'Artikel-Nr.', 'Bezeichnung', 'Menge', 'Betrag', 'Brutto']);
  for (let i = 1; i <= SALES; i++) {
    const row = i + 1;
    sheet.addRow([
      new Date(Date.UTC(2025, i % 12, 1 + (i % 27))),
      `${10000 + (i % CUSTOMERS) + 1}`,
      `A-${100 + (i % 7)}`,
      `Artikel ${i % 7}`,
      1 + (i % 5),
      20 * (1 + (i % 9)),
      { formula: `F${row}*1.19`, result: 20 * (1 + (i % 9)) * 1.19 },
    ]);
  }
  sheet.getColumn(1).numFmt = 'dd.mm.yyyy';
  sheet.addConditionalFormatting({
    ref: `F2:F${SALES + 1}`,
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        formulae: ['150'],
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } } },
      },
    ],
  });
  workbook.definedNames.add(`'Umsätze'!$F$2:$F$${SALES + 1}`, 'Umsatzbetraege');
};

const protectedTerms = async (workbook: ExcelJS.Workbook): Promise<void> => {
  const sheet = workbook.addWorksheet('Konditionen');
  sheet.addRow(['Rabattstaffel', 'Rabatt']);
  sheet.addRow(['ab 500 €', 0.03]);
  sheet.addRow(['ab 1000 €', 0.05]);
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true });
};

/** What the golden test relies on being in the file; checked after LibreOffice saved it. */
const REQUIRED_PARTS: [string, RegExp][] = [
  ['a chart', /^xl\/charts\/chart\d+\.xml$/],
  ['a pivot table', /^xl\/pivotTables\/pivotTable\d+\.xml$/],
  ['comments', /^xl\/comments\d*\.xml$/],
];

const check = async (file: string): Promise<void> => {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = Object.keys(zip.files);
  for (const [what, part] of REQUIRED_PARTS)
    if (!parts.some((name) => part.test(name))) throw new Error(`${file} has no ${what}`);
  const sheets = await Promise.all(
    zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((entry) => entry.async('string')),
  );
  for (const element of [/<dataValidation\b/, /<conditionalFormatting\b/, /<sheetProtection\b/, /<f[\s>]/])
    if (!sheets.some((xml) => element.test(xml))) throw new Error(`${file} has no ${element.source}`);
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  if (!/<definedName\b/.test(workbookXml)) throw new Error(`${file} has no defined names`);
};

export const generateGoldenWorkbook = async (target = GOLDEN_WORKBOOK): Promise<void> => {
  const work = mkdtempSync(path.join(tmpdir(), 'kampagnen-golden-'));
  try {
    const workbook = new ExcelJS.Workbook();
    customers(workbook);
    contacts(workbook);
    sales(workbook);
    await protectedTerms(workbook);
    const base = path.join(work, 'basis.xlsx');
    await workbook.xlsx.writeFile(base);
    execFileSync('/usr/bin/python3', [CALC, 'add-chart-pivot', base, target], { stdio: 'inherit' });
    await check(target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

if (require.main === module) {
  generateGoldenWorkbook().then(
    () => process.stdout.write(`${GOLDEN_WORKBOOK} written\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
