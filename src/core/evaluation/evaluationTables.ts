import type { Language } from '../kernel/language';
import { campaignStatusLabel } from '../campaign/campaignStatus';
import { campaignTypeLabel } from '../campaign/campaignTypes';
import type { Day } from '../kernel/model';
import type { CellValue, TableData } from '../kernel/sheetTable';
import { evaluationSummary, verdictLabel } from './evaluationText';
import type { CampaignEvaluation, Estimate, GroupFigures, TypeComparison } from './model';

/**
 * The Auswertung sheets. Figures are numbers, not text, so Excel can sort and chart them; the unit is in the header
 * (percent as 12.5, money in euros with cents), because a table write carries no number formats. An empty cell means
 * "does not apply" (no control group, no cost).
 */

interface Column<T> {
  header: Record<Language, string>;
  value: (row: T, lang: Language) => CellValue;
  /** People's text (names): must never become a formula. */
  text?: boolean;
}

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor || 0;
};
const euros = (value: number | null | undefined): CellValue => (value == null ? null : round(value, 2));
const percent = (share: number | null | undefined): CellValue =>
  share == null ? null : round(share * 100, 2);
const dateOf = (day: Day | null): CellValue => (day === null ? null : new Date(day * 86_400_000));

type Figures = Pick<
  CampaignEvaluation,
  'contacted' | 'control' | 'conversionUplift' | 'incrementalRevenue' | 'roi'
>;

const estimateColumns = <T extends Figures>(
  names: Record<Language, [string, string, string]>,
  pick: (row: T) => Estimate | null,
  show: (value: number | undefined) => CellValue,
): Column<T>[] =>
  (['value', 'low', 'high'] as const).map((part, i) => ({
    header: { de: names.de[i], en: names.en[i] },
    value: (row) => show(pick(row)?.[part]),
  }));

const groupColumns = <T extends Figures>(
  label: Record<Language, string>,
  pick: (row: T) => GroupFigures | null,
): Column<T>[] => [
  {
    header: { de: `Kaufquote ${label.de} (%)`, en: `Conversion ${label.en} (%)` },
    value: (row) => percent(pick(row)?.conversion),
  },
  {
    header: { de: `Umsatz je Empfänger ${label.de} (€)`, en: `Revenue per recipient ${label.en} (€)` },
    value: (row) => euros(pick(row)?.revenuePerMember),
  },
];

const CONTACTED = { de: 'kontaktiert', en: 'contacted' };
const CONTROL = { de: 'Kontrollgruppe', en: 'control group' };

/** Uplift, incremental revenue and ROI with their 95 % intervals: the same columns in both tables. */
const effectColumns = <T extends Figures & { cost: number | null }>(): Column<T>[] => [
  ...groupColumns<T>(CONTACTED, (row) => row.contacted),
  ...groupColumns<T>(CONTROL, (row) => row.control),
  ...estimateColumns<T>(
    {
      de: ['Mehr Käufer (Prozentpunkte)', 'Mehr Käufer von', 'Mehr Käufer bis'],
      en: ['More buyers (percentage points)', 'More buyers from', 'More buyers to'],
    },
    (row) => row.conversionUplift,
    percent,
  ),
  ...estimateColumns<T>(
    {
      de: ['Mehrumsatz (€)', 'Mehrumsatz von (€)', 'Mehrumsatz bis (€)'],
      en: ['Additional revenue (€)', 'Additional revenue from (€)', 'Additional revenue to (€)'],
    },
    (row) => row.incrementalRevenue,
    euros,
  ),
  { header: { de: 'Kosten (€)', en: 'Cost (€)' }, value: (row) => euros(row.cost) },
  { header: { de: 'ROI (%)', en: 'ROI (%)' }, value: (row) => percent(row.roi?.value) },
];

const CAMPAIGN_COLUMNS: Column<CampaignEvaluation>[] = [
  { header: { de: 'Kampagne', en: 'Campaign' }, value: (e) => e.name, text: true },
  { header: { de: 'Typ', en: 'Type' }, value: (e, lang) => campaignTypeLabel(e.type, lang), text: true },
  {
    header: { de: 'Status', en: 'Status' },
    value: (e, lang) => campaignStatusLabel(e.status, lang),
    text: true,
  },
  { header: { de: 'Start', en: 'Start' }, value: (e) => dateOf(e.start) },
  { header: { de: 'Ausgewertet bis', en: 'Evaluated until' }, value: (e) => dateOf(e.windowEnd) },
  {
    header: { de: 'Empfänger', en: 'Recipients' },
    value: (e) => e.contacted.members + (e.control?.members ?? 0),
  },
  { header: { de: 'Kontrollgruppe', en: 'Control group' }, value: (e) => e.control?.members ?? null },
  ...effectColumns<CampaignEvaluation>(),
  { header: { de: 'Aussage', en: 'Verdict' }, value: (e, lang) => verdictLabel(e.verdict, lang), text: true },
  { header: { de: 'Leads', en: 'Leads' }, value: (e) => e.leads?.total ?? null },
  { header: { de: 'Leads gewonnen', en: 'Leads won' }, value: (e) => e.leads?.byStatus.won ?? null },
  {
    header: { de: 'Zusammenfassung', en: 'Summary' },
    value: (e, lang) => evaluationSummary(e, lang),
    text: true,
  },
];

const TYPE_COLUMNS: Column<TypeComparison>[] = [
  { header: { de: 'Typ', en: 'Type' }, value: (c, lang) => campaignTypeLabel(c.type, lang), text: true },
  { header: { de: 'Kampagnen', en: 'Campaigns' }, value: (c) => c.campaigns },
  { header: { de: 'Empfänger kontaktiert', en: 'Recipients contacted' }, value: (c) => c.contacted.members },
  { header: { de: 'Kontrollgruppe', en: 'Control group' }, value: (c) => c.control?.members ?? null },
  ...effectColumns<TypeComparison>(),
];

const tableOf = <T>(columns: Column<T>[], rows: T[], lang: Language): TableData => ({
  headers: columns.map((column) => column.header[lang]),
  rows: rows.map((row) => columns.map((column) => column.value(row, lang))),
  textColumns: columns.flatMap((column, i) => (column.text ? [i] : [])),
});

/** Columns of the evaluation table holding revenue per recipient, contacted and control group: the chart's bars. */
export const REVENUE_PER_MEMBER_COLUMNS: readonly number[] = CAMPAIGN_COLUMNS.flatMap((column, i) =>
  column.header.en.startsWith('Revenue per recipient') ? [i] : [],
);

/** One row per campaign: the "Auswertung" sheet. */
export const evaluationTable = (evaluations: CampaignEvaluation[], lang: Language): TableData =>
  tableOf(CAMPAIGN_COLUMNS, evaluations, lang);

/** One row per campaign type: the "Auswertung nach Typ" sheet. */
export const typeComparisonTable = (comparisons: TypeComparison[], lang: Language): TableData =>
  tableOf(TYPE_COLUMNS, comparisons, lang);
