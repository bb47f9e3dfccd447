import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { campaignTypeLabel } from '../../core/campaign/campaignTypes';
import type { TypeComparison } from '../../core/evaluation/model';
import { useI18n } from '../../i18n/useI18n';
import { evaluationFormat } from './evaluationFormat';

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  number: { textAlign: 'end' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export interface TypeComparisonTableProps {
  comparisons: TypeComparison[];
}

/** The campaigns of each type taken together: the comparison the campaign type exists for. */
export function TypeComparisonTable({ comparisons }: TypeComparisonTableProps) {
  const styles = useStyles();
  const { t, language, formatNumber } = useI18n();
  const format = evaluationFormat(language);
  const none = t('evaluationNotAvailable');
  return (
    <>
      <h3 className={styles.heading}>{t('evaluationByType')}</h3>
      <Table className={styles.table} size="small" aria-label={t('evaluationByType')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('evaluationTypeCampaigns')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('evaluationConversion')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('evaluationIncrementalRevenue')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('evaluationRoi')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {comparisons.map((comparison) => (
            <TableRow key={comparison.type}>
              <TableCell>
                {`${campaignTypeLabel(comparison.type, language)} (${formatNumber(comparison.campaigns)})`}
              </TableCell>
              <TableCell className={styles.number}>{format.share(comparison.contacted.conversion)}</TableCell>
              <TableCell className={styles.number}>
                {comparison.incrementalRevenue
                  ? format.moneyChange(comparison.incrementalRevenue.value)
                  : none}
              </TableCell>
              <TableCell className={styles.number}>
                {comparison.roi ? format.roi(comparison.roi.value) : none}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
