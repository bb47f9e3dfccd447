import type { Language } from '../../core/kernel/language';
import { localDay } from '../../core/kernel/values';
import { baselineSentence, planSentence } from '../../core/evaluation/planText';
import { primaryMetricLabel } from '../../core/evaluation/figures';
import type { TestPlan } from '../../core/evaluation/plan';
import { planWorkbook, type WorkbookPlan } from '../../core/run/planRun';
import { dayToIso } from '../../core/kernel/values';
import { describeProblem } from '../../core/kernel/problemMessages';
import type { CommandContext, ExitCode } from '../cliIo';
import type { Translator } from '../../i18n/i18n';
import { printFailure, problemFailure } from '../output';
import { problemCount, problemLines } from '../summary';
import { openWorkbook } from '../workbookFile';

export interface PlanOptions {
  workbook: string;
  /** Name (or id) of a campaign stored in the workbook. */
  campaign: string;
  /** The expected effect as typed: percentage points of conversion, or euros per recipient. */
  expect?: number;
  language: Language;
  json: boolean;
}

const NOT_AVAILABLE = '–';

const detectableLine = (plan: TestPlan, texts: Translator): string => {
  const show = (kind: 'points' | 'cents', value: number | null) =>
    value === null ? NOT_AVAILABLE : texts.formatFigure({ kind, value, signed: true });
  return texts.t('planDetectable', {
    conversion: show('points', plan.detectableRise),
    revenue: show('cents', plan.detectableRevenue),
  });
};

/** The plan as a shop owner reads it: the groups, the baseline, the smallest detectable effects and the sentence. */
export const planLines = ({ name, plan }: WorkbookPlan, texts: Translator): string[] => [
  texts.t('planHeadline', { name, members: plan.members, control: plan.control }),
  texts.t('primaryMetricLine', { metric: primaryMetricLabel(plan.primaryMetric, texts.language) }),
  baselineSentence(plan.baseline, texts.language),
  ...(plan.baseline ? [detectableLine(plan, texts), planSentence(plan, texts.language)] : []),
];

/** For scripts: the plan's numbers with ISO dates, and its sentences. */
const planJson = (result: WorkbookPlan, texts: Translator) => {
  const { baseline } = result.plan;
  return {
    campaign: { id: result.campaignId, name: result.name },
    plan: {
      ...result.plan,
      baseline: baseline && { ...baseline, start: dayToIso(baseline.start), end: dayToIso(baseline.end) },
    },
    baselineSentence: baselineSentence(baseline, texts.language),
    sentence: planSentence(result.plan, texts.language),
    problems: {
      count: problemCount(result.problems),
      items: result.problems.map((p) => ({ ...p, message: describeProblem(p, texts.language) })),
    },
  };
};

export const planCommand = async (options: PlanOptions, { io, texts }: CommandContext): Promise<ExitCode> => {
  const port = await openWorkbook(options.workbook, texts);
  if (!port.ok) return printFailure(port.error, io, options.json);
  const planned = await planWorkbook(port.value, {
    campaign: options.campaign,
    today: localDay(io.now()),
    expected: options.expect,
  });
  if (!planned.ok) {
    const failed = problemFailure(planned.error, texts, (problem) =>
      texts.t('planFailed', { path: options.workbook, problem }),
    );
    return printFailure(failed, io, options.json);
  }
  if (options.json) {
    io.out(JSON.stringify({ ok: true, workbook: options.workbook, ...planJson(planned.value, texts) }));
    return 0;
  }
  planLines(planned.value, texts).forEach((line) => io.out(line));
  ['', ...problemLines(planned.value.problems, texts)].forEach((line) => io.out(line));
  return 0;
};
