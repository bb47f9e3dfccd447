import { Button, Card, makeStyles, tokens } from '@fluentui/react-components';
import { evaluationSummary, noteText } from '../../core/evaluation/evaluationText';
import type { Translator } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { ActionFeedback, type ActionResult } from '../shell/ActionFeedback';
import { useEvaluation } from './useEvaluation';
import type { SheetWrite } from './evaluationReducer';
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

const writeResult = (write: SheetWrite, t: Translator['t']): ActionResult | null => {
  if (write.status === 'written') return { intent: 'success', text: t('evaluationWritten', write) };
  if (write.status === 'failed')
    return { intent: 'error', title: t('failedEvaluationWrite'), text: write.message };
  return null;
};

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
  const { state, reload, write } = useEvaluation(session, campaignId);
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
      <ActionFeedback
        busy={state.status === 'loading'}
        busyLabel={t('evaluationLoading')}
        result={
          state.status === 'failed'
            ? { intent: 'error', text: t('evaluationFailed', { message: state.message }) }
            : null
        }
        onRetry={reload}
        testId="evaluation-failed"
      />
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
            <ActionFeedback
              busy={writing}
              busyLabel={t('evaluationWriting')}
              result={writeResult(state.write, t)}
              onRetry={() => void write()}
              testId="evaluation-written"
            />
          </Card>
        </>
      )}
    </div>
  );
}
