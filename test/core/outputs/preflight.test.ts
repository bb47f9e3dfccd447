import type { CampaignType } from '../../../src/core/campaign/campaign';
import type { Recipient } from '../../../src/core/kernel/model';
import { preflight } from '../../../src/core/outputs/preflight';
import { makeMember } from './memberBuilders';

const check = (fields: Partial<Recipient>, type: CampaignType = 'letter', language: 'de' | 'en' = 'de') =>
  preflight([makeMember({ sheet: 'Kontakte', row: 7, ...fields })], type, { language });

const findings = (fields: Partial<Recipient>, type: CampaignType = 'letter') =>
  check(fields, type).entries.flatMap((entry) =>
    entry.problems.map(({ code, value, detail }) => ({ code, value, detail })),
  );

describe('preflight', () => {
  it('finds nothing on a complete German letter', () => {
    expect(check({})).toEqual({ checked: 1, entries: [], counts: {} });
  });

  it.each<[string, Partial<Recipient>, Array<{ code: string; value?: string; detail?: string }>]>([
    ['no street and no PO box', { street: '' }, [{ code: 'letterWithoutStreet' }]],
    ['a PO box instead of a street', { street: '', extra: { Postfach: '10 02 34' } }, []],
    ['no postal code', { postalCode: '' }, [{ code: 'missingPostalCode' }]],
    [
      'a German postal code that lost its zero',
      { postalCode: '1067' },
      [{ code: 'postalCodeNotFiveDigits', value: '1067' }],
    ],
    [
      'a German postal code with a letter',
      { postalCode: 'D-01067', country: '' },
      [{ code: 'postalCodeNotFiveDigits', value: 'D-01067' }],
    ],
    ['a four-digit Austrian postal code', { postalCode: '1010', country: 'AT' }, []],
    ['a named person without Anrede', { salutation: '' }, [{ code: 'salutationMissing' }]],
    ['a firm without a person', { salutation: '', firstName: '', lastName: '' }, []],
    [
      'an address line wider than the window',
      { company: 'Zimmermann & Lange Rechtsanwälte Partnerschaft mbB' },
      [
        {
          code: 'addressLineTooLong',
          value: 'Zimmermann & Lange Rechtsanwälte Partnerschaft mbB',
          detail: 'Anschrift1',
        },
      ],
    ],
    [
      'a field over 255 characters',
      { extra: { 'Notiz Vertrieb': 'x'.repeat(256) } },
      [{ code: 'fieldTooLong', value: '256', detail: 'Notiz Vertrieb' }],
    ],
    ['a field of exactly 255 characters', { extra: { Notiz: 'x'.repeat(255) } }, []],
  ])('letter: %s', (_case, fields, expected) => {
    expect(findings(fields)).toEqual(expected.map((f) => ({ value: undefined, detail: undefined, ...f })));
  });

  it('checks an e-mail only for what its merge prints: the greeting and the field lengths', () => {
    const fields = { street: '', postalCode: '123', salutation: '', email: `${'a'.repeat(250)}@example.de` };
    expect(findings(fields, 'email').map((f) => [f.code, f.detail])).toEqual([
      ['salutationMissing', undefined],
      ['fieldTooLong', 'EMail'],
    ]);
  });

  it('names the member, points to the row and counts each code once per member', () => {
    const report = preflight(
      [
        makeMember({ contactId: '1', postalCode: '' }),
        makeMember({
          contactId: '2',
          firstName: 'Jörg',
          lastName: 'Weiß',
          company: 'Weiß & Söhne KG',
          salutation: '',
          sheet: 'Kunden',
          row: 12,
          extra: { A: 'x'.repeat(300), B: 'y'.repeat(300) },
        }),
        makeMember({ contactId: '3' }),
      ],
      'letter',
      { language: 'de' },
    );
    expect(report.checked).toBe(3);
    expect(report.counts).toEqual({ missingPostalCode: 1, salutationMissing: 1, fieldTooLong: 1 });
    expect(report.entries.map((e) => [e.key, e.name])).toEqual([
      ['c:1', 'Anna Schmidt (Schmidt Bau GmbH)'],
      ['c:2', 'Jörg Weiß (Weiß & Söhne KG)'],
    ]);
    expect(report.entries[1].problems.map((p) => [p.code, p.sheet, p.row, p.severity])).toEqual([
      ['salutationMissing', 'Kunden', 12, 'warning'],
      ['fieldTooLong', 'Kunden', 12, 'warning'],
      ['fieldTooLong', 'Kunden', 12, 'warning'],
    ]);
  });

  it('names the merge fields in the campaign language', () => {
    const report = check({ company: 'Zimmermann & Lange Rechtsanwälte Partnerschaft mbB' }, 'letter', 'en');
    expect(report.entries[0].problems[0].detail).toBe('Address1');
  });
});
