import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbook } from '../../../../src/memory/memoryWorkbook';
import { SAMPLE_ARTICLES, sampleWorkbookTables } from '../../../../src/sample/sampleWorkbook';
import { installLayoutStubs, numberIn, renderPane } from '../../paneTestkit';

beforeAll(installLayoutStubs);

async function startCampaign(t: (key: never) => string, name: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: t('newCampaign' as never) }));
  await user.type(screen.getByRole('textbox', { name: new RegExp(t('basicsName' as never)) }), name);
  await user.click(screen.getByRole('button', { name: t('next' as never) }));
  return user;
}

describe('2 · Empfänger hinzufügen', () => {
  it('adds the customers found by a search, after showing what it would add, and keeps the count visible', async () => {
    const { t } = await renderPane();
    const user = await startCampaign(t as never, 'Herbstaktion');
    await user.click(screen.getByRole('tab', { name: t('methodCustomers') }));
    await user.type(screen.getByRole('searchbox', { name: t('search') }), 'München');
    await user.click(await screen.findByRole('button', { name: /gefilterten auswählen/ }));
    expect(screen.getByTestId('selected-count')).toHaveTextContent(/^21 von 300 ausgewählt/);

    const preview = await screen.findByText(/^Würde \d+ hinzufügen, 0 bereits enthalten/);
    const wouldAdd = numberIn(/Würde (\d+)/.exec(preview.textContent ?? '')?.[1] ?? '');
    await user.click(screen.getByRole('button', { name: t('applySelection') }));

    const result = await screen.findByTestId('applied-result');
    expect(result).toHaveTextContent(
      `${wouldAdd} hinzugefügt, 0 bereits enthalten, 2 zusammengeführt, 2 ausgeschlossen (keine E-Mail)`,
    );
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(wouldAdd);
  });

  it('takes the customers found out of the group when asked to, after showing how many', async () => {
    const { t } = await renderPane();
    const user = await startCampaign(t as never, 'Alle außer München');
    await user.click(screen.getByRole('tab', { name: t('methodCustomers') }));
    await user.click(await screen.findByRole('button', { name: /gefilterten auswählen/ }));
    await screen.findByText(/^Würde \d+ hinzufügen/);
    await user.click(screen.getByRole('button', { name: t('applySelection') }));
    await screen.findByTestId('applied-result');
    const everyone = numberIn(screen.getByTestId('member-count').textContent);

    await user.click(screen.getByRole('switch', { name: t('selectionModeRemove') }));
    await user.type(screen.getByRole('searchbox', { name: t('search') }), 'München');
    await user.click(await screen.findByRole('button', { name: /gefilterten auswählen/ }));
    const preview = await screen.findByText(/^Würde \d+ aus der Zielgruppe herausnehmen$/);
    const wouldRemove = numberIn(/Würde (\d+)/.exec(preview.textContent ?? '')?.[1] ?? '');
    expect(wouldRemove).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: t('applyRemoval') }));

    await waitFor(() =>
      expect(screen.getByTestId('applied-result')).toHaveTextContent(
        `${wouldRemove} aus der Zielgruppe entfernt`,
      ),
    );
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(everyone - wouldRemove);
  });

  it('reports the overlap of a second method as already in', async () => {
    const { t } = await renderPane();
    const user = await startCampaign(t as never, 'Doppelt');
    await user.click(screen.getByRole('tab', { name: t('methodCustomers') }));
    await user.type(screen.getByRole('searchbox', { name: t('search') }), '10002');
    await user.click(await screen.findByRole('button', { name: /gefilterten auswählen/ }));
    await screen.findByText(/^Würde \d+ hinzufügen/);
    await user.click(screen.getByRole('button', { name: t('applySelection') }));
    const first = numberIn((await screen.findByTestId('applied-result')).textContent?.split(' ')[0] ?? '');

    await user.click(screen.getByRole('tab', { name: t('methodContacts') }));
    await user.type(screen.getByRole('searchbox', { name: t('search') }), 'lange-immobilien');
    await user.click(await screen.findByRole('button', { name: /gefilterten auswählen/ }));
    await screen.findByText(/^Würde 0 hinzufügen, \d+ bereits enthalten/);
    await user.click(screen.getByRole('button', { name: t('applySelection') }));
    await waitFor(() =>
      expect(screen.getByTestId('applied-result')).toHaveTextContent(
        /^0 hinzugefügt, [1-9]\d* bereits enthalten/,
      ),
    );
    expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(first);
  });

  it('selects rows one by one in the virtual list and clears the selection', async () => {
    const { t } = await renderPane();
    const user = await startCampaign(t as never, 'Einzeln');
    await user.click(screen.getByRole('tab', { name: t('methodContacts') }));
    const list = screen.getByRole('grid', { name: t('recordList') });
    const boxes = within(list).getAllByRole('checkbox');
    expect(boxes.length).toBeLessThan(60);
    await user.click(boxes[0]);
    await user.click(boxes[2]);
    expect(screen.getByTestId('selected-count')).toHaveTextContent(/^2 von 433 ausgewählt/);
    await screen.findByText(/^Würde 2 hinzufügen, 0 bereits enthalten/);
    await user.click(screen.getByRole('button', { name: t('clearSelection') }));
    expect(screen.getByTestId('selection-preview')).toHaveTextContent(t('previewNothingSelected'));
  });

  it('finds customers by purchased article with a minimum quantity', async () => {
    const { t } = await renderPane();
    const user = await startCampaign(t as never, 'Papierkunden');
    await user.click(screen.getByRole('tab', { name: t('methodArticles') }));
    await user.type(screen.getByRole('searchbox', { name: t('search') }), 'PAP-1001');
    await user.click(within(screen.getByRole('grid', { name: t('articleList') })).getByRole('checkbox'));
    const unrestricted = await screen.findByText(/^Würde \d+ hinzufügen/);
    const all = numberIn(/Würde (\d+)/.exec(unrestricted.textContent ?? '')?.[1] ?? '');
    await user.type(screen.getByRole('spinbutton', { name: t('articleMinQuantity') }), '50');
    await waitFor(() => {
      const fewer = numberIn(
        /Würde (\d+)/.exec(screen.getByTestId('selection-preview').textContent ?? '')?.[1] ?? '',
      );
      expect(fewer).toBeLessThan(all);
    });
  });

  it('picks every article a search finds, with the button or Ctrl+A in the list, and adds to what was picked', async () => {
    const { t } = await renderPane();
    const user = await startCampaign(t as never, 'Möbelkäufer');
    await user.click(screen.getByRole('tab', { name: t('methodArticles') }));
    const furniture = SAMPLE_ARTICLES.filter((article) => article.category === 'Büromöbel').length;
    expect(furniture).toBeGreaterThan(1);
    const search = screen.getByRole('searchbox', { name: t('search') });
    await user.type(search, 'Büromöbel');
    await user.click(screen.getByRole('button', { name: t('selectAllFiltered', { count: furniture }) }));
    expect(
      screen.getByText(t('selectedCount', { selected: furniture, total: SAMPLE_ARTICLES.length })),
    ).toBeVisible();

    await user.clear(search);
    await user.type(search, 'Papier');
    const paper = numberIn(
      screen.getByRole('button', { name: /gefilterten auswählen/ }).textContent?.match(/\d+/)?.[0] ?? '',
    );
    expect(paper).toBeGreaterThan(1);
    await user.click(screen.getByRole('grid', { name: t('articleList') }));
    await user.keyboard('{Control>}a{/Control}');
    expect(
      screen.getByText(t('selectedCount', { selected: furniture + paper, total: SAMPLE_ARTICLES.length })),
    ).toBeVisible();
    await screen.findByText(/^Würde \d+ hinzufügen/);
  });

  it('counts inactive customers live, with 3 months and today as defaults', async () => {
    const { t } = await renderPane();
    const user = await startCampaign(t as never, 'Reaktivierung');
    await user.click(screen.getByRole('tab', { name: t('methodInactive') }));
    expect(screen.getByRole('spinbutton', { name: t('inactiveMonths') })).toHaveValue(3);
    expect(screen.getByLabelText(t('inactiveAsOf'))).toHaveValue('2026-11-20');
    const three = numberIn(
      /Würde (\d+)/.exec((await screen.findByText(/^Würde \d+ hinzufügen/)).textContent ?? '')?.[1] ?? '',
    );
    const months = screen.getByRole('spinbutton', { name: t('inactiveMonths') });
    await user.clear(months);
    await user.type(months, '24');
    await waitFor(() => {
      const longer = numberIn(
        /Würde (\d+)/.exec(screen.getByTestId('selection-preview').textContent ?? '')?.[1] ?? '',
      );
      expect(longer).toBeLessThan(three);
    });
  });
});

describe('2 · Empfänger aus der Kontakthistorie', () => {
  /** The people the sample's history names for a campaign, counted from the sheet as a person would. */
  const peopleOf = (campaign: string): number => {
    const [header, ...rows] = sampleWorkbookTables().find((table) => table.name === 'Kontakthistorie')!.rows;
    const named = header.indexOf('Kampagne');
    const key = header.indexOf('Personenschlüssel');
    return new Set(rows.filter((row) => row[named] === campaign).map((row) => row[key])).size;
  };

  it("adds a campaign's recipients and takes out whom a later phone round reached", async () => {
    const { t } = await renderPane();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('newCampaign') }));
    await user.click(screen.getByRole('radio', { name: /^Veranstaltung/ }));
    await user.type(screen.getByRole('textbox', { name: new RegExp(t('basicsName')) }), 'Nachfass');
    await user.click(screen.getByRole('button', { name: t('next') }));
    await user.click(screen.getByRole('tab', { name: t('methodHistory') }));

    const campaign = screen.getByRole('combobox', { name: t('historyCampaign') });
    await user.selectOptions(campaign, 'Herbstaktion Büromöbel 2026');
    await screen.findByText(/^Würde \d+ hinzufügen/);
    await user.click(screen.getByRole('button', { name: t('applySelection') }));
    await screen.findByTestId('applied-result');
    const reached = numberIn(screen.getByTestId('member-count').textContent);
    expect(reached).toBe(peopleOf('Herbstaktion Büromöbel 2026'));

    await user.click(screen.getByRole('switch', { name: t('selectionModeRemove') }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: t('historyCampaign') }),
      'Telefonaktion Oktober 2026',
    );
    const called = peopleOf('Telefonaktion Oktober 2026');
    expect(called).toBeGreaterThan(0);
    await screen.findByText(`Würde ${called} aus der Zielgruppe herausnehmen`);
    await user.click(screen.getByRole('button', { name: t('applyRemoval') }));
    await waitFor(() =>
      expect(numberIn(screen.getByTestId('member-count').textContent)).toBe(reached - called),
    );
  }, 60_000);

  it('says where the history comes from when the workbook has none yet', async () => {
    const tables = sampleWorkbookTables().filter((table) => table.name !== 'Kontakthistorie');
    const { t } = await renderPane({ workbook: new MemoryWorkbook(tables) });
    const user = await startCampaign(t as never, 'Erste Kampagne');
    await user.click(screen.getByRole('tab', { name: t('methodHistory') }));
    expect(screen.getByText(t('historyMissing'))).toBeVisible();
    expect(screen.queryByRole('button', { name: t('applySelection') })).toBeNull();
  });
});
