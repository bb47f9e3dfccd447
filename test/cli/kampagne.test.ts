import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import {
  buildCli,
  listFiles,
  readWorkbook,
  ROOT,
  runArgs,
  runCli,
  sheetValues,
  tablesOf,
  tempDir,
  writeWorkbook,
  type CliRun,
} from './cliHarness';

const SAMPLE = path.join(ROOT, 'samples', 'Beispiel-Grosshandel.xlsx');
const SEED_CAMPAIGN = path.join(ROOT, 'samples', 'kampagnen', 'sonderangebote-inaktive-kunden.json');
const SLOW = 180_000;
const STACK_LINE = /^\s+at /;

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A small customer list typed by hand: German headers, umlauts, a text date, an opt-out, a never-buyer. */
const SMALL_WORKBOOK: Record<string, CellValue[][]> = {
  Kunden: [
    ['Kundennummer', 'Firma', 'Ansprechpartner', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Werbesperre'],
    [
      'K-1',
      'Bäckerei Größe',
      'Jürgen Groß',
      'Schloßstraße 4',
      '01067',
      'Dresden',
      'info@baeckerei-groesse.de',
      null,
    ],
    [
      'K-2',
      'Müller Haustechnik GmbH',
      'Sabine Müller',
      'Hauptstraße 1',
      '04109',
      'Leipzig',
      'mueller@example.de',
      'ja',
    ],
    ['K-3', 'Köhler & Söhne KG', 'Uwe Köhler', 'Domplatz 2', '50667', 'Köln', 'koehler@example.de', null],
    ['K-4', 'Weiß Immobilien', 'Doreen Weiß', 'Marienplatz 8', '80331', 'München', null, null],
  ],
  Umsätze: [
    ['Datum', 'Kundennr', 'Artikel-Nr.', 'Menge', 'Betrag'],
    [day('2026-10-01'), 'K-1', 'A-1', 2, 10],
    ['04.07.2025', 'K-2', 'A-1', 1, 5],
    [day('2026-01-10'), 'K-3', 'A-2', 1, 5],
  ],
};

const INACTIVE_LETTER = {
  name: 'Inaktive Kunden Herbst',
  type: 'letter',
  selections: [{ from: 'inactiveCustomers', months: 3, asOf: '2026-11-15' }],
};

interface Fixture {
  dir: string;
  workbook: string;
  campaign: string;
}

const smallFixture = async (campaign: unknown = INACTIVE_LETTER): Promise<Fixture> => {
  const dir = await tempDir();
  const fixture = { dir, workbook: path.join(dir, 'kunden.xlsx'), campaign: path.join(dir, 'kampagne.json') };
  await writeWorkbook(fixture.workbook, SMALL_WORKBOOK);
  await fs.writeFile(
    fixture.campaign,
    typeof campaign === 'string' ? campaign : JSON.stringify(campaign),
    'utf8',
  );
  return fixture;
};

beforeAll(buildCli, SLOW);

describe('kampagne --help and wrong usage', () => {
  it.each([
    ['de', 'Aufruf:'],
    ['en', 'Usage:'],
  ])('prints the help in %s and exits 0', async (lang, heading) => {
    const run = await runCli(['--help', '--lang', lang]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(heading);
    expect(run.stdout).toContain('kampagne run --workbook');
  });

  it.each<[string[], Record<string, string>, RegExp]>([
    [
      ['start'],
      {},
      /^Den Befehl „start“ gibt es nicht; möglich sind run, sheets, report, plan, person und forget\.$/,
    ],
    [['run', '--workbook', 'a.xlsx', '--campaign', 'k.json'], {}, /^Für „run“ fehlt die Option --out\.$/],
    [['run', '--output', 'x.xlsx'], { LANG: 'en_GB.UTF-8' }, /^There is no option "--output"\.$/],
  ])('%j exits 2 with one line in the shell language and a hint to --help', async (args, env, line) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errors).toHaveLength(2);
    expect(run.errors[0]).toMatch(line);
    expect(run.errors[1]).toMatch(/kampagne --help$/);
  });
});

describe('kampagne run on the sample workbook (npm run demo)', () => {
  let dir: string;
  let out: string;
  let csv: string;
  let first: CliRun;
  let inputHash: string;

  beforeAll(async () => {
    dir = await tempDir();
    out = path.join(dir, 'Beispiel-Kampagne.xlsx');
    csv = path.join(dir, 'zielgruppe.csv');
    inputHash = await sha256(SAMPLE);
    first = await runCli([
      'run',
      '--workbook',
      SAMPLE,
      '--campaign',
      SEED_CAMPAIGN,
      '--out',
      out,
      '--csv',
      csv,
      '--leads',
    ]);
  }, SLOW);

  const memberCount = (): number => Number(/: (\d+) Empfänger$/m.exec(first.stdout)?.[1]);
  /** The seed campaign holds back 10 %: in the target sheet, but no CSV row and no lead. */
  const controlCount = (): number => Number(/^Kontrollgruppe: (\d+) von/m.exec(first.stdout)?.[1]);
  const contactedCount = (): number => memberCount() - controlCount();

  it('prints the summary: members, the selection with its counts, leads, files, data problems', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines[0]).toMatch(/^Kampagne „Sonderangebote für inaktive Kunden“ \(Brief\): \d+ Empfänger$/);
    expect(memberCount()).toBeGreaterThan(20);
    expect(lines[1]).toBe(
      `Kontrollgruppe: ${controlCount()} von ${memberCount()} Empfängern zurückgehalten (10 %), ohne CSV-Zeile und ohne Lead; Start 16.11.2026`,
    );
    // round(10 % of each stratum): a few, never more than a tenth plus one per stratum (1 selection × 3 segments).
    expect(controlCount()).toBeGreaterThan(0);
    expect(controlCount()).toBeLessThanOrEqual(Math.round(memberCount() / 10) + 3);
    expect(lines[2]).toMatch(
      /Inaktive Kunden .*: \d+ gefunden, \d+ neu, 0 schon enthalten, \d+ zusammengeführt, \d+ ausgeschlossen \(\d+ Werbesperre(, \d+ Sperrliste)?, \d+ in der Kontrollgruppe einer anderen Kampagne\)$/,
    );
    expect(first.stdout).toMatch(
      new RegExp(`^Leads: Blatt „Leads“ – ${contactedCount()} neu, 0 aktualisiert`, 'm'),
    );
    expect(first.stdout).toContain(`Geschrieben: ${out}, ${csv}`);
    expect(first.stdout).toMatch(/^  Blatt „Umsätze“, Zeile \d+: Summenzeile – übersprungen\.$/m);
  });

  it(
    'leaves the input file untouched and keeps every input sheet as it was',
    async () => {
      expect(await sha256(SAMPLE)).toBe(inputHash);
      const [input, output] = await Promise.all([readWorkbook(SAMPLE), readWorkbook(out)]);
      // The add-in's own state sheet gains the new campaign, the contact history grows below its rows; every sheet
      // of the user stays as it was.
      for (const sheet of input.worksheets.filter((s) => s.name !== 'KampagnenDaten')) {
        const before = sheetValues(sheet);
        const after = sheetValues(output.getWorksheet(sheet.name)!);
        expect(sheet.name === 'Kontakthistorie' ? after.slice(0, before.length) : after).toEqual(before);
      }
    },
    SLOW,
  );

  it(
    'writes the target group as an Excel table, the overview, the leads and the hidden state',
    async () => {
      const output = await readWorkbook(out);
      const names = output.worksheets.map((s) => s.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'Kunden',
          'Kontakte',
          'Umsätze',
          'Artikel',
          'Kampagnen',
          'Leads',
          'KampagnenDaten',
        ]),
      );
      expect(output.getWorksheet('KampagnenDaten')!.state).toBe('veryHidden');
      const target = output.getWorksheet('Sonderangebote für inaktive')!;
      const [table] = tablesOf(target);
      const header = sheetValues(target)[0];
      expect(table.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      expect(table.headers).toEqual(header);
      expect(table.headers).toEqual(
        expect.arrayContaining(['Vorname', 'Nachname', 'Firma', 'Strasse', 'PLZ', 'Ort', 'Quelle', 'Gruppe']),
      );
      expect(table.ref).toMatch(new RegExp(`^A1:[A-Z]+${memberCount() + 1}$`));
      const groups = sheetValues(target)
        .slice(1)
        .map((row) => row[header.indexOf('Gruppe')]);
      expect(groups.filter((group) => group === 'Kontrollgruppe')).toHaveLength(controlCount());
      expect(groups.filter((group) => group === 'Kontaktiert')).toHaveLength(contactedCount());
      // The sample already stores the autumn furniture letter and the two reactivations; the new one comes after.
      const overview = sheetValues(output.getWorksheet('Kampagnen')!);
      expect(overview).toHaveLength(5);
      expect(overview[1]).toEqual(expect.arrayContaining(['Herbstaktion Büromöbel 2026', 'Brief']));
      expect(overview[2]).toEqual(expect.arrayContaining(['Reaktivierung Frühjahr 2026', 'Brief']));
      expect(overview[3]).toEqual(expect.arrayContaining(['Reaktivierung Herbst 2026', 'Brief', 'Aktiv']));
      expect(overview[4]).toEqual(
        expect.arrayContaining(['Sonderangebote für inaktive Kunden', 'Brief', 'Geplant', memberCount(), 10]),
      );
      expect(tablesOf(output.getWorksheet('Leads')!)[0].ref).toMatch(
        new RegExp(`^A1:[A-Z]+${contactedCount() + 1}$`),
      );
    },
    SLOW,
  );

  it(
    'writes the CSV for Word: BOM, semicolons, CRLF, UTF-8 umlauts, the contacted rows of the sheet by postal code',
    async () => {
      const bytes = await fs.readFile(csv);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      expect(text.split('\r\n')).toHaveLength(contactedCount() + 1);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(bytes.includes(Buffer.from('ü', 'utf8'))).toBe(true);
      const rows = Papa.parse<string[]>(text, { delimiter: ';' }).data;
      const sheet = sheetValues((await readWorkbook(out)).getWorksheet('Sonderangebote für inaktive')!);
      const group = sheet[0].indexOf('Gruppe');
      expect(rows[0]).toEqual(sheet[0].filter((_, i) => i !== group));
      const contacted = sheet.slice(1).filter((row) => row[group] === 'Kontaktiert');
      const csvColumn = (name: string): number => rows[0].indexOf(name);
      const sheetColumn = (name: string): number => sheet[0].indexOf(name);
      const fields = ['KundenNr', 'Nachname', 'Firma', 'PLZ', 'Ort', 'Land'];
      const csvRows = rows.slice(1).map((row) => fields.map((name) => row[csvColumn(name)]).join('|'));
      const sheetRows = contacted.map((row) =>
        fields.map((name) => String(row[sheetColumn(name)] ?? '')).join('|'),
      );
      expect([...csvRows].sort()).toEqual([...sheetRows].sort());
      // A letter campaign: sorted by postal code for the post, foreign letters last.
      const domestic = rows
        .slice(1)
        .filter((row) => ['', 'DE', 'Deutschland'].includes(row[csvColumn('Land')]));
      const postalCodes = domestic.map((row) => row[csvColumn('PLZ')]);
      expect(postalCodes).toEqual([...postalCodes].sort());
      expect(rows.slice(1, domestic.length + 1)).toEqual(domestic);
      expect(rows.slice(1).some((row) => /^0\d{4}$/.test(row[csvColumn('PLZ')]))).toBe(true);
    },
    SLOW,
  );

  it(
    'updates the same campaign when run again on its output, keeping edits on the Leads sheet',
    async () => {
      const edited = path.join(dir, 'bearbeitet.xlsx');
      const workbook = await readWorkbook(out);
      const leads = workbook.getWorksheet('Leads')!;
      const header = sheetValues(leads)[0] as string[];
      const leadRows = leads.rowCount;
      const col = (name: string): number => header.indexOf(name) + 1;
      leads.getRow(2).getCell(col('Status')).value = 'Kontaktiert';
      leads.getRow(2).getCell(col('Notiz')).value = 'Rückruf am Montag – Größe 42 bestellt';
      leads.getRow(1).getCell(header.length + 1).value = 'Umsatzpotenzial';
      leads.getRow(2).getCell(header.length + 1).value = 'hoch';
      const leadId = leads.getRow(2).getCell(col('Lead-ID')).value;
      await workbook.xlsx.writeFile(edited);

      const second = await runCli([
        'run',
        '--workbook',
        edited,
        '--campaign',
        SEED_CAMPAIGN,
        '--out',
        path.join(dir, 'zweiter-lauf.xlsx'),
        '--leads',
        '--json',
      ]);
      expect(second.stderr).toBe('');
      expect(second.code).toBe(0);
      const summary = JSON.parse(second.stdout);
      expect(summary.leads).toEqual({
        sheet: 'Leads',
        created: 0,
        updated: 0,
        unchanged: contactedCount(),
        notInGroup: 0,
        keptByHand: 0,
        conflicts: [],
        deleted: 0,
        merged: 0,
      });
      expect(summary).toMatchObject({
        members: memberCount(),
        contacted: contactedCount(),
        control: controlCount(),
      });
      expect(summary.campaign).toMatchObject({ start: '2026-11-16', controlPercent: 10, cost: 85 });

      const rerun = await readWorkbook(path.join(dir, 'zweiter-lauf.xlsx'));
      expect(sheetValues(rerun.getWorksheet('Kampagnen')!)).toHaveLength(5);
      const rows = sheetValues(rerun.getWorksheet('Leads')!);
      expect(rows).toHaveLength(leadRows);
      const lead = rows.find((row) => row[col('Lead-ID') - 1] === leadId)!;
      expect(rows[0]).toContain('Umsatzpotenzial');
      expect(lead[col('Status') - 1]).toBe('Kontaktiert');
      expect(lead[col('Notiz') - 1]).toBe('Rückruf am Montag – Größe 42 bestellt');
      expect(lead[rows[0].indexOf('Umsatzpotenzial')]).toBe('hoch');
    },
    SLOW,
  );
});

describe('kampagne sheets', () => {
  it(
    'tells which sheet is which and what each column means (--json)',
    async () => {
      const run = await runCli(['sheets', '--workbook', SAMPLE, '--json']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const report = JSON.parse(run.stdout);
      expect(report.roles.customers).toMatchObject({ sheet: 'Kunden', headerRow: 3, records: 300 });
      expect(report.roles.customers.columns).toEqual(
        expect.arrayContaining([
          { header: 'E-Mail-Adresse', field: 'email', optOut: false, extra: false },
          { header: 'Werbesperre', field: null, optOut: true, extra: false },
          { header: 'Branche', field: null, optOut: false, extra: true },
        ]),
      );
      expect(report.roles.contacts.columns).toContainEqual({
        header: 'Email',
        field: 'email',
        optOut: false,
        extra: false,
      });
      expect(report.problems.items).toContainEqual(
        expect.objectContaining({ code: 'totalsRowSkipped', sheet: 'Umsätze' }),
      );
    },
    SLOW,
  );

  it('prints the same for people, in English with --lang en', async () => {
    const fixture = await smallFixture();
    const run = await runCli(['sheets', '--workbook', fixture.workbook, '--lang', 'en']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Kunden: Customers, headers in row 1, records: 4$/m);
    expect(run.stdout).toMatch(/^ {2}Werbesperre → opt-out \(excludes\)$/m);
    expect(run.stdout).toContain('No contacts sheet: every customer is a recipient itself.');
  });
});

describe('kampagne run on a small hand-made workbook', () => {
  it('builds the group and writes a CSV with the chosen delimiter', async () => {
    const fixture = await smallFixture();
    const csv = path.join(fixture.dir, 'liste.csv');
    const run = await runCli([...runArgs(fixture), '--csv', csv, '--delimiter', 'tab', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const summary = JSON.parse(run.stdout);
    expect(summary.members).toBe(2);
    expect(summary.selections[0]).toMatchObject({ found: 3, added: 2, merged: 0, excluded: { optOut: 1 } });
    const lines = (await fs.readFile(csv, 'utf8')).slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].split('\t')).toEqual(expect.arrayContaining(['Firma', 'PLZ', 'Ort']));
    expect(
      lines.slice(1).map((line) => line.split('\t').find((f) => ['Köln', 'München'].includes(f))),
    ).toEqual(['Köln', 'München']);
  });
});

type ErrorCase = [title: string, setup: (f: Fixture) => Promise<string[]>, exitCode: 1 | 2, line: RegExp];

const writeCampaign = async (f: Fixture, content: unknown): Promise<void> =>
  fs.writeFile(f.campaign, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');

describe('kampagne run: errors are one clear line, an exit code, and no file written', () => {
  it.each<ErrorCase>([
    [
      'a missing workbook',
      async (f) => runArgs({ ...f, workbook: path.join(f.dir, 'fehlt.xlsx') }),
      1,
      /^Die Arbeitsmappe „.*fehlt\.xlsx“ gibt es nicht\. Bitte den Pfad bei --workbook prüfen\.$/,
    ],
    [
      'a file that is not an .xlsx',
      async (f) => {
        await fs.writeFile(f.workbook, 'Kundennummer;Firma\r\nK-1;Bäckerei\r\n');
        return runArgs(f);
      },
      1,
      /^„.*kunden\.xlsx“ ist eine Textdatei \(etwa CSV\), keine Excel-Arbeitsmappe/,
    ],
    [
      'a missing campaign file',
      async (f) => runArgs({ ...f, campaign: path.join(f.dir, 'nichts.json') }),
      1,
      /^Die Kampagnendatei „.*nichts\.json“ gibt es nicht\./,
    ],
    [
      'an unreadable campaign file',
      async (f) => {
        await writeCampaign(f, '{ "name": "Herbst", ');
        return runArgs(f);
      },
      1,
      /^Kampagnendatei „.*kampagne\.json“: Zeile 1, Spalte 21: Die Kampagnendatei ist kein gültiges JSON: .+, aber die Datei endet hier\./,
    ],
    [
      'an unknown selection',
      async (f) => {
        await writeCampaign(f, { ...INACTIVE_LETTER, selections: [{ from: 'leads' }] });
        return runArgs(f);
      },
      1,
      /^Kampagnendatei „.*kampagne\.json“: .*selections\[0\]/,
    ],
    [
      'a missing required column',
      async (f) => {
        await writeWorkbook(f.workbook, {
          ...SMALL_WORKBOOK,
          Umsätze: SMALL_WORKBOOK.Umsätze.map((row) => row.slice(1)),
        });
        return runArgs(f);
      },
      1,
      /^Kampagne „Inaktive Kunden Herbst“ auf „.*kunden\.xlsx“: Blatt „Umsätze“.*[Ss]palte/,
    ],
    [
      'a sheet named in sources that does not exist',
      async (f) => {
        await writeCampaign(f, { ...INACTIVE_LETTER, sources: { customers: 'Kundschaft' } });
        return runArgs(f);
      },
      1,
      /^Kampagne „Inaktive Kunden Herbst“ auf „.*kunden\.xlsx“: .*„Kundschaft“/,
    ],
    [
      'an --out that cannot be written (the staged CSV is removed too)',
      async (f) => runArgs(f, path.join(f.workbook, 'ergebnis.xlsx')),
      1,
      /^„.*kunden\.xlsx\/ergebnis\.xlsx“ konnte nicht geschrieben werden\./,
    ],
    [
      '--out equal to --workbook',
      async (f) => runArgs(f, f.workbook),
      2,
      /^--out ist dieselbe Datei wie --workbook \(„.*kunden\.xlsx“\)\. Die Eingabemappe wird nie verändert/,
    ],
    [
      '--out equal to --workbook written differently',
      async (f) => runArgs(f, path.join(f.dir, '.', 'sub', '..', 'kunden.xlsx')),
      2,
      /^--out ist dieselbe Datei wie --workbook/,
    ],
  ])('%s', async (_, setup, exitCode, line) => {
    const fixture = await smallFixture();
    const args = await setup(fixture);
    const before = await listFiles(fixture.dir);
    const inputHash = await sha256(fixture.workbook).catch(() => null);
    const run = await runCli([...args, '--csv', path.join(fixture.dir, 'liste.csv'), '--leads']);
    expect(run.code).toBe(exitCode);
    expect(run.stdout).toBe('');
    expect(run.errors[0]).toMatch(line);
    expect(run.errors).toHaveLength(exitCode === 2 ? 2 : 1);
    expect(run.errors.some((l) => STACK_LINE.test(l))).toBe(false);
    expect(await listFiles(fixture.dir)).toEqual(before);
    expect(await sha256(fixture.workbook).catch(() => null)).toBe(inputHash);
  });

  it('speaks English with --lang en and reports the failure as JSON too with --json', async () => {
    const fixture = await smallFixture();
    const run = await runCli([
      ...runArgs({ ...fixture, workbook: path.join(fixture.dir, 'missing.xlsx') }),
      '--lang',
      'en',
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^The workbook ".*missing\.xlsx" does not exist\. Please check the path given with --workbook\.$/,
      ),
    ]);
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, exitCode: 1, error: run.errors[0] });
  });
});
