import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { groupLabel, keyFigureRows } from '../../core/evaluation/figures';
import type { CampaignEvaluation } from '../../core/evaluation/model';
import { useI18n } from '../../i18n/useI18n';
import { useEvaluationStyles } from './evaluationStyles';

export interface EvaluationKeyFiguresProps {
  evaluation: Pick<CampaignEvaluation, 'contacted' | 'control'>;
}

/** Recipients, buyers, conversion, revenue, revenue per recipient and orders: contacted next to the control group. */
export function EvaluationKeyFigures({ evaluation }: EvaluationKeyFiguresProps) {
  const styles = useEvaluationStyles();
  const { t, language, formatFigure } = useI18n();
  const withControl = evaluation.control !== null;
  return (
    <>
      <h3 className={styles.heading}>{t('evaluationFigures')}</h3>
      <Table className={styles.table} size="small" aria-label={t('evaluationFigures')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('evaluationFigure')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>
              {withControl ? groupLabel('contacted', language) : t('evaluationRecipients')}
            </TableHeaderCell>
            {withControl && (
              <TableHeaderCell className={styles.number}>{groupLabel('control', language)}</TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {keyFigureRows(evaluation, language).map((row) => (
            <TableRow key={row.id}>
              <TableCell>{row.label}</TableCell>
              <TableCell className={styles.number}>{formatFigure(row.contacted)}</TableCell>
              {row.control && <TableCell className={styles.number}>{formatFigure(row.control)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
