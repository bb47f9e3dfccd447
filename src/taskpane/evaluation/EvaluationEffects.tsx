import { Fragment } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { effectRows, metricRoleLabel } from '../../core/evaluation/figures';
import type { CampaignEvaluation } from '../../core/evaluation/model';
import { useI18n } from '../../i18n/useI18n';
import { useEvaluationStyles } from './evaluationStyles';

const useStyles = makeStyles({
  effects: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

export interface EvaluationEffectsProps {
  evaluation: CampaignEvaluation;
}

/** What the campaign changed compared with the control group, each effect with its 95 % interval; then the cost. */
export function EvaluationEffects({ evaluation }: EvaluationEffectsProps) {
  const styles = { ...useEvaluationStyles(), ...useStyles() };
  const { t, language, formatFigure } = useI18n();
  return (
    <>
      <h3 className={styles.heading}>{t('evaluationEffect')}</h3>
      <dl className={styles.effects} data-testid="evaluation-effects">
        {effectRows(evaluation, language, evaluation.primaryMetric).map(({ id, label, figure, primary }) => (
          <Fragment key={id}>
            <dt className={styles.term} data-testid={`effect-${id}`}>
              {label}
              {primary !== null && (
                <>
                  <br />
                  <span className={styles.hint}>{metricRoleLabel(primary, language)}</span>
                </>
              )}
            </dt>
            <dd className={styles.value} data-testid={`effect-${id}-value`}>
              {formatFigure(figure)}
              {figure.interval && (
                <>
                  <br />
                  <span className={styles.hint}>
                    {t('evaluationInterval', {
                      low: formatFigure({ ...figure, value: figure.interval.low }),
                      high: formatFigure({ ...figure, value: figure.interval.high }),
                    })}
                  </span>
                </>
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}
