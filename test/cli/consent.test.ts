import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { buildCli, csvRecords, runCli, tempDir, writeWorkbook } from './cliHarness';

const SLOW = 180_000;

/**
 * A shop that records newsletter consent the way small firms do: a column "Einwilligung E-Mail" with ja, x, a date,
 * nothing, or a note; one person twice, the consent on the second row; Excel's own TRUE.
 */
const WORKBOOK: Record<string, CellValue[][]> = {
  Kontakte: [
    [
      'Kontakt-Nr.',
      'Vorname',
      'Nachname',
      'E-Mail',
      'Einwilligung E-Mail',
      'Einwilligung Telefon',
      'Telefon',
    ],
    ['1', 'Anna', 'Alt', 'anna@alt.de', 'ja', '', '0351 1'],
    ['2', 'Bernd', 'Brot', 'bernd@brot.de', '', 'x', '0351 2'],
    ['3', 'Clara', 'Creme', 'clara@creme.de', new Date(Date.UTC(2024, 4, 3)), '', '0351 3'],
    ['4', 'Dieter', 'Dietz', 'dieter@dietz.de', 'angefragt', '', '0351 4'],
    ['5', 'Eva', 'Eck', 'eva@eck.de', '', '', '0351 5'],
    ['5', 'Eva', 'Eck', 'eva@eck.de', true, '', '0351 5'],
  ],
};

const fixture = async (type: string) => {
  const dir = await tempDir();
  const f = {
    workbook: path.join(dir, 'laden.xlsx'),
    campaign: path.join(dir, 'kampagne.json'),
    out: path.join(dir, 'aus.xlsx'),
    csv: path.join(dir, 'liste.csv'),
  };
  await writeWorkbook(f.workbook, WORKBOOK);
  await fs.writeFile(
    f.campaign,
    JSON.stringify({ name: 'Frühjahr', type, selections: [{ from: 'contacts' }] }),
    'utf8',
  );
  return f;
};

const run = (f: Awaited<ReturnType<typeof fixture>>, ...extra: string[]) =>
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

const csvColumn = async (file: string, header: string): Promise<string[]> =>
  (await csvRecords(file)).map((row) => row[header]);

beforeAll(buildCli, SLOW);

describe('kampagne run: consent columns (UWG § 7)', () => {
  it(
    'an E-Mail campaign goes only to those who clearly consented, and names the others with their row',
    async () => {
      const f = await fixture('E-Mail');
      const result = await run(f);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.split('\n')[0]).toBe('Kampagne „Frühjahr“ (E-Mail): 3 Empfänger');
      expect(result.stdout).toContain('Blatt „Kontakte“, Zeile 3: keine Einwilligung');
      expect(result.stdout).toContain('Blatt „Kontakte“, Zeile 5: keine Einwilligung');
      expect(await csvColumn(f.csv, 'Nachname')).toEqual(['Alt', 'Creme', 'Eck']);
    },
    SLOW,
  );

  it(
    'a phone campaign reads the phone consent instead, in English too',
    async () => {
      const f = await fixture('Telefon');
      const result = await run(f, '--lang', 'en');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(': 1 recipient');
      expect(result.stdout).toContain('no consent');
      // English merge fields, as Word's mail merge wants them
      expect(await csvColumn(f.csv, 'LastName')).toEqual(['Brot']);
    },
    SLOW,
  );
});
