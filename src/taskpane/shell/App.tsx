import { useMemo, useSyncExternalStore } from 'react';
import { AriaLiveAnnouncer, FluentProvider, makeStyles } from '@fluentui/react-components';
import { createTranslator } from '../../i18n/i18n';
import { I18nContext } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import type { PaneMode } from '../services/startPane';
import { useWizard } from '../wizard/useWizard';
import { Pane } from './Pane';
import { fixedTheme, fluentTheme, type ThemeSource } from './paneTheme';

const useStyles = makeStyles({ provider: { height: '100%' } });

export interface AppProps {
  session: PaneSession;
  mode: PaneMode;
  /** Office's theme, followed while the pane is open; light where it cannot be told. */
  theme?: ThemeSource;
}

const LIGHT = fixedTheme('light');

export function App({ session, mode, theme: themes = LIGHT }: AppProps) {
  const styles = useStyles();
  const theme = useSyncExternalStore(themes.subscribe, themes.current);
  const translator = useMemo(() => createTranslator(session.language), [session.language]);
  const { state, actions } = useWizard(session);
  return (
    <FluentProvider
      theme={fluentTheme(theme)}
      lang={session.language}
      className={styles.provider}
      data-theme={theme}
    >
      {/* every MessageBar announces itself through it: results are read out where they appear */}
      <AriaLiveAnnouncer>
        <I18nContext.Provider value={translator}>
          <Pane state={state} actions={actions} mode={mode} session={session} />
        </I18nContext.Provider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
