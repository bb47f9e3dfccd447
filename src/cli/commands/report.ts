import { localDay } from '../../core/kernel/values';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../core/kernel/language';
import { readAddinState, saveAddinState } from '../../core/run/campaignRun';
import {
  evaluateWorkbook,
  writeEvaluationSheets,
  type EvaluationReport,
  type EvaluationSheets,
} from '../../core/run/evaluationRun';
import { describeProblem } from '../../core/kernel/problemMessages';
import type { Problem } from '../../core/kernel/problems';
import { fail, ok, type Result } from '../../core/kernel/result';
import { failure, type CommandContext, type ExitCode, type Failure } from '../cliIo';
import { isSameFile } from '../files';
import type { Translator } from '../../i18n/i18n';
import { printFailure, problemFailure } from '../output';
import { reportJson, reportLines } from '../evaluationPrintout';
import { problemCount, problemLines } from '../summary';
import { openWorkbook, writeErrorLine } from '../workbookFile';
import type { XlsxWorkbook } from '../../xlsx/xlsxWorkbook';

export interface ReportOptions {
  workbook: string;
  /** Name of a campaign stored in the workbook: printed alone; the comparison by type still takes all. */
  campaign?: string;
  /** A new workbook with the Auswertung sheets; the input is never modified. */
  out?: string;
  language: Language;
  json: boolean;
}

const evaluate = async (
  options: ReportOptions,
  { io, texts }: CommandContext,
): Promise<Result<{ port: XlsxWorkbook; report: EvaluationReport }, Failure>> => {
  const port = await openWorkbook(options.workbook, texts);
  if (!port.ok) return port;
  const report = await evaluateWorkbook(port.value, {
    today: localDay(io.now()),
    campaign: options.campaign,
    language: options.language,
  });
  if (!report.ok)
    return fail(
      problemFailure(report.error, texts, (problem) =>
        texts.t('reportFailed', { path: options.workbook, problem }),
      ),
    );
  if (report.value.evaluations.length === 0)
    return fail(failure(1, texts.t('reportNoCampaigns', { path: options.workbook })));
  return ok({ port: port.value, report: report.value });
};

/** The Auswertung sheets into a copy of the workbook: --out, never the input. */
const writeOut = async (
  out: string,
  port: XlsxWorkbook,
  report: EvaluationReport,
  { texts, temporaries }: CommandContext,
): Promise<Result<EvaluationSheets, Failure>> => {
  const state = await readAddinState(port);
  const written = state.ok ? await writeEvaluationSheets(port, state.value, report, texts.language) : state;
  if (!written.ok)
    return fail(
      problemFailure(written.error, texts, (problem) => texts.t('reportFailed', { path: out, problem })),
    );
  try {
    await saveAddinState(port, written.value.state);
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await port.saveAs(out, temporaries);
  } catch (error) {
    return fail(failure(1, writeErrorLine(error, out, texts)));
  }
  return ok(written.value);
};

const problemsJson = (problems: Problem[], texts: Translator) => ({
  count: problemCount(problems),
  items: problems.map((p) => ({ ...p, message: describeProblem(p, texts.language) })),
});

export const reportCommand = async (options: ReportOptions, context: CommandContext): Promise<ExitCode> => {
  const { io, texts } = context;
  if (options.out && (await isSameFile(options.out, options.workbook)))
    return printFailure(
      failure(2, texts.t('usageOutIsInput', { path: options.out }), texts.t('usageHint')),
      io,
      options.json,
    );
  const evaluated = await evaluate(options, context);
  if (!evaluated.ok) return printFailure(evaluated.error, io, options.json);
  const { port, report } = evaluated.value;
  const written = options.out ? await writeOut(options.out, port, report, context) : ok(null);
  if (!written.ok) return printFailure(written.error, io, options.json);
  const sheets = written.value;
  if (options.json) {
    const { problems, ...rest } = reportJson(report, texts);
    io.out(
      JSON.stringify({
        ok: true,
        workbook: options.workbook,
        out: options.out ?? null,
        sheets: sheets ? [sheets.sheet, sheets.typeSheet] : [],
        ...rest,
        problems: problemsJson(problems, texts),
      }),
    );
    return 0;
  }
  reportLines(report, texts).forEach((line) => io.out(line));
  if (options.out && sheets)
    io.out(texts.t('reportWritten', { path: options.out, sheet: sheets.sheet, typeSheet: sheets.typeSheet }));
  ['', ...problemLines(report.problems, texts)].forEach((line) => io.out(line));
  return 0;
};
