import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Language } from '../../../../src/core/kernel/language';
import { planSentence } from '../../../../src/core/evaluation/planText';
import { localDay } from '../../../../src/core/kernel/values';
import { parseWorkbook } from '../../../../src/core/read/parseWorkbook';
import { planCampaign } from '../../../../src/core/run/planRun';
import { createTranslator } from '../../../../src/i18n/i18n';
import { I18nContext } from '../../../../src/i18n/useI18n';
import { sampleState, sampleWorkbookTables } from '../../../../src/sample/sampleWorkbook';
import { TestPlanner } from '../../../../src/taskpane/wizard/use/TestPlanner';
import { installLayoutStubs } from '../../paneTestkit';

beforeAll(installLayoutStubs);

const parsed = parseWorkbook(sampleWorkbookTables());
if (!parsed.ok) throw new Error('the sample must parse');
const data = parsed.value;
const { campaigns } = sampleState();
const [campaign] = campaigns;

const expectedSentence = (language: Language, expected?: number) =>
  planSentence(planCampaign({ data, campaign, campaigns, today: localDay(new Date()), expected }), language);

function renderPlanner(language: Language) {
  const translator = createTranslator(language);
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={translator}>
        <TestPlanner draft={campaign} data={data} campaigns={campaigns} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  return translator;
}

describe('TestPlanner (step 4)', () => {
  it('says what the sample campaign’s test can detect, and what a typed effect would need', async () => {
    const { t } = renderPlanner('de');

    expect(screen.getByTestId('plan-sentence').textContent).toBe(expectedSentence('de'));
    expect(screen.getByTestId('plan-sentence')).toHaveTextContent(
      /^Mit 245 Empfängern und 15 % Kontrollgruppe erkennt die Auswertung erst einen Unterschied von/,
    );
    expect(screen.getByTestId('plan-baseline')).toHaveTextContent(/im selben Zeitraum ein Jahr vorher/);

    await userEvent.setup().type(screen.getByRole('textbox', { name: t('planExpected') }), '250');
    expect(screen.getByTestId('plan-sentence').textContent).toBe(expectedSentence('de', 250));
  });

  it('says when the typed effect is no number', async () => {
    const { t } = renderPlanner('en');
    await userEvent.setup().type(screen.getByRole('textbox', { name: t('planExpected') }), 'lots');
    expect(screen.getByText(t('planExpectedInvalid'))).toBeInTheDocument();
    expect(screen.getByTestId('plan-sentence').textContent).toBe(expectedSentence('en'));
  });
});
