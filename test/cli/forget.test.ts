import path from 'node:path';
import { cellText } from '../../src/core/kernel/values';
import {
  buildCli,
  csvRecords,
  listFiles,
  readWorkbook,
  ROOT,
  runCli,
  sheetValues,
  tablesOf,
  tempDir,
} from './cliHarness';

const SLOW = 240_000;
const SAMPLE = path.join(ROOT, 'samples', 'Beispiel-Grosshandel.xlsx');
const CAMPAIGNS = path.join(ROOT, 'samples', 'kampagnen');
const KLAUS = 'klaus.schaefer@praxis-dr-kuehn.de';
/** The firm's own data: forget names it and leaves it alone. */
const MASTER_DATA = ['Kontakte', 'Kunden', 'Umsätze', 'Artikel'];

beforeAll(buildCli, SLOW);

describe('kampagne forget on the sample workbook', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = await tempDir();
    const run = (from: string, campaign: string, to: string, ...extra: string[]) =>
      runCli([
        'run',
        '--workbook',
        from,
        '--campaign',
        path.join(CAMPAIGNS, campaign),
        '--out',
        file(to),
        ...extra,
      ]);
    expect(await run(SAMPLE, 'hausmesse-dresden.json', 'eins.xlsx', '--leads')).toMatchObject({ code: 0 });
    expect(
      await run(
        file('eins.xlsx'),
        'newsletter-november-2026.json',
        'zwei.xlsx',
        '--leads',
        '--as-of',
        '2026-11-20',
      ),
    ).toMatchObject({ code: 0 });
  }, SLOW);

  it('refuses to run without --dry-run or --out, or with both', async () => {
    const neither = await runCli(['forget', '--workbook', file('zwei.xlsx'), '--email', KLAUS]);
    const both = await runCli([
      'forget',
      '--workbook',
      file('zwei.xlsx'),
      '--email',
      KLAUS,
      '--dry-run',
      '--out',
      file('x.xlsx'),
    ]);
    const same = await runCli([
      'forget',
      '--workbook',
      file('zwei.xlsx'),
      '--email',
      KLAUS,
      '--out',
      file('zwei.xlsx'),
    ]);
    expect([neither.code, both.code, same.code]).toEqual([2, 2, 2]);
    expect(neither.errors[0]).toBe(
      '„forget“ braucht --dry-run (nur zeigen, was entfernt würde) oder --out <aus.xlsx> (die Mappe ohne die Person schreiben).',
    );
  });

  it(
    'shows with --dry-run what would go and writes nothing',
    async () => {
      const before = await listFiles(dir);
      const result = await runCli([
        'forget',
        '--workbook',
        file('zwei.xlsx'),
        '--email',
        'Klaus.Schaefer@Praxis-Dr-Kuehn.de',
        '--dry-run',
      ]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.split('\n')).toEqual([
        'Person löschen (Art. 17 DSGVO): Klaus Schäfer <klaus.schaefer@praxis-dr-kuehn.de>',
        'Würde entfernt:',
        expect.stringMatching(/^ {2}Blatt „Kontakthistorie“, Zeilen [\d, ]+: Kontakthistorie$/),
        '  Blatt „Hausmesse Dresden 2027“, Zeile 2: vom Add-in geschrieben',
        '  Blatt „Newsletter November 2026“, Zeile 10: vom Add-in geschrieben',
        // one lead per campaign that reached him with leads; the second one's row depends on that campaign's size
        expect.stringMatching(/^ {2}Blatt „Leads“, Zeilen 2, \d+: Leads$/),
        'Aus den Kampagnen: Herbstaktion Büromöbel 2026, Reaktivierung Herbst 2026, Hausmesse Dresden 2027, Newsletter November 2026 (die Auswertungen behalten ihre Zahlen)',
        'Sperrliste: Die Person bliebe nur als Prüfwert ohne Namen und Adresse gesperrt.',
        'Bleibt unverändert (Ihre Stammdaten – löschen, sofern keine Aufbewahrungspflicht gilt):',
        '  Blatt „Kontakte“, Zeile 12: Kontakt',
        '',
        'Nichts geschrieben (--dry-run). Zum Löschen: dieselbe Zeile mit --out <aus.xlsx> statt --dry-run.',
        '',
      ]);
      expect(await listFiles(dir)).toEqual(before);
    },
    SLOW,
  );

  it(
    'writes the workbook without the person: no sheet but the master data names them, the Sperrliste holds a hash, the next campaign leaves them out',
    async () => {
      const before = await readWorkbook(file('zwei.xlsx'));
      const result = await runCli([
        'forget',
        '--workbook',
        file('zwei.xlsx'),
        '--email',
        KLAUS,
        '--out',
        file('drei.xlsx'),
        '--json',
      ]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const json = JSON.parse(result.stdout) as { done: { sheet: string; how: string; rows: number[] }[] };
      expect(json.done.map((d) => [d.sheet, d.how])).toEqual([
        ['Kontakthistorie', 'deleted'],
        ['Hausmesse Dresden 2027', 'deleted'],
        ['Newsletter November 2026', 'deleted'],
        ['Leads', 'deleted'],
      ]);

      const after = await readWorkbook(file('drei.xlsx'));
      for (const sheet of after.worksheets) {
        if (MASTER_DATA.includes(sheet.name) || sheet.state === 'veryHidden') continue;
        const texts = sheetValues(sheet)
          .flat()
          .map((cell) => cellText(cell).toLowerCase());
        expect([sheet.name, texts.filter((text) => text.includes('klaus.schaefer'))]).toEqual([
          sheet.name,
          [],
        ]);
      }
      // rows went, the others moved up: each sheet is shorter by the rows deleted, its table with it
      for (const { sheet, rows } of json.done) {
        const old = before.getWorksheet(sheet)!;
        const now = after.getWorksheet(sheet)!;
        expect(now.actualRowCount).toBe(old.actualRowCount - rows.length);
        const lastRow = (ref: string) => Number(/(\d+)$/.exec(ref)![1]);
        expect(tablesOf(now).map((t) => [t.name, lastRow(t.ref)])).toEqual(
          tablesOf(old).map((t) => [t.name, lastRow(t.ref) - rows.length]),
        );
      }
      const blocklist = sheetValues(after.getWorksheet('Sperrliste')!).map((row) => cellText(row[0] ?? null));
      expect(blocklist.filter((text) => text.startsWith('#DSGVO-17:s='))).toHaveLength(1);
      // the master data stays as it was
      for (const name of MASTER_DATA)
        if (before.getWorksheet(name))
          expect(sheetValues(after.getWorksheet(name)!)).toEqual(sheetValues(before.getWorksheet(name)!));

      const person = await runCli(['person', '--workbook', file('drei.xlsx'), '--email', KLAUS]);
      expect(person.stdout.split('\n')).toEqual([
        'Person: Klaus Schäfer <klaus.schaefer@praxis-dr-kuehn.de>',
        'Kampagnen (0):',
        'Daten in der Arbeitsmappe:',
        '  Blatt „Kontakte“, Zeile 12: Kontakt',
        expect.stringMatching(/^ {2}Blatt „Sperrliste“, Zeile \d+: Sperrliste$/),
        '',
      ]);
      const again = await runCli([
        'run',
        '--workbook',
        file('drei.xlsx'),
        '--campaign',
        path.join(CAMPAIGNS, 'hausmesse-dresden.json'),
        '--out',
        file('vier.xlsx'),
        '--csv',
        file('hausmesse.csv'),
      ]);
      expect(again.code).toBe(0);
      const emails = (await csvRecords(file('hausmesse.csv'))).map((record) => record.EMail);
      expect(emails.length).toBeGreaterThan(10);
      expect(emails).not.toContain(KLAUS);
      // forgetting again adds nothing to the Sperrliste
      await runCli([
        'forget',
        '--workbook',
        file('drei.xlsx'),
        '--email',
        KLAUS,
        '--out',
        file('fuenf.xlsx'),
      ]);
      const twice = sheetValues((await readWorkbook(file('fuenf.xlsx'))).getWorksheet('Sperrliste')!);
      expect(twice.length).toBe(blocklist.length);
    },
    SLOW,
  );
});
