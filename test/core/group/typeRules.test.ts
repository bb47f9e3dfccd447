import type { CampaignType } from '../../../src/core/campaign/campaign';
import type { Recipient } from '../../../src/core/kernel/model';
import type { ExclusionReason } from '../../../src/core/group/targetGroupModel';
import { checkRecipient, isValidEmail } from '../../../src/core/group/typeRules';
import { makeRecipient } from '../builders';

const complete: Partial<Recipient> = {
  email: 'anna@example.de',
  street: 'Hauptstr. 1',
  postalCode: '01067',
  city: 'Dresden',
  phone: '+49 351 123',
};

describe('checkRecipient', () => {
  it.each<[string, CampaignType, Partial<Recipient>, ExclusionReason | null]>([
    ['complete e-mail recipient', 'email', complete, null],
    ['opt-out excludes an e-mail campaign', 'email', { ...complete, optOut: 'Werbesperre' }, 'optOut'],
    ['opt-out excludes even an event', 'event', { optOut: 'Keine Werbung' }, 'optOut'],
    ['opt-out excludes other', 'other', { ...complete, optOut: 'Opt-out' }, 'optOut'],
    ['empty e-mail', 'email', { ...complete, email: '  ' }, 'noEmail'],
    ['newsletter without e-mail', 'newsletter', { ...complete, email: '' }, 'noEmail'],
    ['e-mail without domain dot', 'newsletter', { ...complete, email: 'anna@localhost' }, 'invalidEmail'],
    ['e-mail with space', 'email', { ...complete, email: 'anna schmidt@example.de' }, 'invalidEmail'],
    ['two @', 'email', { ...complete, email: 'a@b@example.de' }, 'invalidEmail'],
    ['e-mail with surrounding spaces is fine', 'email', { ...complete, email: ' anna@example.de ' }, null],
    ['letter with street and city', 'letter', complete, null],
    ['letter without street', 'letter', { ...complete, street: '' }, 'noAddress'],
    ['letter without city', 'letter', { ...complete, city: ' ' }, 'noAddress'],
    ['letter without postal code still goes', 'letter', { ...complete, postalCode: '' }, null],
    ['phone by mobile only', 'phone', { mobile: '0171 2345678' }, null],
    ['phone without any number', 'phone', { email: 'a@b.de' }, 'noPhone'],
    ['event needs nothing', 'event', {}, null],
    ['other needs nothing', 'other', {}, null],
  ])('%s', (_, type, fields, reason) => {
    expect(checkRecipient(makeRecipient(fields), type)).toBe(reason);
  });
});

describe('isValidEmail', () => {
  it.each([
    ['max.mustermann@firma-gmbh.de', true],
    ['jürgen@müller.de', true],
    ['a@b.c', true],
    ['@example.de', false],
    ['anna@.de', false],
    ['anna@example.', false],
    ['anna.example.de', false],
  ])('%s → %s', (email, valid) => {
    expect(isValidEmail(email)).toBe(valid);
  });
});
