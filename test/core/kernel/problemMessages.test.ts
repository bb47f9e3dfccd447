import type { Language } from '../../../src/core/kernel/language';
import { describeProblem } from '../../../src/core/kernel/problemMessages';
import type { Problem, ProblemCode } from '../../../src/core/kernel/problems';

/** Every code once; a code added to the union without an entry here fails to compile. */
const DETAILS: Record<ProblemCode, Pick<Problem, 'value' | 'detail' | 'candidates'>> = {
  errorValue: { value: '#N/A' },
  invalidDate: { value: '31.02.2024' },
  invalidNumber: { value: 'viele' },
  invalidEmail: { value: 'max(at)example.de' },
  postalCodeRestored: { value: '01067' },
  rowWithoutKey: {},
  totalsRowSkipped: {},
  duplicateId: { value: '10001' },
  unknownCustomer: { value: '77777' },
  missingPostalCode: {},
  probableDuplicate: { value: 'anna@alpha.de', detail: 'email' },
  sharedContactId: { value: '50007' },
  sheetNotFound: { detail: 'sales' },
  sheetRoleNotFound: { detail: 'customers' },
  sheetRoleAmbiguous: {
    detail: 'customers',
    candidates: [
      { name: 'Kunden', sheet: 'Kunden', rows: 12, newest: null },
      { name: 'Kunden alt', sheet: 'Kunden alt', rows: 1, newest: 19_793 },
    ],
  },
  headerNotFound: { detail: '1-30' },
  columnNotFound: { detail: 'email' },
  requiredColumnMissing: { detail: 'customerId' },
  unknownArticle: { value: 'A-999' },
  invalidCampaign: { detail: 'selections[0].months' },
  invalidState: { detail: 'version' },
  campaignNotFound: { value: 'Herbstaktion', detail: 'Newsletter November, Hausmesse' },
  campaignNotUsed: { value: 'Herbstaktion' },
  leadsSheetMissing: {},
  blocklistCannotName: {},
  forgetNotFound: { value: 'anna@example.de' },
  forgetAmbiguous: { value: 'Anna Schmidt', detail: 'Anna Schmidt (Kontakte 3); Anna Schmidt (Kontakte 9)' },
  forgetUnrecognisable: { value: 'Anna' },
  historyUnreadable: {},
  hostTimeout: {},
  payloadTooLarge: {},
  hostError: { detail: 'GeneralException' },
  campaignFileSyntax: { detail: 'commaOrBrace', value: ']' },
  unknownCampaignKey: { value: 'contolPercent', detail: 'controlPercent' },
  asOfAfterToday: { value: '2099-01-01', detail: '2026-05-31' },
  mergedHeaderSplit: { value: 'Name' },
  mergedHeaderUnclear: { value: 'Anschrift', detail: '3' },
  formulaNotCalculated: {},
  cellTooLong: { value: '50000' },
  controlCharactersRemoved: {},
  customerIdSpelling: { value: '123', detail: '00123' },
  letterWithoutStreet: {},
  postalCodeNotFiveDigits: { value: '1067' },
  fieldTooLong: { value: '312', detail: 'NotizVertrieb' },
  salutationMissing: {},
  addressLineTooLong: { value: 'Zimmermann & Lange Rechtsanwälte Partnerschaft mbB' },
};

const cases = (Object.keys(DETAILS) as ProblemCode[]).flatMap((code) =>
  (['de', 'en'] as Language[]).map((lang) => [code, lang] as const),
);

describe('describeProblem', () => {
  it.each(cases)('%s in %s names sheet, row, column and the value', (code, lang) => {
    const p: Problem = {
      code,
      severity: 'warning',
      sheet: 'Kunden',
      row: 12,
      column: 'PLZ',
      ...DETAILS[code],
    };
    const text = describeProblem(p, lang);
    expect(text).toContain(
      lang === 'de' ? 'Blatt „Kunden“, Zeile 12, Spalte „PLZ“: ' : 'Sheet "Kunden", row 12, column "PLZ": ',
    );
    if (p.value && code !== 'sheetRoleAmbiguous') expect(text).toContain(p.value);
    if (code === 'sheetRoleAmbiguous') expect(text).toMatch(/Kunden alt/);
    expect(text).not.toMatch(/undefined|\[object/);
  });

  it.each<[Problem, Language, string]>([
    [
      {
        code: 'probableDuplicate',
        severity: 'warning',
        sheet: 'Kontakte',
        row: 12,
        rows: [40, 41],
        value: 'anna@alpha.de',
        detail: 'email',
      },
      'de',
      'Blatt „Kontakte“, Zeile 12: Wahrscheinlich dieselbe Person wie in den Zeilen 40 und 41 (gleiche E-Mail-Adresse „anna@alpha.de“). Sie bekommt nur eine Nachricht; bitte die Zeilen in der Quelle zusammenführen.',
    ],
    [
      {
        code: 'probableDuplicate',
        severity: 'warning',
        sheet: 'Contacts',
        row: 12,
        rows: [40],
        value: 'Anna Schmidt',
        detail: 'name',
      },
      'en',
      'Sheet "Contacts", row 12: Probably the same person as in row 40 (same name at the same firm "Anna Schmidt"). They get one message only; please merge the rows in the source.',
    ],
    [
      {
        code: 'sharedContactId',
        severity: 'warning',
        sheet: 'Kontakte',
        row: 7,
        rows: [9, 11],
        value: '50007',
      },
      'de',
      'Blatt „Kontakte“, Zeile 7: Die Kontakt-Nr. „50007“ steht auch in den Zeilen 9 und 11, dort aber für eine andere Person (anderer Name, andere E-Mail). Sie werden als verschiedene Personen behandelt; bitte die Nummer korrigieren.',
    ],
    [
      { code: 'errorValue', severity: 'warning', sheet: 'Kunden', row: 12, column: 'PLZ', value: '#NV' },
      'de',
      'Blatt „Kunden“, Zeile 12, Spalte „PLZ“: Excel-Fehlerwert #NV – die Zelle wird als leer gelesen. Bitte die Formel prüfen.',
    ],
    [
      { code: 'requiredColumnMissing', severity: 'warning', sheet: 'Umsätze', row: 2, detail: 'customerId' },
      'de',
      'Blatt „Umsätze“, Zeile 2: Die Spalte Kunden-Nr. wurde nicht erkannt; das Blatt wird nicht gelesen. Bitte die Spalte zuordnen.',
    ],
    [
      {
        code: 'campaignNotFound',
        severity: 'error',
        value: 'Herbstaktion',
        detail: 'Newsletter November, Hausmesse',
      },
      'de',
      'Die Kampagne „Herbstaktion“ ist in dieser Arbeitsmappe nicht gespeichert (gespeichert: Newsletter November, Hausmesse). Bitte den Namen prüfen.',
    ],
    [
      { code: 'sheetRoleNotFound', severity: 'warning', detail: 'customers' },
      'en',
      'No Customers sheet found. Please choose the sheet in the mapping.',
    ],
    [
      {
        code: 'sheetRoleAmbiguous',
        severity: 'error',
        detail: 'contacts',
        candidates: [
          { name: 'Kontakte 2023', sheet: 'Kontakte 2023', rows: 1, newest: null },
          { name: 'Kontakte 2024', sheet: 'Kontakte 2024', rows: 1200, newest: 19_794 },
        ],
      },
      'de',
      'Als Kontakte passen mehrere Blätter gleich gut: „Kontakte 2023“ (1 Zeile), „Kontakte 2024“ (1.200 Zeilen, neuestes Datum 12.03.2024). Welches gilt, wird nicht geraten: bitte wählen (im Add-in unter „Zuordnung ändern“, auf der Kommandozeile mit --sheet contacts="…", in der Kampagnendatei unter "sources").',
    ],
    [
      {
        code: 'unknownCampaignKey',
        severity: 'error',
        value: 'contolPercent',
        detail: 'controlPercent',
        position: { line: 4, column: 3 },
      },
      'de',
      'Zeile 4, Spalte 3: Den Eintrag „contolPercent“ gibt es in Kampagnendateien nicht – meinten Sie „controlPercent“?',
    ],
    [
      {
        code: 'campaignFileSyntax',
        severity: 'error',
        detail: 'commaOrBrace',
        value: '',
        position: { line: 2, column: 1 },
      },
      'en',
      'line 2, column 1: The campaign file is not valid JSON: expected "," or "}", but the file ends here. Please correct the file at this point.',
    ],
    [
      { code: 'columnNotFound', severity: 'error', sheet: 'Kunden', column: 'Mail privat', detail: 'email' },
      'en',
      'Sheet "Kunden", column "Mail privat": There is no such column (chosen as E-mail). Please check the mapping.',
    ],
    [
      { code: 'unknownCustomer', severity: 'warning', sheet: 'Umsätze', more: 12345 },
      'de',
      'Blatt „Umsätze“: Die Kundennummer steht nicht im Kundenblatt. (12.345 weitere Fälle, nicht einzeln aufgeführt)',
    ],
    [
      { code: 'unknownCustomer', severity: 'warning', sheet: 'Sales', more: 12345 },
      'en',
      'Sheet "Sales": The customer ID is not on the customers sheet. (12,345 more, not listed one by one)',
    ],
    [
      { code: 'sheetRoleNotFound', severity: 'error', detail: 'sales' },
      'de',
      'Kein Blatt für Umsätze gefunden. Bitte das Blatt in der Zuordnung wählen.',
    ],
    [
      { code: 'hostTimeout', severity: 'error' },
      'de',
      'Excel antwortet nicht. Bitte kurz warten und erneut versuchen.',
    ],
    [
      { code: 'sheetNotFound', severity: 'error', sheet: 'X' },
      'en',
      'Sheet "X": The workbook has no such sheet. Please check the mapping.',
    ],
  ])('%j in %s', (p, lang, expected) => expect(describeProblem(p, lang)).toBe(expected));
});
