import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { figureLabel, figureOf, type FigureId } from '../../core/evaluation/figures';
import type { TypeComparison } from '../../core/evaluation/model';
import { useI18n } from '../../i18n/useI18n';
import { useEvaluationStyles } from './evaluationStyles';

/** What fits a narrow pane: the contacted recipients' conversion, the additional revenue and the return. */
const COLUMNS: FigureId[] = ['conversion', 'incrementalRevenue', 'roi'];

export interface TypeComparisonTableProps {
  comparisons: TypeComparison[];
}

/** The campaigns of each type taken together: the comparison the campaign type exists for. */
export function TypeComparisonTable({ comparisons }: TypeComparisonTableProps) {
  const styles = useEvaluationStyles();
  const { t, language, formatNumber, formatFigure, campaignType } = useI18n();
  const none = t('evaluationNotAvailable');
  return (
    <>
      <h3 className={styles.heading}>{t('evaluationByType')}</h3>
      <Table className={styles.table} size="small" aria-label={t('evaluationByType')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('evaluationTypeCampaigns')}</TableHeaderCell>
            {COLUMNS.map((id) => (
              <TableHeaderCell key={id} className={styles.number}>
                {figureLabel(id, language)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {comparisons.map((comparison) => (
            <TableRow key={comparison.type}>
              <TableCell>{`${campaignType(comparison.type)} (${formatNumber(comparison.campaigns)})`}</TableCell>
              {COLUMNS.map((id) => {
                const figure = figureOf(comparison, id);
                return (
                  <TableCell key={id} className={styles.number}>
                    {figure ? formatFigure(figure) : none}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
