import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { buildCli, listFiles, readWorkbook, runCli, sheetValues, tempDir, writeWorkbook } from './cliHarness';

const SLOW = 180_000;

const KUNDEN: CellValue[][] = [
  ['Kundennummer', 'Firma', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Werbesperre'],
  ['K-1', 'Autohaus Alt', 'Hauptstraße 1', '01067', 'Dresden', 'info@alt.de', ''],
  ['K-2', 'Bäckerei Brot', 'Ring 2', '50667', 'Köln', 'post@brot.de', ''],
  ['K-3', 'Café Creme', 'Weg 3', '01069', 'Dresden', 'hallo@creme.de', 'nein'],
  ['K-4', 'Druckerei Dunkel', 'Gasse 4', '04109', 'Leipzig', 'druck@dunkel.de', ''],
];

const newsletter = {
  name: 'Newsletter Dezember',
  type: 'E-Mail',
  selections: [{ from: 'customers', filter: [{ column: 'Ort', op: 'in', value: ['Dresden', 'Köln'] }] }],
};

beforeAll(buildCli, SLOW);

/**
 * A workbook used in December and then worked on in Excel: the bakery objects (Werbesperre "ja"), the café moved to
 * Leipzig, the print shop moved to Köln, a new customer in Dresden.
 */
const usedAndEdited = async () => {
  const dir = await tempDir();
  const file = (name: string) => path.join(dir, name);
  await writeWorkbook(file('mappe.xlsx'), { Kunden: KUNDEN });
  await fs.writeFile(file('kampagne.json'), JSON.stringify(newsletter), 'utf8');
  const first = await runCli([
    'run',
    '--workbook',
    file('mappe.xlsx'),
    '--campaign',
    file('kampagne.json'),
    '--out',
    file('dezember.xlsx'),
    '--as-of',
    '2026-12-02',
  ]);
  expect(first).toMatchObject({ code: 0, stderr: '' });
  const workbook = await readWorkbook(file('dezember.xlsx'));
  const kunden = workbook.getWorksheet('Kunden')!;
  kunden.getCell('G3').value = 'ja';
  kunden.getCell('E4').value = 'Leipzig';
  kunden.getCell('E5').value = 'Köln';
  kunden.addRow(['K-5', 'Eisdiele Eis', 'Platz 5', '01099', 'Dresden', 'eis@eis.de', '']);
  await workbook.xlsx.writeFile(file('januar.xlsx'));
  return { dir, file };
};

const refreshArgs = (file: (name: string) => string, workbook: string, ...extra: string[]) => [
  'run',
  '--refresh',
  '--workbook',
  file(workbook),
  '--campaign',
  file('kampagne.json'),
  '--as-of',
  '2027-01-15',
  ...extra,
];

describe('kampagne run --refresh', () => {
  it(
    'prints what changed since the last use; --dry-run writes nothing, not a byte and no file',
    async () => {
      const { dir, file } = await usedAndEdited();
      const bytes = await fs.readFile(file('januar.xlsx'));
      const filesBefore = await listFiles(dir);
      const dry = await runCli(refreshArgs(file, 'januar.xlsx', '--dry-run'));
      expect(dry).toMatchObject({ code: 0, stderr: '' });
      const lines = dry.stdout.split('\n');
      expect(lines.slice(0, 9)).toEqual([
        'Kampagne „Newsletter Dezember“ (E-Mail): 3 Empfänger',
        'Bisher 3 Empfänger, nach dem Aktualisieren 3 (1 unverändert)',
        'Neu dabei (2):',
        '  Druckerei Dunkel – Blatt „Kunden“, Zeile 5',
        '  Eisdiele Eis – Blatt „Kunden“, Zeile 6',
        'Passen nicht mehr (1):',
        '  Café Creme – von keiner Auswahl mehr gefunden',
        'Neue Werbesperren (1):',
        '  Bäckerei Brot – Blatt „Kunden“, Zeile 3: Werbesperre',
      ]);
      expect(dry.stdout).toContain('Probelauf (--dry-run): nichts geschrieben.');
      expect(dry.stdout).not.toContain('Kontakthistorie: Blatt');
      expect(await fs.readFile(file('januar.xlsx'))).toEqual(bytes);
      expect(await listFiles(dir)).toEqual(filesBefore);
    },
    SLOW,
  );

  it(
    'then accepts all of it: the group a new build gives, the history of December untouched, a second refresh finds nothing',
    async () => {
      const { file } = await usedAndEdited();
      const applied = await runCli([
        ...refreshArgs(file, 'januar.xlsx', '--json'),
        '--out',
        file('neu.xlsx'),
      ]);
      expect(applied).toMatchObject({ code: 0, stderr: '' });
      const summary = JSON.parse(applied.stdout);
      expect(summary.refresh).toMatchObject({
        before: 3,
        after: 3,
        unchanged: 1,
        counts: { added: 2, noLongerMatching: 1, optOut: 1, contactLimit: 0, noConsent: 0 },
      });
      expect(summary.refresh.changes[3]).toEqual({
        category: 'optOut',
        sheet: 'Kunden',
        row: 3,
        reason: 'optOut',
      });
      // no names in the JSON, as in the rest of the summary for scripts
      expect(applied.stdout).not.toContain('Bäckerei');

      const history = async (name: string) =>
        sheetValues((await readWorkbook(file(name))).getWorksheet('Kontakthistorie')!);
      const december = await history('januar.xlsx');
      const after = await history('neu.xlsx');
      expect(after.slice(0, december.length)).toEqual(december);
      expect(after.slice(december.length).map((row) => row[5])).toEqual(['k:K-1', 'k:K-4', 'k:K-5']);

      const anew = await runCli([
        'run',
        '--workbook',
        file('januar.xlsx'),
        '--campaign',
        file('kampagne.json'),
        '--out',
        file('anders.xlsx'),
        '--as-of',
        '2027-01-15',
        '--json',
      ]);
      expect(JSON.parse(anew.stdout).members).toBe(summary.members);

      const again = await runCli(refreshArgs(file, 'neu.xlsx', '--dry-run'), { LANG: 'en_GB.UTF-8' });
      expect(again).toMatchObject({ code: 0, stderr: '' });
      expect(again.stdout.split('\n').slice(1, 3)).toEqual([
        '3 recipients before, 3 after refreshing (3 unchanged)',
        'Nothing in the target group changed since it was last used.',
      ]);
    },
    SLOW,
  );

  it(
    'refuses a workbook that never ran the campaign, and --dry-run without --refresh',
    async () => {
      const dir = await tempDir();
      const file = (name: string) => path.join(dir, name);
      await writeWorkbook(file('mappe.xlsx'), { Kunden: KUNDEN });
      await fs.writeFile(file('kampagne.json'), JSON.stringify(newsletter), 'utf8');
      const never = await runCli(refreshArgs(file, 'mappe.xlsx', '--dry-run'));
      expect(never.code).toBe(1);
      expect(never.stderr).toContain(
        'Die Kampagne „Newsletter Dezember“ ist in dieser Arbeitsmappe nicht gespeichert',
      );
      const usage = await runCli([
        'run',
        '--workbook',
        file('mappe.xlsx'),
        '--campaign',
        file('kampagne.json'),
        '--dry-run',
      ]);
      expect(usage).toMatchObject({ code: 2 });
      expect(usage.errors[0]).toBe('--dry-run wirkt nur zusammen mit --refresh.');
      expect(await listFiles(dir)).toEqual(['kampagne.json', 'mappe.xlsx']);
    },
    SLOW,
  );
});
