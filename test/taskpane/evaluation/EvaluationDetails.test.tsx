import { render, screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Language } from '../../../src/core/kernel/language';
import { evaluationSummary, noteText } from '../../../src/core/evaluation/evaluationText';
import type { CampaignEvaluation, GroupFigures, TypeComparison } from '../../../src/core/evaluation/model';
import { isoToDay } from '../../../src/core/kernel/values';
import { createTranslator } from '../../../src/i18n/i18n';
import { I18nContext } from '../../../src/i18n/useI18n';
import { EvaluationDetails } from '../../../src/taskpane/evaluation/EvaluationDetails';
import { TypeComparisonTable } from '../../../src/taskpane/evaluation/TypeComparisonTable';
import { installLayoutStubs } from '../paneTestkit';

beforeAll(installLayoutStubs);

const day = (iso: string): number => isoToDay(iso) as number;

const makeFigures = (fields: Partial<GroupFigures> = {}): GroupFigures => ({
  members: 200,
  buyers: 40,
  conversion: 0.2,
  revenue: 8000,
  revenuePerMember: 40,
  orders: 52,
  ...fields,
});

/** A letter campaign that ran in September with a 40-member control group and a clear effect. */
const makeEvaluation = (fields: Partial<CampaignEvaluation> = {}): CampaignEvaluation => ({
  campaignId: 'K-1',
  name: 'Herbstaktion Büromöbel',
  type: 'letter',
  status: 'completed',
  start: day('2026-09-01'),
  windowEnd: day('2026-09-30'),
  windowDays: 30,
  daysObserved: 30,
  cost: 2400,
  primaryMetric: 'revenue',
  returnedAnyway: null,
  incrementalMargin: null,
  roiBasis: 'revenue',
  contacted: makeFigures(),
  control: makeFigures({
    members: 40,
    buyers: 3,
    conversion: 0.075,
    revenue: 600,
    revenuePerMember: 15,
    orders: 4,
  }),
  conversionUplift: { value: 0.125, low: 0.02, high: 0.2 },
  revenuePerMemberUplift: { value: 25, low: 12.5, high: 37.8 },
  incrementalRevenue: { value: 5000, low: 2500, high: 7560 },
  roi: { value: 1.0833, low: 0.0417, high: 2.15 },
  verdict: 'paidOff',
  notes: [],
  leads: null,
  ...fields,
});

const withoutControl: Partial<CampaignEvaluation> = {
  control: null,
  conversionUplift: null,
  revenuePerMemberUplift: null,
  incrementalRevenue: null,
  roi: null,
  verdict: 'noControl',
};

function renderDetails(evaluation: CampaignEvaluation, language: Language = 'de') {
  const translator = createTranslator(language);
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={translator}>
        <EvaluationDetails
          evaluation={evaluation}
          summary={evaluationSummary(evaluation, language)}
          notes={evaluation.notes.map((note) => noteText(note, language))}
        />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  return translator;
}

const row = (name: RegExp) => screen.getByRole('row', { name });

describe('EvaluationDetails', () => {
  it('paid off: figures contacted vs control, the effect with its intervals, and a chart that says its numbers', () => {
    renderDetails(makeEvaluation());
    expect(screen.getByTestId('evaluation-verdict')).toHaveTextContent('Hat sich gelohnt');
    expect(screen.getByTestId('evaluation-summary').textContent).toBe(
      evaluationSummary(makeEvaluation(), 'de'),
    );
    expect(screen.getByTestId('evaluation-window')).toHaveTextContent(
      '01.09.2026 bis 30.09.2026: 30 von 30 Tagen ausgewertet',
    );
    expect(screen.getByRole('columnheader', { name: 'Kontrollgruppe' })).toBeInTheDocument();
    expect(row(/^Käufer/)).toHaveTextContent(/^Käufer403$/);
    expect(row(/^Kaufquote/)).toHaveTextContent(/20\s%.*7,5\s%/);
    expect(row(/^Umsatz je Empfänger/)).toHaveTextContent(/40,00\s€.*15,00\s€/);
    expect(row(/^Umsatz \d/)).toHaveTextContent(/8\.000\s€.*600\s€/);

    const effects = screen.getByTestId('evaluation-effects');
    expect(effects).toHaveTextContent(
      /Mehr KäuferNebenkennzahl\+12,5\sPp\.95-%-Intervall: \+2,0\sPp\. bis \+20,0\sPp\./,
    );
    expect(effects).toHaveTextContent(
      /Mehr Umsatz je EmpfängerHauptkennzahl\+25,00\s€95-%-Intervall: \+12,50\s€ bis \+37,80\s€/,
    );
    expect(effects).toHaveTextContent(
      /MehrumsatzHauptkennzahl\+5\.000\s€95-%-Intervall: \+2\.500\s€ bis \+7\.560\s€/,
    );
    expect(effects).toHaveTextContent(
      /Rendite \(ROI\) auf UmsatzHauptkennzahl\+108\s%95-%-Intervall: \+4\s% bis \+215\s%/,
    );
    expect(effects).toHaveTextContent(/Kosten2\.400\s€/);

    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleName(
      /kontaktiert 40,00\s€, Kontrollgruppe 15,00\s€\. Unterschied \+25,00\s€, 95-%-Intervall \+12,50\s€ bis \+37,80\s€/,
    );
    expect(screen.getByTestId('evaluation-whisker')).toBeInTheDocument();
    expect(screen.queryByTestId('evaluation-no-control')).not.toBeInTheDocument();
  });

  it('without a control group: the honest label, the members only, no effect and a chart of one bar', () => {
    renderDetails(makeEvaluation(withoutControl));
    expect(screen.getByTestId('evaluation-verdict')).toHaveTextContent(
      'Ohne Kontrollgruppe — nicht ursächlich',
    );
    expect(screen.getByTestId('evaluation-no-control')).toHaveTextContent(
      'Die Zahlen zeigen, was die Empfänger gekauft haben, nicht, was die Kampagne bewirkt hat.',
    );
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Kennzahl',
      'Empfänger',
    ]);
    expect(screen.queryByTestId('evaluation-effects')).not.toBeInTheDocument();
    expect(screen.getByRole('img')).toHaveAccessibleName(
      /^Umsatz je Empfänger \(ohne Kontrollgruppe\): 40,00\s€\.$/,
    );
    expect(screen.queryByTestId('evaluation-whisker')).not.toBeInTheDocument();
    expect(screen.getByRole('img').querySelectorAll('rect')).toHaveLength(1);
  });

  it('control group too small: says so first, and still shows what was measured', () => {
    const evaluation = makeEvaluation({
      control: makeFigures({
        members: 8,
        buyers: 1,
        conversion: 0.125,
        revenue: 90,
        revenuePerMember: 11.25,
      }),
      roi: { value: 0.9, low: -1.4, high: 3.6 },
      verdict: 'controlTooSmall',
    });
    renderDetails(evaluation, 'en');
    expect(screen.getByTestId('evaluation-verdict')).toHaveTextContent('Control group too small');
    expect(screen.getByTestId('evaluation-summary').textContent).toBe(evaluationSummary(evaluation, 'en'));
    expect(row(/^Recipients/)).toHaveTextContent(/^Recipients2008$/);
    expect(screen.getByRole('img')).toHaveAccessibleName(/contacted €40\.00, control group €11\.25/);
  });

  it('no sales since the start yet: the summary and the empty figures, but no chart', () => {
    const zero = makeFigures({ buyers: 0, conversion: 0, revenue: 0, revenuePerMember: 0, orders: 0 });
    const evaluation = makeEvaluation({
      ...withoutControl,
      contacted: zero,
      windowEnd: day('2026-11-27'),
      daysObserved: 5,
      windowDays: 90,
      start: day('2026-11-23'),
      verdict: 'noSalesYet',
      notes: [{ code: 'windowOpen', count: 85 }],
    });
    renderDetails(evaluation);
    expect(screen.getByTestId('evaluation-verdict')).toHaveTextContent('Noch keine Verkäufe seit dem Start');
    expect(screen.getByTestId('evaluation-window')).toHaveTextContent('5 von 90 Tagen ausgewertet');
    expect(row(/^Käufer/)).toHaveTextContent(/^Käufer0$/);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('evaluation-notes')).getByRole('listitem')).toHaveTextContent(
      'Der Auswertungszeitraum läuft noch 85 Tage',
    );
  });

  it('not started: only the sentence and the window it will have', () => {
    renderDetails(makeEvaluation({ ...withoutControl, start: null, windowEnd: null, verdict: 'notStarted' }));
    expect(screen.getByTestId('evaluation-window')).toHaveTextContent(
      'Noch kein Start: Auswertungszeitraum 30 Tage ab dem Start.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('counts the leads by status, people’s own statuses apart, and the share won', () => {
    renderDetails(
      makeEvaluation({
        leads: {
          total: 40,
          byStatus: { new: 20, contacted: 8, qualified: 4, won: 5, lost: 1 },
          otherStatus: 2,
          wonShare: 0.125,
        },
      }),
    );
    const items = within(screen.getByTestId('evaluation-leads'))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'Neu: 20',
      'Kontaktiert: 8',
      'Qualifiziert: 4',
      'Gewonnen: 5',
      'Verloren: 1',
      'Eigener Status: 2',
    ]);
    expect(screen.getByText(/^5 von 40 gewonnen \(12,5\s%\)$/)).toBeInTheDocument();
  });
});

describe('TypeComparisonTable', () => {
  const comparison = (fields: Partial<TypeComparison>): TypeComparison => ({
    type: 'letter',
    campaigns: 2,
    contacted: makeFigures({ members: 400, buyers: 60, conversion: 0.15 }),
    control: makeFigures({ members: 60, buyers: 4, conversion: 0.0667 }),
    conversionUplift: { value: 0.083, low: 0.01, high: 0.15 },
    revenuePerMemberUplift: { value: 12, low: 4, high: 20 },
    cost: 3000,
    incrementalRevenue: { value: 4800, low: 1600, high: 8000 },
    incrementalMargin: null,
    roi: { value: 0.6, low: -0.47, high: 1.67 },
    roiBasis: 'revenue',
    ...fields,
  });

  it('lists each type with campaigns, conversion, additional revenue and ROI; a dash where nothing can be said', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <I18nContext.Provider value={createTranslator('de')}>
          <TypeComparisonTable
            comparisons={[
              comparison({}),
              comparison({
                type: 'email',
                campaigns: 1,
                contacted: makeFigures({ conversion: 0.05 }),
                control: null,
                conversionUplift: null,
                revenuePerMemberUplift: null,
                incrementalRevenue: null,
                roi: null,
              }),
            ]}
          />
        </I18nContext.Provider>
      </FluentProvider>,
    );
    expect(screen.getByRole('table', { name: 'Vergleich nach Kampagnentyp' })).toBeInTheDocument();
    expect(row(/^Brief/)).toHaveTextContent(/^Brief \(2\)15\s%\+4\.800\s€\+60\s%$/);
    expect(row(/^E-Mail/)).toHaveTextContent(/^E-Mail \(1\)5\s%––$/);
  });
});
