import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  buildCli,
  listFiles,
  readWorkbook,
  ROOT,
  runCli,
  sheetValues,
  tablesOf,
  tempDir,
  writeWorkbook,
} from './cliHarness';

const SAMPLE = path.join(ROOT, 'samples', 'Beispiel-Grosshandel.xlsx');
const SAMPLE_CAMPAIGN = 'Herbstaktion Büromöbel 2026';
const INACTIVE_CAMPAIGN = 'Reaktivierung Frühjahr 2026';
/** Still being evaluated: its control group is protected from other campaigns. */
const AUTUMN_CAMPAIGN = 'Reaktivierung Herbst 2026';
const SLOW = 180_000;

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');

/** "+4,6" / "+64,10 €" / "-1.234 €" → the number, in the German convention the report prints (Intl puts a no-break space before € and %). */
const germanNumber = (text: string): number => Number(text.replace(/[^\d,+-]/g, '').replace(',', '.'));

beforeAll(buildCli, SLOW);

describe('kampagne report on the sample workbook', () => {
  it(
    'prints the summary, the key figures, the uplift with its interval, the return and the comparison by type',
    async () => {
      const before = await sha256(SAMPLE);

      const run = await runCli(['report', '--workbook', SAMPLE]);

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines.slice(0, 3)).toEqual([
        `Kampagne „${SAMPLE_CAMPAIGN}“ (Brief, Abgeschlossen)`,
        'Start 01.09.2026, ausgewertet bis 30.09.2026 (30 von 30 Tagen)',
        'Ergebnis: Hat sich gelohnt',
      ]);
      // the verdict comes from the primary metric stored before sending; the others are marked secondary
      expect(lines[3]).toBe('Hauptkennzahl: Umsatz');
      expect(lines[4]).toMatch(/^Die Kampagne hat sich gelohnt: .* kauften für [\d.]+\s€ mehr/);
      expect(run.stdout).toMatch(/^ {2}Empfänger +\d+ +\d+$/m);
      // the same formats as the task pane: cents per recipient, points with one decimal
      expect(run.stdout).toMatch(/^ {2}Umsatz je Empfänger +[\d.]+,\d\d\s€ +[\d.]+,\d\d\s€$/m);
      const uplift =
        /^Mehr Käufer \(Nebenkennzahl\): \+\d+,\d\sPp\. \(95-%-Intervall (\S+)\sPp\. bis (\S+)\sPp\.\)$/m.exec(
          run.stdout,
        );
      expect(germanNumber(uplift?.[1] ?? '')).toBeGreaterThan(0);
      expect(run.stdout).toMatch(
        /^Mehr Umsatz je Empfänger \(Hauptkennzahl\): \+[\d.]+,\d\d\s€ \(95-%-Intervall/m,
      );
      expect(run.stdout).toMatch(/^Kosten: 4\.800\s€$/m);
      expect(run.stdout).toMatch(
        /^Rendite \(ROI\) auf Umsatz \(Hauptkennzahl\): \+[\d.]+\s% \(95-%-Intervall/m,
      );
      expect(run.stdout).toMatch(/^ {2}Brief +3 +\d+ +\d+ /m);
      expect(await sha256(SAMPLE)).toBe(before);
    },
    SLOW,
  );

  it(
    'gives the same report as JSON in English, with ISO dates and the texts',
    async () => {
      const run = await runCli(['report', '--workbook', SAMPLE, '--json', '--lang', 'en']);

      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({ ok: true, focus: null, out: null, sheets: [] });
      const [evaluation] = report.evaluations;
      expect(evaluation).toMatchObject({
        name: SAMPLE_CAMPAIGN,
        type: 'letter',
        start: '2026-09-01',
        windowEnd: '2026-09-30',
        cost: 4800,
        verdict: 'paidOff',
        verdictLabel: 'Paid off',
      });
      expect(evaluation.summary).toMatch(/^The campaign paid off:/);
      expect(evaluation.conversionUplift.low).toBeGreaterThan(0);
      expect(evaluation.control.members).toBeGreaterThanOrEqual(30);
      expect(report.byType).toEqual([expect.objectContaining({ type: 'letter', campaigns: 3 })]);
      expect(report.problems.items[0].message).toEqual(expect.any(String));
    },
    SLOW,
  );

  it(
    'shows for the inactive-customers campaign how many of the control group came back anyway, verdict from its primary metric',
    async () => {
      const run = await runCli(['report', '--workbook', SAMPLE, '--campaign', INACTIVE_CAMPAIGN]);

      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe(`Kampagne „${INACTIVE_CAMPAIGN}“ (Brief, Abgeschlossen)`);
      expect(lines[3]).toBe('Hauptkennzahl: Kaufquote');
      const returned =
        /^Wären ohnehin zurückgekommen: ([\d,]+)\s% \(95-%-Intervall ([\d,]+)\s% bis ([\d,]+)\s%\)$/m.exec(
          run.stdout,
        );
      const control = /^ {2}Kaufquote +[\d,]+\s% +([\d,]+)\s%$/m.exec(run.stdout);
      // The control group's own buyer share: no before/after, the uplift stands beside it.
      expect(returned?.[1]).toBe(control?.[1]);
      expect(germanNumber(returned?.[1] ?? '')).toBeGreaterThan(10);
      expect(run.stdout).toMatch(/^Mehr Käufer \(Hauptkennzahl\): /m);
      expect(run.stdout).toMatch(/^Rendite \(ROI\) auf Umsatz \(Nebenkennzahl\): /m);
    },
    SLOW,
  );

  it(
    'writes the Auswertung sheets as Excel tables into --out, the input unchanged',
    async () => {
      const dir = await tempDir();
      const out = path.join(dir, 'Auswertung.xlsx');
      const before = await sha256(SAMPLE);

      const run = await runCli(['report', '--workbook', SAMPLE, '--campaign', SAMPLE_CAMPAIGN, '--out', out]);

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Geschrieben: ${out} (Blätter „Auswertung“ und „Auswertung nach Typ“)`);
      expect(await sha256(SAMPLE)).toBe(before);
      const output = await readWorkbook(out);
      const evaluation = sheetValues(output.getWorksheet('Auswertung')!);
      expect(evaluation.map((row) => row[0])).toEqual([
        'Kampagne',
        SAMPLE_CAMPAIGN,
        INACTIVE_CAMPAIGN,
        AUTUMN_CAMPAIGN,
      ]);
      const returned = evaluation[0].indexOf('Wären ohnehin zurückgekommen');
      expect(evaluation[1][returned]).toBeNull();
      expect(evaluation[2][returned]).toEqual(expect.any(Number));
      expect(tablesOf(output.getWorksheet('Auswertung')!)[0].headers).toEqual(evaluation[0]);
      const byType = sheetValues(output.getWorksheet('Auswertung nach Typ')!);
      expect(byType.map((row) => row[0])).toEqual(['Typ', 'Brief']);
      expect(output.getWorksheet('KampagnenDaten')!.state).toBe('veryHidden');
    },
    SLOW,
  );

  it(
    'names the stored campaigns when --campaign names another, and writes nothing',
    async () => {
      const dir = await tempDir();

      const run = await runCli([
        'report',
        '--workbook',
        SAMPLE,
        '--campaign',
        'Sommerfest',
        '--out',
        path.join(dir, 'a.xlsx'),
      ]);

      expect(run.code).toBe(1);
      expect(run.errors).toEqual([
        `Auswertung von „${SAMPLE}“: Die Kampagne „Sommerfest“ ist in dieser Arbeitsmappe nicht gespeichert (gespeichert: ${SAMPLE_CAMPAIGN}, ${INACTIVE_CAMPAIGN}, ${AUTUMN_CAMPAIGN}). Bitte den Namen prüfen.`,
      ]);
      expect(await listFiles(dir)).toEqual([]);
    },
    SLOW,
  );
});

describe('kampagne report on other workbooks', () => {
  const SMALL = {
    Kunden: [
      ['Kundennummer', 'Firma', 'Straße', 'PLZ', 'Ort'],
      ['K-1', 'Bäckerei Größe', 'Schloßstraße 4', '01067', 'Dresden'],
      ['K-2', 'Köhler & Söhne KG', 'Domplatz 2', '50667', 'Köln'],
    ],
    Umsätze: [
      ['Datum', 'Kundennr', 'Artikel-Nr.', 'Betrag'],
      [new Date('2026-01-10T00:00:00Z'), 'K-1', 'A-1', 10],
    ],
  };

  it(
    'says that no campaign is stored yet in a workbook the add-in never touched',
    async () => {
      const dir = await tempDir();
      const workbook = path.join(dir, 'kunden.xlsx');
      await writeWorkbook(workbook, SMALL);

      const run = await runCli(['report', '--workbook', workbook], { LANG: 'en_GB.UTF-8' });

      expect(run.code).toBe(1);
      expect(run.errors).toEqual([
        `No campaign is stored in "${workbook}". Please create one first with "kampagne run" or in the add-in.`,
      ]);
    },
    SLOW,
  );

  it(
    'evaluates a campaign that `kampagne run` stored, as the next step after using it',
    async () => {
      const dir = await tempDir();
      const workbook = path.join(dir, 'kunden.xlsx');
      const campaign = path.join(dir, 'brief.json');
      const used = path.join(dir, 'verwendet.xlsx');
      await writeWorkbook(workbook, SMALL);
      await fs.writeFile(
        campaign,
        JSON.stringify({ name: 'Brief an alle', type: 'letter', selections: [{ from: 'customers' }] }),
      );
      expect(
        (await runCli(['run', '--workbook', workbook, '--campaign', campaign, '--out', used])).code,
      ).toBe(0);

      const run = await runCli(['report', '--workbook', used, '--json']);

      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report.evaluations).toEqual([
        expect.objectContaining({
          name: 'Brief an alle',
          contacted: expect.objectContaining({ members: 2 }),
        }),
      ]);
    },
    SLOW,
  );

  it.each<[string[], RegExp]>([
    [['report'], /^Für „report“ fehlt die Option --workbook\.$/],
    [['report', '--workbook', 'a.xlsx', '--out', 'a.xlsx'], /^--out ist dieselbe Datei wie --workbook/],
    [['report', '--workbook', 'a.xlsx', '--csv', 'a.csv'], /^Die Option --csv gibt es für „report“ nicht\.$/],
  ])('%j exits 2 with one line and the hint', async (args, line) => {
    const run = await runCli(args);

    expect(run.code).toBe(2);
    expect(run.errors[0]).toMatch(line);
    expect(run.errors[1]).toBe('Hilfe: kampagne --help');
  });
});
