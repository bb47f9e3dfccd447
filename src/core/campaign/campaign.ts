import type { Language } from '../kernel/language';
import type { Field, SheetRole } from '../kernel/model';

export const CAMPAIGN_TYPES = ['email', 'letter', 'phone', 'newsletter', 'event', 'other'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

export const FILTER_OPS = [
  'equals',
  'notEquals',
  'contains',
  'startsWith',
  'in',
  'isEmpty',
  'isNotEmpty',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export type FilterValue = string | number | boolean | Array<string | number>;

export interface FilterCondition {
  /** A header text as in the sheet, or a field name such as "city". */
  column: string;
  op: FilterOp;
  value?: FilterValue;
}

/**
 * A selection adds whom it finds to the group, or takes them out again ("customers of the winter tyres who did not buy
 * the rims": add the one, then remove the other). Selections run one after another, so a later one may add again.
 */
export const SELECTION_MODES = ['add', 'remove'] as const;
export type SelectionMode = (typeof SELECTION_MODES)[number];

interface SelectionBase {
  /** Default 'add'. */
  mode?: SelectionMode;
}

export interface RecordSelection extends SelectionBase {
  from: 'contacts' | 'customers';
  filter?: FilterCondition[];
  ids?: string[];
}

export interface PurchasedArticlesSelection extends SelectionBase {
  from: 'purchasedArticles';
  /** Article numbers or names, matched exactly and case-insensitively. */
  articles: string[];
  /** ISO dates YYYY-MM-DD, inclusive. */
  since?: string;
  until?: string;
  minQuantity?: number;
}

export interface InactiveCustomersSelection extends SelectionBase {
  from: 'inactiveCustomers';
  months: number;
  /** ISO date YYYY-MM-DD; default: today. */
  asOf?: string;
  /** Default true: customers that never bought count as inactive. */
  includeNeverPurchased?: boolean;
}

/** Whom a campaign reached, from the contact history: "Empfänger der Kampagne Y". */
export interface CampaignRecipientsSelection extends SelectionBase {
  from: 'campaignRecipients';
  /** The campaign's name (or its id) as the history records it. */
  campaign: string;
  /** Only those it contacted, not its control group. Default false: everyone it held back too. */
  contactedOnly?: boolean;
}

/** Whom any campaign contacted in the last `days` days (today included), from the contact history. */
export interface RecentlyContactedSelection extends SelectionBase {
  from: 'recentlyContacted';
  days: number;
}

/** The selections that read the contact history rather than the user's sheets. */
export type HistorySelection = CampaignRecipientsSelection | RecentlyContactedSelection;

/** The selections that read the user's sheets. */
export type SheetSelection = Exclude<SelectionDefinition, HistorySelection>;

export const readsHistory = (selection: SelectionDefinition): selection is HistorySelection =>
  selection.from === 'campaignRecipients' || selection.from === 'recentlyContacted';

export type SelectionDefinition =
  | RecordSelection
  | PurchasedArticlesSelection
  | InactiveCustomersSelection
  | CampaignRecipientsSelection
  | RecentlyContactedSelection;

export const removes = (selection: SelectionDefinition): boolean => selection.mode === 'remove';

export const CAMPAIGN_STATUSES = ['planned', 'active', 'completed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const DEFAULT_EVALUATION_DAYS = 90;

/** Letters to a person at a firm: "an die Person" writes the person's line as it is, "an die Firma" adds "z. Hd.". */
export const ADDRESSEES = ['person', 'company'] as const;
export type Addressee = (typeof ADDRESSEES)[number];

/** A known name without Anrede: "Guten Tag Anna Schmidt," (name) or "Sehr geehrte Damen und Herren," (general). */
export const NEUTRAL_GREETINGS = ['name', 'general'] as const;
export type NeutralGreeting = (typeof NEUTRAL_GREETINGS)[number];

/** Who gets one letter: each person (default), each firm, or each household (same street, postal code, last name). */
export const LETTER_UNITS = ['person', 'firm', 'household'] as const;
export type LetterUnit = (typeof LETTER_UNITS)[number];

/**
 * The one figure the verdict is stated from, chosen before sending so that nobody picks afterwards the figure that
 * happens to look good: the share of buyers, or the revenue (with a cost: the return on it).
 */
export const PRIMARY_METRICS = ['conversion', 'revenue'] as const;
export type PrimaryMetric = (typeof PRIMARY_METRICS)[number];
export const DEFAULT_PRIMARY_METRIC: PrimaryMetric = 'revenue';

/**
 * "Höchstens 1 Kontakt je 30 Tage": a member whom other campaigns contacted `contacts` times in the last `days` days
 * (any channel; one use of a campaign is one contact) is left out.
 */
export interface ContactLimit {
  contacts: number;
  days: number;
}

/** The campaign file format the command line reads and the add-in stores in the workbook. */
export interface CampaignDefinition {
  name: string;
  type: CampaignType;
  description?: string;
  language?: Language;
  sources?: Partial<Record<SheetRole, string>>;
  /** Explicit column mapping per role: field → header text. Wins over recognition. */
  columns?: Partial<Record<SheetRole, Partial<Record<Field, string>>>>;
  selections: SelectionDefinition[];
  /** Member keys the user removed by hand; they stay out when selections run again. */
  removed?: string[];
  /** ISO date the campaign went out (Versand/Start); set to the day the target group is first used if absent. */
  start?: string;
  /** ISO date, optional. */
  end?: string;
  /** Cost in euros, for the return on investment. */
  cost?: number;
  /** Days after the start in which purchases count for the campaign; default DEFAULT_EVALUATION_DAYS. */
  evaluationDays?: number;
  /** Default 'planned'. */
  status?: CampaignStatus;
  /** Share of members held back as a control group, in percent (0 or absent: none). */
  controlPercent?: number;
  /** Default 'person'. */
  addressee?: Addressee;
  /** Default 'name'. A diverse person is always greeted by name. */
  neutralGreeting?: NeutralGreeting;
  /** Letter campaigns only: one letter per person (default), per firm or per household. */
  letterUnit?: LetterUnit;
  /** The figure the verdict is stated from; default DEFAULT_PRIMARY_METRIC. */
  primaryMetric?: PrimaryMetric;
  /** Overrides the workbook's contact limit (AddinState.contactLimit) for this campaign. */
  contactLimit?: ContactLimit;
}

/**
 * Who was in which group when the target group was last used. Kept so that a member's group never changes once
 * decided, also when members are added later (see controlGroup.ts).
 */
export interface GroupAssignment {
  /** Member keys held back (Kontrollgruppe). */
  control: string[];
  /** Member keys that were contacted. */
  contacted: string[];
}

/** A campaign as kept in the workbook's state. */
export interface StoredCampaign extends CampaignDefinition {
  /** Stable id, kept when the campaign is renamed; lead ids derive from it. */
  id: string;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  memberCount: number;
  /** The sheet the target group was last written to. */
  targetSheet?: string;
  /**
   * Present once the target group was used (written, exported or turned into leads), also without a control group:
   * then every member is in `contacted`. See groupUse.ts.
   */
  assignment?: GroupAssignment;
  /**
   * The member keys of the group as last used or refreshed: what "Aktualisieren" compares today's group with
   * (run/refresh.ts). Unlike the assignment it forgets who left.
   */
  members?: string[];
}
