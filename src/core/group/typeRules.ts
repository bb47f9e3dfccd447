import type { CampaignType } from '../campaign/campaign';
import type { Recipient } from '../kernel/model';
import type { ExclusionReason } from './targetGroupModel';

/** Pragmatic, not RFC 5322: one "@", no spaces, a dot inside the domain with non-empty labels. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const isValidEmail = (email: string): boolean => EMAIL_PATTERN.test(email.trim());

const emailRule = (recipient: Recipient): ExclusionReason | null => {
  if (recipient.email.trim() === '') return 'noEmail';
  return isValidEmail(recipient.email) ? null : 'invalidEmail';
};

const hasText = (value: string): boolean => value.trim() !== '';

const RULES: Record<CampaignType, (recipient: Recipient) => ExclusionReason | null> = {
  email: emailRule,
  newsletter: emailRule,
  letter: (r) => (hasText(r.street) && hasText(r.city) ? null : 'noAddress'),
  phone: (r) => (hasText(r.phone) || hasText(r.mobile) ? null : 'noPhone'),
  event: () => null,
  other: () => null,
};

/** Why the recipient cannot take part in a campaign of this type, or null. An opt-out excludes for every type. */
export const checkRecipient = (recipient: Recipient, type: CampaignType): ExclusionReason | null =>
  recipient.optOut !== null ? 'optOut' : RULES[type](recipient);
