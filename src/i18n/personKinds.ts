import type { ForgetSheetRows } from '../core/run/forgetRun';
import type { PersonRows } from '../core/run/personRun';
import type { MessageKey } from './de';

/** What a sheet holds about a person, as `kampagne person`, `kampagne forget` and the pane's person search name it. */
export const PERSON_KIND_KEYS: Record<ForgetSheetRows['kind'] | PersonRows['kind'], MessageKey> = {
  contact: 'personKindContact',
  customer: 'personKindCustomer',
  sale: 'personKindSale',
  blocklist: 'personKindBlocklist',
  history: 'personKindHistory',
  addinSheet: 'personKindAddinSheet',
  leads: 'personKindLeads',
};
