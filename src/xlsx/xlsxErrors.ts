/** Why a workbook file could not be opened or saved; the CLI turns the code into a message in the user's language. */
export type XlsxErrorCode = 'fileNotFound' | 'notXlsx' | 'fileLocked' | 'writeFailed';

/** A file-level failure of the .xlsx adapter, with the path it concerns; the original error is kept as `cause`. */
export class XlsxError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${path}`, options);
    this.name = 'XlsxError';
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
