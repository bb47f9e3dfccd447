import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../core/kernel/language';
import { localDay } from '../../core/kernel/values';
import { forgetPerson, planForget, type ForgetOutcome, type ForgetPlan } from '../../core/run/forgetRun';
import type { PersonQuery, PersonRows } from '../../core/run/personRun';
import type { Translator } from '../../i18n/i18n';
import { failure, type CommandContext, type ExitCode } from '../cliIo';
import { isSameFile } from '../files';
import { printFailure, problemFailure } from '../output';
import { openWorkbook, writeErrorLine } from '../workbookFile';
import { PERSON_KIND_KEYS } from '../../i18n/personKinds';

export interface ForgetOptions {
  workbook: string;
  query: PersonQuery;
  /** The workbook without the person; absent: --dry-run, nothing is written. */
  out?: string;
  language: Language;
  json: boolean;
}

const rowsLine = (
  { sheet, kind, rows }: Pick<PersonRows, 'sheet' | 'rows'> & { kind: keyof typeof PERSON_KIND_KEYS },
  texts: Translator,
): string =>
  texts.t(rows.length === 1 ? 'personRowOne' : 'personRowsMany', {
    sheet,
    rows: rows.join(', '),
    kind: texts.t(PERSON_KIND_KEYS[kind]),
  });

const planLines = (plan: ForgetPlan, texts: Translator, outcome?: ForgetOutcome): string[] => {
  const { person } = plan;
  const removed = outcome
    ? outcome.done.map((done) =>
        done.how === 'cleared'
          ? texts.t('forgetCleared', { line: rowsLine(done, texts) })
          : rowsLine(done, texts),
      )
    : plan.deletions.map((deletion) => rowsLine(deletion, texts));
  return [
    texts.t(person.email ? 'forgetHeadlineEmail' : 'forgetHeadline', {
      name: person.name,
      email: person.email,
    }),
    texts.t(outcome ? 'forgetRemoved' : 'forgetWouldRemove'),
    ...(removed.length > 0 ? removed : [texts.t('forgetNothingToRemove')]),
    ...(plan.campaigns.length > 0
      ? [texts.t('forgetCampaigns', { campaigns: plan.campaigns.join(', ') })]
      : []),
    outcome ? texts.t('forgetBlocklist', { sheet: outcome.blocklistSheet }) : texts.t('forgetWouldBlock'),
    ...(plan.remaining.length > 0
      ? [texts.t('forgetRemaining'), ...plan.remaining.map((rows) => rowsLine(rows, texts))]
      : []),
  ];
};

const planJson = (plan: ForgetPlan) => ({
  person: { name: plan.person.name, email: plan.person.email },
  deletions: plan.deletions,
  remaining: plan.remaining,
  campaigns: plan.campaigns,
});

/** `kampagne forget`: --dry-run shows what would go; --out writes the workbook without the person (Art. 17 DSGVO). */
export const forgetCommand = async (options: ForgetOptions, context: CommandContext): Promise<ExitCode> => {
  const { io, texts, temporaries } = context;
  const { out } = options;
  if (out && (await isSameFile(out, options.workbook)))
    return printFailure(
      failure(2, texts.t('usageOutIsInput', { path: out }), texts.t('usageHint')),
      io,
      options.json,
    );
  const port = await openWorkbook(options.workbook, texts);
  if (!port.ok) return printFailure(port.error, io, options.json);
  const failed = (problems: Parameters<typeof problemFailure>[0]) =>
    printFailure(
      problemFailure(problems, texts, (problem) =>
        texts.t('forgetFailed', { path: options.workbook, problem }),
      ),
      io,
      options.json,
    );
  if (!out) {
    const plan = await planForget(port.value, options.query);
    if (!plan.ok) return failed(plan.error);
    if (options.json) io.out(JSON.stringify({ ok: true, dryRun: true, ...planJson(plan.value) }));
    else [...planLines(plan.value, texts), '', texts.t('forgetDryRun')].forEach((line) => io.out(line));
    return 0;
  }
  const done = await forgetPerson(port.value, options.query, {
    today: localDay(io.now()),
    lang: options.language,
  });
  if (!done.ok) return failed(done.error);
  try {
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await port.value.saveAs(out, temporaries);
  } catch (error) {
    return printFailure(failure(1, writeErrorLine(error, out, texts)), io, options.json);
  }
  if (options.json)
    io.out(
      JSON.stringify({
        ok: true,
        out,
        ...planJson(done.value),
        done: done.value.done,
        blocklistSheet: done.value.blocklistSheet,
      }),
    );
  else
    [
      ...planLines(done.value, texts, done.value),
      '',
      texts.t('forgetWritten', { out, path: options.workbook }),
    ].forEach((line) => io.out(line));
  return 0;
};
