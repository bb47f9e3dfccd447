import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { StoredCampaign } from '../../../src/core/campaign/campaign';
import { createTranslator } from '../../../src/i18n/i18n';
import { I18nContext } from '../../../src/i18n/useI18n';
import { PrimaryMetricField } from '../../../src/taskpane/evaluation/PrimaryMetricField';
import type { BasicsChange } from '../../../src/taskpane/wizard/wizardReducer';
import { installLayoutStubs } from '../paneTestkit';

beforeAll(installLayoutStubs);

const draft = (fields: Partial<StoredCampaign> = {}): StoredCampaign => ({
  id: 'K-1',
  name: 'Reaktivierung',
  type: 'letter',
  selections: [],
  createdAt: '2026-02-23T10:00:00.000Z',
  updatedAt: '2026-02-23T10:00:00.000Z',
  memberCount: 0,
  ...fields,
});

function renderField(campaign: StoredCampaign, onChange: (change: BasicsChange) => void) {
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={createTranslator('de')}>
        <PrimaryMetricField draft={campaign} onChange={onChange} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
}

describe('PrimaryMetricField (step 1)', () => {
  it('offers conversion and revenue before sending, revenue chosen by default', async () => {
    const changes: BasicsChange[] = [];
    renderField(draft(), (change) => changes.push(change));

    expect(screen.getByRole('radio', { name: 'Umsatz' })).toBeChecked();
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Kaufquote' }));
    expect(changes).toEqual([{ primaryMetric: 'conversion' }]);
    expect(screen.getByText(/Vor dem Versand festlegen/)).toBeInTheDocument();
  });

  it('is fixed once the campaign was used, so nobody picks the metric that happens to look good', () => {
    renderField(
      draft({ primaryMetric: 'conversion', assignment: { control: ['a'], contacted: ['b'] } }),
      () => {},
    );

    expect(screen.getByRole('radio', { name: 'Kaufquote' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Umsatz' })).toBeDisabled();
    expect(screen.getByText('Festgelegt, seit die Kampagne verwendet wurde.')).toBeInTheDocument();
  });
});
