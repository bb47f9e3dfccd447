import { parseArgs } from 'node:util';
import type { Language } from '../core/kernel/language';
import type { SheetRole } from '../core/kernel/model';
import type { CsvDelimiter } from '../core/outputs/csv';
import { fail, ok, type Result } from '../core/kernel/result';
import { isoToDay } from '../core/kernel/values';
import type { PersonQuery } from '../core/run/personRun';
import { parseExpected } from '../core/evaluation/plan';
import type { CliIo, ExitCode } from './cliIo';
import type { ForgetOptions } from './commands/forget';
import type { PersonOptions } from './commands/person';
import type { PlanOptions } from './commands/plan';
import type { ReportOptions } from './commands/report';
import type { RunOptions } from './commands/run';
import type { SheetsOptions } from './commands/sheets';
import { createTranslator, type MessageKey, type Params, type Translator } from '../i18n/i18n';
import { removeOnInterrupt, TemporaryFiles } from './temporaryFiles';

const OPTIONS = {
  workbook: { type: 'string' },
  campaign: { type: 'string' },
  out: { type: 'string' },
  csv: { type: 'string' },
  leads: { type: 'boolean' },
  'new-leads-sheet': { type: 'boolean' },
  delimiter: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  expect: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'as-of': { type: 'string' },
  sheet: { type: 'string', multiple: true },
  email: { type: 'string' },
  name: { type: 'string' },
  firm: { type: 'string' },
  refresh: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;
const COMMANDS = ['run', 'sheets', 'report', 'plan', 'person', 'forget'] as const;
type CommandName = (typeof COMMANDS)[number];

const ALLOWED: Record<CommandName, readonly OptionName[]> = {
  run: [
    'workbook',
    'campaign',
    'out',
    'csv',
    'leads',
    'new-leads-sheet',
    'delimiter',
    'lang',
    'json',
    'help',
    'as-of',
    'sheet',
    'refresh',
    'dry-run',
  ],
  sheets: ['workbook', 'lang', 'json', 'help', 'sheet'],
  report: ['workbook', 'campaign', 'out', 'lang', 'json', 'help'],
  plan: ['workbook', 'campaign', 'expect', 'lang', 'json', 'help'],
  person: ['workbook', 'email', 'name', 'firm', 'lang', 'json', 'help'],
  forget: ['workbook', 'email', 'name', 'firm', 'dry-run', 'out', 'lang', 'json', 'help'],
};

const DELIMITERS: Record<string, CsvDelimiter> = { ';': ';', ',': ',', tab: '\t', '\t': '\t' };

export type Command =
  | { name: 'help' }
  | { name: 'run'; options: RunOptions }
  | { name: 'sheets'; options: SheetsOptions }
  | { name: 'report'; options: ReportOptions }
  | { name: 'plan'; options: PlanOptions }
  | { name: 'person'; options: PersonOptions }
  | { name: 'forget'; options: ForgetOptions };

export interface UsageError {
  key: MessageKey;
  params?: Params;
}

type Values = Partial<Record<OptionName, string | boolean>>;

interface CollectedArgs {
  values: Values;
  positionals: string[];
  /** Every --sheet given: the option may repeat, one role each. */
  sheetChoices: string[];
}

const usage = (key: MessageKey, params?: Params): Result<never, UsageError> => fail({ key, params });

const isOptionName = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);

/** Reads the tokens ourselves (non-strict parseArgs) so that every usage error gets a message in the user's language. */
const collectValues = (argv: string[]): Result<CollectedArgs, UsageError> => {
  const { tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Values = {};
  const positionals: string[] = [];
  const sheetChoices: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!isOptionName(token.name)) return usage('usageUnknownOption', { option: token.rawName });
    const isString = OPTIONS[token.name].type === 'string';
    if (isString && (token.value === undefined || token.value === '' || token.value.startsWith('--')))
      return usage('usageMissingValue', { option: token.rawName });
    if (!isString && token.value !== undefined)
      return usage('usageUnexpectedArgument', { argument: token.value });
    if (token.name === 'sheet') sheetChoices.push(token.value as string);
    values[token.name] = isString ? token.value : true;
  }
  return ok({ values, positionals, sheetChoices });
};

const text = (values: Values, name: OptionName): string | undefined =>
  typeof values[name] === 'string' ? (values[name] as string) : undefined;

const parseLanguage = (value: string | undefined): Result<Language | undefined, UsageError> =>
  value === undefined || value === 'de' || value === 'en' ? ok(value) : usage('usageBadLanguage', { value });

const required = (values: Values, command: CommandName, names: OptionName[]): Result<true, UsageError> => {
  const missing = names.find((name) => text(values, name) === undefined);
  return missing ? usage('usageMissingOption', { command, option: missing }) : ok(true);
};

/** Role names as the command line takes them: the campaign file's, and the German ones people say. */
const ROLE_NAMES: Record<string, SheetRole> = {
  contacts: 'contacts',
  customers: 'customers',
  sales: 'sales',
  articles: 'articles',
  kontakte: 'contacts',
  kunden: 'customers',
  umsätze: 'sales',
  umsaetze: 'sales',
  artikel: 'articles',
};

/** `--sheet contacts="Kontakte 2024"` (repeatable): the sheet (or Excel table) that plays a role. */
const parseSheetChoices = (choices: string[]): Result<Partial<Record<SheetRole, string>>, UsageError> => {
  const sheets: Partial<Record<SheetRole, string>> = {};
  for (const choice of choices) {
    const [role, ...name] = choice.split('=');
    const known = ROLE_NAMES[role.trim().toLowerCase()];
    const sheet = name.join('=').trim();
    if (!known || sheet === '') return usage('usageBadSheet', { value: choice });
    sheets[known] = sheet;
  }
  return ok(sheets);
};

const runOptions = (
  { values, sheetChoices }: CollectedArgs,
  language: Language | undefined,
): Result<Command, UsageError> => {
  const dryRun = values['dry-run'] === true;
  if (dryRun && values.refresh !== true) return usage('usageDryRunWithoutRefresh');
  // a dry run writes nothing, so it needs no --out
  const present = required(
    values,
    'run',
    dryRun ? ['workbook', 'campaign'] : ['workbook', 'campaign', 'out'],
  );
  if (!present.ok) return present;
  const sheets = parseSheetChoices(sheetChoices);
  if (!sheets.ok) return sheets;
  const delimiterText = text(values, 'delimiter');
  if (delimiterText !== undefined && text(values, 'csv') === undefined)
    return usage('usageDelimiterWithoutCsv');
  const delimiter = DELIMITERS[delimiterText ?? ';'];
  if (!delimiter) return usage('usageBadDelimiter', { value: delimiterText ?? '' });
  const out = text(values, 'out');
  if (out !== undefined && !/\.xlsx$/i.test(out)) return usage('usageOutNotXlsx', { path: out });
  const asOfText = text(values, 'as-of');
  const asOf = asOfText === undefined ? undefined : isoToDay(asOfText);
  if (asOf === null || (asOfText !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfText)))
    return usage('usageBadAsOf', { value: asOfText ?? '' });
  return ok({
    name: 'run',
    options: {
      workbook: text(values, 'workbook') as string,
      campaign: text(values, 'campaign') as string,
      out,
      csv: text(values, 'csv'),
      leads: values.leads === true || values['new-leads-sheet'] === true,
      newLeadsSheet: values['new-leads-sheet'] === true,
      delimiter,
      language,
      json: values.json === true,
      asOf,
      sheets: sheets.value,
      refresh: values.refresh === true,
      dryRun,
    },
  });
};

const isCommandName = (name: string): name is CommandName => (COMMANDS as readonly string[]).includes(name);

/** Evaluates the campaigns stored in the workbook; --campaign names one of them here, not a file. */
const reportOptions = (values: Values, language: Language): Result<Command, UsageError> => {
  const present = required(values, 'report', ['workbook']);
  if (!present.ok) return present;
  const out = text(values, 'out');
  if (out !== undefined && !/\.xlsx$/i.test(out)) return usage('usageOutNotXlsx', { path: out });
  return ok({
    name: 'report',
    options: {
      workbook: text(values, 'workbook') as string,
      campaign: text(values, 'campaign'),
      out,
      language,
      json: values.json === true,
    },
  });
};

const parseExpect = (value: string | undefined): Result<number | undefined, UsageError> => {
  if (value === undefined) return ok(undefined);
  const parsed = parseExpected(value);
  return parsed.ok ? parsed : usage('usageBadExpect', { value });
};

const planOptions = (values: Values, language: Language): Result<Command, UsageError> => {
  const present = required(values, 'plan', ['workbook', 'campaign']);
  if (!present.ok) return present;
  const expect = parseExpect(text(values, 'expect'));
  if (!expect.ok) return expect;
  return ok({
    name: 'plan',
    options: {
      workbook: text(values, 'workbook') as string,
      campaign: text(values, 'campaign') as string,
      expect: expect.value,
      language,
      json: values.json === true,
    },
  });
};

/** Whom to look for: an e-mail address, or a name (at a firm, if given). */
const personQuery = (values: Values, command: 'person' | 'forget'): Result<PersonQuery, UsageError> => {
  const email = text(values, 'email');
  const name = text(values, 'name');
  const firm = text(values, 'firm');
  if (email === undefined && name === undefined) return usage('usagePersonQuery', { command });
  return ok({
    ...(email !== undefined ? { email } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(firm !== undefined ? { firm } : {}),
  });
};

const personOptions = (values: Values): Result<Command, UsageError> => {
  const present = required(values, 'person', ['workbook']);
  if (!present.ok) return present;
  const query = personQuery(values, 'person');
  if (!query.ok) return query;
  return ok({
    name: 'person',
    options: { workbook: text(values, 'workbook') as string, query: query.value, json: values.json === true },
  });
};

/**
 * Forgetting is never implicit: --dry-run shows what would go, --out writes the workbook without the person (the
 * input, as always, stays as it is — the user replaces it, knowingly).
 */
const forgetOptions = (values: Values, language: Language): Result<Command, UsageError> => {
  const present = required(values, 'forget', ['workbook']);
  if (!present.ok) return present;
  const query = personQuery(values, 'forget');
  if (!query.ok) return query;
  const out = text(values, 'out');
  const dryRun = values['dry-run'] === true;
  if (dryRun && out !== undefined) return usage('usageForgetBoth');
  if (!dryRun && out === undefined) return usage('usageForgetHow');
  if (out !== undefined && !/\.xlsx$/i.test(out)) return usage('usageOutNotXlsx', { path: out });
  return ok({
    name: 'forget',
    options: {
      workbook: text(values, 'workbook') as string,
      query: query.value,
      ...(out !== undefined ? { out } : {}),
      language,
      json: values.json === true,
    },
  });
};

/** The command line as a value: which command with which options, or the usage error to show. */
export const parseCommandLine = (argv: string[], fallback: Language = 'de'): Result<Command, UsageError> => {
  const collected = collectValues(argv);
  if (!collected.ok) return collected;
  const { values, positionals, sheetChoices } = collected.value;
  if (values.help) return ok({ name: 'help' });
  const [command, ...rest] = positionals;
  if (command === undefined) return usage('usageNoCommand');
  if (!isCommandName(command)) return usage('usageUnknownCommand', { command });
  if (rest.length > 0) return usage('usageUnexpectedArgument', { argument: rest[0] });
  const foreign = (Object.keys(values) as OptionName[]).find((name) => !ALLOWED[command].includes(name));
  if (foreign) return usage('usageOptionNotForCommand', { option: foreign, command });
  const language = parseLanguage(text(values, 'lang'));
  if (!language.ok) return language;
  if (command === 'run') return runOptions(collected.value, language.value);
  if (command === 'report') return reportOptions(values, language.value ?? fallback);
  if (command === 'plan') return planOptions(values, language.value ?? fallback);
  if (command === 'person') return personOptions(values);
  if (command === 'forget') return forgetOptions(values, language.value ?? fallback);
  const present = required(values, 'sheets', ['workbook']);
  if (!present.ok) return present;
  const sheets = parseSheetChoices(sheetChoices);
  if (!sheets.ok) return sheets;
  return ok({
    name: 'sheets',
    options: {
      workbook: text(values, 'workbook') as string,
      json: values.json === true,
      sheets: sheets.value,
    },
  });
};

const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * --lang wins; else the locale of the shell if it is English or German; else German, the product's first language.
 * Read before the full parse so that usage errors are already in the user's language.
 */
export const chooseLanguage = (argv: string[], env: CliIo['env']): Language => {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const given =
    index < 0 ? undefined : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  if (given === 'de' || given === 'en') return given;
  const locale = LOCALE_VARIABLES.map((name) => env[name]).find((value) => value);
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'de';
};

const explain = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Bugs end here: one line, no stack trace unless KAMPAGNE_DEBUG=1. */
const reportInternalError = (error: unknown, io: CliIo, texts: Translator): ExitCode => {
  io.err(texts.t('internalError', { detail: explain(error) }));
  if (io.env.KAMPAGNE_DEBUG === '1' && error instanceof Error && error.stack) io.err(error.stack);
  return 1;
};

export const main = async (
  argv: string[],
  io: CliIo,
  temporaries: TemporaryFiles = new TemporaryFiles(),
): Promise<ExitCode> => {
  const texts = createTranslator(chooseLanguage(argv, io.env));
  try {
    const command = parseCommandLine(argv, texts.language);
    if (!command.ok) {
      io.err(texts.t(command.error.key, command.error.params));
      io.err(texts.t('usageHint'));
      return 2;
    }
    if (command.value.name === 'help') {
      io.out(texts.t('help'));
      return 0;
    }
    // Loaded on demand: exceljs takes a while to load, and --help or a usage error should answer at once.
    const context = { io, texts, temporaries };
    if (command.value.name === 'run')
      return (await import('./commands/run')).runCommand(command.value.options, context);
    if (command.value.name === 'report')
      return (await import('./commands/report')).reportCommand(command.value.options, context);
    if (command.value.name === 'plan')
      return (await import('./commands/plan')).planCommand(command.value.options, context);
    if (command.value.name === 'person')
      return (await import('./commands/person')).personCommand(command.value.options, context);
    if (command.value.name === 'forget')
      return (await import('./commands/forget')).forgetCommand(command.value.options, context);
    return (await import('./commands/sheets')).sheetsCommand(command.value.options, context);
  } catch (error) {
    return reportInternalError(error, io, texts);
  }
};

const processIo = (): CliIo => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  now: () => new Date(),
});

/** The entry point of bin/kampagne.js. */
export const runFromCommandLine = (): void => {
  const io = processIo();
  const texts = createTranslator(chooseLanguage(process.argv.slice(2), io.env));
  const crash = (error: unknown): void => {
    process.exitCode = reportInternalError(error, io, texts);
  };
  // A closed pipe (`kampagne … | head`) is the reader's choice, not an error; the files are written by then.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit();
    else crash(error);
  });
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const temporaries = new TemporaryFiles();
  removeOnInterrupt(temporaries);
  main(process.argv.slice(2), io, temporaries).then((code) => {
    process.exitCode = code;
  }, crash);
};
