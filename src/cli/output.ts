import { describeProblem } from '../core/kernel/problemMessages';
import type { Problem } from '../core/kernel/problems';
import { failure, type CliIo, type ExitCode, type Failure } from './cliIo';
import type { Translator } from '../i18n/i18n';

/** A failure goes to stderr as one clear line; with --json the same also as one JSON object on stdout for scripts. */
export const printFailure = (failed: Failure, io: CliIo, json: boolean): ExitCode => {
  failed.lines.forEach((line) => io.err(line));
  if (json) io.out(JSON.stringify({ ok: false, exitCode: failed.exitCode, error: failed.lines[0] }));
  return failed.exitCode;
};

/**
 * The first error the core reported, in one line with its context, and how many more there are; then the warnings
 * that explain it (a sheet not read for want of a header row), one line each.
 */
export const problemFailure = (
  problems: Problem[],
  texts: Translator,
  line: (problem: string) => string,
): Failure => {
  const errors = problems.filter((p) => p.severity === 'error');
  const shown = errors.length > 0 ? errors : problems;
  const more = shown.length > 1 ? ` ${texts.t('moreErrors', { count: shown.length - 1 })}` : '';
  const reasons = errors.length > 0 ? problems.filter((p) => p.severity !== 'error') : [];
  return failure(
    1,
    line(describeProblem(shown[0], texts.language)) + more,
    ...reasons.map((p) => `  ${describeProblem(p, texts.language)}`),
  );
};
