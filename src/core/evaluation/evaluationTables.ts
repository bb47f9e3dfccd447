import { campaignStatusLabel } from '../campaign/campaignStatus';
import { campaignTypeLabel } from '../campaign/campaignTypes';
import { excelNumberFormat, sheetNumber } from '../kernel/formats';
import type { Language } from '../kernel/language';
import type { Day } from '../kernel/model';
import type { CellValue, TableData } from '../kernel/sheetTable';
import { dayToDate } from '../kernel/values';
import { evaluationSummary, verdictLabel } from './evaluationText';
import {
  figureFormat,
  figureHeader,
  figureOf,
  primaryMetricLabel,
  roiBasisLabel,
  type FigureId,
  type Group,
  type Measures,
} from './figures';
import type { CampaignEvaluation, TypeComparison } from './model';

/**
 * The Auswertung sheets. Figures are numbers, not text, so Excel can sort, sum and chart them; each figure column has
 * the number format of its figure ("41,20 €", "12,5 %", "+3,0 Pp."), which Excel shows in the reader's locale. An
 * empty cell means "does not apply" (no control group, no cost).
 */

interface Column<T> {
  header: (lang: Language) => string;
  value: (row: T, lang: Language) => CellValue;
  /** People's text (names): must never become a formula. */
  text?: boolean;
  numberFormat?: (lang: Language) => string;
  /** The figure the column holds, for finding columns by meaning (the chart's bars). */
  figure?: FigureId;
}

const textColumn = <T>(
  header: Record<Language, string>,
  value: (row: T, lang: Language) => string,
): Column<T> => ({ header: (lang) => header[lang], value, text: true });

const countColumn = <T>(header: Record<Language, string>, value: (row: T) => number | null): Column<T> => ({
  header: (lang) => header[lang],
  value,
  numberFormat: (lang) => excelNumberFormat('count', lang),
});

const dateColumn = <T>(header: Record<Language, string>, day: (row: T) => Day | null): Column<T> => ({
  header: (lang) => header[lang],
  value: (row) => {
    const value = day(row);
    return value === null ? null : dayToDate(value);
  },
});

/** One figure of a group (contacted or control), or an effect's or the cost's value when no group is named. */
const figureColumn = <T extends Measures>(id: FigureId, group: Group | null = null): Column<T> => {
  const { kind, signed } = figureFormat(id);
  return {
    header: (lang) => figureHeader(id, group, lang),
    value: (row) => {
      const figure = figureOf(row, id, group ?? 'contacted');
      return figure ? sheetNumber(kind, figure.value) : null;
    },
    numberFormat: (lang) => excelNumberFormat(kind, lang, signed),
    figure: id,
  };
};

const BOUNDS = { low: { de: 'von', en: 'from' }, high: { de: 'bis', en: 'to' } } as const;

/** An estimated effect in three columns: its value and the bounds of its 95 % interval. */
const estimateColumns = <T extends Measures>(id: FigureId): Column<T>[] => {
  const value = figureColumn<T>(id);
  const bound = (end: 'low' | 'high'): Column<T> => ({
    ...value,
    header: (lang) => `${value.header(lang)} ${BOUNDS[end][lang]}`,
    value: (row) => {
      const figure = figureOf(row, id);
      return figure?.interval ? sheetNumber(figure.kind, figure.interval[end]) : null;
    },
  });
  return [value, bound('low'), bound('high')];
};

/** Uplift, incremental revenue and ROI with their 95 % intervals: the same columns in both tables. */
const effectColumns = <T extends Measures>(): Column<T>[] => [
  figureColumn<T>('conversion', 'contacted'),
  figureColumn<T>('revenuePerMember', 'contacted'),
  figureColumn<T>('conversion', 'control'),
  figureColumn<T>('revenuePerMember', 'control'),
  ...estimateColumns<T>('conversionUplift'),
  ...estimateColumns<T>('incrementalRevenue'),
  figureColumn<T>('cost'),
  figureColumn<T>('roi'),
];

/** Added after the columns people's formulas may already point to: what the return is on, and the margin. */
const marginColumns = <T extends Measures>(): Column<T>[] => [
  textColumn({ de: 'Rendite berechnet', en: 'Return computed' }, (row, lang) =>
    roiBasisLabel(row.roiBasis, lang),
  ),
  figureColumn<T>('incrementalMargin'),
];

const CAMPAIGN_COLUMNS: Column<CampaignEvaluation>[] = [
  textColumn({ de: 'Kampagne', en: 'Campaign' }, (e) => e.name),
  textColumn({ de: 'Typ', en: 'Type' }, (e, lang) => campaignTypeLabel(e.type, lang)),
  textColumn({ de: 'Status', en: 'Status' }, (e, lang) => campaignStatusLabel(e.status, lang)),
  dateColumn({ de: 'Start', en: 'Start' }, (e) => e.start),
  dateColumn({ de: 'Ausgewertet bis', en: 'Evaluated until' }, (e) => e.windowEnd),
  countColumn({ de: 'Empfänger', en: 'Recipients' }, (e) => e.contacted.members + (e.control?.members ?? 0)),
  countColumn({ de: 'Kontrollgruppe', en: 'Control group' }, (e) => e.control?.members ?? null),
  ...effectColumns<CampaignEvaluation>(),
  textColumn({ de: 'Aussage', en: 'Verdict' }, (e, lang) => verdictLabel(e.verdict, lang)),
  countColumn({ de: 'Leads', en: 'Leads' }, (e) => e.leads?.total ?? null),
  countColumn({ de: 'Leads gewonnen', en: 'Leads won' }, (e) => e.leads?.byStatus.won ?? null),
  textColumn({ de: 'Zusammenfassung', en: 'Summary' }, (e, lang) => evaluationSummary(e, lang)),
  textColumn({ de: 'Hauptkennzahl', en: 'Primary metric' }, (e, lang) =>
    primaryMetricLabel(e.primaryMetric, lang),
  ),
  figureColumn<CampaignEvaluation>('returnedAnyway'),
  countColumn(
    { de: 'Kontrollgruppe trotzdem angesprochen', en: 'Control group contacted anyway' },
    (e) => e.notes.find((n) => n.code === 'contamination')?.count ?? null,
  ),
  ...marginColumns<CampaignEvaluation>(),
];

const TYPE_COLUMNS: Column<TypeComparison>[] = [
  textColumn({ de: 'Typ', en: 'Type' }, (c, lang) => campaignTypeLabel(c.type, lang)),
  countColumn({ de: 'Kampagnen', en: 'Campaigns' }, (c) => c.campaigns),
  countColumn({ de: 'Empfänger kontaktiert', en: 'Recipients contacted' }, (c) => c.contacted.members),
  countColumn({ de: 'Kontrollgruppe', en: 'Control group' }, (c) => c.control?.members ?? null),
  ...effectColumns<TypeComparison>(),
  ...marginColumns<TypeComparison>(),
];

const tableOf = <T>(columns: Column<T>[], rows: T[], lang: Language): TableData => ({
  headers: columns.map((column) => column.header(lang)),
  rows: rows.map((row) => columns.map((column) => column.value(row, lang))),
  textColumns: columns.flatMap((column, i) => (column.text ? [i] : [])),
  numberFormats: Object.fromEntries(
    columns.flatMap((column, i) => (column.numberFormat ? [[i, column.numberFormat(lang)]] : [])),
  ),
});

/** Columns of the evaluation table holding revenue per recipient, contacted and control group: the chart's bars. */
export const REVENUE_PER_MEMBER_COLUMNS: readonly number[] = CAMPAIGN_COLUMNS.flatMap((column, i) =>
  column.figure === 'revenuePerMember' ? [i] : [],
);

/** One row per campaign: the "Auswertung" sheet. */
export const evaluationTable = (evaluations: CampaignEvaluation[], lang: Language): TableData =>
  tableOf(CAMPAIGN_COLUMNS, evaluations, lang);

/** One row per campaign type: the "Auswertung nach Typ" sheet. */
export const typeComparisonTable = (comparisons: TypeComparison[], lang: Language): TableData =>
  tableOf(TYPE_COLUMNS, comparisons, lang);
