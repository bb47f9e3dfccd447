import { fail, ok, type Result } from '../core/kernel/result';
import { XlsxError } from '../xlsx/xlsxErrors';
import { XlsxWorkbook } from '../xlsx/xlsxWorkbook';
import { failure, type Failure } from './cliIo';
import type { Translator } from '../i18n/i18n';

/** Opens the input workbook; a file the user can fix (missing, not .xlsx, locked) becomes a message, a bug is rethrown. */
export const openWorkbook = async (
  file: string,
  texts: Translator,
): Promise<Result<XlsxWorkbook, Failure>> => {
  try {
    return ok(await XlsxWorkbook.open(file));
  } catch (error) {
    if (error instanceof XlsxError)
      return fail(failure(1, texts.t(error.code, { ...error.params, path: file })));
    throw error;
  }
};

export const writeErrorLine = (error: unknown, file: string, texts: Translator): string =>
  texts.t(error instanceof XlsxError ? error.code : 'writeFailed', { path: file });
