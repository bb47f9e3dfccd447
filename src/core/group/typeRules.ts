import type { CampaignType } from '../campaign/campaign';
import type { Recipient } from '../kernel/model';
import type { ConsentKind } from './consent';
import type { ExclusionReason } from './targetGroupModel';

/** Pragmatic, not RFC 5322: one "@", no spaces, a dot inside the domain with non-empty labels. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const isValidEmail = (email: string): boolean => EMAIL_PATTERN.test(email.trim());

const emailRule = (recipient: Recipient): ExclusionReason | null => {
  if (recipient.email.trim() === '') return 'noEmail';
  return isValidEmail(recipient.email) ? null : 'invalidEmail';
};

const hasText = (value: string): boolean => value.trim() !== '';

/** The person's consent of a kind: null where the workbook records none for them (consent.ts). */
export type ConsentLookup = (kind: ConsentKind) => boolean | null;

const NO_CONSENT_RECORDED: ConsentLookup = () => null;

/** Where consent is recorded, only a clear yes lets the message go out. */
const consentRule = (consent: ConsentLookup, kind: ConsentKind): ExclusionReason | null =>
  consent(kind) === false ? 'noConsent' : null;

/** Phone advertising to a private person needs their express consent (UWG § 7(2) Nr. 1); to a firm, presumed consent. */
const isPrivatePerson = (recipient: Recipient): boolean => !hasText(recipient.company);

const RULES: Record<CampaignType, (recipient: Recipient, consent: ConsentLookup) => ExclusionReason | null> =
  {
    email: (r, consent) => emailRule(r) ?? consentRule(consent, 'email'),
    newsletter: (r, consent) => emailRule(r) ?? consentRule(consent, 'email'),
    letter: (r) => (hasText(r.street) && hasText(r.city) ? null : 'noAddress'),
    phone: (r, consent) =>
      !hasText(r.phone) && !hasText(r.mobile)
        ? 'noPhone'
        : isPrivatePerson(r)
          ? consentRule(consent, 'phone')
          : null,
    event: () => null,
    other: () => null,
  };

/** Why the recipient cannot take part in a campaign of this type, or null. An opt-out excludes for every type. */
export const checkRecipient = (
  recipient: Recipient,
  type: CampaignType,
  consent: ConsentLookup = NO_CONSENT_RECORDED,
): ExclusionReason | null => (recipient.optOut !== null ? 'optOut' : RULES[type](recipient, consent));
