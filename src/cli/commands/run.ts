import { localDay } from '../../core/kernel/values';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CampaignDefinition } from '../../core/campaign/campaign';
import type { Language } from '../../core/kernel/language';
import { validateCampaignDefinition } from '../../core/campaign/campaignDefinition';
import { runCampaign, type CampaignRunResult } from '../../core/run/campaignRun';
import { toCsv, type CsvDelimiter } from '../../core/outputs/csv';
import { fail, ok, type Result } from '../../core/kernel/result';
import { failure, type CommandContext, type ExitCode, type Failure } from '../cliIo';
import { isSameFile, stageFile, type StagedFile } from '../files';
import type { Translator } from '../../i18n/i18n';
import { printFailure, problemFailure } from '../output';
import { runSummaryJson, runSummaryLines } from '../summary';
import { openWorkbook, writeErrorLine } from '../workbookFile';
import type { XlsxWorkbook } from '../../xlsx/xlsxWorkbook';

export interface RunOptions {
  workbook: string;
  campaign: string;
  out: string;
  csv?: string;
  leads: boolean;
  delimiter: CsvDelimiter;
  /** Set by --lang: overrides the campaign's language for its outputs. */
  language?: Language;
  json: boolean;
}

const checkPaths = async (options: RunOptions, texts: Translator): Promise<Failure | null> => {
  if (await isSameFile(options.out, options.workbook))
    return failure(2, texts.t('usageOutIsInput', { path: options.out }), texts.t('usageHint'));
  if (
    options.csv &&
    ((await isSameFile(options.csv, options.workbook)) || (await isSameFile(options.csv, options.out)))
  )
    return failure(2, texts.t('usageCsvIsWorkbook', { path: options.csv }), texts.t('usageHint'));
  return null;
};

const readCampaignFile = async (
  file: string,
  texts: Translator,
): Promise<Result<CampaignDefinition, Failure>> => {
  let content: string;
  try {
    content = await fs.readFile(file, 'utf8');
  } catch (error) {
    const missing = ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
    return fail(failure(1, texts.t(missing ? 'campaignFileNotFound' : 'fileLocked', { path: file })));
  }
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(
      failure(1, texts.t('campaignFileUnreadable', { path: file, detail: (error as Error).message })),
    );
  }
  const definition = validateCampaignDefinition(json);
  if (definition.ok) return definition;
  return fail(
    problemFailure(definition.error, texts, (problem) =>
      texts.t('campaignFileInvalid', { path: file, problem }),
    ),
  );
};

const buildCampaign = async (
  options: RunOptions,
  context: CommandContext,
): Promise<Result<{ port: XlsxWorkbook; result: CampaignRunResult }, Failure>> => {
  const { texts, io } = context;
  const definition = await readCampaignFile(options.campaign, texts);
  if (!definition.ok) return definition;
  const port = await openWorkbook(options.workbook, texts);
  if (!port.ok) return port;
  const now = io.now();
  const run = await runCampaign(port.value, definition.value, {
    today: localDay(now),
    now: now.toISOString(),
    leads: options.leads,
    language: options.language,
  });
  if (!run.ok) {
    const campaign = definition.value.name;
    return fail(
      problemFailure(run.error, texts, (problem) =>
        texts.t('campaignFailed', { campaign, path: options.workbook, problem }),
      ),
    );
  }
  return ok({ port: port.value, result: run.value });
};

/** Nothing is written before everything succeeded in memory; the CSV is staged so both files appear together. */
const writeOutputs = async (
  options: RunOptions,
  port: XlsxWorkbook,
  result: CampaignRunResult,
  texts: Translator,
): Promise<Failure | null> => {
  let csv: StagedFile | null = null;
  const csvLanguage = result.campaign.language ?? texts.language;
  try {
    if (options.csv)
      csv = await stageFile(
        options.csv,
        toCsv(result.exportTable, { delimiter: options.delimiter, language: csvLanguage }),
      );
  } catch {
    return failure(1, texts.t('writeFailed', { path: options.csv ?? '' }));
  }
  try {
    await fs.mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await port.saveAs(options.out);
  } catch (error) {
    await csv?.discard();
    return failure(1, writeErrorLine(error, options.out, texts));
  }
  try {
    await csv?.commit();
  } catch {
    return failure(1, texts.t('writeFailed', { path: options.csv ?? '' }));
  }
  return null;
};

export const runCommand = async (options: RunOptions, context: CommandContext): Promise<ExitCode> => {
  const { io, texts } = context;
  const refused = await checkPaths(options, texts);
  if (refused) return printFailure(refused, io, options.json);
  const built = await buildCampaign(options, context);
  if (!built.ok) return printFailure(built.error, io, options.json);
  const written = await writeOutputs(options, built.value.port, built.value.result, texts);
  if (written) return printFailure(written, io, options.json);
  const files = { workbook: options.workbook, out: options.out, csv: options.csv ?? null };
  if (options.json) io.out(JSON.stringify(runSummaryJson(built.value.result, files, texts)));
  else runSummaryLines(built.value.result, files, texts).forEach((line) => io.out(line));
  return 0;
};
