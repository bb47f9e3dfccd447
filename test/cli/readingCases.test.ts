import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type CaseName, writeReadingCases } from '../fixtures/readingCases';
import {
  buildCli,
  csvRecords,
  listFiles,
  readWorkbook,
  runCli,
  sheetValues,
  tempDir,
  type CliRun,
} from './cliHarness';

/**
 * Every case of "read real workbooks as a person reads them" through the command line, on the workbooks of
 * test/fixtures/readingCases.ts: the built bin, a German shell, real files.
 */

const SLOW = 300_000;
const STACK_LINE = /^\s+at /m;

let files: Record<CaseName, string>;
let dir: string;

beforeAll(async () => {
  buildCli();
  dir = await tempDir();
  files = await writeReadingCases(path.join(await tempDir(), ''));
}, SLOW);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(path.dirname(files.sourceColumn), { recursive: true, force: true });
});

let counter = 0;
const campaignFile = async (campaign: unknown, encoding: BufferEncoding = 'utf8'): Promise<string> => {
  const file = path.join(dir, `kampagne-${++counter}.json`);
  const text = typeof campaign === 'string' ? campaign : JSON.stringify(campaign, null, 2);
  await fs.writeFile(
    file,
    encoding === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : text,
    encoding === 'utf16le' ? undefined : encoding,
  );
  return file;
};

interface Run extends CliRun {
  out: string;
  csv: string;
}

const run = async (workbook: string, campaign: unknown, ...extra: string[]): Promise<Run> => {
  const out = path.join(dir, `ergebnis-${++counter}.xlsx`);
  const csv = path.join(dir, `zielgruppe-${counter}.csv`);
  const campaignPath =
    typeof campaign === 'string' && campaign.endsWith('.json') ? campaign : await campaignFile(campaign);
  const result = await runCli([
    'run',
    '--workbook',
    workbook,
    '--campaign',
    campaignPath,
    '--out',
    out,
    '--csv',
    csv,
    ...extra,
  ]);
  return { ...result, out, csv };
};

const csvRows = csvRecords;

const expectSuccess = (result: CliRun): void => {
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
};

const expectFailure = (result: CliRun): void => {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(STACK_LINE);
};

const toContacts = { name: 'Newsletter Dezember', type: 'email', selections: [{ from: 'contacts' }] };
const toCustomers = { name: 'Brief Dezember', type: 'letter', selections: [{ from: 'customers' }] };
const names = (rows: Record<string, string>[]): string[] =>
  rows.map((row) => `${row.Vorname} ${row.Nachname}`);

describe('which sheet is which', () => {
  it(
    'a contacts sheet "Adressen" with a "Quelle" column is the contacts sheet: the letters go to the people',
    async () => {
      const result = await run(files.sourceColumn, toCustomers);
      expectSuccess(result);
      expect(names(await csvRows(result.csv))).toEqual(['Jürgen Groß', 'Sabine Müller', 'Uwe Köhler']);
    },
    SLOW,
  );

  it(
    'two contact sheets: the run stops and lists both with rows and newest date; --sheet chooses, and the choice is remembered',
    async () => {
      const asked = await run(files.twoContactSheets, toContacts);
      expectFailure(asked);
      expect(asked.errors[0]).toContain('Als Kontakte passen mehrere Blätter gleich gut');
      expect(asked.errors[0]).toContain('„Kontakte 2023“ (2 Zeilen, neuestes Datum 12.05.2023)');
      expect(asked.errors[0]).toContain('„Kontakte 2024“ (3 Zeilen, neuestes Datum 30.06.2024)');
      expect(asked.errors[0]).toContain('--sheet contacts="…"');
      expect(await listFiles(dir)).not.toContain(path.basename(asked.out));

      const chosen = await run(files.twoContactSheets, toContacts, '--sheet', 'contacts=Kontakte 2024');
      expectSuccess(chosen);
      // Sabine Müller objected to advertising in 2024
      expect(names(await csvRows(chosen.csv))).toEqual(['Jürgen Groß', 'Uwe Köhler']);

      const again = await run(chosen.out, toContacts);
      expectSuccess(again);
      expect(names(await csvRows(again.csv))).toEqual(['Jürgen Groß', 'Uwe Köhler']);
    },
    SLOW,
  );

  it(
    'a campaign file chooses with "sources"; kampagne sheets lists the candidates',
    async () => {
      const sourced = await run(files.twoContactSheets, {
        ...toContacts,
        sources: { contacts: 'Kontakte 2024' },
      });
      expectSuccess(sourced);
      expect(names(await csvRows(sourced.csv))).toEqual(['Jürgen Groß', 'Uwe Köhler']);

      const sheets = await runCli(['sheets', '--workbook', files.twoContactSheets]);
      expect(sheets.code).toBe(0);
      expect(sheets.stdout).toContain('Kontakte: mehrere Blätter passen gleich gut – nichts wird geraten.');
      expect(sheets.stdout).toContain('  „Kontakte 2024“: 3 Zeilen, neuestes Datum 30.06.2024');
      const chosen = await runCli([
        'sheets',
        '--workbook',
        files.twoContactSheets,
        '--sheet',
        'kontakte=Kontakte 2023',
      ]);
      expect(chosen.stdout).toContain('Kontakte 2023: Kontakte, Überschriften in Zeile 1, Datensätze: 2');
    },
    SLOW,
  );
});

describe('Excel tables', () => {
  it(
    'the totals row of a customer table becomes neither a recipient nor a lead',
    async () => {
      const result = await run(files.tableWithTotals, toCustomers, '--leads');
      expectSuccess(result);
      const rows = await csvRows(result.csv);
      expect(rows.map((row) => row.Firma)).toEqual([
        'Bäckerei Größe',
        'Müller Haustechnik GmbH',
        'Köhler & Söhne KG',
      ]);
      const leads = sheetValues((await readWorkbook(result.out)).getWorksheet('Leads')!);
      expect(leads).toHaveLength(4);
      expect(JSON.stringify(leads)).not.toContain('Summe');
    },
    SLOW,
  );
});

describe('headers as people make them', () => {
  it(
    '"Name" merged over first and last name: first names land in the first-name field, with a note',
    async () => {
      const result = await run(files.mergedName, toContacts);
      expectSuccess(result);
      expect((await csvRows(result.csv)).map((row) => [row.Vorname, row.Nachname])).toEqual([
        ['Jürgen', 'Groß'],
        ['Sabine', 'Müller'],
        ['Uwe', 'Köhler'],
      ]);
      expect(result.stdout).toContain(
        'Die Überschrift „Name“ reicht über zwei Spalten mit Text; gelesen als Vorname',
      );
    },
    SLOW,
  );

  it(
    '"Name" over a salutation and a name is asked, and a mapping of "Name" and "Name (2)" answers it',
    async () => {
      const asked = await run(files.unclearMergedHeader, toContacts);
      expectFailure(asked);
      expect(asked.errors[0]).toContain(
        'Blatt „Kontakte“, Zeile 1: Die Überschrift „Name“ reicht über 2 Spalten',
      );
      expect(asked.errors[0]).toContain('Die Spalten heißen „Name“, „Name (2)“');

      const answered = await run(files.unclearMergedHeader, {
        ...toContacts,
        columns: { contacts: { salutation: 'Name', fullName: 'Name (2)' } },
      });
      expectSuccess(answered);
      expect((await csvRows(answered.csv)).map((row) => [row.Anrede, row.Vorname, row.Nachname])).toEqual([
        ['Herr', 'Jürgen', 'Groß'],
        ['Frau', 'Sabine', 'Müller'],
        ['Herr', 'Uwe', 'Köhler'],
      ]);
    },
    SLOW,
  );

  it(
    'two "Notiz" columns both reach the target sheet and the CSV',
    async () => {
      const result = await run(files.duplicateHeaders, toContacts);
      expectSuccess(result);
      const [first] = await csvRows(result.csv);
      expect([first.Notiz, first.Notiz2]).toEqual(['Messe-Notiz 1', 'Telefon-Notiz 1']);
      const target = sheetValues((await readWorkbook(result.out)).getWorksheet('Newsletter Dezember')!);
      expect(target[0]).toEqual(expect.arrayContaining(['Notiz', 'Notiz2']));
    },
    SLOW,
  );

  it(
    'a header in row 12 below a letterhead is found',
    async () => {
      const sheets = await runCli(['sheets', '--workbook', files.letterhead]);
      expect(sheets.stdout).toContain('Adressen: Kontakte, Überschriften in Zeile 12, Datensätze: 3');
      const result = await run(files.letterhead, toContacts);
      expectSuccess(result);
      expect(await csvRows(result.csv)).toHaveLength(3);
    },
    SLOW,
  );

  it(
    'a header below row 30: the run says which sheet was not read and which rows were checked',
    async () => {
      const result = await run(files.headerTooLow, toContacts);
      expectFailure(result);
      expect(result.errors[0]).toContain('Kein Blatt für Kontakte gefunden.');
      expect(result.errors[1]).toBe(
        '  Blatt „Adressen“: In den Zeilen 1 bis 30 steht keine Überschriftenzeile (mindestens zwei bekannte Überschriften wie „Vorname“, „E-Mail“ oder „Kunden-Nr.“); das Blatt wird nicht gelesen. Bitte die Überschriften in eine Zeile schreiben oder das Blatt in der Zuordnung wählen.',
      );
    },
    SLOW,
  );
});

describe('values', () => {
  it(
    'an e-mail cell that is a link "E-Mail schreiben" reads as the address behind it',
    async () => {
      const result = await run(files.mailtoLink, toContacts);
      expectSuccess(result);
      expect((await csvRows(result.csv)).map((row) => row.EMail)).toEqual([
        'juergen@baeckerei-groesse.de',
        'sabine@mueller-haustechnik.de',
        'uwe@koehler-soehne.de',
      ]);
    },
    SLOW,
  );

  it(
    'customer 00123 who bought as 123 last month is not inactive; the note says why they match',
    async () => {
      const result = await run(files.leadingZeros, {
        name: 'Inaktive Kunden',
        type: 'letter',
        selections: [{ from: 'inactiveCustomers', months: 3, asOf: '2026-11-30' }],
      });
      expectSuccess(result);
      expect((await csvRows(result.csv)).map((row) => row.KundenNr)).toEqual(['00124']);
      expect(result.stdout).toContain('Die Kundennummer „123“ steht im Kundenblatt als „00123“');
    },
    SLOW,
  );

  it(
    'a formula without a calculated value is named with sheet, row and column',
    async () => {
      const result = await run(files.uncalculatedFormula, toContacts);
      expectSuccess(result);
      expect(result.stdout).toContain(
        'Blatt „Kontakte“, Zeile 3, Spalte „Nachname“: Die Formel hat keinen berechneten Wert (die Datei wurde gespeichert, ohne dass gerechnet wurde) – die Zelle wird als leer gelesen. In Excel einmal neu berechnen und speichern.',
      );
    },
    SLOW,
  );

  it(
    'a 50,000-character cell is cut to what Excel holds and control characters are removed, with notes',
    async () => {
      const result = await run(files.longCellControlCharacters, toContacts);
      expectSuccess(result);
      const target = sheetValues((await readWorkbook(result.out)).getWorksheet('Newsletter Dezember')!);
      const note = target[0].indexOf('Notiz');
      expect(String(target[1][note])).toHaveLength(32_767);
      const csv = await fs.readFile(result.csv, 'utf8');
      expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      expect(names(await csvRows(result.csv))).toContain('Sabine Müller');
      expect(result.stdout).toContain('Spalte „Notiz“: Die Zelle hat 50016 Zeichen');
      expect(result.stdout).toContain('Spalte „Vorname“: Die Zelle enthielt unsichtbare Steuerzeichen');
    },
    SLOW,
  );

  it(
    "contacts carry their firm's columns in the target sheet and the CSV; the contact's own value wins",
    async () => {
      const result = await run(files.firmColumns, {
        ...toContacts,
        selections: [{ from: 'customers', filter: [{ column: 'Branche', op: 'equals', value: 'Bau' }] }],
      });
      expectSuccess(result);
      expect(
        (await csvRows(result.csv)).map((row) => [row.Vorname, row.Kundengruppe, row.Branche, row.KundeSeit]),
      ).toEqual([
        ['Sabine', 'B', 'Sanitär', '2018'],
        ['Uwe', 'A', 'Bau', '2003'],
      ]);
      const target = sheetValues((await readWorkbook(result.out)).getWorksheet('Newsletter Dezember')!);
      expect(target[0]).toEqual(expect.arrayContaining(['Kundengruppe', 'Branche', 'KundeSeit']));
    },
    SLOW,
  );
});

describe('campaign files are strict', () => {
  const base = { name: 'Inaktive', type: 'Brief', selections: [{ from: 'inactiveCustomers', months: 3 }] };

  it(
    'a misspelled key is an error with the key it most likely meant, placed by line and column',
    async () => {
      const text = JSON.stringify({ ...base, contolPercent: 10 }, null, 2);
      const result = await run(files.leadingZeros, await campaignFile(text));
      expectFailure(result);
      expect(result.errors[0]).toMatch(
        /^Kampagnendatei „.*\.json“: Zeile 10, Spalte 3: Den Eintrag „contolPercent“ gibt es in Kampagnendateien nicht – meinten Sie „controlPercent“\?$/,
      );
    },
    SLOW,
  );

  it.each<[string, unknown, RegExp]>([
    [
      'months: 1e9',
      { ...base, selections: [{ from: 'inactiveCustomers', months: 1e9 }] },
      /selections\[0\]\.months: must be at most 120/,
    ],
    [
      'an asOf in 2099',
      { ...base, selections: [{ from: 'inactiveCustomers', months: 3, asOf: '2099-01-01' }] },
      /Der Stichtag „2099-01-01“ liegt nach heute \(\d{4}-\d{2}-\d{2}\)\. .*--as-of/,
    ],
  ])(
    '%s is refused',
    async (_, campaign, message) => {
      const result = await run(files.leadingZeros, campaign);
      expectFailure(result);
      expect(result.errors[0]).toMatch(message);
    },
    SLOW,
  );

  it(
    'an asOf after today runs when --as-of says so on purpose',
    async () => {
      const campaign = {
        ...base,
        selections: [{ from: 'inactiveCustomers', months: 3, asOf: '2099-01-01' }],
      };
      expectSuccess(await run(files.leadingZeros, campaign, '--as-of', '2099-01-01'));
    },
    SLOW,
  );

  it(
    'a file saved as "Unicode" (UTF-16) by Notepad is read, and its errors show umlauts, not garbage',
    async () => {
      expectSuccess(await run(files.leadingZeros, await campaignFile(base, 'utf16le')));
      const broken = await run(files.leadingZeros, await campaignFile({ ...base, Größe: 1 }, 'utf16le'));
      expectFailure(broken);
      expect(broken.errors[0]).toContain('Den Eintrag „Größe“ gibt es in Kampagnendateien nicht');
    },
    SLOW,
  );
});

describe('bad files get the right message', () => {
  it.each<[CaseName, RegExp]>([
    ['encrypted', /ist mit einem Kennwort geschützt .* ohne Kennwort speichern/],
    [
      'legacyXls',
      /im alten Format Excel 97–2003 \(\.xls\)\. Bitte in Excel öffnen und als „Excel-Arbeitsmappe \(\*\.xlsx\)“ speichern\./,
    ],
    ['openDocument', /ist eine OpenDocument-Tabelle .* „Excel 2007-365 \(\.xlsx\)“/],
    ['renamedCsv', /ist eine Textdatei \(etwa CSV\), keine Excel-Arbeitsmappe/],
    ['truncated', /ist unvollständig – das Ende der Datei fehlt/],
  ])(
    '%s',
    async (name, message) => {
      const result = await run(files[name], toContacts);
      expectFailure(result);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(message);
    },
    SLOW,
  );

  it(
    'a workbook too large for the heap is refused before reading, saying how to proceed, without a V8 stack',
    async () => {
      const result = await runCli(
        [
          'run',
          '--workbook',
          files.tooLarge,
          '--campaign',
          await campaignFile(toContacts),
          '--out',
          path.join(dir, 'x.xlsx'),
        ],
        { NODE_OPTIONS: '--max-old-space-size=32' },
      );
      expectFailure(result);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(
        /braucht zum Lesen etwa \d+ MB Arbeitsspeicher, dieser Aufruf darf 80 MB nutzen\. .*NODE_OPTIONS=--max-old-space-size=\d+ .*oder die Datei aufteilen/,
      );
    },
    SLOW,
  );
});
