import type { Recipient } from '../../../src/core/kernel/model';
import type { Member, TargetGroup } from '../../../src/core/group/targetGroupModel';

export const makeRecipient = (overrides: Partial<Recipient> = {}): Recipient => ({
  kind: 'contact',
  contactId: 'K-1001',
  customerId: '10001',
  salutation: 'Frau',
  title: '',
  firstName: 'Anna',
  lastName: 'Schmidt',
  company: 'Schmidt Bau GmbH',
  street: 'Hauptstraße 1',
  postalCode: '01067',
  city: 'Dresden',
  country: 'Deutschland',
  email: 'anna.schmidt@schmidt-bau.de',
  phone: '+49 351 123456',
  mobile: '',
  optOut: null,
  extra: {},
  sheet: 'Kontakte',
  row: 2,
  ...overrides,
});

export const makeMember = (overrides: Partial<Recipient> = {}, selectionIndex = 0): Member => {
  const recipient = makeRecipient(overrides);
  return { key: `c:${recipient.contactId}`, recipient, selectionIndex };
};

export const makeGroup = (members: Member[]): TargetGroup => ({
  members,
  excluded: [],
  reports: [],
  problems: [],
});
