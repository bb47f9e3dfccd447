import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Problem } from '../../../core/kernel/problems';
import { describeProblem } from '../../../core/kernel/problemMessages';
import { useI18n } from '../../../i18n/useI18n';

const useStyles = makeStyles({
  problems: { maxHeight: '320px', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
});

export interface ProblemsTabProps {
  /** The workbook's data problems and those the selections met. */
  problems: readonly Problem[];
}

export function ProblemsTab({ problems }: ProblemsTabProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  if (problems.length === 0) return <Text>{t('problemsEmpty')}</Text>;
  return (
    <div className={styles.problems}>
      <Table size="extra-small" aria-label={t('tabProblems')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('columnSheet')}</TableHeaderCell>
            <TableHeaderCell>{t('columnRow')}</TableHeaderCell>
            <TableHeaderCell>{t('columnWhat')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {problems.map((problem, i) => (
            <TableRow key={i}>
              <TableCell>{problem.sheet ?? ''}</TableCell>
              <TableCell>{problem.row ?? ''}</TableCell>
              <TableCell>{describeProblem(problem, language)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
