import type { PrimaryMetric } from '../campaign/campaign';
import type { Figure, NumberKind } from '../kernel/formats';
import type { Labels } from '../kernel/labels';
import type { Language } from '../kernel/language';
import { LEAD_STATUS_LABELS, LEAD_STATUSES } from '../outputs/leadsSheet';
import type { CampaignEvaluation, Effects, Estimate, GroupFigures, LeadFigures, RoiBasis } from './model';

/**
 * The evaluation as figures to show: which number, of which kind, under which label, with which interval. The task
 * pane, the command line and the Auswertung sheets render these rows; none of them picks a format or a label itself.
 */

export type GroupFigureId = 'members' | 'buyers' | 'conversion' | 'revenue' | 'revenuePerMember' | 'orders';
export type EffectFigureId =
  | 'returnedAnyway'
  | 'conversionUplift'
  | 'revenuePerMemberUplift'
  | 'incrementalRevenue'
  | 'incrementalMargin'
  | 'roi';
export type FigureId = GroupFigureId | EffectFigureId | 'cost';
export type Group = 'contacted' | 'control';

export interface Interval {
  low: number;
  high: number;
}

/** A figure of the evaluation; an estimated effect carries its 95 % interval and its sign. */
export interface EvaluationFigure extends Figure {
  kind: NumberKind;
  interval: Interval | null;
}

/**
 * What a campaign and a campaign type both have: the figures of both groups, the effects and the cost; a campaign
 * of inactive customers also the control group's own return.
 */
export type Measures = Pick<CampaignEvaluation, 'contacted' | 'control' | 'cost'> &
  Effects &
  Partial<Pick<CampaignEvaluation, 'returnedAnyway'>>;

const FIGURE_LABELS: Labels<FigureId> = {
  de: {
    members: 'Empfänger',
    buyers: 'Käufer',
    conversion: 'Kaufquote',
    revenue: 'Umsatz',
    revenuePerMember: 'Umsatz je Empfänger',
    orders: 'Bestellungen',
    returnedAnyway: 'Wären ohnehin zurückgekommen',
    conversionUplift: 'Mehr Käufer',
    revenuePerMemberUplift: 'Mehr Umsatz je Empfänger',
    incrementalRevenue: 'Mehrumsatz',
    incrementalMargin: 'Mehr Marge',
    roi: 'Rendite (ROI)',
    cost: 'Kosten',
  },
  en: {
    members: 'Recipients',
    buyers: 'Buyers',
    conversion: 'Conversion',
    revenue: 'Revenue',
    revenuePerMember: 'Revenue per recipient',
    orders: 'Orders',
    returnedAnyway: 'Would have come back anyway',
    conversionUplift: 'More buyers',
    revenuePerMemberUplift: 'More revenue per recipient',
    incrementalRevenue: 'Additional revenue',
    incrementalMargin: 'Additional margin',
    roi: 'Return on investment (ROI)',
    cost: 'Cost',
  },
};

const GROUP_LABELS: Labels<Group> = {
  de: { contacted: 'Kontaktiert', control: 'Kontrollgruppe' },
  en: { contacted: 'Contacted', control: 'Control group' },
};

/** The group after a figure's name, as in a column header: "Kaufquote kontaktiert", "Kaufquote Kontrollgruppe". */
const GROUP_AFTER_FIGURE: Labels<Group> = {
  de: { contacted: 'kontaktiert', control: 'Kontrollgruppe' },
  en: { contacted: 'contacted', control: 'control group' },
};

/** What the return is computed on, after its name: "Rendite (ROI) auf Marge". */
const ROI_BASIS: Labels<RoiBasis> = {
  de: { margin: 'auf Marge', revenue: 'auf Umsatz' },
  en: { margin: 'on margin', revenue: 'on revenue' },
};

/** The primary metric and the others, as the evaluation marks its effects. */
const METRIC_ROLE: Record<Language, Record<'primary' | 'secondary', string>> = {
  de: { primary: 'Hauptkennzahl', secondary: 'Nebenkennzahl' },
  en: { primary: 'Primary metric', secondary: 'Secondary metric' },
};

/** Leads whose status people typed themselves ("Angebot verschickt"). */
const OWN_STATUS: Record<Language, string> = { de: 'Eigener Status', en: 'Own status' };

export const figureLabel = (id: FigureId, lang: Language): string => FIGURE_LABELS[lang][id];

/** The primary metric by the name of the figure it is: "Kaufquote", "Umsatz". */
export const primaryMetricLabel = (metric: PrimaryMetric, lang: Language): string =>
  figureLabel(metric === 'conversion' ? 'conversion' : 'revenue', lang);
export const groupLabel = (group: Group, lang: Language): string => GROUP_LABELS[lang][group];
export const roiBasisLabel = (basis: RoiBasis, lang: Language): string => ROI_BASIS[lang][basis];
export const metricRoleLabel = (primary: boolean, lang: Language): string =>
  METRIC_ROLE[lang][primary ? 'primary' : 'secondary'];

/** A figure of one group, or an effect or the cost when no group is named. */
export const figureHeader = (id: FigureId, group: Group | null, lang: Language): string =>
  group === null ? figureLabel(id, lang) : `${figureLabel(id, lang)} ${GROUP_AFTER_FIGURE[lang][group]}`;

const GROUP_FIGURES: Record<GroupFigureId, { kind: NumberKind; of(group: GroupFigures): number }> = {
  members: { kind: 'count', of: (group) => group.members },
  buyers: { kind: 'count', of: (group) => group.buyers },
  conversion: { kind: 'share', of: (group) => group.conversion },
  revenue: { kind: 'money', of: (group) => group.revenue },
  revenuePerMember: { kind: 'cents', of: (group) => group.revenuePerMember },
  orders: { kind: 'count', of: (group) => group.orders },
};

const EFFECTS: Record<EffectFigureId, { kind: NumberKind; of(measures: Measures): Estimate | null }> = {
  // Not an effect but the control group's own return, shown beside the uplift (regression to the mean).
  returnedAnyway: { kind: 'share', of: (measures) => measures.returnedAnyway ?? null },
  conversionUplift: { kind: 'points', of: (measures) => measures.conversionUplift },
  revenuePerMemberUplift: { kind: 'cents', of: (measures) => measures.revenuePerMemberUplift },
  incrementalRevenue: { kind: 'money', of: (measures) => measures.incrementalRevenue },
  incrementalMargin: { kind: 'money', of: (measures) => measures.incrementalMargin },
  roi: { kind: 'roi', of: (measures) => measures.roi },
};

/** The effects the verdict is stated from, per primary metric; every other effect is secondary. */
const PRIMARY_EFFECTS: Record<PrimaryMetric, ReadonlySet<EffectFigureId>> = {
  conversion: new Set(['conversionUplift']),
  revenue: new Set(['revenuePerMemberUplift', 'incrementalRevenue', 'incrementalMargin', 'roi']),
};

const idsOf = <K extends string>(record: Record<K, unknown>): K[] => Object.keys(record) as K[];
const GROUP_FIGURE_IDS = idsOf(GROUP_FIGURES);
const EFFECT_IDS = idsOf(EFFECTS);

const isGroupFigure = (id: FigureId): id is GroupFigureId => id in GROUP_FIGURES;
export const isEffect = (id: FigureId): id is EffectFigureId => id in EFFECTS;

/** How a figure reads, whatever its value: its kind, and for an effect its sign. */
export const figureFormat = (id: FigureId): { kind: NumberKind; signed: boolean } => {
  if (isGroupFigure(id)) return { kind: GROUP_FIGURES[id].kind, signed: false };
  if (id === 'cost') return { kind: 'money', signed: false };
  return { kind: EFFECTS[id].kind, signed: id !== 'returnedAnyway' };
};

export const groupFigure = (id: GroupFigureId, group: GroupFigures): EvaluationFigure => ({
  ...figureFormat(id),
  value: GROUP_FIGURES[id].of(group),
  interval: null,
});

const effectFigure = (id: EffectFigureId, measures: Measures): EvaluationFigure | null => {
  const estimate = EFFECTS[id].of(measures);
  return estimate
    ? { ...figureFormat(id), value: estimate.value, interval: { low: estimate.low, high: estimate.high } }
    : null;
};

/**
 * Any figure of a campaign or a campaign type: of the contacted or the control group (null without one), an effect
 * (null where it cannot be estimated), or the cost (null without one).
 */
export const figureOf = (
  measures: Measures,
  id: FigureId,
  group: Group = 'contacted',
): EvaluationFigure | null => {
  if (isGroupFigure(id)) {
    const figures = group === 'contacted' ? measures.contacted : measures.control;
    return figures ? groupFigure(id, figures) : null;
  }
  if (id === 'cost')
    return measures.cost === null ? null : { ...figureFormat(id), value: measures.cost, interval: null };
  return effectFigure(id, measures);
};

export interface KeyFigureRow {
  id: GroupFigureId;
  label: string;
  contacted: EvaluationFigure;
  /** null without a control group. */
  control: EvaluationFigure | null;
}

/** Recipients, buyers, conversion, revenue, revenue per recipient and orders: contacted next to control. */
export const keyFigureRows = (
  measures: Pick<Measures, 'contacted' | 'control'>,
  lang: Language,
): KeyFigureRow[] =>
  GROUP_FIGURE_IDS.map((id) => ({
    id,
    label: figureLabel(id, lang),
    contacted: groupFigure(id, measures.contacted),
    control: measures.control ? groupFigure(id, measures.control) : null,
  }));

export interface EffectRow {
  id: EffectFigureId | 'cost';
  label: string;
  figure: EvaluationFigure;
  /** Whether the verdict is stated from this effect; null for the cost, the control group's return, or no metric. */
  primary: boolean | null;
}

/** "Rendite (ROI) auf Marge": the return says what it is computed on. */
export const effectLabel = (id: EffectFigureId | 'cost', measures: Measures, lang: Language): string =>
  id === 'roi' ? `${figureLabel(id, lang)} ${roiBasisLabel(measures.roiBasis, lang)}` : figureLabel(id, lang);

const isPrimary = (id: EffectFigureId | 'cost', metric: PrimaryMetric | undefined): boolean | null =>
  metric === undefined || id === 'cost' || id === 'returnedAnyway' ? null : PRIMARY_EFFECTS[metric].has(id);

/**
 * The effects that could be estimated, each with its interval, then the cost if there is one. With the campaign's
 * primary metric, each effect says whether the verdict is stated from it.
 */
export const effectRows = (measures: Measures, lang: Language, metric?: PrimaryMetric): EffectRow[] =>
  [...EFFECT_IDS, 'cost' as const].flatMap((id) => {
    const figure = figureOf(measures, id);
    return figure
      ? [{ id, label: effectLabel(id, measures, lang), figure, primary: isPrimary(id, metric) }]
      : [];
  });

export interface LeadRow {
  label: string;
  count: number;
}

/** Leads by status in the Leads sheet's order; people's own statuses last, when there are any. */
export const leadRows = (leads: LeadFigures, lang: Language): LeadRow[] => [
  ...LEAD_STATUSES.map((status) => ({
    label: LEAD_STATUS_LABELS[lang][status],
    count: leads.byStatus[status],
  })),
  ...(leads.otherStatus > 0 ? [{ label: OWN_STATUS[lang], count: leads.otherStatus }] : []),
];

export const wonShare = (leads: LeadFigures): EvaluationFigure => ({
  kind: 'share',
  value: leads.wonShare,
  interval: null,
});
