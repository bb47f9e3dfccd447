import { de } from '../../src/i18n/de';
import { en } from '../../src/i18n/en';
import { isoToDay } from '../../src/core/kernel/values';
import { createTranslator } from '../../src/i18n/i18n';
import { languageFromDisplayLanguage } from '../../src/core/kernel/language';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  // en.ts is typed Record<MessageKey, string>: a key missing there fails to compile; this catches one too many.
  it('have the same keys in German and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it.each(Object.keys(de) as Array<keyof typeof de>)(
    '%s is filled in both languages with the same placeholders',
    (key) => {
      expect(de[key].trim()).not.toBe('');
      expect(en[key].trim()).not.toBe('');
      expect(placeholders(en[key])).toEqual(placeholders(de[key]));
    },
  );
});

describe('languageFromDisplayLanguage', () => {
  it.each([
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['fr-FR', 'de'],
    ['', 'de'],
    [null, 'de'],
  ])('%s → %s', (display, language) => {
    expect(languageFromDisplayLanguage(display)).toBe(language);
  });
});

describe('createTranslator', () => {
  it.each([
    ['de', 'appliedResult', { added: 1234, alreadyIn: 4 }, '1.234 hinzugefügt, 4 bereits enthalten'],
    ['en', 'appliedResult', { added: 1234, alreadyIn: 4 }, '1,234 added, 4 already in'],
    [
      'de',
      'resultTargetSheet',
      { count: 2, sheet: 'Herbst' },
      '2 Empfänger in das Tabellenblatt „Herbst“ geschrieben.',
    ],
  ] as const)('%s %s fills numbers for the locale', (language, key, params, expected) => {
    expect(createTranslator(language).t(key, params)).toBe(expected);
  });

  it('leaves a placeholder without a value visible, so a missing parameter shows in review', () => {
    expect(createTranslator('de').t('memberCount')).toBe('{count} Empfänger');
  });

  it.each([
    ['de', 'Kampagne „Herbst“ (Brief): 1.234 Empfänger'],
    ['en', 'Campaign "Herbst" (Brief): 1,234 recipients'],
  ] as const)('speaks for the command line too (%s)', (language, expected) => {
    expect(
      createTranslator(language).t('summaryHeadline', { name: 'Herbst', type: 'Brief', members: 1234 }),
    ).toBe(expected);
  });

  it.each([
    ['de', 'Kundenstamm', 'Kunden-Nr.', 'keine E-Mail', 'Brief', 'Abgeschlossen'],
    ['en', 'Customers', 'Customer no.', 'no e-mail', 'Letter', 'Completed'],
  ] as const)(
    'names roles, fields, reasons, types and statuses in %s with the core’s labels',
    (language, role, field, reason, type, status) => {
      const i18n = createTranslator(language);
      expect([
        i18n.role('customers'),
        i18n.field('customerId'),
        i18n.reason('noEmail'),
        i18n.campaignType('letter'),
        i18n.campaignStatus('completed'),
      ]).toEqual([role, field, reason, type, status]);
    },
  );

  it.each([
    ['de', '05.11.2026', '41,20\u00a0€'],
    ['en', '5 Nov 2026', '€41.20'],
  ] as const)('writes figures in the core’s formats (%s)', (language, day, cents) => {
    const i18n = createTranslator(language);
    expect(i18n.formatFigure({ kind: 'day', value: isoToDay('2026-11-05')! })).toBe(day);
    expect(i18n.formatFigure({ kind: 'cents', value: 41.2 })).toBe(cents);
  });
});
