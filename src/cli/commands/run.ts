import { localDay } from '../../core/kernel/values';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CampaignDefinition } from '../../core/campaign/campaign';
import type { Language } from '../../core/kernel/language';
import { readCampaignDefinition } from '../../core/campaign/campaignDefinition';
import type { Day, SheetRole } from '../../core/kernel/model';
import { runCampaign, type CampaignRunResult } from '../../core/run/campaignRun';
import { csvChunks, type CsvDelimiter } from '../../core/outputs/csv';
import { fail, ok, type Result } from '../../core/kernel/result';
import { failure, type CommandContext, type ExitCode, type Failure } from '../cliIo';
import { isSameFile, stageFile, type StagedFile } from '../files';
import { decodeText } from '../textFile';
import type { Translator } from '../../i18n/i18n';
import { printFailure, problemFailure } from '../output';
import { runSummaryJson, runSummaryLines } from '../summary';
import { openWorkbook, writeErrorLine } from '../workbookFile';
import type { XlsxWorkbook } from '../../xlsx/xlsxWorkbook';

export interface RunOptions {
  workbook: string;
  campaign: string;
  /** Absent only in a dry run. */
  out: string | undefined;
  csv?: string;
  leads: boolean;
  /** The add-in's Leads sheet is gone and the user asks for a new one (--new-leads-sheet). */
  newLeadsSheet?: boolean;
  delimiter: CsvDelimiter;
  /** Set by --lang: overrides the campaign's language for its outputs. */
  language?: Language;
  /** Set by --as-of: the day the run counts as today (inactivity, the start, a selection's latest asOf). */
  asOf?: Day;
  /** Set by --sheet: the sheet that plays a role; remembered in the workbook's state. */
  sheets: Partial<Record<SheetRole, string>>;
  json: boolean;
  /** --refresh: the campaign was used before; print what changed since, then run it (accepting all of it). */
  refresh?: boolean;
  /** --dry-run (with --refresh): print, write nothing. */
  dryRun?: boolean;
}

const checkPaths = async (options: RunOptions, texts: Translator): Promise<Failure | null> => {
  if (options.out !== undefined && (await isSameFile(options.out, options.workbook)))
    return failure(2, texts.t('usageOutIsInput', { path: options.out }), texts.t('usageHint'));
  for (const output of [options.out, options.csv])
    if (output && (await isSameFile(output, options.campaign)))
      return failure(2, texts.t('usageOutputIsCampaign', { path: output }), texts.t('usageHint'));
  if (
    options.csv &&
    ((await isSameFile(options.csv, options.workbook)) ||
      (options.out !== undefined && (await isSameFile(options.csv, options.out))))
  )
    return failure(2, texts.t('usageCsvIsWorkbook', { path: options.csv }), texts.t('usageHint'));
  return null;
};

const readCampaignFile = async (
  file: string,
  today: Day,
  texts: Translator,
): Promise<Result<CampaignDefinition, Failure>> => {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const missing = ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
    return fail(failure(1, texts.t(missing ? 'campaignFileNotFound' : 'fileLocked', { path: file })));
  }
  const definition = readCampaignDefinition(decodeText(bytes), { today });
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
  const now = io.now();
  const today = options.asOf ?? localDay(now);
  const definition = await readCampaignFile(options.campaign, today, texts);
  if (!definition.ok) return definition;
  const port = await openWorkbook(options.workbook, texts);
  if (!port.ok) return port;
  const run = await runCampaign(port.value, definition.value, {
    today,
    now: now.toISOString(),
    leads: options.leads,
    csv: options.csv !== undefined,
    newLeadsSheet: options.newLeadsSheet,
    language: options.language,
    sheets: options.sheets,
    refresh: options.refresh,
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
  options: RunOptions & { out: string },
  port: XlsxWorkbook,
  result: CampaignRunResult,
  { texts, temporaries }: CommandContext,
): Promise<Failure | null> => {
  let csv: StagedFile | null = null;
  const csvLanguage = result.campaign.language ?? texts.language;
  try {
    if (options.csv)
      csv = await stageFile(
        options.csv,
        csvChunks(result.exportTable, { delimiter: options.delimiter, language: csvLanguage }),
        temporaries,
      );
  } catch {
    return failure(1, texts.t('writeFailed', { path: options.csv ?? '' }));
  }
  try {
    await fs.mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await port.saveAs(options.out, temporaries);
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
  if (!options.dryRun && options.out !== undefined) {
    const written = await writeOutputs(
      { ...options, out: options.out },
      built.value.port,
      built.value.result,
      context,
    );
    if (written) return printFailure(written, io, options.json);
  }
  // in a dry run the changes stay in the memory of this process: the workbook's bytes are never touched
  const files = options.dryRun
    ? { workbook: options.workbook, out: null, csv: null, dryRun: true }
    : { workbook: options.workbook, out: options.out ?? null, csv: options.csv ?? null };
  if (options.json) io.out(JSON.stringify(runSummaryJson(built.value.result, files, texts)));
  else runSummaryLines(built.value.result, files, texts).forEach((line) => io.out(line));
  return 0;
};
