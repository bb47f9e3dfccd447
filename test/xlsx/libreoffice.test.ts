import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { evaluationTable } from '../../src/core/evaluation/evaluationTables';
import { EVALUATION_SHEET } from '../../src/core/workbook/sheetNames';
import { XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';
import { paidOffEvaluation } from '../core/evaluation/evaluationBuilders';
import { useTempDir, writeWorkbook } from './xlsxFixtures';

/**
 * A second, independent spreadsheet program reads what the adapter writes: LibreOffice Calc converts the output
 * workbook to CSV. CI installs it (.ci/run); a missing soffice fails this test instead of skipping it.
 */
const tempDir = useTempDir();

const SHEET = 'Zielgruppe Herbst';
const headers = [
  'KontaktNr',
  'Anrede',
  'Name',
  'Firma',
  'Straße',
  'PLZ',
  'Ort',
  'EMail',
  'Telefon',
  'Umsatz',
];
const members: CellValue[][] = [
  [
    '0042',
    'Herr',
    'Jörg Müller',
    'Bäckerei Größe & Söhne',
    'Hauptstraße 5',
    '01067',
    'Dresden',
    'joerg@example.de',
    '+49 221 1234567',
    1234.5,
  ],
  [
    '0043',
    'Frau',
    'Änne Özdemir',
    'Überseehandel GmbH',
    'Königsallee 1',
    '40212',
    'Düsseldorf',
    'aenne@example.de',
    '0211 998877',
    0,
  ],
  ['0044', 'Divers', 'Sascha Weiß', '', 'Am Fließ 3', '09111', 'Chemnitz', '', '+49 (0)371 55-66', 17],
];
const TEXT_COLUMNS = [0, 5, 8];

// field separator ;, text delimiter ", UTF-8, start row 1, …, token 9: the cells' values or their text as shown,
// token 12 = -1: every sheet to its own CSV file
const csvFilter = (asShown: boolean): string =>
  `csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,${asShown},false,false,-1`;

const requireSoffice = (): void => {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc',
    );
  }
};

const convertToCsv = async (workbookPath: string, sheet = SHEET, asShown = false): Promise<string> => {
  const profile = join(tempDir(), `lo-${process.pid}-${Date.now()}`);
  const outDir = join(tempDir(), 'csv');
  try {
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        csvFilter(asShown),
        '--outdir',
        outDir,
        workbookPath,
      ],
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const base = workbookPath
    .split('/')
    .pop()!
    .replace(/\.xlsx$/, '');
  return readFile(join(outDir, `${base}-${sheet}.csv`), 'utf8');
};

describe('an output workbook in LibreOffice Calc', () => {
  // 'always' saves by patching the input zip instead of writing exceljs' full model
  it.each(['never', 'always'] as const)(
    'reads the target group table back identically: umlauts, leading zeros, phone numbers (streamSheets: %s)',
    async (streamSheets) => {
      requireSoffice();
      const input = await writeWorkbook(tempDir(), (workbook) =>
        workbook.addWorksheet('Kontakte').addRow(['Name']),
      );
      const workbook = await XlsxWorkbook.open(input, { streamSheets });
      await workbook.writeTable({
        sheet: SHEET,
        tableName: 'Zielgruppe_Herbst',
        data: { headers, rows: members, textColumns: TEXT_COLUMNS },
      });
      const output = join(tempDir(), `kampagne-${streamSheets}.xlsx`);
      await workbook.saveAs(output);

      const csv = await convertToCsv(output);
      const { data } = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ';' });

      expect(data).toEqual([headers, ...members.map((row) => row.map((value) => String(value)))]);
    },
    180_000,
  );

  it.each(['never', 'always'] as const)(
    'shows the figures of the Auswertung sheet in their number formats (streamSheets: %s)',
    async (streamSheets) => {
      requireSoffice();
      const input = await writeWorkbook(tempDir(), (workbook) =>
        workbook.addWorksheet('Kontakte').addRow(['Name']),
      );
      const workbook = await XlsxWorkbook.open(input, { streamSheets });
      const sheet = EVALUATION_SHEET.de;
      await workbook.writeTable({
        sheet,
        tableName: 'Auswertung',
        data: evaluationTable([paidOffEvaluation({ name: 'Herbstaktion' })], 'de'),
      });
      const output = join(tempDir(), `auswertung-${streamSheets}.xlsx`);
      await workbook.saveAs(output);

      const csv = await convertToCsv(output, sheet, true);
      const [header, row] = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ';' }).data;
      const shown = (column: string): string => row[header.indexOf(column)];

      // LibreOffice shows the separators of its own locale; the units, signs and decimals are the format's
      expect(shown('Kaufquote kontaktiert')).toMatch(/^20[.,]0 %$/);
      expect(shown('Umsatz je Empfänger kontaktiert')).toMatch(/^40[.,]00 €$/);
      expect(shown('Mehr Käufer')).toMatch(/^\+12[.,]5 Pp\.$/);
      expect(shown('Mehr Käufer von')).toMatch(/^\+2[.,]0 Pp\.$/);
      expect(shown('Mehrumsatz')).toMatch(/^\+5[.,]000 €$/);
      expect(shown('Kosten')).toMatch(/^2[.,]400 €$/);
      expect(shown('Rendite (ROI)')).toBe('+108 %');
    },
    180_000,
  );
});
