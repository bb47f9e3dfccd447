import { useMemo } from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Language } from '../../core/kernel/language';
import { createTranslator } from '../../i18n/i18n';
import { I18nContext } from '../../i18n/useI18n';
import { AboutLine } from './AboutLine';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, minHeight: '100vh', boxSizing: 'border-box' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginTop: 0 },
});

/** Instead of the pane in an Excel without ExcelApi 1.7: one sentence and the way to the command line's help. */
export function ExcelTooOld({ language }: { language: Language }) {
  const styles = useStyles();
  const translator = useMemo(() => createTranslator(language), [language]);
  return (
    <FluentProvider theme={webLightTheme} lang={language} className={styles.root}>
      <I18nContext.Provider value={translator}>
        <main>
          <h1 className={styles.title}>{translator.t('appTitle')}</h1>
          <MessageBar intent="warning" data-testid="excel-too-old">
            <MessageBarBody>{translator.t('excelTooOld')}</MessageBarBody>
          </MessageBar>
          <AboutLine />
        </main>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
