import type { Language } from '../../core/kernel/language';
import type { Problem } from '../../core/kernel/problems';
import { describeProblem } from '../../core/kernel/problemMessages';
import { WorkbookError } from '../../core/workbook/workbookError';

/**
 * A thrown failure as a problem the user can read: a host failure keeps its own code ("Excel antwortet nicht"),
 * anything else is reported as Excel's error with its text.
 */
export const problemOf = (error: unknown): Problem =>
  error instanceof WorkbookError
    ? { code: error.code, severity: 'error', sheet: error.sheet }
    : {
        code: 'hostError',
        severity: 'error',
        detail: error instanceof Error ? error.message : String(error),
      };

/** The core's texts for the problems, in the pane's language, as one message. */
export const problemsText = (problems: readonly Problem[], language: Language): string =>
  problems.map((problem) => describeProblem(problem, language)).join(' ');

/** What the user reads when async work failed. */
export const failureText = (error: unknown, language: Language): string =>
  problemsText([problemOf(error)], language);
