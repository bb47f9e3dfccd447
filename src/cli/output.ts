import type { CliIo, ExitCode, Failure } from './cliIo';

/** A failure goes to stderr as one clear line; with --json the same also as one JSON object on stdout for scripts. */
export const printFailure = (failed: Failure, io: CliIo, json: boolean): ExitCode => {
  failed.lines.forEach((line) => io.err(line));
  if (json) io.out(JSON.stringify({ ok: false, exitCode: failed.exitCode, error: failed.lines[0] }));
  return failed.exitCode;
};
