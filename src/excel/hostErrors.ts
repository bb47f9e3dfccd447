import { WorkbookError } from '../core/workbook/workbookError';

/** Office's error codes for a batch over the 5 MB request or response limit (Excel on the web). */
const PAYLOAD_ERROR_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined;

export const isPayloadError = (error: unknown): boolean => PAYLOAD_ERROR_CODES.has(codeOf(error) ?? '');

/** Maps any Office error once into the port's error, keeping the original as `cause`. */
export function toWorkbookError(error: unknown, sheet?: string): WorkbookError {
  if (error instanceof WorkbookError) return error;
  if (isPayloadError(error)) return new WorkbookError('payloadTooLarge', sheet, { cause: error });
  if (codeOf(error) === 'ItemNotFound') return new WorkbookError('sheetNotFound', sheet, { cause: error });
  return new WorkbookError('hostError', sheet, { cause: error });
}

/**
 * context.sync() on Excel on the web can hang without ever settling; after `timeoutMs` the caller gets
 * WorkbookError('hostTimeout') instead of a task pane that waits forever.
 */
export async function syncWithTimeout(context: Excel.RequestContext, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WorkbookError('hostTimeout')), timeoutMs);
  });
  try {
    await Promise.race([context.sync(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
