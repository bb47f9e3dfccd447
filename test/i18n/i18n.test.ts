import { de } from '../../src/i18n/de';
import { en } from '../../src/i18n/en';
import { createTranslator, languageFromDisplayLanguage } from '../../src/i18n/i18n';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
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
    ['de', '2026-11-05', '05.11.2026'],
    ['en', '2026-11-05', '5 Nov 2026'],
  ] as const)('%s formats the date %s as %s', (language, iso, expected) => {
    expect(createTranslator(language).formatDate(iso)).toBe(expected);
  });
});
