import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import type { Language } from '../../../src/core/kernel/language';
import { createTranslator } from '../../../src/i18n/i18n';
import { I18nContext } from '../../../src/i18n/useI18n';
import { AboutLine } from '../../../src/taskpane/shell/AboutLine';

const { version } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
  version: string;
};

const renderIn = (language: Language) =>
  render(
    <I18nContext.Provider value={createTranslator(language)}>
      <AboutLine />
    </I18nContext.Provider>,
  );

describe('the About line', () => {
  it.each([
    ['de', `Kampagnen für Excel ${version}`, 'Datenschutz', 'privacy.html', 'Hilfe', 'support.html'],
    ['en', `Campaigns for Excel ${version}`, 'Privacy', 'privacy.html#en', 'Help', 'support.html#en'],
  ] as const)(
    '%s: names package.json’s version and links the pages shipped with the add-in',
    (language, versionText, privacy, privacyHref, help, helpHref) => {
      renderIn(language);

      expect(screen.getByTestId('about-version')).toHaveTextContent(versionText);
      expect(screen.getByRole('link', { name: privacy })).toHaveAttribute('href', privacyHref);
      expect(screen.getByRole('link', { name: help })).toHaveAttribute('href', helpHref);
      for (const link of screen.getAllByRole('link')) expect(link).toHaveAttribute('target', '_blank');
    },
  );
});
