import { CAMPAIGN_TYPES } from '../../../src/core/campaign/campaign';
import { campaignTypeExplanation, campaignTypeLabel } from '../../../src/core/campaign/campaignTypes';

describe('campaign type texts', () => {
  it.each([
    ['email', 'E-Mail', 'Email'],
    ['letter', 'Brief', 'Letter'],
    ['phone', 'Telefon', 'Phone'],
    ['newsletter', 'Newsletter', 'Newsletter'],
    ['event', 'Veranstaltung', 'Event'],
    ['other', 'Sonstige', 'Other'],
  ] as const)('%s is %p / %p', (type, de, en) => {
    expect(campaignTypeLabel(type, 'de')).toBe(de);
    expect(campaignTypeLabel(type, 'en')).toBe(en);
  });

  it.each([
    ['email', 'de', /gültige E-Mail-Adresse/],
    ['letter', 'de', /Straße und Ort/],
    ['phone', 'en', /phone or mobile/],
    ['event', 'de', /Werbesperren/],
  ] as const)('explains what %s checks (%s)', (type, lang, pattern) => {
    expect(campaignTypeExplanation(type, lang)).toMatch(pattern);
  });

  it('has a one-line explanation in both languages for every type', () => {
    for (const type of CAMPAIGN_TYPES) {
      for (const lang of ['de', 'en'] as const) {
        const text = campaignTypeExplanation(type, lang);
        expect(text).toMatch(/^\S.*\.$/);
        expect(text).not.toContain('\n');
      }
    }
  });
});
