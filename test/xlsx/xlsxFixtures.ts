import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';

/** A fresh temp folder per test file, removed afterwards. */
export const useTempDir = (): (() => string) => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kampagnen-xlsx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
};

let fileCounter = 0;

/** Builds a workbook with exceljs (as a user's Excel file would be) and writes it to `dir`. */
export const writeWorkbook = async (
  dir: string,
  build: (workbook: ExcelJS.Workbook) => void,
): Promise<string> => {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const path = join(dir, `input-${++fileCounter}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
};

/** Reads a file back with a fresh exceljs workbook: independent of the adapter under test. */
export const readBack = async (path: string): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
};

export const outputPath = (dir: string, name = 'out'): string => join(dir, `${name}-${++fileCounter}.xlsx`);

/** A minimal zip archive (stored, no compression) holding the given files: a zip that is not a workbook. */
export const zipOf = (files: Record<string, string>): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const fileName = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;

const sharedStringSheet = (rows: number[][]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((index, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>${index}</v></c>`).join('')}</row>`,
    )
    .join('')}</sheetData></worksheet>`;

/**
 * A workbook as other writers (openpyxl, hence pandas) store it: sheet parts before workbook.xml and the shared
 * strings, absolute relationship targets, sheet ids unlike the part numbers, tab order unlike the part order.
 */
export const foreignWorkbookZip = (): Buffer =>
  zipOf({
    'xl/worksheets/sheet1.xml': sharedStringSheet([
      [0, 1],
      [2, 3],
    ]),
    'xl/worksheets/sheet2.xml': sharedStringSheet([[4], [5]]),
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${['Name', 'PLZ', 'Jörg Müller', '01067', 'Kundennr', 'K-100'].map((text) => `<si><t>${text}</t></si>`).join('')}</sst>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Kunden" sheetId="7" r:id="rId2"/><sheet name="Kontakte" sheetId="3" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WORKSHEET_REL}" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${WORKSHEET_REL}" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  });
