import type { EvaluationReport } from '../core/run/evaluationRun';
import { evaluationSummary, noteText, verdictLabel } from '../core/evaluation/evaluationText';
import {
  effectRows,
  figureHeader,
  figureOf,
  groupLabel,
  keyFigureRows,
  leadRows,
  metricRoleLabel,
  primaryMetricLabel,
  type EffectRow,
  wonShare,
  type EvaluationFigure,
  type FigureId,
  type Group,
} from '../core/evaluation/figures';
import type { CampaignEvaluation, LeadFigures, TypeComparison } from '../core/evaluation/model';
import { dayToIso } from '../core/kernel/values';
import type { Translator } from '../i18n/i18n';

/** The evaluation as a shop owner reads it in a terminal: one block per campaign, then the comparison by type. */

type Align = 'left' | 'right';

/** Columns padded to their widest cell; text left, figures right, two spaces between. */
export const textTable = (rows: string[][], align: Align[]): string[] => {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    row
      .map((cell, column) =>
        align[column] === 'left' ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd(),
  );
};

const NOT_AVAILABLE = '–';

const windowLine = (evaluation: CampaignEvaluation, texts: Translator): string => {
  const day = (value: number) => texts.formatFigure({ kind: 'day', value });
  if (evaluation.start === null) return texts.t('reportNoStart', { days: evaluation.windowDays });
  if (evaluation.windowEnd === null)
    return texts.t('reportStartsLater', { start: day(evaluation.start), days: evaluation.windowDays });
  return texts.t('reportWindow', {
    start: day(evaluation.start),
    end: day(evaluation.windowEnd),
    observed: evaluation.daysObserved,
    days: evaluation.windowDays,
  });
};

const keyFigures = (evaluation: CampaignEvaluation, texts: Translator): string[] => {
  const groups: Group[] = evaluation.control ? ['contacted', 'control'] : ['contacted'];
  const rows = keyFigureRows(evaluation, texts.language).map((row) => [
    `  ${row.label}`,
    ...groups.map((group) => {
      const figure = row[group];
      return figure ? texts.formatFigure(figure) : '';
    }),
  ]);
  const heads = groups.map((group) => groupLabel(group, texts.language));
  return textTable([['', ...heads], ...rows], ['left', ...heads.map((): Align => 'right')]);
};

const figureLine = (label: string, figure: EvaluationFigure, texts: Translator): string => {
  const show = (value: number) => texts.formatFigure({ ...figure, value });
  return figure.interval
    ? texts.t('reportEffect', {
        label,
        value: show(figure.value),
        low: show(figure.interval.low),
        high: show(figure.interval.high),
      })
    : texts.t('reportFigure', { label, value: show(figure.value) });
};

const leadLines = (leads: LeadFigures | null, texts: Translator): string[] => {
  if (!leads) return [];
  const counts = leadRows(leads, texts.language)
    .filter((row) => row.count > 0)
    .map((row) => `${row.label} ${texts.formatNumber(row.count)}`);
  return [
    texts.t('reportLeads', {
      total: leads.total,
      statuses: counts.join(', '),
      won: texts.formatFigure(wonShare(leads)),
    }),
  ];
};

/** "Mehr Käufer (Nebenkennzahl)": every effect says whether the verdict is stated from it. */
const effectLine = (row: EffectRow, texts: Translator): string =>
  figureLine(
    row.primary === null ? row.label : `${row.label} (${metricRoleLabel(row.primary, texts.language)})`,
    row.figure,
    texts,
  );

/** One campaign: what it is, the sentence, the figures, the effect with its intervals and the cost, leads, notes. */
export const evaluationLines = (evaluation: CampaignEvaluation, texts: Translator): string[] => {
  const lang = texts.language;
  const notes = evaluation.notes.map((note) => `  – ${noteText(note, lang)}`);
  const started = evaluation.verdict !== 'notStarted';
  return [
    texts.t('reportHeadline', {
      name: evaluation.name,
      type: texts.campaignType(evaluation.type),
      status: texts.campaignStatus(evaluation.status),
    }),
    windowLine(evaluation, texts),
    texts.t('reportVerdict', { verdict: verdictLabel(evaluation.verdict, lang) }),
    texts.t('primaryMetricLine', { metric: primaryMetricLabel(evaluation.primaryMetric, lang) }),
    evaluationSummary(evaluation, lang),
    ...(started ? keyFigures(evaluation, texts) : []),
    ...effectRows(evaluation, lang, evaluation.primaryMetric).map((row) => effectLine(row, texts)),
    ...leadLines(evaluation.leads, texts),
    ...(notes.length > 0 ? [texts.t('reportNotes'), ...notes] : []),
  ];
};

/** The columns of the comparison in a terminal: the counts and conversions of both groups, the effects without their intervals. */
const COMPARISON_COLUMNS: Array<[FigureId, Group | null]> = [
  ['members', 'contacted'],
  ['members', 'control'],
  ['conversion', 'contacted'],
  ['conversion', 'control'],
  ['conversionUplift', null],
  ['incrementalRevenue', null],
  ['cost', null],
  ['roi', null],
];

const comparisonRow = (comparison: TypeComparison, texts: Translator): string[] => [
  texts.campaignType(comparison.type),
  texts.formatNumber(comparison.campaigns),
  ...COMPARISON_COLUMNS.map(([id, group]) => {
    const figure = figureOf(comparison, id, group ?? 'contacted');
    return figure ? texts.formatFigure(figure) : NOT_AVAILABLE;
  }),
];

/** The comparison the campaign type exists for, as a text table. */
export const comparisonLines = (comparisons: TypeComparison[], texts: Translator): string[] => {
  if (comparisons.length === 0) return [texts.t('reportNoComparison')];
  const header = [
    texts.t('columnType'),
    texts.t('reportCampaigns'),
    ...COMPARISON_COLUMNS.map(([id, group]) => figureHeader(id, group, texts.language)),
  ];
  return [
    texts.t('reportComparison'),
    ...textTable(
      [header, ...comparisons.map((comparison) => comparisonRow(comparison, texts))],
      header.map((_, i): Align => (i === 0 ? 'left' : 'right')),
    ).map((line) => `  ${line}`),
  ];
};

/** The report as printed: the focused campaign only, or every campaign; the comparison by type always. */
export const reportLines = (report: EvaluationReport, texts: Translator): string[] => {
  const shown = report.focus
    ? report.evaluations.filter((evaluation) => evaluation.campaignId === report.focus)
    : report.evaluations;
  return [
    ...shown.flatMap((evaluation) => [...evaluationLines(evaluation, texts), '']),
    ...comparisonLines(report.byType, texts),
  ];
};

const isoOrNull = (day: number | null): string | null => (day === null ? null : dayToIso(day));

/** The report for scripts: dates as ISO days, each campaign with its sentence and verdict label. */
export const reportJson = (report: EvaluationReport, texts: Translator) => ({
  ...report,
  evaluations: report.evaluations.map((evaluation) => ({
    ...evaluation,
    start: isoOrNull(evaluation.start),
    windowEnd: isoOrNull(evaluation.windowEnd),
    verdictLabel: verdictLabel(evaluation.verdict, texts.language),
    summary: evaluationSummary(evaluation, texts.language),
    notes: evaluation.notes.map((note) => ({ ...note, message: noteText(note, texts.language) })),
  })),
});
