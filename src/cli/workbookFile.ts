import { fail, ok, type Result } from '../core/kernel/result';
import { XlsxError } from '../xlsx/xlsxErrors';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { failure, type Failure } from './cliIo';
import type { Texts } from './messages';

/** Opens the input workbook; a file the user can fix (missing, not .xlsx, locked) becomes a message, a bug is rethrown. */
export const openWorkbook = async (file: string, texts: Texts): Promise<Result<XlsxWorkbook, Failure>> => {
  try {
    return ok(await XlsxWorkbook.open(file));
  } catch (error) {
    if (error instanceof XlsxError) return fail(failure(1, texts.fileError(error.code, file, error.params)));
    throw error;
  }
};

export const writeErrorLine = (error: unknown, file: string, texts: Texts): string =>
  texts.fileError(error instanceof XlsxError ? error.code : 'writeFailed', file);
