import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { problemsText } from '../services/problemText';
import type { PaneMode } from '../services/startPane';
import type { WizardActions } from '../wizard/useWizard';
import type { WizardState } from '../wizard/wizardReducer';
import { RecognitionSummary } from '../mapping/RecognitionSummary';
import { CurrentScreen } from './CurrentScreen';
import { AboutLine } from './AboutLine';
import { ActionFeedback } from './ActionFeedback';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    flexGrow: 1,
    flexShrink: 0,
  },
  // at 320 px the badge gives way to the title
  badge: {
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    display: 'block',
  },
  main: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    padding: `${tokens.spacingHorizontalM} ${tokens.spacingHorizontalM} 0`,
  },
});

export interface PaneProps {
  state: WizardState;
  actions: WizardActions;
  mode: PaneMode;
  session: PaneSession;
}

export function Pane({ state, actions, mode, session }: PaneProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { workbook } = state;
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t('appTitle')}</h1>
        {mode === 'preview' && (
          <Badge
            appearance="tint"
            color="warning"
            className={styles.badge}
            title={t('previewBadge')}
            data-testid="preview-badge"
          >
            {t('previewBadge')}
          </Badge>
        )}
      </header>
      <main className={styles.main} tabIndex={-1} id="pane-main">
        <ActionFeedback
          busy={workbook.status === 'loading' || workbook.status === 'readingSheets'}
          busyLabel={t('loading')}
          result={
            workbook.status === 'failed'
              ? {
                  intent: 'error',
                  text: t('loadFailed', { message: problemsText(workbook.problems, language) }),
                }
              : null
          }
          onRetry={() => void actions.retryLoading()}
          testId="load-failed"
        />
        {workbook.status === 'failed' && session.canSave && (
          <RecognitionSummary
            data={null}
            mapping={workbook.mapping}
            session={session}
            onSaveMapping={actions.saveMapping}
          />
        )}
        {/* the campaigns show while the sheets are read; what needs the data waits for it */}
        {(workbook.status === 'ready' || workbook.status === 'readingSheets') && (
          <CurrentScreen
            state={state}
            data={workbook.status === 'ready' ? workbook.data : null}
            mapping={workbook.status === 'ready' ? workbook.mapping : session.mapping}
            actions={actions}
            session={session}
          />
        )}
        {state.screen === 'home' && <AboutLine />}
      </main>
    </div>
  );
}
