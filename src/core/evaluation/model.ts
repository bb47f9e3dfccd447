import type { MemberGroup } from '../group/targetGroupModel';
import type { CampaignStatus, CampaignType, PrimaryMetric } from '../campaign/campaign';
import type { Day } from '../kernel/model';
import type { LeadStatus } from '../outputs/leadsSheet';

/** The shapes of the success evaluation. Pure data: the pane, the CLI and the sheets render them. */

/** A member of a campaign as the evaluation sees it: who, in which group, and whose purchases count. */
export interface EvaluatedMember {
  key: string;
  /** Customer number whose sales lines count for this member; '' when the member has none (no purchases). */
  customerId: string;
  group: MemberGroup;
}

export interface GroupFigures {
  members: number;
  /** Members with net revenue > 0 in the window. */
  buyers: number;
  /** buyers / members; 0 for an empty group. */
  conversion: number;
  /** Net revenue in the window (returns subtract); members sharing a customer number share its revenue equally. */
  revenue: number;
  revenuePerMember: number;
  /** Orders: distinct (customer, day) pairs with a positive line in the window. */
  orders: number;
}

export interface Estimate {
  value: number;
  /** 95 % interval. */
  low: number;
  high: number;
}

/**
 * The one-line judgement a shop owner reads first. Closed: each has a sentence in both languages.
 * - notStarted: no start date yet, or one after today; noSalesYet: started, but the sales sheet has no line (of
 *   anyone) dated in the window so far: the sales have not been brought up to date;
 * - paidOff / notPaidOff (primary metric revenue): the interval of the ROI (or, without cost, of the incremental
 *   revenue) is above / below 0;
 * - moreBuyers / fewerBuyers (primary metric conversion): the interval of the buyer share's uplift is above / below 0;
 * - uncertain: the primary metric's interval contains 0; controlTooSmall: fewer than 30 control members or fewer than 5 buyers in
 *   both groups together (MIN_CONTROL_MEMBERS, MIN_BUYERS in evaluate.ts): the intervals are shown, no verdict;
 * - noControl: no control group, figures are descriptive only ("ohne Kontrollgruppe — nicht ursächlich").
 */
export type Verdict =
  | 'notStarted'
  | 'noSalesYet'
  | 'paidOff'
  | 'notPaidOff'
  | 'moreBuyers'
  | 'fewerBuyers'
  | 'uncertain'
  | 'controlTooSmall'
  | 'noControl';

/** The verdicts that judge the campaign's effect from a control group. */
export const JUDGED_VERDICTS: readonly Verdict[] = [
  'paidOff',
  'notPaidOff',
  'moreBuyers',
  'fewerBuyers',
  'uncertain',
];

/** What the return on investment is computed on: the margin where the workbook has purchase prices or margins. */
export type RoiBasis = 'margin' | 'revenue';

/** Things the user should know about the figures; each has a message in both languages. */
export type EvaluationNoteCode =
  | 'undatedSales' // sales lines of members without a date: not counted
  | 'returns' // negative lines (returns/credit notes) in the window: netted
  | 'overlap' // members also in another campaign whose window overlaps: their purchases count for both
  | 'windowOpen' // the window has not ended yet: figures may still change
  | 'noCustomerNumber' // members without a customer number: they can never count as buyers
  | 'sharedCustomer' // members sharing a customer number with another member: its purchases are split among them
  | 'contamination' // control members contacted anyway in the window (another campaign, a worked lead)
  | 'inactiveWithoutControl' // an inactive-customers campaign without control group: some would have come back anyway
  | 'marginEstimated'; // sales lines without purchase price or margin: counted with the average margin

export interface EvaluationNote {
  code: EvaluationNoteCode;
  count: number;
  /** For 'overlap' and 'contamination': the other campaigns' names. */
  campaigns?: string[];
  /** For 'contamination': control members reached through a lead that sales worked (status set, note written). */
  leads?: number;
  /** For 'marginEstimated': the average margin as a share of revenue that those lines are counted with. */
  share?: number;
}

export interface LeadFigures {
  total: number;
  byStatus: Record<LeadStatus, number>;
  /** Leads whose status is none of the add-in's (people typed their own, e.g. "Angebot verschickt"). */
  otherStatus: number;
  /** won / total; 0 without leads. */
  wonShare: number;
}

export interface CampaignEvaluation {
  campaignId: string;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  start: Day | null;
  /** Last day counted: min(start + window − 1, today); null before the start (no start date, or one after today). */
  windowEnd: Day | null;
  windowDays: number;
  /** Days of the window observed so far (0 before the start). */
  daysObserved: number;
  cost: number | null;
  /** The figure the verdict is stated from (stored in the campaign before sending); the others are secondary. */
  primaryMetric: PrimaryMetric;
  contacted: GroupFigures;
  /** null without a control group. */
  control: GroupFigures | null;
  /**
   * For a campaign that selects inactive customers: the control group's buyer share ("wären ohnehin
   * zurückgekommen") with its 95 % interval; the campaign's effect is the uplift beside it, never a before/after.
   */
  returnedAnyway: Estimate | null;
  /** Incremental margin (where the workbook has purchase prices or margins), like incrementalRevenue. */
  incrementalMargin: Estimate | null;
  roiBasis: RoiBasis;
  /** Conversion contacted − control, in proportion units (0.05 = 5 percentage points); two-proportion interval. */
  conversionUplift: Estimate | null;
  /** Revenue per member contacted − control, with a bootstrap interval. */
  revenuePerMemberUplift: Estimate | null;
  /** revenuePerMemberUplift × contacted members. */
  incrementalRevenue: Estimate | null;
  /** (incremental margin, or revenue without margins, − cost) / cost; null without cost or control group. */
  roi: Estimate | null;
  verdict: Verdict;
  notes: EvaluationNote[];
  /** From the Leads sheet; null when there is none or it has no rows of this campaign. */
  leads: LeadFigures | null;
}

/** What a campaign did beyond what its control group shows: the effects, in money and buyers, and the return. */
export type Effects = Pick<
  CampaignEvaluation,
  | 'conversionUplift'
  | 'revenuePerMemberUplift'
  | 'incrementalRevenue'
  | 'incrementalMargin'
  | 'roi'
  | 'roiBasis'
>;

/** Campaigns of one type taken together: the comparison the campaign type exists for. */
export interface TypeComparison {
  type: CampaignType;
  campaigns: number;
  contacted: GroupFigures;
  /** Pooled over the campaigns of this type that have a control group; null if none has. */
  control: GroupFigures | null;
  conversionUplift: Estimate | null;
  revenuePerMemberUplift: Estimate | null;
  cost: number;
  incrementalRevenue: Estimate | null;
  incrementalMargin: Estimate | null;
  roi: Estimate | null;
  roiBasis: RoiBasis;
}
