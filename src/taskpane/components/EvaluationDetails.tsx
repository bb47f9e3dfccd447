import {
  Badge,
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
import { Fragment } from 'react';
import type { BadgeProps } from '@fluentui/react-components';
import { verdictLabel } from '../../core/evaluation/evaluationText';
import type { CampaignEvaluation, Estimate, GroupFigures, Verdict } from '../../core/evaluation/model';
import { LEAD_STATUSES, LEAD_STATUS_LABELS } from '../../core/outputs/leadsSheet';
import { dayToIso } from '../../core/kernel/values';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/de';
import { evaluationFormat, type EvaluationFormat } from '../state/evaluationFormat';
import { EvaluationChart } from './EvaluationChart';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summary: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  number: { textAlign: 'end' },
  effects: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const VERDICT_COLOR: Record<Verdict, NonNullable<BadgeProps['color']>> = {
  notStarted: 'informative',
  noSalesYet: 'informative',
  paidOff: 'success',
  notPaidOff: 'danger',
  uncertain: 'warning',
  controlTooSmall: 'warning',
  noControl: 'warning',
};

type FigureRow = { label: MessageKey; value: (figures: GroupFigures) => string };

const figureRows = (format: EvaluationFormat, formatNumber: (n: number) => string): FigureRow[] => [
  { label: 'evaluationMembers', value: (f) => formatNumber(f.members) },
  { label: 'evaluationBuyers', value: (f) => formatNumber(f.buyers) },
  { label: 'evaluationConversion', value: (f) => format.share(f.conversion) },
  { label: 'evaluationRevenue', value: (f) => format.money(f.revenue) },
  { label: 'evaluationRevenuePerMember', value: (f) => format.moneyPerMember(f.revenuePerMember) },
  { label: 'evaluationOrders', value: (f) => formatNumber(f.orders) },
];

export interface EvaluationDetailsProps {
  evaluation: CampaignEvaluation;
  /** The one sentence a shop owner reads first. */
  summary: string;
  /** The evaluation's notes as sentences. */
  notes: string[];
}

/** One campaign's evaluation: summary, key figures contacted vs control, effect with intervals, chart, leads, notes. */
export function EvaluationDetails({ evaluation, summary, notes }: EvaluationDetailsProps) {
  const styles = useStyles();
  const { t, language, formatNumber, formatDate } = useI18n();
  const format = evaluationFormat(language);
  const { control, contacted } = evaluation;
  const started = evaluation.verdict !== 'notStarted';
  const interval = (estimate: Estimate, show: (value: number) => string) =>
    t('evaluationInterval', { low: show(estimate.low), high: show(estimate.high) });

  const effects: Array<{ label: MessageKey; estimate: Estimate | null; show: (value: number) => string }> = [
    {
      label: 'evaluationConversionUplift',
      estimate: evaluation.conversionUplift,
      show: (value) => t('evaluationPoints', { value: format.points(value) }),
    },
    {
      label: 'evaluationRevenueUplift',
      estimate: evaluation.revenuePerMemberUplift,
      show: (value) => format.moneyChange(value, true),
    },
    {
      label: 'evaluationIncrementalRevenue',
      estimate: evaluation.incrementalRevenue,
      show: (value) => format.moneyChange(value),
    },
    { label: 'evaluationRoi', estimate: evaluation.roi, show: (value) => format.roi(value) },
  ];

  return (
    <div className={styles.root}>
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
              from: formatDate(dayToIso(evaluation.start)),
              to: formatDate(dayToIso(evaluation.windowEnd)),
              observed: evaluation.daysObserved,
              days: evaluation.windowDays,
            })
          : t('evaluationWindowNone', { days: evaluation.windowDays })}
      </Text>
      {control === null && (
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
      {started && (
        <>
          <h3 className={styles.heading}>{t('evaluationFigures')}</h3>
          <Table className={styles.table} size="small" aria-label={t('evaluationFigures')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('evaluationFigure')}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>
                  {control ? t('evaluationContacted') : t('evaluationRecipients')}
                </TableHeaderCell>
                {control && (
                  <TableHeaderCell className={styles.number}>{t('evaluationControlGroup')}</TableHeaderCell>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {figureRows(format, formatNumber).map((row) => (
                <TableRow key={row.label}>
                  <TableCell>{t(row.label)}</TableCell>
                  <TableCell className={styles.number}>{row.value(contacted)}</TableCell>
                  {control && <TableCell className={styles.number}>{row.value(control)}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {control && evaluation.revenuePerMemberUplift && (
        <>
          <h3 className={styles.heading}>{t('evaluationEffect')}</h3>
          <dl className={styles.effects} data-testid="evaluation-effects">
            {effects.map(({ label, estimate, show }) =>
              estimate ? (
                <Fragment key={label}>
                  <dt className={styles.term}>{t(label)}</dt>
                  <dd className={styles.value}>
                    {show(estimate.value)}
                    <br />
                    <span className={styles.hint}>{interval(estimate, show)}</span>
                  </dd>
                </Fragment>
              ) : null,
            )}
            {evaluation.cost !== null && (
              <>
                <dt className={styles.term}>{t('evaluationCostFigure')}</dt>
                <dd className={styles.value}>{format.money(evaluation.cost)}</dd>
              </>
            )}
          </dl>
        </>
      )}
      {started && evaluation.verdict !== 'noSalesYet' && (
        <EvaluationChart
          contacted={contacted.revenuePerMember}
          control={control?.revenuePerMember ?? null}
          uplift={evaluation.revenuePerMemberUplift}
        />
      )}
      {evaluation.leads && (
        <>
          <h3 className={styles.heading}>{t('evaluationLeads')}</h3>
          <ul className={styles.list} data-testid="evaluation-leads">
            {LEAD_STATUSES.map((status) => (
              <li key={status}>
                {`${LEAD_STATUS_LABELS[language][status]}: ${formatNumber(evaluation.leads?.byStatus[status] ?? 0)}`}
              </li>
            ))}
            {evaluation.leads.otherStatus > 0 && (
              <li>{`${t('evaluationLeadsOther')}: ${formatNumber(evaluation.leads.otherStatus)}`}</li>
            )}
          </ul>
          <Text>
            {t('evaluationLeadsWon', {
              won: evaluation.leads.byStatus.won,
              total: evaluation.leads.total,
              share: format.share(evaluation.leads.wonShare),
            })}
          </Text>
        </>
      )}
      {notes.length > 0 && (
        <>
          <h3 className={styles.heading}>{t('evaluationNotes')}</h3>
          <ul className={styles.list} data-testid="evaluation-notes">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
