import { chooseLanguage, main, parseCommandLine, type Command } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/cliIo';
import type { MessageKey } from '../../src/i18n/i18n';

const RUN = ['run', '--workbook', 'Kunden.xlsx', '--campaign', 'herbst.json', '--out', 'aus/Ergebnis.xlsx'];

describe('parseCommandLine', () => {
  it.each<[string, string[], Command]>([
    ['help', ['--help'], { name: 'help' }],
    ['help after a command', ['run', '--workbook', 'a.xlsx', '-h'], { name: 'help' }],
    [
      'person by e-mail',
      ['person', '--workbook', 'a.xlsx', '--email', 'anna@lang.de', '--json'],
      { name: 'person', options: { workbook: 'a.xlsx', query: { email: 'anna@lang.de' }, json: true } },
    ],
    [
      'person by name at a firm',
      ['person', '--workbook', 'a.xlsx', '--name', 'Anna Lang', '--firm=Lang Design'],
      {
        name: 'person',
        options: { workbook: 'a.xlsx', query: { name: 'Anna Lang', firm: 'Lang Design' }, json: false },
      },
    ],
    [
      'run with defaults',
      RUN,
      {
        name: 'run',
        options: {
          workbook: 'Kunden.xlsx',
          campaign: 'herbst.json',
          out: 'aus/Ergebnis.xlsx',
          csv: undefined,
          leads: false,
          newLeadsSheet: false,
          delimiter: ';',
          language: undefined,
          json: false,
          asOf: undefined,
          sheets: {},
          refresh: false,
          dryRun: false,
        },
      },
    ],
    [
      'a refresh as a dry run needs no --out',
      ['run', '--refresh', '--dry-run', '--workbook', 'Kunden.xlsx', '--campaign', 'herbst.json'],
      {
        name: 'run',
        options: {
          workbook: 'Kunden.xlsx',
          campaign: 'herbst.json',
          out: undefined,
          csv: undefined,
          leads: false,
          newLeadsSheet: false,
          delimiter: ';',
          language: undefined,
          json: false,
          asOf: undefined,
          sheets: {},
          refresh: true,
          dryRun: true,
        },
      },
    ],
    [
      'run with every option, values inline or separate',
      [
        ...RUN,
        '--csv=liste.csv',
        '--leads',
        '--delimiter',
        'tab',
        '--lang=en',
        '--json',
        '--as-of',
        '2026-05-31',
        '--sheet',
        'contacts=Kontakte 2024',
        '--sheet=Umsätze=Umsätze = 2024',
      ],
      {
        name: 'run',
        options: {
          workbook: 'Kunden.xlsx',
          campaign: 'herbst.json',
          out: 'aus/Ergebnis.xlsx',
          csv: 'liste.csv',
          leads: true,
          newLeadsSheet: false,
          delimiter: '\t',
          language: 'en',
          json: true,
          asOf: 20_604,
          sheets: { contacts: 'Kontakte 2024', sales: 'Umsätze = 2024' },
          refresh: false,
          dryRun: false,
        },
      },
    ],
    [
      'sheets',
      ['sheets', '--workbook', 'Mappe.xlsx', '--json'],
      { name: 'sheets', options: { workbook: 'Mappe.xlsx', json: true, sheets: {} } },
    ],
    [
      'report in the shell language, on every campaign',
      ['report', '--workbook', 'Mappe.xlsx'],
      {
        name: 'report',
        options: { workbook: 'Mappe.xlsx', campaign: undefined, out: undefined, language: 'de', json: false },
      },
    ],
    [
      'report on one campaign by name, written to a new workbook, in English',
      [
        'report',
        '--workbook',
        'Mappe.xlsx',
        '--campaign',
        'Herbstaktion Büromöbel',
        '--out',
        'a.xlsx',
        '--lang=en',
        '--json',
      ],
      {
        name: 'report',
        options: {
          workbook: 'Mappe.xlsx',
          campaign: 'Herbstaktion Büromöbel',
          out: 'a.xlsx',
          language: 'en',
          json: true,
        },
      },
    ],
    [
      'plan with the expected effect as people type it',
      ['plan', '--workbook', 'Mappe.xlsx', '--campaign', 'Herbstaktion', '--expect', '+3,5 Pp'],
      {
        name: 'plan',
        options: {
          workbook: 'Mappe.xlsx',
          campaign: 'Herbstaktion',
          expect: 3.5,
          language: 'de',
          json: false,
        },
      },
    ],
  ])('%s', (_, argv, command) => {
    expect(parseCommandLine(argv)).toEqual({ ok: true, value: command });
  });

  it.each<[string[], MessageKey]>([
    [[], 'usageNoCommand'],
    [['export'], 'usageUnknownCommand'],
    [['plan', '--workbook', 'a.xlsx'], 'usageMissingOption'],
    [['plan', '--workbook', 'a.xlsx', '--campaign', 'K', '--expect', '-3'], 'usageBadExpect'],
    [['plan', '--workbook', 'a.xlsx', '--campaign', 'K', '--expect', 'viel'], 'usageBadExpect'],
    [['report', '--workbook', 'a.xlsx', '--expect', '3'], 'usageOptionNotForCommand'],
    [[...RUN, '--output', 'x.xlsx'], 'usageUnknownOption'],
    [['sheets', '--workbook', 'a.xlsx', '--leads'], 'usageOptionNotForCommand'],
    [['run', '--workbook'], 'usageMissingValue'],
    [['run', '--workbook', 'a.xlsx', '--out', '--leads'], 'usageMissingValue'],
    [[...RUN, 'extra.xlsx'], 'usageUnexpectedArgument'],
    [[...RUN, '--leads=ja'], 'usageUnexpectedArgument'],
    [['run', '--workbook', 'a.xlsx', '--out', 'b.xlsx'], 'usageMissingOption'],
    [['sheets'], 'usageMissingOption'],
    [[...RUN, '--dry-run'], 'usageDryRunWithoutRefresh'],
    [['run', '--refresh', '--workbook', 'a.xlsx', '--campaign', 'k.json'], 'usageMissingOption'],
    [['plan', '--workbook', 'a.xlsx', '--campaign', 'K', '--refresh'], 'usageOptionNotForCommand'],
    [[...RUN, '--lang', 'fr'], 'usageBadLanguage'],
    [[...RUN, '--csv', 'l.csv', '--delimiter', '|'], 'usageBadDelimiter'],
    [[...RUN, '--delimiter', ','], 'usageDelimiterWithoutCsv'],
    [['run', '--workbook', 'a.xlsx', '--campaign', 'k.json', '--out', 'b.csv'], 'usageOutNotXlsx'],
    [['report', '--campaign', 'Herbst'], 'usageMissingOption'],
    [['report', '--workbook', 'a.xlsx', '--out', 'auswertung.csv'], 'usageOutNotXlsx'],
    [['report', '--workbook', 'a.xlsx', '--leads'], 'usageOptionNotForCommand'],
    [['report', '--workbook', 'a.xlsx', '--csv', 'x.csv'], 'usageOptionNotForCommand'],
    [[...RUN, '--as-of', '31.05.2026'], 'usageBadAsOf'],
    [[...RUN, '--as-of', '2026-02-30'], 'usageBadAsOf'],
    [[...RUN, '--sheet', 'Kontakte 2024'], 'usageBadSheet'],
    [['sheets', '--workbook', 'a.xlsx', '--sheet', 'leads=Leads'], 'usageBadSheet'],
    [['report', '--workbook', 'a.xlsx', '--sheet', 'contacts=A'], 'usageOptionNotForCommand'],
  ])('%j is wrong usage: %s', (argv, key) => {
    const parsed = parseCommandLine(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.key).toBe(key);
  });
});

describe('chooseLanguage', () => {
  it.each<[string[], Record<string, string>, 'de' | 'en']>([
    [[], {}, 'de'],
    [[], { LANG: 'en_US.UTF-8' }, 'en'],
    [[], { LANG: 'de_AT.UTF-8' }, 'de'],
    [[], { LANG: 'C.UTF-8' }, 'de'],
    [[], { LC_ALL: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' }, 'en'],
    [['--lang', 'de'], { LANG: 'en_US.UTF-8' }, 'de'],
    [['--lang=en'], {}, 'en'],
    [['--lang', 'fr'], { LANG: 'en_US.UTF-8' }, 'en'],
  ])('%j with %j speaks %s', (argv, env, language) => {
    expect(chooseLanguage(argv, env)).toBe(language);
  });
});

describe('main', () => {
  const failingIo = (env: Record<string, string> = {}): CliIo & { errors: string[] } => {
    const errors: string[] = [];
    return {
      errors,
      out: () => {
        throw new Error('stdout geschlossen');
      },
      err: (line) => errors.push(line),
      env,
      now: () => new Date('2026-11-15T10:00:00Z'),
    };
  };

  it('turns a bug into one line asking for a report, exit 1, no stack trace', async () => {
    const io = failingIo();
    expect(await main(['--help'], io)).toBe(1);
    expect(io.errors).toEqual(['Interner Fehler: stdout geschlossen (bitte melden)']);
  });

  it('shows the stack trace only with KAMPAGNE_DEBUG=1', async () => {
    const io = failingIo({ KAMPAGNE_DEBUG: '1', LANG: 'en_US.UTF-8' });
    expect(await main(['--help'], io)).toBe(1);
    expect(io.errors[0]).toBe('Internal error: stdout geschlossen (please report)');
    expect(io.errors[1]).toMatch(/^Error: stdout geschlossen\n\s+at /);
  });
});
