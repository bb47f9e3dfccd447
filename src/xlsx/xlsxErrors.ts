/** Why a workbook file could not be opened or saved; the CLI turns the code into a message in the user's language. */
export type XlsxErrorCode =
  | 'fileNotFound'
  | 'notXlsx'
  | 'fileLocked'
  | 'writeFailed'
  | 'encrypted' // password-protected: Excel stores it as an encrypted package in an OLE file
  | 'xlsFile' // Excel 97–2003
  | 'odsFile' // OpenDocument (LibreOffice, OpenOffice)
  | 'csvFile' // a text file with an Excel name
  | 'truncated' // a zip without its directory: an interrupted download or copy
  | 'tooLarge'; // more sheet data than this process's heap can hold

/** What a message names, e.g. the memory a workbook needs and allowed (numbers), or an option's value (text). */
export type XlsxErrorParams = Record<string, number | string>;

/** A file-level failure of the .xlsx adapter, with the path it concerns; the original error is kept as `cause`. */
export class XlsxError extends Error {
  readonly params: XlsxErrorParams;

  constructor(
    readonly code: XlsxErrorCode,
    readonly path: string,
    options?: { cause?: unknown; params?: XlsxErrorParams },
  ) {
    super(`${code}: ${path}`, options);
    this.name = 'XlsxError';
    this.params = options?.params ?? {};
  }
}

const LOCKED_ERRNO = new Set(['EACCES', 'EPERM', 'EBUSY']);

/** Maps a file-system error from opening `path` to the code a user can act on. */
export const openErrorCode = (error: unknown): XlsxErrorCode => {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (errno === 'ENOENT' || errno === 'ENOTDIR') return 'fileNotFound';
  if (errno && LOCKED_ERRNO.has(errno)) return 'fileLocked';
  return 'notXlsx';
};
