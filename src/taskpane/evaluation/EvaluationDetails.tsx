import { makeStyles, tokens } from '@fluentui/react-components';
import type { CampaignEvaluation } from '../../core/evaluation/model';
import { EvaluationChart } from './EvaluationChart';
import { EvaluationEffects } from './EvaluationEffects';
import { EvaluationKeyFigures } from './EvaluationKeyFigures';
import { EvaluationLeads } from './EvaluationLeads';
import { EvaluationNotes } from './EvaluationNotes';
import { EvaluationVerdict } from './EvaluationVerdict';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface EvaluationDetailsProps {
  evaluation: CampaignEvaluation;
  /** The one sentence a shop owner reads first. */
  summary: string;
  /** The evaluation's notes as sentences. */
  notes: string[];
}

/** One campaign's evaluation: verdict and summary, key figures contacted vs control, effect, chart, leads, notes. */
export function EvaluationDetails({ evaluation, summary, notes }: EvaluationDetailsProps) {
  const styles = useStyles();
  const started = evaluation.verdict !== 'notStarted';
  const measured = evaluation.control !== null && evaluation.revenuePerMemberUplift !== null;
  return (
    <div className={styles.root}>
      <EvaluationVerdict evaluation={evaluation} summary={summary} />
      {started && <EvaluationKeyFigures evaluation={evaluation} />}
      {measured && <EvaluationEffects evaluation={evaluation} />}
      {started && evaluation.verdict !== 'noSalesYet' && (
        <EvaluationChart
          contacted={evaluation.contacted.revenuePerMember}
          control={evaluation.control?.revenuePerMember ?? null}
          uplift={evaluation.revenuePerMemberUplift}
        />
      )}
      {evaluation.leads && <EvaluationLeads leads={evaluation.leads} />}
      {notes.length > 0 && <EvaluationNotes notes={notes} />}
    </div>
  );
}
