import type { Language } from '../../../src/core/kernel/language';
import type { SelectionDefinition } from '../../../src/core/campaign/campaign';
import { describeSelection } from '../../../src/core/select/selectionLabels';

describe('describeSelection', () => {
  it.each<[SelectionDefinition, number, Language, string]>([
    [
      { from: 'contacts', filter: [{ column: 'Ort', op: 'equals', value: 'Köln' }] },
      0,
      'de',
      '1: Kontakte (Ort = Köln)',
    ],
    [
      { from: 'contacts', filter: [{ column: 'city', op: 'equals', value: 'Köln' }] },
      0,
      'en',
      '1: Contacts (City = Köln)',
    ],
    [
      {
        from: 'contacts',
        filter: [
          { column: 'postalCode', op: 'gte', value: '01067' },
          { column: 'E-Mail', op: 'isNotEmpty' },
        ],
      },
      1,
      'de',
      '2: Kontakte (PLZ ≥ 01067, E-Mail ist nicht leer)',
    ],
    [
      {
        from: 'customers',
        filter: [{ column: 'Branche', op: 'in', value: ['Bau', 'Handel', 'Gastro', 'IT'] }],
      },
      0,
      'de',
      '1: Kundenstamm (Branche in (Bau, Handel, Gastro +1))',
    ],
    [{ from: 'customers', ids: ['K1', 'K2'] }, 2, 'en', '3: Customers (2 selected)'],
    [{ from: 'contacts' }, 0, 'de', '1: Kontakte (alle)'],
    [
      { from: 'purchasedArticles', articles: ['A-1001', 'A-1002'], since: '2026-01-01' },
      1,
      'de',
      '2: Artikel A-1001, A-1002 (ab 01.01.2026)',
    ],
    [
      {
        from: 'purchasedArticles',
        articles: ['A-1001'],
        since: '2026-01-01',
        until: '2026-03-31',
        minQuantity: 5,
      },
      1,
      'en',
      '2: Articles A-1001 (from 1 Jan 2026, to 31 Mar 2026, min. quantity 5)',
    ],
    [{ from: 'purchasedArticles', articles: ['Kalk'] }, 0, 'de', '1: Artikel Kalk'],
    [
      { from: 'inactiveCustomers', months: 3, asOf: '2026-05-31' },
      2,
      'de',
      '3: Inaktive Kunden (3 Monate bis 31.05.2026)',
    ],
    [{ from: 'inactiveCustomers', months: 1 }, 2, 'de', '3: Inaktive Kunden (1 Monat)'],
    [
      { from: 'inactiveCustomers', months: 6, asOf: '2026-05-31', includeNeverPurchased: false },
      0,
      'en',
      '1: Inactive customers (6 months to 31 May 2026, with earlier purchases only)',
    ],
  ])('%j #%i %s', (selection, index, lang, label) => {
    expect(describeSelection(selection, index, lang)).toBe(label);
  });
});
