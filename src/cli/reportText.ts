import { campaignStatusLabel } from '../core/campaign/campaignStatus';
import { campaignTypeLabel } from '../core/campaign/campaignTypes';
import type { EvaluationReport } from '../core/run/evaluationRun';
import {
  evaluationSummary,
  formatCount,
  formatDay,
  formatMoney,
  formatShare,
  noteText,
  verdictLabel,
} from '../core/evaluation/evaluationText';
import type {
  CampaignEvaluation,
  Estimate,
  GroupFigures,
  LeadFigures,
  TypeComparison,
} from '../core/evaluation/model';
import { LEAD_STATUS_LABELS, LEAD_STATUSES } from '../core/outputs/leadsSheet';
import { dayToIso } from '../core/kernel/values';
import type { Texts } from './messages';

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

const signed = (text: string, value: number): string => (value > 0 ? `+${text}` : text);

const points = (share: number, texts: Texts): string =>
  signed(
    new Intl.NumberFormat(texts.language === 'de' ? 'de-DE' : 'en-GB', {
      maximumFractionDigits: 1,
    }).format(Math.round(share * 1000) / 10 || 0),
    share,
  );

const money = (amount: number, texts: Texts): string => signed(formatMoney(amount, texts.language), amount);
/** The return in whole percent, as the summary sentence says it ("2.031 %"): tenths of it are noise. */
const roi = (value: number, texts: Texts): string =>
  signed(formatShare(Math.round(value * 100) / 100, texts.language), value);

const estimateLine = (
  key: 'reportConversionUplift' | 'reportRevenueUplift' | 'reportIncremental' | 'reportRoi',
  estimate: Estimate | null,
  show: (value: number) => string,
  texts: Texts,
  extra: Record<string, string> = {},
): string[] =>
  estimate
    ? [
        texts.t(key, {
          value: show(estimate.value),
          low: show(estimate.low),
          high: show(estimate.high),
          ...extra,
        }),
      ]
    : [];

const windowLine = (evaluation: CampaignEvaluation, texts: Texts): string => {
  const lang = texts.language;
  if (evaluation.start === null) return texts.t('reportNoStart', { days: evaluation.windowDays });
  if (evaluation.windowEnd === null)
    return texts.t('reportStartsLater', {
      start: formatDay(evaluation.start, lang),
      days: evaluation.windowDays,
    });
  return texts.t('reportWindow', {
    start: formatDay(evaluation.start, lang),
    end: formatDay(evaluation.windowEnd, lang),
    observed: evaluation.daysObserved,
    days: evaluation.windowDays,
  });
};

const figureRows = (figures: Array<GroupFigures | null>, texts: Texts): string[][] => {
  const lang = texts.language;
  const row = (key: Parameters<Texts['t']>[0], cell: (f: GroupFigures) => string): string[] => [
    `  ${texts.t(key)}`,
    ...figures.map((f) => (f ? cell(f) : '')),
  ];
  return [
    row('reportMembers', (f) => formatCount(f.members, lang)),
    row('reportBuyers', (f) => formatCount(f.buyers, lang)),
    row('reportConversion', (f) => formatShare(f.conversion, lang)),
    row('reportRevenue', (f) => formatMoney(f.revenue, lang)),
    row('reportRevenuePerMember', (f) => formatMoney(f.revenuePerMember, lang)),
    row('reportOrders', (f) => formatCount(f.orders, lang)),
  ];
};

const keyFigures = (evaluation: CampaignEvaluation, texts: Texts): string[] => {
  const groups = evaluation.control ? [evaluation.contacted, evaluation.control] : [evaluation.contacted];
  const heads = evaluation.control
    ? [texts.t('reportContacted'), texts.t('reportControl')]
    : [texts.t('reportContacted')];
  return textTable(
    [['', ...heads], ...figureRows(groups, texts)],
    ['left', ...heads.map((): Align => 'right')],
  );
};

const effectLines = (evaluation: CampaignEvaluation, texts: Texts): string[] => {
  const cost = evaluation.cost === null ? null : formatMoney(evaluation.cost, texts.language);
  return [
    ...estimateLine('reportConversionUplift', evaluation.conversionUplift, (v) => points(v, texts), texts),
    ...estimateLine('reportRevenueUplift', evaluation.revenuePerMemberUplift, (v) => money(v, texts), texts),
    ...estimateLine('reportIncremental', evaluation.incrementalRevenue, (v) => money(v, texts), texts),
    ...estimateLine('reportRoi', evaluation.roi, (v) => roi(v, texts), texts, { cost: cost ?? '' }),
    ...(cost !== null && evaluation.roi === null ? [texts.t('reportCost', { cost })] : []),
  ];
};

const leadLines = (leads: LeadFigures | null, texts: Texts): string[] => {
  if (!leads) return [];
  const labels = LEAD_STATUS_LABELS[texts.language];
  const counts = LEAD_STATUSES.filter((status) => leads.byStatus[status] > 0).map(
    (status) => `${labels[status]} ${texts.count(leads.byStatus[status])}`,
  );
  if (leads.otherStatus > 0) counts.push(`${texts.t('reportOtherStatus')} ${texts.count(leads.otherStatus)}`);
  return [
    texts.t('reportLeads', {
      total: leads.total,
      statuses: counts.join(', '),
      won: formatShare(leads.wonShare, texts.language),
    }),
  ];
};

/** One campaign: what it is, the sentence, the figures, the effect with its intervals, leads and notes. */
export const evaluationLines = (evaluation: CampaignEvaluation, texts: Texts): string[] => {
  const lang = texts.language;
  const notes = evaluation.notes.map((note) => `  – ${noteText(note, lang)}`);
  const started = evaluation.verdict !== 'notStarted';
  return [
    texts.t('reportHeadline', {
      name: evaluation.name,
      type: campaignTypeLabel(evaluation.type, lang),
      status: campaignStatusLabel(evaluation.status, lang),
    }),
    windowLine(evaluation, texts),
    texts.t('reportVerdict', { verdict: verdictLabel(evaluation.verdict, lang) }),
    evaluationSummary(evaluation, lang),
    ...(started ? keyFigures(evaluation, texts) : []),
    ...effectLines(evaluation, texts),
    ...leadLines(evaluation.leads, texts),
    ...(notes.length > 0 ? [texts.t('reportNotes'), ...notes] : []),
  ];
};

const comparisonRow = (comparison: TypeComparison, texts: Texts): string[] => {
  const lang = texts.language;
  const optional = <T>(value: T | null, show: (v: T) => string): string =>
    value === null ? '–' : show(value);
  return [
    campaignTypeLabel(comparison.type, lang),
    formatCount(comparison.campaigns, lang),
    formatCount(comparison.contacted.members, lang),
    optional(comparison.control, (c) => formatCount(c.members, lang)),
    formatShare(comparison.contacted.conversion, lang),
    optional(comparison.control, (c) => formatShare(c.conversion, lang)),
    optional(comparison.conversionUplift, (e) => points(e.value, texts)),
    optional(comparison.incrementalRevenue, (e) => money(e.value, texts)),
    formatMoney(comparison.cost, lang),
    optional(comparison.roi, (e) => roi(e.value, texts)),
  ];
};

/** The comparison the campaign type exists for, as a text table. */
export const comparisonLines = (comparisons: TypeComparison[], texts: Texts): string[] => {
  if (comparisons.length === 0) return [texts.t('reportNoComparison')];
  const header = texts.t('reportComparisonColumns').split('|');
  return [
    texts.t('reportComparison'),
    ...textTable(
      [header, ...comparisons.map((comparison) => comparisonRow(comparison, texts))],
      header.map((_, i): Align => (i === 0 ? 'left' : 'right')),
    ).map((line) => `  ${line}`),
  ];
};

/** The report as printed: the focused campaign only, or every campaign; the comparison by type always. */
export const reportLines = (report: EvaluationReport, texts: Texts): string[] => {
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
export const reportJson = (report: EvaluationReport, texts: Texts) => ({
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
