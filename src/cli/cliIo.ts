import type { Language } from '../core/kernel/language';
import type { Translator } from '../i18n/i18n';
import type { TemporaryFiles } from './temporaryFiles';

/** 0 success, 1 an expected failure (file, data, campaign), 2 wrong usage. */
export type ExitCode = 0 | 1 | 2;

/** The outside world of a command, injectable so the whole command line runs in tests as it runs for users. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  now(): Date;
}

export interface CommandContext {
  io: CliIo;
  texts: Translator;
  /** The language chosen with --lang, if any; otherwise the campaign's own language applies to its outputs. */
  explicitLanguage?: Language;
  /** Where the files being written are registered, so that an interrupted run leaves none behind. */
  temporaries: TemporaryFiles;
}

/** An expected failure: the lines to print on stderr and the exit code. */
export interface Failure {
  exitCode: Exclude<ExitCode, 0>;
  lines: string[];
}

export const failure = (exitCode: Exclude<ExitCode, 0>, ...lines: string[]): Failure => ({ exitCode, lines });
