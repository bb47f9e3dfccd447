import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { evaluationSummary, noteText } from '../../core/evaluation/evaluationText';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { useEvaluation } from './useEvaluation';
import { EvaluationDetails } from './EvaluationDetails';
import { TypeComparisonTable } from './TypeComparisonTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: {
    flexGrow: 1,
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface EvaluationScreenProps {
  campaignId: string;
  /** The campaign's name, for the title while the evaluation runs. */
  name: string;
  session: PaneSession;
  onBack(): void;
}

/** The evaluation view of one campaign, with the comparison by type and the button that writes the sheets. */
export function EvaluationScreen({ campaignId, name, session, onBack }: EvaluationScreenProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { state, write } = useEvaluation(session, campaignId);
  const evaluation =
    state.status === 'ready' ? state.report.evaluations.find((e) => e.campaignId === campaignId) : undefined;
  const writing = state.status === 'ready' && state.write.status === 'running';
  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <Button size="small" onClick={onBack} disabled={writing}>
          {t('back')}
        </Button>
        <h2 className={styles.title}>{t('evaluationTitle', { name })}</h2>
      </div>
      {state.status === 'loading' && <Spinner label={t('evaluationLoading')} />}
      {state.status === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('evaluationFailed', { message: state.message })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && evaluation && (
        <>
          <EvaluationDetails
            evaluation={evaluation}
            summary={evaluationSummary(evaluation, language)}
            notes={evaluation.notes.map((note) => noteText(note, language))}
          />
          <TypeComparisonTable comparisons={state.report.byType} />
          <Card className={styles.card}>
            <Button appearance="primary" disabled={writing} onClick={() => void write()}>
              {t('evaluationWriteSheet')}
            </Button>
            {writing && <ProgressBar aria-label={t('evaluationWriting')} />}
            {state.write.status === 'written' && (
              <MessageBar intent="success" data-testid="evaluation-written">
                <MessageBarBody>{t('evaluationWritten', state.write)}</MessageBarBody>
              </MessageBar>
            )}
            {state.write.status === 'failed' && (
              <MessageBar intent="error" data-testid="evaluation-written">
                <MessageBarBody>{t('resultFailed', { message: state.write.message })}</MessageBarBody>
              </MessageBar>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
