import { makeStyles, tokens } from '@fluentui/react-components';
import { figureLabel, groupLabel } from '../../core/evaluation/figures';
import type { Estimate } from '../../core/evaluation/model';
import { useI18n } from '../../i18n/useI18n';

const WIDTH = 300;
const HEIGHT = 170;
const BASELINE = 140;
const TOP = 22;
const BAR_WIDTH = 70;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0 },
  svg: { width: '100%', maxWidth: `${WIDTH}px`, height: 'auto' },
  contacted: { fill: tokens.colorBrandBackground },
  control: { fill: tokens.colorNeutralForeground3 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  whisker: { stroke: tokens.colorNeutralForeground1, strokeWidth: 2 },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  legend: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface EvaluationChartProps {
  /** Revenue per member of the contacted members. */
  contacted: number;
  /** Revenue per member of the control group; null without one. */
  control: number | null;
  /** Revenue per member contacted − control, with its interval. */
  uplift: Estimate | null;
}

interface Bar {
  key: 'contacted' | 'control';
  label: string;
  value: number;
}

/**
 * Revenue per member, contacted next to control, as inline SVG (no chart library in the pane's bundle). The whisker
 * on the contacted bar spans control + the interval of the difference: where the contacted value could plausibly lie
 * if the campaign's effect were anywhere in that interval.
 */
export function EvaluationChart({ contacted, control, uplift }: EvaluationChartProps) {
  const styles = useStyles();
  const { t, language, formatFigure } = useI18n();
  const cents = (value: number) => formatFigure({ kind: 'cents', value });
  const centsChange = (value: number) => formatFigure({ kind: 'cents', value, signed: true });
  const bars: Bar[] = [
    { key: 'contacted', label: groupLabel('contacted', language), value: contacted },
    ...(control === null
      ? []
      : [{ key: 'control' as const, label: groupLabel('control', language), value: control }]),
  ];
  const whisker =
    control !== null && uplift ? { low: control + uplift.low, high: control + uplift.high } : null;
  const top = Math.max(...bars.map((bar) => bar.value), whisker?.high ?? 0, 0) || 1;
  const y = (value: number): number => BASELINE - (Math.max(value, 0) / top) * (BASELINE - TOP);
  const gap = (WIDTH - bars.length * BAR_WIDTH) / (bars.length + 1);
  const x = (index: number): number => gap + index * (BAR_WIDTH + gap);

  const label =
    control !== null && uplift
      ? t('evaluationChartLabel', {
          contacted: cents(contacted),
          control: cents(control),
          difference: centsChange(uplift.value),
          low: centsChange(uplift.low),
          high: centsChange(uplift.high),
        })
      : t('evaluationChartLabelNoControl', { contacted: cents(contacted) });

  return (
    <figure className={styles.root}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        data-testid="evaluation-chart"
      >
        {bars.map((bar, index) => (
          <g key={bar.key}>
            <rect
              className={styles[bar.key]}
              x={x(index)}
              y={y(bar.value)}
              width={BAR_WIDTH}
              height={BASELINE - y(bar.value)}
            />
            <text className={styles.label} x={x(index) + BAR_WIDTH / 2} y={TOP - 8} textAnchor="middle">
              {cents(bar.value)}
            </text>
            <text className={styles.label} x={x(index) + BAR_WIDTH / 2} y={BASELINE + 18} textAnchor="middle">
              {bar.label}
            </text>
          </g>
        ))}
        {whisker && (
          <g className={styles.whisker} data-testid="evaluation-whisker">
            <line
              x1={x(0) + BAR_WIDTH / 2}
              x2={x(0) + BAR_WIDTH / 2}
              y1={y(whisker.low)}
              y2={y(whisker.high)}
            />
            <line
              x1={x(0) + BAR_WIDTH / 2 - 8}
              x2={x(0) + BAR_WIDTH / 2 + 8}
              y1={y(whisker.low)}
              y2={y(whisker.low)}
            />
            <line
              x1={x(0) + BAR_WIDTH / 2 - 8}
              x2={x(0) + BAR_WIDTH / 2 + 8}
              y1={y(whisker.high)}
              y2={y(whisker.high)}
            />
          </g>
        )}
        <line className={styles.axis} x1={0} x2={WIDTH} y1={BASELINE} y2={BASELINE} />
      </svg>
      <figcaption className={styles.legend}>
        {figureLabel('revenuePerMember', language)}
        {whisker ? ` · ${t('evaluationChartWhisker')}` : ''}
      </figcaption>
    </figure>
  );
}
