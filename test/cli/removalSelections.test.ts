import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { buildCli, readWorkbook, runCli, sheetValues, tempDir, writeWorkbook } from './cliHarness';

const SLOW = 180_000;

/**
 * A tyre dealer's workbook: who bought winter tyres, and who of them also bought the rims. The campaign offers rims to
 * the customers of the tyres who did not buy them — an addition, then a removal.
 */
const WORKBOOK: Record<string, CellValue[][]> = {
  Kunden: [
    ['Kundennummer', 'Firma', 'Straße', 'PLZ', 'Ort', 'E-Mail'],
    ['K-1', 'Autohaus Alt', 'Hauptstraße 1', '01067', 'Dresden', 'info@alt.de'],
    ['K-2', 'Bäckerei Brot', 'Ring 2', '50667', 'Köln', 'post@brot.de'],
    ['K-3', 'Café Creme', 'Weg 3', '04109', 'Leipzig', 'hallo@creme.de'],
    ['K-4', 'Dach Dietz', 'Gasse 4', '80331', 'München', 'dietz@dach.de'],
  ],
  Umsätze: [
    ['Datum', 'Kundennr', 'Artikel-Nr.', 'Artikel', 'Menge', 'Betrag'],
    ['05.10.2026', 'K-1', 'W-1', 'Winterreifen', 4, 480],
    ['06.10.2026', 'K-1', 'F-1', 'Felgen', 4, 320],
    ['07.10.2026', 'K-2', 'W-1', 'Winterreifen', 4, 480],
    ['08.10.2026', 'K-3', 'W-1', 'Winterreifen', 2, 240],
    ['09.10.2026', 'K-4', 'F-1', 'Felgen', 4, 320],
  ],
};

const rimsOffer = {
  name: 'Felgen zu den Reifen',
  type: 'E-Mail',
  selections: [
    { from: 'purchasedArticles', articles: ['W-1'] },
    { from: 'purchasedArticles', articles: ['F-1'], mode: 'remove' },
  ],
};

const fixture = async (definition: unknown) => {
  const dir = await tempDir();
  const f = {
    workbook: path.join(dir, 'reifen.xlsx'),
    campaign: path.join(dir, 'kampagne.json'),
    out: path.join(dir, 'aus.xlsx'),
  };
  await writeWorkbook(f.workbook, WORKBOOK);
  await fs.writeFile(f.campaign, JSON.stringify(definition), 'utf8');
  return f;
};

const run = (f: Awaited<ReturnType<typeof fixture>>, ...extra: string[]) =>
  runCli(['run', '--workbook', f.workbook, '--campaign', f.campaign, '--out', f.out, ...extra]);

beforeAll(buildCli, SLOW);

describe('kampagne run: a selection that takes people out', () => {
  it(
    'offers the rims to the tyre customers who did not buy them, and lists who was taken out (de)',
    async () => {
      const f = await fixture(rimsOffer);
      const result = await run(f);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const lines = result.stdout.split('\n');
      expect(lines.slice(0, 3)).toEqual([
        'Kampagne „Felgen zu den Reifen“ (E-Mail): 2 Empfänger',
        '  1: Artikel W-1: 3 gefunden, 3 neu, 0 schon enthalten, 0 zusammengeführt, 0 ausgeschlossen',
        '  2: ohne Artikel F-1: 2 gefunden, 1 aus der Zielgruppe entfernt',
      ]);
      expect(result.stdout).toContain('  Blatt „Kunden“, Zeile 2: durch Auswahl entfernt');
      const [headers, ...rows] = sheetValues(
        (await readWorkbook(f.out)).getWorksheet('Felgen zu den Reifen')!,
      );
      const firm = headers.indexOf('Firma');
      expect(rows.map((row) => row[firm])).toEqual(['Bäckerei Brot', 'Café Creme']);
    },
    SLOW,
  );

  it(
    'says so in English and in the JSON',
    async () => {
      const f = await fixture(rimsOffer);
      const english = await run(f, '--lang', 'en');
      expect(english.stdout).toContain('  2: without Articles F-1: 2 found, 1 removed from the target group');
      const json = JSON.parse((await run(f, '--json')).stdout) as {
        members: number;
        selections: Array<{ index: number; removed?: number }>;
        excludedRows: Array<{ sheet: string; row: number; reason: string }>;
      };
      expect(json.members).toBe(2);
      expect(json.selections.map((s) => [s.index, s.removed])).toEqual([
        [1, undefined],
        [2, 1],
      ]);
      expect(json.excludedRows).toEqual([{ sheet: 'Kunden', row: 2, reason: 'removedBySelection' }]);
    },
    SLOW,
  );

  it(
    'refuses a mode it does not know, naming the place in the file',
    async () => {
      const f = await fixture({
        ...rimsOffer,
        selections: [rimsOffer.selections[0], { ...rimsOffer.selections[1], mode: 'ohne' }],
      });
      const result = await run(f);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/selections\[1\]\.mode|selections\.1\.mode/);
      expect(result.stderr).toContain('add, remove');
    },
    SLOW,
  );
});
