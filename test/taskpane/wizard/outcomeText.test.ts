import { createTranslator } from '../../../src/i18n/i18n';
import { outcomeResult } from '../../../src/taskpane/wizard/outcomeText';

const downloaded = (count: number) =>
  ({ task: 'csv', status: 'success', via: 'download', file: 'Herbst.csv', count }) as const;

describe('what a finished CSV download says', () => {
  it('names one row in the singular', () => {
    expect(outcomeResult(downloaded(1), createTranslator('de')).text).toBe(
      '1 Zeile als Datei „Herbst.csv“ heruntergeladen.',
    );
    expect(outcomeResult(downloaded(1), createTranslator('en')).text).toBe(
      '1 row downloaded as the file “Herbst.csv”.',
    );
  });

  it('names several rows in the plural', () => {
    expect(outcomeResult(downloaded(2), createTranslator('de')).text).toBe(
      '2 Zeilen als Datei „Herbst.csv“ heruntergeladen.',
    );
  });
});
