import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type StreamSheets, XlsxWorkbook } from '../../src/xlsx/xlsxWorkbook';
import officeCrypto from 'officecrypto-tool';
import { XlsxError, openErrorCode, type XlsxErrorCode } from '../../src/xlsx/xlsxErrors';
import { useTempDir, writeWorkbook, zipOf } from './xlsxFixtures';

const tempDir = useTempDir();

/** The first bytes of every legacy .xls (an OLE compound file), also of password-protected .xlsx files. */
const OLE_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

const notWorkbooks: [string, string | Buffer, XlsxErrorCode][] = [
  ['Kontakte.xlsx', 'Name;PLZ\r\nJörg Müller;01067\r\n', 'csvFile'],
  ['Alt.xlsx', OLE_HEADER, 'xlsFile'],
  [
    'Tabelle.xlsx',
    zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office/>' }),
    'odsFile',
  ],
  ['Archiv.xlsx', zipOf({ 'readme.txt': 'kein Arbeitsblatt' }), 'notXlsx'],
  ['Leer.xlsx', '', 'notXlsx'],
  ['Bild.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'notXlsx'],
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
    it('reports a truncated workbook (an interrupted download) as truncated', async () => {
      const complete = await writeWorkbook(tempDir(), (workbook) =>
        workbook.addWorksheet('Kontakte').addRow(['Name', 'PLZ']),
      );
      const path = join(tempDir(), `${streamSheets}-abgebrochen.xlsx`);
      await writeFile(path, (await readFile(complete)).subarray(0, 3000));

      await expect(XlsxWorkbook.open(path, { streamSheets })).rejects.toMatchObject({
        code: 'truncated',
        path,
      });
    });

    it('reports a password-protected workbook as encrypted', async () => {
      const plain = await writeWorkbook(tempDir(), (workbook) =>
        workbook.addWorksheet('Kontakte').addRow(['Name', 'PLZ']),
      );
      const path = join(tempDir(), `${streamSheets}-geschuetzt.xlsx`);
      await writeFile(path, officeCrypto.encrypt(await readFile(plain), { password: 'geheim' }));

      await expect(XlsxWorkbook.open(path, { streamSheets })).rejects.toMatchObject({
        code: 'encrypted',
        path,
      });
    });

    it.each(notWorkbooks)('reports %s as %s', async (name, content, code) => {
      const path = join(tempDir(), `${streamSheets}-${name}`);
      await writeFile(path, content);

      const error = await XlsxWorkbook.open(path, { streamSheets }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(XlsxError);
      expect(error).toMatchObject({ code, path });
    });

    it('refuses a workbook whose sheets need more heap than the process may use, naming both', async () => {
      const path = await writeWorkbook(tempDir(), (workbook) => {
        const sheet = workbook.addWorksheet('Umsätze');
        for (let row = 0; row < 2000; row++) sheet.addRow([`K-${row}`, row, 'Artikel mit langem Namen']);
      });
      const error = await XlsxWorkbook.open(path, { streamSheets, heapLimit: 64 * 1024 }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject({ code: 'tooLarge', path, params: { limit: 0 } });
      expect((error as XlsxError).params.needed).toBeGreaterThan(0);
      expect(Number((error as XlsxError).params.suggested) % 1024).toBe(0);
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
