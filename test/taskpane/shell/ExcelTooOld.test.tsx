import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { createTranslator } from '../../../src/i18n/i18n';
import { ExcelTooOld } from '../../../src/taskpane/shell/ExcelTooOld';
import { installLayoutStubs } from '../paneTestkit';

beforeAll(installLayoutStubs);

describe('an Excel too old for the add-in', () => {
  it.each(['de', 'en'] as const)(
    '%s: one sentence that points to the command line, the help page, and nothing to click into',
    (language) => {
      const { t } = createTranslator(language);
      render(<ExcelTooOld language={language} />);

      const sentence = screen.getByTestId('excel-too-old');
      expect(sentence).toHaveTextContent(t('excelTooOld'));
      expect(sentence).toHaveTextContent(/kampagne.*\.xlsx/);
      expect(screen.getByRole('link', { name: t('aboutSupport') })).toHaveAttribute(
        'href',
        language === 'en' ? 'support.html#en' : 'support.html',
      );
      expect(screen.queryByRole('button')).toBeNull();
    },
  );
});
