import { cyrb53 } from '../kernel/stableHash';

/**
 * The compact memory of what the add-in wrote into its leads, kept in the state (CampaignLeads.rows): per lead its id
 * and a 4-character fingerprint of each copied contact field. It tells a field a person changed (keep it) from one
 * nobody touched (update it from the source) without storing the personal data a second time.
 */

/** The contact fields copied into each lead, in record order. */
export const COPIED_FIELDS = ['firstName', 'lastName', 'company', 'email', 'phone', 'customerId'] as const;
export type CopiedField = (typeof COPIED_FIELDS)[number];

const ID_LENGTH = 12;
const FINGERPRINT_LENGTH = 4;
const FINGERPRINTS_LENGTH = COPIED_FIELDS.length * FINGERPRINT_LENGTH;
const RECORD_LENGTH = ID_LENGTH + FINGERPRINTS_LENGTH;
const LEAD_ID_PREFIX = 'L-';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/**
 * 24 bits of cyrb53 in four characters: a person's change goes unnoticed only if the new text hashes like the old,
 * about once in 16.7 million changed fields.
 */
export const fingerprint = (text: string): string => {
  // the low 24 bits of the 53-bit hash, taken with integer operations: a float division per character was a third
  // of the merge's time
  const low = cyrb53(text) % 2 ** 24;
  return ALPHABET[low & 63] + ALPHABET[(low >>> 6) & 63] + ALPHABET[(low >>> 12) & 63] + ALPHABET[low >>> 18];
};

/** Lead id → its fields' fingerprints (COPIED_FIELDS order, 4 characters each). */
export type LeadRecords = Map<string, string>;

export const parseLeadRecords = (rows: string | undefined): LeadRecords => {
  const records: LeadRecords = new Map();
  if (!rows) return records;
  for (let at = 0; at + RECORD_LENGTH <= rows.length; at += RECORD_LENGTH) {
    const id = LEAD_ID_PREFIX + rows.slice(at, at + ID_LENGTH);
    records.set(id, rows.slice(at + ID_LENGTH, at + RECORD_LENGTH));
  }
  return records;
};

/** Only the add-in's own lead ids ("L-" and 12 characters) can be recorded; others are people's rows. */
export const isRecordableLeadId = (leadId: string): boolean =>
  leadId.length === LEAD_ID_PREFIX.length + ID_LENGTH && leadId.startsWith(LEAD_ID_PREFIX);

export const serializeLeadRecords = (records: LeadRecords): string => {
  // forEach and one part per lead: the for-of loop's entry pairs and twice the parts took twice as long at 50,000 leads
  const parts: string[] = [];
  records.forEach((fingerprints, id) => parts.push(id.slice(LEAD_ID_PREFIX.length) + fingerprints));
  return parts.join('');
};

/** The fingerprint of one field inside a lead's fingerprints. */
export const fieldFingerprint = (fingerprints: string, field: number): string =>
  fingerprints.slice(field * FINGERPRINT_LENGTH, (field + 1) * FINGERPRINT_LENGTH);
