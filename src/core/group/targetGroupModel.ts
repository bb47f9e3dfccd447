import type { Labels } from '../kernel/labels';
import type { Language } from '../kernel/language';
import type { Problem } from '../kernel/problems';
import type { Recipient } from '../kernel/model';

/** Why a recipient is not a member. Closed: each has a label in both languages. */
export type ExclusionReason =
  'optOut' | 'noEmail' | 'invalidEmail' | 'noAddress' | 'noPhone' | 'removedByUser';

const EXCLUSION_REASON_LABELS: Labels<ExclusionReason> = {
  de: {
    optOut: 'Werbesperre',
    noEmail: 'keine E-Mail',
    invalidEmail: 'ungültige E-Mail',
    noAddress: 'keine Anschrift',
    noPhone: 'keine Telefonnummer',
    removedByUser: 'von Hand entfernt',
  },
  en: {
    optOut: 'opted out',
    noEmail: 'no e-mail',
    invalidEmail: 'invalid e-mail',
    noAddress: 'no address',
    noPhone: 'no phone number',
    removedByUser: 'removed by hand',
  },
};

export const exclusionReasonLabel = (reason: ExclusionReason, lang: Language): string =>
  EXCLUSION_REASON_LABELS[lang][reason];

/** Whether a member got the campaign or was held back to measure its effect. */
export type MemberGroup = 'contacted' | 'control';

export interface Member {
  /** Identity key: "c:<contactId>", "k:<customerId>", "e:<email>" or "n:<name>|<company>" (see identity.ts). */
  key: string;
  recipient: Recipient;
  /** Index of the selection that added this member first (its "Quelle"). */
  selectionIndex: number;
}

export interface Exclusion {
  key: string;
  recipient: Recipient;
  reason: ExclusionReason;
  selectionIndex: number;
}

export interface SelectionReport {
  selectionIndex: number;
  /** Human label of the selection in the campaign's language, e.g. "Inaktive Kunden (3 Monate)". */
  label: string;
  /** Recipients the selection found (after dedupe within the selection). */
  matched: number;
  added: number;
  alreadyIn: number;
  excluded: Partial<Record<ExclusionReason, number>>;
}

export interface TargetGroup {
  members: Member[];
  excluded: Exclusion[];
  reports: SelectionReport[];
  /** Data problems met while selecting (unknown article, missing postal code for a letter, …). */
  problems: Problem[];
  /**
   * Every opted-out or removed record met so far, also those not listed in `excluded` because the person is listed
   * already. A group continued later (applySelection) keeps all of them blocked. Absent means none.
   */
  blocked?: Exclusion[];
}
