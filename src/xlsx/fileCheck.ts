import { getHeapStatistics } from 'node:v8';
import { open, type FileHandle } from 'node:fs/promises';
import { openErrorCode, XlsxError } from './xlsxErrors';
import { readZipDirectory, type ZipEntry } from './zipDirectory';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An OLE compound file: a legacy .xls, and also every password-protected .xlsx (an encrypted package inside). */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const HEAD_BYTES = 4096;
/** How far into a compound file its directory (which names the encrypted stream) is looked for. */
const OLE_SCAN_BYTES = 64 * 1024 * 1024;

export interface CheckedFile {
  size: number;
  entries: ZipEntry[];
}

const readHead = async (handle: FileHandle, length: number): Promise<Buffer> => {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
};

/** Text a program could have written as CSV: no zero bytes, almost only printable characters and line breaks. */
const looksLikeText = (head: Buffer): boolean => {
  if (head.length === 0 || head.includes(0)) return false;
  let printable = 0;
  for (const byte of head) if (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) printable++;
  return printable >= head.length * 0.98;
};

const compoundFileKind = async (handle: FileHandle, size: number): Promise<'encrypted' | 'xlsFile'> => {
  const content = await readHead(handle, Math.min(size, OLE_SCAN_BYTES));
  return content.includes(ENCRYPTED_STREAM) ? 'encrypted' : 'xlsFile';
};

/** What the file is when it is no readable .xlsx: each kind has its own message saying what to do. */
async function checkKind(handle: FileHandle, size: number, path: string): Promise<ZipEntry[]> {
  const head = await readHead(handle, HEAD_BYTES);
  if (head.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC))
    throw new XlsxError(await compoundFileKind(handle, size), path);
  if (!head.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC))
    throw new XlsxError(looksLikeText(head) ? 'csvFile' : 'notXlsx', path);
  // an OpenDocument file stores its mimetype first and uncompressed
  if (head.toString('latin1', 30, 38) === 'mimetype' && head.includes(ODS_MIMETYPE))
    throw new XlsxError('odsFile', path);
  const entries = await readZipDirectory(handle, size);
  if (entries === null) throw new XlsxError('truncated', path);
  if (entries.length > 0 && !entries.some((entry) => entry.name === 'xl/workbook.xml'))
    throw new XlsxError('notXlsx', path);
  return entries;
}

/** Opens the file once to tell a workbook from everything people pass instead; returns its size and zip entries. */
export async function checkWorkbookFile(path: string): Promise<CheckedFile> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    return { size, entries: await checkKind(handle, size, path) };
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(openErrorCode(error), path, { cause: error });
  } finally {
    await handle?.close();
  }
}

/**
 * Heap needed per byte of sheet XML, for the cells read, the records parsed from them and the outputs: measured on
 * the synthetic workbooks of the benchmark (bench/README.md, "Memory of the command line"), with room to spare.
 */
export const HEAP_PER_XML_BYTE = 2.5;
const MB = 1024 * 1024;

const isSheetData = (entry: ZipEntry): boolean =>
  /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name) || entry.name === 'xl/sharedStrings.xml';

/**
 * Refuses a workbook whose sheets need more memory than this process may use, before reading it: running out of
 * heap halfway ends Node with its native stack and no word on what to do.
 */
export function checkMemory(
  path: string,
  entries: readonly ZipEntry[],
  heapLimit = getHeapStatistics().heap_size_limit,
): void {
  const xml = entries.filter(isSheetData).reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const needed = xml * HEAP_PER_XML_BYTE;
  if (needed <= heapLimit) return;
  const suggested = Math.ceil(needed / MB / 1024) * 1024;
  throw new XlsxError('tooLarge', path, {
    // the suggestion goes into an option as it is: text, not a number formatted for reading
    params: {
      needed: Math.ceil(needed / MB),
      limit: Math.floor(heapLimit / MB),
      suggested: String(suggested),
    },
  });
}
