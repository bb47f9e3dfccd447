import type { Recipient } from '../../../src/core/kernel/model';
import type { Member, TargetGroup } from '../../../src/core/group/targetGroupModel';
import { makeRecipient } from '../builders';

/** A recipient with every field filled, as the outputs' tests start from: Anna Schmidt of Schmidt Bau in Dresden. */
export const completeRecipient = (overrides: Partial<Recipient> = {}): Recipient =>
  makeRecipient({
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
  const recipient = completeRecipient(overrides);
  return { key: `c:${recipient.contactId}`, recipient, selectionIndex };
};

export const makeGroup = (members: Member[]): TargetGroup => ({
  members,
  excluded: [],
  reports: [],
  problems: [],
});
