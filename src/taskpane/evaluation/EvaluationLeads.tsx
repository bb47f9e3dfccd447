import { Text } from '@fluentui/react-components';
import { leadRows, wonShare } from '../../core/evaluation/figures';
import type { LeadFigures } from '../../core/evaluation/model';
import { useI18n } from '../../i18n/useI18n';
import { useEvaluationStyles } from './evaluationStyles';

export interface EvaluationLeadsProps {
  leads: LeadFigures;
}

/** The campaign's leads on the Leads sheet by status, and the share won. */
export function EvaluationLeads({ leads }: EvaluationLeadsProps) {
  const styles = useEvaluationStyles();
  const { t, language, formatNumber, formatFigure } = useI18n();
  return (
    <>
      <h3 className={styles.heading}>{t('evaluationLeads')}</h3>
      <ul className={styles.list} data-testid="evaluation-leads">
        {leadRows(leads, language).map((row) => (
          <li key={row.label}>{`${row.label}: ${formatNumber(row.count)}`}</li>
        ))}
      </ul>
      <Text>
        {t('evaluationLeadsWon', {
          won: leads.byStatus.won,
          total: leads.total,
          share: formatFigure(wonShare(leads)),
        })}
      </Text>
    </>
  );
}
