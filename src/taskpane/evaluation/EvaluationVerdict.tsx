import { Badge, Text, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { verdictLabel } from '../../core/evaluation/evaluationText';
import type { CampaignEvaluation, Verdict } from '../../core/evaluation/model';
import { useI18n } from '../../i18n/useI18n';
import { useEvaluationStyles } from './evaluationStyles';

const useStyles = makeStyles({
  summary: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
});

const VERDICT_COLOR: Record<Verdict, NonNullable<BadgeProps['color']>> = {
  notStarted: 'informative',
  noSalesYet: 'informative',
  paidOff: 'success',
  notPaidOff: 'danger',
  moreBuyers: 'success',
  fewerBuyers: 'danger',
  uncertain: 'warning',
  controlTooSmall: 'warning',
  noControl: 'warning',
};

export interface EvaluationVerdictProps {
  evaluation: CampaignEvaluation;
  summary: string;
}

/** What a shop owner reads first: the verdict, the sentence, the window counted, and whether the figures are causal. */
export function EvaluationVerdict({ evaluation, summary }: EvaluationVerdictProps) {
  const styles = { ...useEvaluationStyles(), ...useStyles() };
  const { t, language, formatFigure } = useI18n();
  const day = (value: number) => formatFigure({ kind: 'day', value });
  return (
    <>
      <div>
        <Badge appearance="tint" color={VERDICT_COLOR[evaluation.verdict]} data-testid="evaluation-verdict">
          {verdictLabel(evaluation.verdict, language)}
        </Badge>
      </div>
      <p className={styles.summary} data-testid="evaluation-summary">
        {summary}
      </p>
      <Text className={styles.hint} data-testid="evaluation-window">
        {evaluation.start !== null && evaluation.windowEnd !== null
          ? t('evaluationWindow', {
              from: day(evaluation.start),
              to: day(evaluation.windowEnd),
              observed: evaluation.daysObserved,
              days: evaluation.windowDays,
            })
          : t('evaluationWindowNone', { days: evaluation.windowDays })}
      </Text>
      {evaluation.control === null && (
        <div>
          {evaluation.verdict !== 'noControl' && (
            <Badge appearance="tint" color="warning">
              {t('evaluationNoControl')}
            </Badge>
          )}
          <Text as="p" className={styles.hint} data-testid="evaluation-no-control">
            {t('evaluationNoControlHint')}
          </Text>
        </div>
      )}
    </>
  );
}
