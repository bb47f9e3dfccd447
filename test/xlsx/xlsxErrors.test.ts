import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type StreamSheets, XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';
import { XlsxError, openErrorCode } from '../../src/xlsx/xlsxErrors';
import { useTempDir, writeWorkbook, zipOf } from './xlsxFixtures';

const tempDir = useTempDir();

/** The first bytes of every legacy .xls (an OLE compound file), also of password-protected .xlsx files. */
const OLE_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

const notWorkbooks: [string, string | Buffer][] = [
  ['Kontakte.csv', 'Name;PLZ\r\nJörg Müller;01067\r\n'],
  ['Alt.xls', OLE_HEADER],
  ['Archiv.xlsx', zipOf({ 'readme.txt': 'kein Arbeitsblatt' })],
  ['Leer.xlsx', ''],
];
const modes: StreamSheets[] = ['never', 'always'];

describe('XlsxWorkbook.open with files that cannot be read', () => {
  it.each(modes)(
    'reports a missing file as fileNotFound with its path (streamSheets: %s)',
    async (streamSheets) => {
      const path = join(tempDir(), 'gibt-es-nicht.xlsx');

      await expect(XlsxWorkbook.open(path, { streamSheets })).rejects.toMatchObject({
        name: 'XlsxError',
        code: 'fileNotFound',
        path,
      });
    },
  );

  describe.each(modes)('streamSheets: %s', (streamSheets) => {
    it('reports a truncated workbook (an interrupted download) as notXlsx', async () => {
      const complete = await writeWorkbook(tempDir(), (workbook) =>
        workbook.addWorksheet('Kontakte').addRow(['Name', 'PLZ']),
      );
      const path = join(tempDir(), `${streamSheets}-abgebrochen.xlsx`);
      await writeFile(path, (await readFile(complete)).subarray(0, 3000));

      await expect(XlsxWorkbook.open(path, { streamSheets })).rejects.toMatchObject({
        code: 'notXlsx',
        path,
      });
    });

    it.each(notWorkbooks)('reports %s as notXlsx', async (name, content) => {
      const path = join(tempDir(), `${streamSheets}-${name}`);
      await writeFile(path, content);

      const error = await XlsxWorkbook.open(path, { streamSheets }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(XlsxError);
      expect(error).toMatchObject({ code: 'notXlsx', path });
    });
  });
});

describe('openErrorCode', () => {
  it.each([
    ['ENOENT', 'fileNotFound'],
    ['ENOTDIR', 'fileNotFound'],
    ['EBUSY', 'fileLocked'],
    ['EACCES', 'fileLocked'],
    ['EPERM', 'fileLocked'],
    ['EISDIR', 'notXlsx'],
  ])('maps %s to %s', (errno, code) => {
    expect(openErrorCode(Object.assign(new Error(errno), { code: errno }))).toBe(code);
  });
});
