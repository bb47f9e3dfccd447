import { useMemo } from 'react';
import { AriaLiveAnnouncer, FluentProvider, makeStyles } from '@fluentui/react-components';
import { createTranslator } from '../../i18n/i18n';
import { I18nContext } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import type { PaneMode } from '../services/startPane';
import { useWizard } from '../wizard/useWizard';
import { Pane } from './Pane';
import { fluentTheme, type PaneTheme } from './paneTheme';

const useStyles = makeStyles({ provider: { height: '100%' } });

export interface AppProps {
  session: PaneSession;
  mode: PaneMode;
  /** Office's theme; light where it cannot be told. */
  theme?: PaneTheme;
}

export function App({ session, mode, theme = 'light' }: AppProps) {
  const styles = useStyles();
  const translator = useMemo(() => createTranslator(session.language), [session.language]);
  const { state, actions } = useWizard(session);
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={session.language} className={styles.provider}>
      {/* every MessageBar announces itself through it: results are read out where they appear */}
      <AriaLiveAnnouncer>
        <I18nContext.Provider value={translator}>
          <Pane state={state} actions={actions} mode={mode} session={session} />
        </I18nContext.Provider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
