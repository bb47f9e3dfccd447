import { useI18n } from '../../i18n/useI18n';
import { useEvaluationStyles } from './evaluationStyles';

export interface EvaluationNotesProps {
  /** The evaluation's notes as sentences. */
  notes: string[];
}

/** What the reader should know about the figures: undated sales, returns, overlapping campaigns, an open window. */
export function EvaluationNotes({ notes }: EvaluationNotesProps) {
  const styles = useEvaluationStyles();
  const { t } = useI18n();
  return (
    <>
      <h3 className={styles.heading}>{t('evaluationNotes')}</h3>
      <ul className={styles.list} data-testid="evaluation-notes">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </>
  );
}
