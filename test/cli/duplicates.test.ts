import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import {
  buildCli,
  csvRecords,
  readWorkbook,
  runCli,
  sheetValues,
  tempDir,
  writeWorkbook,
} from './cliHarness';

const SLOW = 180_000;

/**
 * A wholesaler's sheets as people keep them: Anna entered twice under two numbers, Jürgen twice with his objection
 * on one row only, two people behind the office mailbox of Beta without numbers, one number typed for three people,
 * a firm that objected as a whole, and a Sperrliste with a person whose contact row is still there and one whose row
 * was deleted long ago.
 */
const WORKBOOK: Record<string, CellValue[][]> = {
  Kunden: [
    ['Kundennummer', 'Firma', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Werbesperre'],
    ['K-1', 'Alpha GmbH', 'Hauptstraße 1', '01067', 'Dresden', 'info@alpha.de', null],
    ['K-2', 'Beta KG', 'Ring 2', '50667', 'Köln', 'info@beta.de', null],
    ['K-3', 'Gamma AG', 'Weg 3', '04109', 'Leipzig', 'info@gamma.de', 'ja'],
  ],
  Kontakte: [
    ['Kontakt-Nr.', 'Kunden-Nr.', 'Anrede', 'Vorname', 'Nachname', 'E-Mail', 'Newsletter abgemeldet'],
    ['1', 'K-1', 'Frau', 'Anna', 'Schmidt', 'anna@alpha.de', null],
    ['2', 'K-1', 'Frau', 'Anna', 'Schmidt', 'ANNA@alpha.de', null],
    ['3', 'K-2', 'Herr', 'Jürgen', 'Groß', 'j.gross@beta.de', null],
    ['4', 'K-2', 'Herr', 'Juergen', 'Gross', null, 'ja'],
    [null, 'K-2', 'Frau', 'Eva', 'Lang', 'info@beta.de', null],
    [null, 'K-2', 'Herr', 'Ben', 'Koch', 'info@beta.de', null],
    ['7', 'K-1', 'Herr', 'Uwe', 'Kern', 'uwe@alpha.de', null],
    ['7', 'K-1', 'Frau', 'Petra', 'Vogt', 'petra@alpha.de', null],
    ['7', 'K-1', 'Herr', 'Jan', 'Ott', 'jan@alpha.de', null],
    ['8', 'K-3', 'Frau', 'Doreen', 'Weiß', 'doreen@gamma.de', null],
    ['9', 'K-1', 'Herr', 'Max', 'Berg', 'max@alpha.de', null],
  ],
  Umsätze: [
    ['Datum', 'Kundennr', 'Artikel-Nr.', 'Menge', 'Betrag'],
    ['01.10.2026', 'K-1', 'A-1', 2, 10],
  ],
  Sperrliste: [
    ['E-Mail', 'Name', 'PLZ', 'Widerspruch am'],
    [' MAX@alpha.de', null, null, '03.03.2025'],
    [null, 'Gabi Neu', '01067', '12.12.2019'],
  ],
};

const campaign = (type: string, extra: Record<string, unknown> = {}) => ({
  name: 'Herbstpost',
  type,
  selections: [{ from: 'contacts' }],
  ...extra,
});

interface Fixture {
  dir: string;
  workbook: string;
  campaign: string;
  out: string;
  csv: string;
}

const fixture = async (definition: unknown): Promise<Fixture> => {
  const dir = await tempDir();
  const f = {
    dir,
    workbook: path.join(dir, 'grosshandel.xlsx'),
    campaign: path.join(dir, 'kampagne.json'),
    out: path.join(dir, 'aus.xlsx'),
    csv: path.join(dir, 'liste.csv'),
  };
  await writeWorkbook(f.workbook, WORKBOOK);
  await fs.writeFile(f.campaign, JSON.stringify(definition), 'utf8');
  return f;
};

const run = (f: Fixture, ...extra: string[]) =>
  runCli([
    'run',
    '--workbook',
    f.workbook,
    '--campaign',
    f.campaign,
    '--out',
    f.out,
    '--csv',
    f.csv,
    ...extra,
  ]);

const csvRows = (f: Fixture): Promise<Record<string, string>[]> => csvRecords(f.csv);

/** The target sheet's rows as header → value. */
const targetRows = async (f: Fixture, sheet: string): Promise<Record<string, CellValue>[]> => {
  const [headers, ...rows] = sheetValues((await readWorkbook(f.out)).getWorksheet(sheet)!);
  return rows.map((row) => Object.fromEntries(headers.map((header, i) => [String(header), row[i]])));
};

beforeAll(buildCli, SLOW);

describe('kampagne run: one person, one message, and nobody silently dropped', () => {
  it(
    'a letter: Anna once, Jürgen excluded through his other row, both people of the office mailbox, all three of one number (de)',
    async () => {
      const f = await fixture(campaign('Brief'));
      const result = await run(f, '--leads');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const lines = result.stdout.split('\n');
      expect(lines[0]).toBe('Kampagne „Herbstpost“ (Brief): 6 Empfänger');
      expect(lines[1]).toBe(
        '  1: Kontakte (alle): 11 gefunden, 6 neu, 0 schon enthalten, 1 zusammengeführt, 4 ausgeschlossen (3 Werbesperre, 1 Sperrliste)',
      );
      expect(lines[2]).toBe(
        'Zeilen zusammengeführt: 1 (dieselbe Person); jede Person bekommt nur eine Nachricht',
      );
      expect(lines.slice(3, 8)).toEqual([
        'Ausgeschlossen (4):',
        '  Blatt „Kontakte“, Zeile 4: Werbesperre (eingetragen in Blatt „Kontakte“, Zeile 5)',
        '  Blatt „Kontakte“, Zeile 5: Werbesperre',
        '  Blatt „Kontakte“, Zeile 11: Werbesperre (eingetragen in Blatt „Kunden“, Zeile 4)',
        '  Blatt „Kontakte“, Zeile 12: Sperrliste (eingetragen in Blatt „Sperrliste“, Zeile 2)',
      ]);
      expect(result.stdout).toContain(
        'Blatt „Kontakte“, Zeile 8: Die Kontakt-Nr. „7“ steht auch in den Zeilen 9 und 10, dort aber für eine andere Person',
      );
      expect(result.stdout).toMatch(
        /Blatt „Kontakte“, Zeile 2: Wahrscheinlich dieselbe Person wie in Zeile 3 \(gleiche E-Mail-Adresse „anna@alpha\.de“\)/,
      );

      const target = await targetRows(f, 'Herbstpost');
      expect(target.map((row) => `${row.Vorname} ${row.Nachname}`)).toEqual([
        'Anna Schmidt',
        'Eva Lang',
        'Ben Koch',
        'Uwe Kern',
        'Petra Vogt',
        'Jan Ott',
      ]);
      expect(target[0].Quelle).toBe('1: Kontakte (alle) · zusammengeführt aus Kontakte Zeilen 2, 3');
      const csv = await fs.readFile(f.csv, 'utf8');
      for (const name of ['Jürgen', 'Juergen', 'Doreen', 'Max']) expect(csv).not.toContain(name);
      expect(await csvRows(f)).toHaveLength(6);
      const leads = sheetValues((await readWorkbook(f.out)).getWorksheet('Leads')!);
      expect(leads).toHaveLength(7);
      expect(JSON.stringify(leads)).not.toMatch(/Jürgen|Juergen|Doreen|Max/);
    },
    SLOW,
  );

  it(
    'an e-mail: one message to the office mailbox naming both people, counted as merged (en, JSON)',
    async () => {
      const f = await fixture(campaign('email'));
      const result = await run(f, '--lang', 'en', '--json');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const summary = JSON.parse(result.stdout);
      expect(summary).toMatchObject({ members: 5, merged: 2, excluded: 4 });
      expect(summary.selections[0]).toEqual({
        index: 1,
        label: '1: Contacts (all)',
        found: 11,
        added: 5,
        alreadyIn: 0,
        merged: 2,
        excluded: { optOut: 3, blocklist: 1 },
      });
      expect(summary.excludedRows).toContainEqual({
        sheet: 'Kontakte',
        row: 4,
        reason: 'optOut',
        carrier: { sheet: 'Kontakte', row: 5, column: 'Newsletter abgemeldet' },
      });
      const target = await targetRows(f, 'Herbstpost');
      const office = target.find((row) => row.Email === 'info@beta.de');
      expect(office?.People).toBe('Eva Lang, Ben Koch');
      expect(office?.Greeting).toBe('Dear Ms Lang, dear Mr Koch,');
      expect(target[0].Source).toBe('1: Contacts (all) · merged from Kontakte rows 2, 3');
      const addresses = (await csvRows(f)).map((row) => row.Email.toLowerCase());
      expect(new Set(addresses).size).toBe(addresses.length);
    },
    SLOW,
  );

  it(
    'the same summary in English names the merged rows and the excluded rows by sheet and row',
    async () => {
      const f = await fixture(campaign('email'));
      const result = await run(f, '--lang', 'en');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(
        'Rows merged: 2 (the same person or the same e-mail address); each person gets one message only',
      );
      expect(result.stdout).toContain(
        '  Sheet "Kontakte", row 12: on the blocklist (recorded on sheet "Sperrliste", row 2)',
      );
    },
    SLOW,
  );

  it.each([
    ['firm', 2, ['Anna Schmidt, Uwe Kern, Petra Vogt, Jan Ott', 'Eva Lang, Ben Koch']],
    ['Haushalt', 6, undefined],
  ])(
    'letters with "letterUnit": %p go once per firm or household',
    async (letterUnit, members, people) => {
      const f = await fixture(campaign('letter', { letterUnit }));
      const result = await run(f, '--json');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(result.stdout).members).toBe(members);
      const target = await targetRows(f, 'Herbstpost');
      expect(
        people ? target.map((row) => row.Personen) : target.every((row) => !('Personen' in row)),
      ).toEqual(people ?? true);
    },
    SLOW,
  );

  it(
    'refuses "letterUnit" on an e-mail campaign with one clear line',
    async () => {
      const f = await fixture(campaign('email', { letterUnit: 'firm' }));
      const result = await run(f);
      expect(result.code).toBe(1);
      expect(result.errors[0]).toContain('letterUnit: applies to letter campaigns only');
    },
    SLOW,
  );
});

describe('kampagne sheets: the Sperrliste and the probable duplicates, to clean the source once', () => {
  it.each([
    [
      'de',
      'Sperrliste: Sperrliste, Überschriften in Zeile 1, Einträge: 2',
      'Blatt „Kontakte“, Zeile 4: Wahrscheinlich dieselbe Person wie in Zeile 5 (gleicher Name bei derselben Firma „Jürgen Groß“)',
    ],
    [
      'en',
      'Sperrliste: blocklist, headers in row 1, entries: 2',
      'Sheet "Kontakte", row 4: Probably the same person as in row 5 (same name at the same firm "Jürgen Groß")',
    ],
  ])(
    'in %s',
    async (lang, blocklist, duplicate) => {
      const f = await fixture(campaign('Brief'));
      const result = await runCli(['sheets', '--workbook', f.workbook, '--lang', lang]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(blocklist);
      expect(result.stdout).toContain(duplicate);
      const json = JSON.parse((await runCli(['sheets', '--workbook', f.workbook, '--json'])).stdout);
      expect(json.blocklists).toEqual([{ sheet: 'Sperrliste', headerRow: 1, entries: 2 }]);
      expect(
        json.problems.items.filter((p: { code: string }) => p.code === 'probableDuplicate'),
      ).toHaveLength(2);
    },
    SLOW,
  );
});
