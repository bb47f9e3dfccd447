import { spawn } from 'node:child_process';
import { promises as fs, watch } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { buildCli, listFiles, ROOT, runArgs, runCli, tempDir, writeWorkbook } from './cliHarness';

/** A run never leaves personal data behind and never writes over the files it was given. */

const SLOW = 300_000;
const BIN = path.join(ROOT, 'bin', 'kampagne.js');
const CAMPAIGN = { name: 'Hausmesse', type: 'event', selections: [{ from: 'contacts' }] };

const contacts = (count: number): CellValue[][] => [
  ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Firma', 'E-Mail', 'Telefon'],
  ...Array.from({ length: count }, (_, i): CellValue[] => [
    `K${i + 1}`,
    'Anna',
    `Muster ${i + 1}`,
    `Firma ${i % 300}`,
    `p${i + 1}@example.de`,
    `030 ${100000 + i}`,
  ]),
];

const fixture = async (count = 20) => {
  const dir = await tempDir();
  const workbook = path.join(dir, 'kontakte.xlsx');
  await writeWorkbook(workbook, { Kontakte: contacts(count) });
  const campaign = path.join(dir, 'hausmesse.json');
  await fs.writeFile(campaign, JSON.stringify(CAMPAIGN));
  return { dir, workbook, campaign };
};

beforeAll(buildCli, SLOW);

describe('kampagne run never writes over its inputs', () => {
  it('refuses a --csv that is the campaign file, and writes nothing', async () => {
    const f = await fixture();
    const { dir, campaign } = f;
    const before = await listFiles(dir);
    const campaignText = await fs.readFile(campaign, 'utf8');

    const run = await runCli([...runArgs(f, path.join(dir, 'aus.xlsx')), '--csv', campaign]);

    expect(run.code).toBe(2);
    expect(run.errors[0]).toMatch(
      /^„.*hausmesse\.json“ ist die Kampagnendatei; --out und --csv dürfen sie nicht überschreiben/,
    );
    expect(await listFiles(dir)).toEqual(before);
    expect(await fs.readFile(campaign, 'utf8')).toBe(campaignText);
  });
});

describe('kampagne run --leads when the Leads sheet is gone', () => {
  it(
    'stops with a clear message instead of a second set of leads, and starts anew with --new-leads-sheet',
    async () => {
      const { dir, workbook, campaign } = await fixture();
      const first = path.join(dir, 'lauf1.xlsx');
      const args = (input: string, out: string) => [
        ...runArgs({ dir, workbook: input, campaign }, out),
        '--leads',
      ];
      expect((await runCli(args(workbook, first))).code).toBe(0);
      // someone deletes the Leads sheet (in another program, which also saves the file anew)
      const edited = path.join(dir, 'ohne-leads.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(first);
      book.removeWorksheet(book.getWorksheet('Leads')!.id);
      await book.xlsx.writeFile(edited);

      const stopped = await runCli(args(edited, path.join(dir, 'lauf2.xlsx')));
      const fresh = await runCli([...args(edited, path.join(dir, 'lauf3.xlsx')), '--new-leads-sheet']);

      expect(stopped.code).toBe(1);
      expect(stopped.errors.join(' ')).toMatch(/Leads-Blatt wurde nicht gefunden.*--new-leads-sheet/);
      expect(await listFiles(dir)).not.toContain('lauf2.xlsx');
      expect(fresh.code).toBe(0);
      expect(fresh.stdout).toMatch(/Leads: Blatt „Leads“ – 20 neu/);
    },
    SLOW,
  );
});

describe('kampagne run interrupted with Ctrl+C', () => {
  it(
    'removes its temporary output file, which holds personal data, and ends with 130',
    async () => {
      const f = await fixture(60_000);
      const { dir } = f;
      const out = path.join(dir, 'aus');
      await fs.mkdir(out);
      const child = spawn(
        process.execPath,
        [BIN, ...runArgs(f, path.join(out, 'ergebnis.xlsx')), '--leads'],
        {
          env: { PATH: process.env.PATH ?? '', LANG: 'de_DE.UTF-8' },
          stdio: 'ignore',
        },
      );
      const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      let sawTemporary = false;
      // the moment the output's temporary file appears, the user presses Ctrl+C
      const watcher = watch(out, (_, name) => {
        if (!sawTemporary && name?.endsWith('.tmp')) {
          sawTemporary = true;
          child.kill('SIGINT');
        }
      });

      const code = await closed;
      watcher.close();

      expect(sawTemporary).toBe(true);
      expect(code).toBe(130);
      expect(await fs.readdir(out)).toEqual([]);
    },
    SLOW,
  );
});
