import type { ProblemCode } from '../kernel/problems';

/** A host failure, mapped once at the adapter boundary; the original error is kept as `cause`. */
export class WorkbookError extends Error {
  constructor(
    readonly code: Extract<ProblemCode, 'sheetNotFound' | 'hostTimeout' | 'payloadTooLarge' | 'hostError'>,
    readonly sheet?: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}${sheet ? ` (${sheet})` : ''}`, options);
    this.name = 'WorkbookError';
  }
}
