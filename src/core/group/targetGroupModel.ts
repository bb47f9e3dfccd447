import type { Labels } from '../kernel/labels';
import type { Language } from '../kernel/language';
import type { Problem } from '../kernel/problems';
import type { Day, Recipient, RowRef } from '../kernel/model';

/** Why a recipient is not a member. Closed: each has a label in both languages. */
export type ExclusionReason =
  | 'optOut'
  | 'noEmail'
  | 'invalidEmail'
  | 'noAddress'
  | 'noPhone'
  | 'removedByUser'
  | 'blocklist'
  | 'removedBySelection'
  | 'noConsent'
  | 'contactLimit'
  | 'controlGroupProtected';

const EXCLUSION_REASON_LABELS: Labels<ExclusionReason> = {
  de: {
    optOut: 'Werbesperre',
    noEmail: 'keine E-Mail',
    invalidEmail: 'ungültige E-Mail',
    noAddress: 'keine Anschrift',
    noPhone: 'keine Telefonnummer',
    removedByUser: 'von Hand entfernt',
    blocklist: 'Sperrliste',
    removedBySelection: 'durch Auswahl entfernt',
    noConsent: 'keine Einwilligung',
    contactLimit: 'Kontaktgrenze erreicht',
    controlGroupProtected: 'in der Kontrollgruppe einer anderen Kampagne',
  },
  en: {
    optOut: 'opted out',
    noEmail: 'no e-mail',
    invalidEmail: 'invalid e-mail',
    noAddress: 'no address',
    noPhone: 'no phone number',
    removedByUser: 'removed by hand',
    blocklist: 'on the blocklist',
    removedBySelection: 'removed by a selection',
    noConsent: 'no consent',
    contactLimit: 'contact limit reached',
    controlGroupProtected: "in another campaign's control group",
  },
};

export const exclusionReasonLabel = (reason: ExclusionReason, lang: Language): string =>
  EXCLUSION_REASON_LABELS[lang][reason];

/** Whether a member got the campaign or was held back to measure its effect. */
export type MemberGroup = 'contacted' | 'control';

export interface Member {
  /** Stable key of the person or unit: "c:<contactId>", "k:<customerId>", "e:<email>", "n:<name>|<company>" … (identity.ts). */
  key: string;
  /** The person the message is addressed to, merged from all their rows (mergeFields.ts). */
  recipient: Recipient;
  /** Index of the selection that added this member first (its "Quelle"). */
  selectionIndex: number;
  /** Every row merged into this member, in sheet order; absent when it is one row. */
  rows?: RowRef[];
  /** The keys of those other rows: a lead or a group decision made under one of them belongs to this member. */
  mergedKeys?: string[];
  /** Further people the one message is for: at the same e-mail address, firm or household. */
  others?: Recipient[];
}

/** Where an objection is written: the row with the opt-out (the person's own, another of theirs, the firm's) or the Sperrliste row. */
export type ExclusionCarrier = RowRef & { column?: string };

export interface Exclusion {
  /** The excluded row's own key; for a removal by hand the key that was removed. */
  key: string;
  /** The excluded row as it is in its sheet. */
  recipient: Recipient;
  reason: ExclusionReason;
  selectionIndex: number;
  /** For an opt-out or the Sperrliste: the row that carries it. */
  carrier?: ExclusionCarrier;
  /** For a removal by hand: the member taken out and its place among all members, so it can come back there. */
  removedByHand?: { member: Member; at: number };
  /** For the contact limit: the latest contact; for a protected control group: that campaign and its start. */
  contact?: { campaign: string; day: Day };
}

export interface SelectionReport {
  selectionIndex: number;
  /** Human label of the selection in the campaign's language, e.g. "Inaktive Kunden (3 Monate)". */
  label: string;
  /**
   * Rows the selection found, each once: found = added + alreadyIn + merged + all excluded. For a selection that takes
   * people out: found = the rows of the members it removed + the rows of people who were not members.
   */
  found: number;
  /** Members it added. */
  added: number;
  /** Members it found again that an earlier selection had added. */
  alreadyIn: number;
  /** Rows merged into a member: another row of the same person, or of the same address, firm or household. */
  merged: number;
  excluded: Partial<Record<ExclusionReason, number>>;
  /** Only for a selection that takes people out: the members it removed. */
  removed?: number;
}

/** All rows the selection excluded, whatever the reason. */
export const excludedCount = (report: SelectionReport): number =>
  Object.values(report.excluded).reduce((sum, count) => sum + (count ?? 0), 0);

export interface TargetGroup {
  members: Member[];
  /** Every excluded row, once, with its reason. */
  excluded: Exclusion[];
  reports: SelectionReport[];
  /** Data problems met while selecting (unknown article, missing postal code for a letter, …). */
  problems: Problem[];
}

/** How many rows went into other members: the rows of all members beyond one each. */
export const mergedRowCount = (group: Pick<TargetGroup, 'members'>): number =>
  group.members.reduce((sum, member) => sum + Math.max((member.rows?.length ?? 1) - 1, 0), 0);
