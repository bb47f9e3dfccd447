import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { RecordPicker } from '../../../../src/taskpane/wizard/recipients/RecordPicker';
import { knownPickerRows } from '../../../../src/taskpane/wizard/recipients/recordFilter';
import { makeContact, makeWorkbookData } from '../../../core/builders';
import { installLayoutStubs } from '../../paneTestkit';

beforeAll(installLayoutStubs);

const workbookOf = (count: number) =>
  makeWorkbookData({
    contacts: Array.from({ length: count }, (_, i) =>
      makeContact({ contactId: `K${i + 1}`, lastName: `Nachname ${i + 1}`, email: `p${i + 1}@example.de` }),
    ),
  });

const picker = (data: ReturnType<typeof workbookOf>) => (
  <FluentProvider theme={webLightTheme}>
    <RecordPicker from="contacts" data={data} onChange={() => undefined} />
  </FluentProvider>
);

describe('RecordPicker on a large contacts sheet', () => {
  it('says it is building the list, builds it in steps, and shows it at once when opened again', async () => {
    const data = workbookOf(25_000);
    const first = render(picker(data));
    expect(screen.getByText('Liste wird aufgebaut …')).toBeInTheDocument();
    expect(knownPickerRows(data, 'contacts')).toBeUndefined();

    expect(await screen.findByTestId('selected-count', {}, { timeout: 15_000 })).toHaveTextContent(
      '0 von 25.000 ausgewählt',
    );
    expect(knownPickerRows(data, 'contacts')).toHaveLength(25_000);
    first.unmount();

    render(picker(data));
    expect(screen.queryByText('Liste wird aufgebaut …')).not.toBeInTheDocument();
    expect(screen.getByTestId('selected-count')).toHaveTextContent('0 von 25.000 ausgewählt');
  });

  it('builds a small list at once', () => {
    render(picker(workbookOf(50)));
    expect(screen.getByTestId('selected-count')).toHaveTextContent('0 von 50 ausgewählt');
  });
});
