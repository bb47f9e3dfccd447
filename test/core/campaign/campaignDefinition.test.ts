import {
  readCampaignDefinition,
  suggestKey,
  validateCampaignDefinition,
} from '../../../src/core/campaign/campaignDefinition';
import { isoToDay } from '../../../src/core/kernel/values';

const valid = {
  name: 'Frühjahrsaktion Zement',
  type: 'letter',
  language: 'de',
  description: 'Bestandskunden anschreiben',
  sources: { contacts: 'Ansprechpartner', sales: 'Umsätze 2026' },
  columns: { customers: { customerId: 'Debitor' } },
  selections: [
    { from: 'contacts', filter: [{ column: 'Ort', op: 'in', value: ['Köln', 'Bonn'] }], ids: [1001, 'A-7'] },
    {
      from: 'customers',
      filter: [
        { column: 'PLZ', op: 'gte', value: '01067' },
        { column: 'E-Mail', op: 'isNotEmpty' },
      ],
    },
    {
      from: 'purchasedArticles',
      articles: ['A-1001', 'Kalk'],
      since: '2026-01-01',
      until: '2026-03-31',
      minQuantity: 2.5,
    },
    { from: 'inactiveCustomers', months: 3, asOf: '2026-05-31', includeNeverPurchased: false },
  ],
  removed: ['c:4711'],
};

const details = (json: unknown): string[] => {
  const result = validateCampaignDefinition(json);
  if (result.ok) return [];
  for (const p of result.error) expect(p).toMatchObject({ code: 'invalidCampaign', severity: 'error' });
  return result.error.map((p) => p.detail ?? '');
};

const withSelection = (selection: unknown) => ({ ...valid, selections: [selection] });

describe('validateCampaignDefinition', () => {
  it('accepts the full format; numeric ids become text', () => {
    const result = validateCampaignDefinition(valid);
    expect(result.ok && result.value.selections[0]).toEqual({
      from: 'contacts',
      filter: [{ column: 'Ort', op: 'in', value: ['Köln', 'Bonn'] }],
      ids: ['1001', 'A-7'],
    });
  });

  it.each([
    ['E-Mail', 'email'],
    ['e-mail', 'email'],
    ['Brief', 'letter'],
    ['Telefon', 'phone'],
    ['Veranstaltung', 'event'],
    ['Sonstige', 'other'],
    ['Newsletter', 'newsletter'],
  ])('accepts the German type name %s', (type, expected) => {
    const result = validateCampaignDefinition({ ...valid, type });
    expect(result.ok && result.value.type).toBe(expected);
  });

  it('refuses an unknown key at any depth and names the key it most likely meant', () => {
    const result = validateCampaignDefinition({
      ...valid,
      contolPercent: 10,
      sources: { kontakte: 'X' },
      columns: { contacts: { citty: 'Ort' } },
      selections: [
        { from: 'inactiveCustomers', months: 3, asof: '2026-05-31' },
        { from: 'customers', fitler: [] },
      ],
    });
    expect(!result.ok && result.error).toEqual([
      { code: 'unknownCampaignKey', severity: 'error', value: 'sources.kontakte' },
      { code: 'unknownCampaignKey', severity: 'error', value: 'columns.contacts.citty', detail: 'city' },
      { code: 'unknownCampaignKey', severity: 'error', value: 'selections[0].asof', detail: 'asOf' },
      { code: 'unknownCampaignKey', severity: 'error', value: 'selections[1].fitler', detail: 'filter' },
      { code: 'unknownCampaignKey', severity: 'error', value: 'contolPercent', detail: 'controlPercent' },
    ]);
  });

  it('offers no suggestion for a key far from every known one', () => {
    const result = validateCampaignDefinition({ ...valid, budgetCode: 'X' });
    expect(!result.ok && result.error).toEqual([
      { code: 'unknownCampaignKey', severity: 'error', value: 'budgetCode' },
    ]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', 'Newsletter', ['campaign: must be an object { … }']],
    ['empty name', { ...valid, name: '   ' }, ['name: must not be empty']],
    ['name too long', { ...valid, name: 'N'.repeat(61) }, ['name: must be at most 60 characters']],
    ['missing name', { ...valid, name: undefined }, ['name: is missing']],
    [
      'unknown type',
      { ...valid, type: 'fax' },
      ['type: must be one of email, letter, phone, newsletter, event, other'],
    ],
    ['unknown language', { ...valid, language: 'fr' }, ['language: must be "de" or "en"']],
    ['missing selections', { name: 'X', type: 'email' }, ['selections: is missing']],
    [
      'unknown selection source',
      { ...valid, selections: [valid.selections[0], valid.selections[1], { from: 'kunden' }] },
      [
        'selections[2].from: unknown selection source "kunden"; allowed: contacts, customers, purchasedArticles, inactiveCustomers',
      ],
    ],
    ['selection not an object', withSelection(7), ['selections[0]: must be an object { … }']],
    [
      'months beyond ten years',
      withSelection({ from: 'inactiveCustomers', months: 1e9 }),
      ['selections[0].months: must be at most 120 (ten years)'],
    ],
    [
      'months not a whole number',
      withSelection({ from: 'inactiveCustomers', months: 1.5 }),
      ['selections[0].months: must be a whole number of months'],
    ],
    [
      'months zero',
      withSelection({ from: 'inactiveCustomers', months: 0 }),
      ['selections[0].months: must be at least 1'],
    ],
    [
      'months negative',
      withSelection({ from: 'inactiveCustomers', months: -2 }),
      ['selections[0].months: must be at least 1'],
    ],
    [
      'months as text',
      withSelection({ from: 'inactiveCustomers', months: '3' }),
      ['selections[0].months: must be a whole number of months'],
    ],
    ['months missing', withSelection({ from: 'inactiveCustomers' }), ['selections[0].months: is missing']],
    [
      'impossible date',
      withSelection({ from: 'inactiveCustomers', months: 3, asOf: '2026-02-30' }),
      ['selections[0].asOf: must be a real date written as YYYY-MM-DD, e.g. 2026-05-31'],
    ],
    [
      'German date where ISO is required',
      withSelection({ from: 'purchasedArticles', articles: ['A'], since: '01.01.2026' }),
      ['selections[0].since: must be a real date written as YYYY-MM-DD, e.g. 2026-05-31'],
    ],
    [
      'until before since',
      withSelection({ from: 'purchasedArticles', articles: ['A'], since: '2026-05-01', until: '2026-01-01' }),
      ['selections[0].until: must not be before "since"'],
    ],
    [
      'no articles',
      withSelection({ from: 'purchasedArticles', articles: [] }),
      ['selections[0].articles: needs at least one article'],
    ],
    [
      'empty article',
      withSelection({ from: 'purchasedArticles', articles: [' '] }),
      ['selections[0].articles[0]: must not be empty'],
    ],
    [
      'minQuantity zero',
      withSelection({ from: 'purchasedArticles', articles: ['A'], minQuantity: 0 }),
      ['selections[0].minQuantity: must be greater than 0'],
    ],
    [
      'unknown op',
      withSelection({ from: 'contacts', filter: [{ column: 'Ort', op: 'like', value: 'K%' }] }),
      [
        'selections[0].filter[0].op: must be one of equals, notEquals, contains, startsWith, in, isEmpty, isNotEmpty, gt, gte, lt, lte',
      ],
    ],
    [
      'gt without value',
      withSelection({ from: 'customers', filter: [{ column: 'Umsatz', op: 'gt' }] }),
      [
        'selections[0].filter[0].value: operator "gt" needs one number or date (YYYY-MM-DD) or text to compare with',
      ],
    ],
    [
      'lte with a list',
      withSelection({ from: 'customers', filter: [{ column: 'Umsatz', op: 'lte', value: [1, 2] }] }),
      [
        'selections[0].filter[0].value: operator "lte" needs one number or date (YYYY-MM-DD) or text to compare with',
      ],
    ],
    [
      'in without a list',
      withSelection({ from: 'customers', filter: [{ column: 'Ort', op: 'in', value: 'Köln' }] }),
      ['selections[0].filter[0].value: operator "in" needs a list of values, e.g. ["Köln", "Bonn"]'],
    ],
    [
      'equals without value',
      withSelection({ from: 'customers', filter: [{ column: 'Ort', op: 'equals' }] }),
      ['selections[0].filter[0].value: operator "equals" needs one value (for a list of values use "in")'],
    ],
    [
      'empty column',
      withSelection({ from: 'customers', filter: [{ column: ' ', op: 'isEmpty' }] }),
      ['selections[0].filter[0].column: must not be empty'],
    ],
    [
      'value of a wrong kind',
      withSelection({ from: 'customers', filter: [{ column: 'Ort', op: 'equals', value: { x: 1 } }] }),
      ['selections[0].filter[0].value: must be a text, a number, true/false or a list'],
    ],
    [
      'ids not a list',
      withSelection({ from: 'contacts', ids: 'A1' }),
      ['selections[0].ids: must be a list of ids'],
    ],
  ])('%s', (_, json, expected) => {
    expect(details(json)).toEqual(expected);
  });

  it('reports every problem at once', () => {
    expect(
      details({ name: '', type: 'fax', selections: [{ from: 'inactiveCustomers', months: 0 }] }),
    ).toHaveLength(3);
  });
});

describe('validateCampaignDefinition: the fields of the success evaluation', () => {
  const evaluated = {
    ...valid,
    start: '2026-11-16',
    end: '2026-11-30',
    cost: 1250.5,
    evaluationDays: 60,
    status: 'active',
    controlPercent: 10,
  };

  it('accepts start, end, cost, window, status and control group share', () => {
    const result = validateCampaignDefinition(evaluated);
    expect(result.ok && result.value).toMatchObject({
      start: '2026-11-16',
      end: '2026-11-30',
      cost: 1250.5,
      evaluationDays: 60,
      status: 'active',
      controlPercent: 10,
    });
  });

  it('leaves them out when absent: a campaign without them is planned, without a control group', () => {
    const result = validateCampaignDefinition(valid);
    if (!result.ok) throw new Error('valid campaign rejected');
    for (const field of ['start', 'end', 'cost', 'evaluationDays', 'status', 'controlPercent'])
      expect(result.value).not.toHaveProperty(field);
  });

  it.each([
    ['Geplant', 'planned'],
    [' aktiv ', 'active'],
    ['ABGESCHLOSSEN', 'completed'],
    ['Completed', 'completed'],
    ['planned', 'planned'],
  ])('accepts the status written as %j', (status, expected) => {
    const result = validateCampaignDefinition({ ...evaluated, status });
    expect(result.ok && result.value.status).toBe(expected);
  });

  it.each([
    ['the same day for start and end', { start: '2026-11-16', end: '2026-11-16' }],
    ['no cost', { cost: 0 }],
    ['no control group', { controlPercent: 0 }],
    ['the largest control group', { controlPercent: 50 }],
    ['a fractional share', { controlPercent: 12.5 }],
    ['a one-day window', { evaluationDays: 1 }],
    ['a two-year window', { evaluationDays: 730 }],
  ])('accepts %s', (_, fields) => {
    expect(details({ ...evaluated, ...fields })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'a German start date',
      { start: '16.11.2026' },
      ['start: must be a real date written as YYYY-MM-DD, e.g. 2026-05-31'],
    ],
    [
      'an impossible end date',
      { end: '2026-11-31' },
      ['end: must be a real date written as YYYY-MM-DD, e.g. 2026-05-31'],
    ],
    ['end before start', { start: '2026-11-16', end: '2026-11-01' }, ['end: must not be before "start"']],
    ['a negative cost', { cost: -50 }, ['cost: must not be negative']],
    ['a cost written as text', { cost: '450 €' }, ['cost: must be an amount in euros, e.g. 450 or 1250.50']],
    ['a window of 0 days', { evaluationDays: 0 }, ['evaluationDays: must be at least 1 day']],
    ['a window of 2.5 days', { evaluationDays: 2.5 }, ['evaluationDays: must be a whole number of days']],
    ['a window over two years', { evaluationDays: 731 }, ['evaluationDays: must be at most 730 days']],
    [
      'an unknown status',
      { status: 'Erledigt' },
      ['status: must be one of planned, active, completed (or Geplant, Aktiv, Abgeschlossen)'],
    ],
    [
      'a control group of more than half',
      { controlPercent: 60 },
      ['controlPercent: must be at most 50 (percent of the members held back)'],
    ],
    ['a negative control group', { controlPercent: -10 }, ['controlPercent: must not be negative']],
    [
      'a control group written as "10 %"',
      { controlPercent: '10 %' },
      ['controlPercent: must be a percentage from 0 to 50, e.g. 10'],
    ],
  ])('rejects %s with a clear message', (_, fields, expected) => {
    expect(details({ ...evaluated, ...fields })).toEqual(expected);
  });
});

describe('validateCampaignDefinition: how letters address and greet', () => {
  it.each([
    [{ addressee: 'company' }, { addressee: 'company' }],
    [
      { addressee: 'person', neutralGreeting: 'general' },
      { addressee: 'person', neutralGreeting: 'general' },
    ],
    [{ neutralGreeting: 'name' }, { neutralGreeting: 'name' }],
  ])('accepts %j', (fields, expected) => {
    const result = validateCampaignDefinition({ ...valid, type: 'Brief', ...fields });
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each<[Record<string, unknown>, string]>([
    [
      { addressee: 'Firma' },
      'addressee: must be "person" (an die Person) or "company" (an die Firma, z. Hd.)',
    ],
    [
      { neutralGreeting: 'Hallo' },
      'neutralGreeting: must be "name" (Guten Tag Anna Schmidt,) or "general" (Sehr geehrte Damen und Herren,)',
    ],
  ])('rejects %j with a clear message', (fields, message) => {
    expect(details({ ...valid, ...fields })).toEqual([message]);
  });
});

describe('the reference day (asOf) of an inactive-customers selection', () => {
  const withAsOf = (asOf: string) => withSelection({ from: 'inactiveCustomers', months: 3, asOf });
  const today = isoToDay('2026-05-31') as number;

  it('may be today or earlier', () => {
    expect(validateCampaignDefinition(withAsOf('2026-05-31'), { today }).ok).toBe(true);
  });

  it('may not be after today: the run is told a later day on purpose instead', () => {
    const result = validateCampaignDefinition(withAsOf('2099-01-01'), { today });
    expect(!result.ok && result.error).toEqual([
      { code: 'asOfAfterToday', severity: 'error', value: '2099-01-01', detail: '2026-05-31' },
    ]);
    const later = isoToDay('2099-01-01') as number;
    expect(validateCampaignDefinition(withAsOf('2099-01-01'), { today: later }).ok).toBe(true);
  });
});

describe('readCampaignDefinition: problems say the line and column', () => {
  const text = [
    '{',
    '  "name": "Inaktive",',
    '  "type": "Brief",',
    '  "contolPercent": 10,',
    '  "selections": [',
    '    { "from": "inactiveCustomers", "months": 0 }',
    '  ]',
    '}',
  ].join('\n');

  it('places an unknown key and a wrong value', () => {
    const result = readCampaignDefinition(text);
    expect(!result.ok && result.error).toEqual([
      {
        code: 'unknownCampaignKey',
        severity: 'error',
        value: 'contolPercent',
        detail: 'controlPercent',
        position: { line: 4, column: 3 },
      },
      {
        code: 'invalidCampaign',
        severity: 'error',
        detail: 'selections[0].months: must be at least 1',
        position: { line: 6, column: 36 },
      },
    ]);
  });

  it.each<[string, string, { line: number; column: number }, string, string]>([
    [
      'a missing comma',
      '{\n  "name": "A"\n  "type": "email"\n}',
      { line: 3, column: 3 },
      'commaOrBrace',
      '"',
    ],
    ['a trailing comma', '{ "name": "A", }', { line: 1, column: 16 }, 'propertyName', '}'],
    ['a cut-off file', '{ "name": "A",\n', { line: 2, column: 1 }, 'propertyName', ''],
    ['single quotes', "{ 'name': 'A' }", { line: 1, column: 3 }, 'propertyName', "'"],
    ['a missing value', '{ "name": }', { line: 1, column: 11 }, 'value', '}'],
  ])('places a syntax error: %s', (_, json, position, expected, found) => {
    const result = readCampaignDefinition(json);
    expect(!result.ok && result.error).toEqual([
      { code: 'campaignFileSyntax', severity: 'error', position, detail: expected, value: found },
    ]);
  });

  it('reads the same values JSON.parse reads, a byte-order mark ignored', () => {
    const text = `\uFEFF${JSON.stringify({ ...valid, cost: 12.5 }, null, 2)}`.replace(
      '"Bestandskunden anschreiben"',
      '"Zeile\\nzwei \\u00e9 \\ud83d\\ude00 \\"zitiert\\" \\/ \\t"',
    );
    expect(readCampaignDefinition(text)).toEqual(validateCampaignDefinition(JSON.parse(text.slice(1))));
    expect(readCampaignDefinition(text).ok && readCampaignDefinition(text)).toMatchObject({
      value: { description: 'Zeile\nzwei é 😀 "zitiert" / \t', cost: 12.5 },
    });
  });
});

describe('suggestKey', () => {
  it.each([
    ['contolPercent', 'controlPercent'],
    ['ControlPercent', 'controlPercent'],
    ['evaluationDay', 'evaluationDays'],
    ['selection', 'selections'],
    ['nmae', 'name'],
  ])('%s → %s', (typo, meant) => expect(suggestKey(typo)).toBe(meant));

  it('suggests nothing for a short key far from the rest', () => expect(suggestKey('xy')).toBeUndefined());
});
