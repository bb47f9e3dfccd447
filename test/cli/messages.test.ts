import { MESSAGES, textsFor, type MessageKey } from '../../src/cli/messages';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(MESSAGES.de) as MessageKey[];

describe('command line messages', () => {
  it.each(keys)('%s has a German and an English text with the same placeholders', (key) => {
    expect(MESSAGES.de[key].trim()).not.toBe('');
    expect(MESSAGES.en[key].trim()).not.toBe('');
    expect(placeholders(MESSAGES.en[key])).toEqual(placeholders(MESSAGES.de[key]));
  });

  it.each([
    ['de', 'Kampagne „Herbst“ (Brief): 1.234 Empfänger'],
    ['en', 'Campaign "Herbst" (Brief): 1,234 recipients'],
  ] as const)('fills placeholders and writes numbers the %s way', (language, expected) => {
    expect(textsFor(language).t('summaryHeadline', { name: 'Herbst', type: 'Brief', members: 1234 })).toBe(
      expected,
    );
  });

  it.each([
    ['de', 'Werbesperre', 'Kunden-Nr.'],
    ['en', 'opt-out', 'customer ID'],
  ] as const)('names exclusion reasons and fields in %s', (language, reason, field) => {
    const texts = textsFor(language);
    expect(texts.reason('optOut')).toBe(reason);
    expect(texts.field('customerId')).toBe(field);
  });
});
