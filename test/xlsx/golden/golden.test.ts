import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { readAddinState } from '../../../src/core/run/campaignRun';
import { LEAD_HEADERS } from '../../../src/core/outputs/leadsSheet';
import { HISTORY_SHEET } from '../../../src/core/workbook/sheetNames';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { parseRelationships, parseSheets } from '../../../src/xlsx/patch/packageParts';
import { relsPartOf, sheetPartOf, sheetTables } from '../../../src/xlsx/patch/packageIndex';
import { XlsxWorkbook } from '../../../src/xlsx/xlsxWorkbook';
import { buildCli, runCli, tempDir } from '../../cli/cliHarness';

/**
 * The golden workbook (scripts/generate-golden-workbook.ts: a chart, a pivot table, defined names, comments, data
 * validation, conditional formatting, a protected sheet, a formula column) goes through `kampagne run --leads`
 * twice. Between the runs LibreOffice Calc does what a sales team does to the Leads sheet (calc.py edit-leads).
 * Every part of the package the tool does not own is byte-for-byte what it was, and every edit is still there.
 */

const GOLDEN = path.join(__dirname, 'Vertrieb.xlsx');
const CALC = path.join(__dirname, 'calc.py');
const SLOW = 300_000;
const DE = LEAD_HEADERS.de;
const CAMPAIGN = { name: 'Frühjahrsmailing', type: 'email', selections: [{ from: 'contacts' }] };

type Parts = Map<string, Buffer>;

const partsOf = async (file: string): Promise<Parts> => {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parts: Parts = new Map();
  for (const entry of Object.values(zip.files))
    if (!entry.dir) parts.set(entry.name, await entry.async('nodebuffer'));
  return parts;
};

/** The parts of the add-in's own sheets in a package: each sheet's part, its relationships and its tables. */
const ownSheetParts = async (file: string, names: string[]): Promise<Set<string>> => {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const relationships = parseRelationships(
    await zip.file('xl/_rels/workbook.xml.rels')!.async('string'),
    'xl',
  );
  const parts = new Set<string>();
  for (const entry of parseSheets(workbookXml)) {
    if (!names.some((name) => name.toLowerCase() === entry.name.toLowerCase())) continue;
    const part = sheetPartOf(entry, relationships);
    parts.add(part).add(relsPartOf(part));
    for (const table of await sheetTables(zip, part)) parts.add(table.part);
  }
  return parts;
};

/** workbook.xml without the `<sheet/>` elements of the add-in's sheets, which it may add or mark very hidden. */
const workbookWithout = (xml: string, names: string[]): string =>
  xml.replace(/<sheet\b[^>]*\/>/g, (element) =>
    names.some((name) => element.includes(`name="${name}"`)) ? '' : element,
  );

/** cellXfs may only grow: the formats of every existing cell keep their index. */
const cellXfs = (styles: Buffer): string[] =>
  (/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles.toString('utf8'))?.[1] ?? '').match(
    /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g,
  ) ?? [];

/** The parts a run may change: the add-in's sheets, and the package's lists of sheets, parts and formats. */
const SHARED = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];

const expectUntouchedExcept = async (
  input: string,
  output: string,
  ownSheets: string[],
): Promise<string[]> => {
  const before = await partsOf(input);
  const after = await partsOf(output);
  const owned = new Set([
    ...(await ownSheetParts(input, ownSheets)),
    ...(await ownSheetParts(output, ownSheets)),
  ]);
  const changed = [...before.keys()].filter((part) => !after.get(part)?.equals(before.get(part)!));
  const foreign = changed.filter((part) => !owned.has(part) && !SHARED.includes(part));
  expect(foreign).toEqual([]);
  const workbook = (parts: Parts) =>
    workbookWithout(parts.get('xl/workbook.xml')!.toString('utf8'), ownSheets);
  expect(workbook(after).replace(/<\/sheets>[\s\S]*$/, '')).toBe(
    workbook(before).replace(/<\/sheets>[\s\S]*$/, ''),
  );
  const oldXfs = cellXfs(before.get('xl/styles.xml')!);
  expect(cellXfs(after.get('xl/styles.xml')!).slice(0, oldXfs.length)).toEqual(oldXfs);
  return changed;
};

const run = async (dir: string, input: string, output: string) => {
  const campaign = path.join(dir, 'fruehjahr.json');
  await fs.writeFile(campaign, JSON.stringify(CAMPAIGN));
  const result = await runCli([
    'run',
    '--workbook',
    input,
    '--campaign',
    campaign,
    '--out',
    output,
    '--leads',
    '--json',
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

/** The sheets a run writes: its own, and the contact history it appends every use to. */
const ownSheetNames = async (file: string): Promise<string[]> => {
  const state = await readAddinState(await XlsxWorkbook.open(file));
  if (!state.ok) throw new Error('no state');
  return [...state.value.ownedSheets, 'KampagnenDaten', HISTORY_SHEET.de];
};

const cellOf = (sheet: SheetTable, lastName: string, header: string): CellValue => {
  const headerIndex = sheet.rows.findIndex((row) => row.includes(DE.leadId));
  const headers = sheet.rows[headerIndex];
  const row = sheet.rows.find((r) => r[headers.indexOf(DE.lastName)] === lastName);
  if (!row) throw new Error(`no lead of ${lastName}`);
  return row[headers.indexOf(header)] ?? null;
};

const sheetXml = async (file: string, name: string): Promise<string> => {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const relationships = parseRelationships(
    await zip.file('xl/_rels/workbook.xml.rels')!.async('string'),
    'xl',
  );
  const entry = parseSheets(workbookXml).find((sheet) => sheet.name === name)!;
  return zip.file(sheetPartOf(entry, relationships))!.async('string');
};

beforeAll(buildCli, SLOW);

describe('kampagne run --leads twice on the golden workbook', () => {
  let dir: string;
  let edited: string;
  let second: string;
  let firstSummary: { leads: Record<string, unknown> };
  let secondSummary: { leads: Record<string, unknown> };

  beforeAll(async () => {
    dir = await tempDir();
    const input = path.join(dir, 'Vertrieb.xlsx');
    await fs.copyFile(GOLDEN, input);
    const first = path.join(dir, 'lauf1.xlsx');
    firstSummary = await run(dir, input, first);
    edited = path.join(dir, 'bearbeitet.xlsx');
    execFileSync('/usr/bin/python3', [CALC, 'edit-leads', first, edited], { stdio: 'pipe' });
    second = path.join(dir, 'lauf2.xlsx');
    secondSummary = await run(dir, edited, second);
  }, SLOW);

  it('leaves every part of the workbook it does not own as it was on the first run', async () => {
    expect(firstSummary.leads).toMatchObject({ sheet: 'Leads', created: 40 });
    const changed = await expectUntouchedExcept(
      path.join(dir, 'Vertrieb.xlsx'),
      path.join(dir, 'lauf1.xlsx'),
      await ownSheetNames(path.join(dir, 'lauf1.xlsx')),
    );
    // the chart, the pivot table, the comments and the user's sheets are among the untouched parts
    expect(changed.filter((part) => /charts|pivot|comments|drawings/.test(part))).toEqual([]);
  });

  it('on the second run changes only the sheets it owns — the Leads sheet only in its cells', async () => {
    const changed = await expectUntouchedExcept(edited, second, await ownSheetNames(second));
    expect(changed.filter((part) => /charts|pivot|comments|drawings|vml/.test(part))).toEqual([]);
  });

  it('keeps the renamed Leads sheet with every edit of the sales team', async () => {
    const workbook = await XlsxWorkbook.open(second);
    expect((await workbook.listSheets()).map((sheet) => sheet.name)).not.toContain('Leads');
    const leads = await workbook.readSheet('Leads Vertrieb');
    expect(leads.rows[0][0]).toBe('Leads Vertrieb – Frühjahr');
    expect(cellOf(leads, 'Muster 1', DE.status)).toBe('Kontaktiert');
    expect(cellOf(leads, 'Muster 1', 'Region')).toBe('Nord');
    expect(cellOf(leads, 'Muster 2', DE.note)).toBe('Angebot am Montag geschickt');
    expect(cellOf(leads, 'Muster 4', DE.email)).toBe('privat.muster4@example.de');
    expect(() => cellOf(leads, 'Muster 5', DE.status)).toThrow();
    const xml = await sheetXml(second, 'Leads Vertrieb');
    const before = await sheetXml(edited, 'Leads Vertrieb');
    const formulas = (text: string) => text.match(/<f[\s>][^<]*<\/f>/g) ?? [];
    expect(formulas(xml)).toEqual(formulas(before));
    expect(formulas(xml).length).toBeGreaterThan(30);
    const validations = (text: string) => text.match(/<dataValidation\b[^>]*>/g) ?? [];
    expect(validations(xml).length).toBe(validations(before).length);
    expect(validations(xml).length).toBeGreaterThan(0);
    expect(xml).toContain('<legacyDrawing');
    // the coloured row keeps its style on every cell
    const styleOf = (text: string, ref: string) => new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(text)?.[1];
    const row = leads.startRow! + leads.rows.findIndex((r) => r.includes('Muster 3'));
    expect(styleOf(xml, `A${row}`)).toBe(styleOf(before, `A${row}`));
  });

  it('brings in the source’s changes where nobody touched a field, and says what it kept and skipped', async () => {
    const leads = await (await XlsxWorkbook.open(second)).readSheet('Leads Vertrieb');
    expect(cellOf(leads, 'Muster-Neu 6', DE.status)).toBe('Neu');
    expect(cellOf(leads, 'Muster 901', DE.status)).toBe('Neu');
    expect(cellOf(leads, 'Muster 902', DE.email)).toBe('muster902@example.de');
    expect(secondSummary.leads).toMatchObject({
      sheet: 'Leads Vertrieb',
      created: 2,
      updated: 1,
      keptByHand: 1,
      deleted: 1,
      conflicts: [expect.objectContaining({ field: 'email' })],
    });
  });

  it(
    'writes a file LibreOffice opens, with the appended leads inside the table',
    async () => {
      const zip = await JSZip.loadAsync(await fs.readFile(second));
      const relationships = parseRelationships(
        await zip.file('xl/_rels/workbook.xml.rels')!.async('string'),
        'xl',
      );
      const entry = parseSheets(await zip.file('xl/workbook.xml')!.async('string')).find(
        (sheet) => sheet.name === 'Leads Vertrieb',
      )!;
      const [table] = await sheetTables(zip, sheetPartOf(entry, relationships));
      const leads = await (await XlsxWorkbook.open(second)).readSheet('Leads Vertrieb');
      const lastRow = leads.startRow! + leads.rows.length - 1;
      expect(table.ref).toMatch(new RegExp(`:[A-Z]+${lastRow}$`));
      const out = path.join(dir, 'csv');
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1',
          '--outdir',
          out,
          second,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const csv = (await fs.readdir(out)).find((name) => name.includes('Leads Vertrieb'))!;
      expect(await fs.readFile(path.join(out, csv), 'utf8')).toContain('muster902@example.de');
    },
    SLOW,
  );
});
