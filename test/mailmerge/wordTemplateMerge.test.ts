import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { TEMPLATE_FILES, TEMPLATE_TEXTS } from '../../src/templates/templateTexts';
import { ROOT, buildCli, runCli, tempDir } from '../cli/cliHarness';

/**
 * A real mail-merge client proves the letter: LibreOffice Writer merges the shipped Word template with the CSV that
 * `npm run demo` writes (mergeLetters.py, one LibreOffice start), and every merged letter is compared with its CSV row.
 * npm test installs or demands LibreOffice Writer and python3-uno first (scripts/check-system.ts); here a missing
 * part fails with the command to run, never a skip.
 */

const PYTHON = '/usr/bin/python3';
const TEMPLATE = path.join(ROOT, 'templates', TEMPLATE_FILES.de.letter);
const TEXTS = TEMPLATE_TEXTS.de;
const ADDRESS = ['Anschrift1', 'Anschrift2', 'Anschrift3', 'Anschrift4', 'Anschrift5', 'Anschrift6'];
const SLOW = 300_000;

/** The arguments of `npm run demo`, with its output files moved into `dir` (and --json for the counts). */
const demoArguments = async (dir: string): Promise<{ args: string[]; csv: string; out: string }> => {
  const scripts = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')).scripts;
  const command: string = scripts.demo.split('&&').pop().trim();
  const args = command.replace(/^node bin\/kampagne\.js /, '').split(/\s+/);
  const csv = path.join(dir, 'zielgruppe.csv');
  const out = path.join(dir, 'Beispiel-Kampagne.xlsx');
  const moved = args.map((arg, i) => (args[i - 1] === '--csv' ? csv : args[i - 1] === '--out' ? out : arg));
  return { args: [...moved, '--json'], csv, out };
};

interface Merged {
  columns: Record<string, string>;
  paragraphs: string[];
  seconds: { start: number; merge: number; total: number };
}

const mergeWithLibreOffice = (csv: string, workdir: string): Promise<Merged> =>
  new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      [path.join(__dirname, 'mergeLetters.py'), TEMPLATE, csv, workdir],
      { timeout: 240_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(
              `LibreOffice mail merge failed (${error.message}); needs: apt-get install -y --no-install-recommends libreoffice-writer libreoffice-base python3-uno\n${stderr}`,
            ),
          );
        else resolve(JSON.parse(stdout) as Merged);
      },
    );
  });

/** The merged document's paragraphs cut into letters: each starts with the return address above the window. */
const lettersOf = (paragraphs: string[]): string[][] => {
  const starts = paragraphs.flatMap((text, i) => (text === TEXTS.returnAddress ? [i] : []));
  return starts.map((start, n) => {
    const letter = paragraphs.slice(start, starts[n + 1] ?? paragraphs.length);
    while (letter.at(-1) === '') letter.pop();
    return letter;
  });
};

/** The letter as the template and the row say it must print. Writer drops the paragraph of an empty field. */
const expectedLetter = (row: Record<string, string>): Array<string | RegExp> => [
  TEXTS.returnAddress,
  ...ADDRESS.map((column) => row[column]).filter((line) => line !== ''),
  new RegExp(`^${TEXTS.place}, \\d{2}\\.\\d{2}\\.\\d{4}$`),
  TEXTS.subject,
  row.Briefanrede,
  ...TEXTS.body,
  TEXTS.closing,
  '',
  ...TEXTS.signature,
];

describe('the Word letter template merged with the demo CSV by LibreOffice Writer', () => {
  let rows: Record<string, string>[];
  let merged: Merged;
  let letters: string[][];
  let summary: { contacted: number; targetSheet: string };
  let out: string;

  beforeAll(async () => {
    const dir = await tempDir();
    buildCli();
    const demo = await demoArguments(dir);
    const run = await runCli(demo.args);
    if (run.code !== 0) throw new Error(`npm run demo failed: ${run.stderr}`);
    summary = JSON.parse(run.stdout);
    out = demo.out;
    const text = (await fs.readFile(demo.csv, 'utf8')).replace(/^\uFEFF/, '');
    rows = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', newline: '\r\n' }).data;
    merged = await mergeWithLibreOffice(demo.csv, path.join(dir, 'libreoffice'));
    letters = lettersOf(merged.paragraphs);
  }, SLOW);

  it('merges one letter per member of the CSV, nobody twice, nobody missing', () => {
    expect(rows.length).toBe(summary.contacted);
    // a real letter run: the demo's contacted members (fewer since the sample protects a running control group)
    expect(rows.length).toBeGreaterThan(30);
    expect(letters).toHaveLength(rows.length);
  });

  it('prints every letter exactly as its CSV row says: address lines, Briefanrede, the template text', () => {
    letters.forEach((letter, i) => {
      const expected = expectedLetter(rows[i]);
      expect(letter).toHaveLength(expected.length);
      letter.forEach((paragraph, n) => {
        const want = expected[n];
        if (want instanceof RegExp) expect(paragraph).toMatch(want);
        else expect(paragraph).toBe(want);
      });
    });
  });

  it('keeps the leading zeros of postal codes: the flat driver read the quoted columns as text', () => {
    expect(merged.columns).toMatchObject({
      PLZ: 'VARCHAR',
      KundenNr: 'VARCHAR',
      KontaktNr: 'VARCHAR',
      Telefon: 'VARCHAR',
    });
    const zeroRows = rows.filter((row) => row.PLZ.startsWith('0'));
    expect(zeroRows.length).toBeGreaterThan(5);
    const text = merged.paragraphs.join('\n');
    for (const row of zeroRows) expect(text).toContain(`\n${row.PLZ} ${row.Ort}\n`);
  });

  it('keeps umlauts and ß in names, streets and towns', () => {
    const withUmlauts = rows.flatMap((row, i) =>
      [...ADDRESS, 'Briefanrede'].flatMap((column) =>
        /[äöüÄÖÜß]/.test(row[column]) ? [[i, row[column]] as const] : [],
      ),
    );
    expect(
      new Set(withUmlauts.flatMap(([, text]) => text.match(/[äöüÄÖÜß]/g) ?? [])).size,
    ).toBeGreaterThanOrEqual(4);
    for (const [i, text] of withUmlauts) expect(letters[i]).toContain(text);
  });

  it('ends a foreign letter with the country in capitals, a domestic one without a country line', () => {
    const lastLine = (row: Record<string, string>): string =>
      ADDRESS.map((column) => row[column])
        .filter((line) => line !== '')
        .at(-1) ?? '';
    rows.forEach((row, i) => {
      const domestic = ['', 'DE', 'Deutschland'].includes(row.Land);
      const last = lastLine(row);
      if (domestic) expect(last).toBe(`${row.PLZ} ${row.Ort}`);
      else expect(last).toMatch(/^[A-ZÄÖÜ ]+$/);
      expect(letters[i]).toContain(last);
    });
    expect(rows.some((row) => !['', 'DE', 'Deutschland'].includes(row.Land))).toBe(true);
  });

  it('leaves no merge field unresolved', () => {
    const text = merged.paragraphs.join('\n');
    expect(text).not.toMatch(/[«»]|MERGEFIELD|<(Anschrift\d|Briefanrede)>/);
  });

  it("writes the target sheet the way Word's Excel connection reads it: one header row at A1, the CSV's columns", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets.find(
      (ws) => ws.getTable?.(ws.name) || ws.name.startsWith('Sonderangebote'),
    );
    if (!sheet) throw new Error('no target sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.filter((cell) => cell !== 'Gruppe')).toEqual(Object.keys(rows[0]));
    expect(sheet.getCell('A1').value).toBe('KontaktNr');
  });
});
