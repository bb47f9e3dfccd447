import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import {
  DEFAULT_PRIMARY_METRIC,
  PRIMARY_METRICS,
  type PrimaryMetric,
  type StoredCampaign,
} from '../../core/campaign/campaign';
import { primaryMetricLabel } from '../../core/evaluation/figures';
import { useI18n } from '../../i18n/useI18n';
import type { BasicsChange } from '../wizard/wizardReducer';

export interface PrimaryMetricFieldProps {
  draft: StoredCampaign;
  onChange(change: BasicsChange): void;
}

/** The figure the verdict will be stated from: chosen before sending, fixed once the campaign was used. */
export function PrimaryMetricField({ draft, onChange }: PrimaryMetricFieldProps) {
  const { t, language } = useI18n();
  const fixed = draft.assignment !== undefined;
  return (
    <Field
      label={t('evaluationPrimary')}
      hint={fixed ? t('evaluationPrimaryFixed') : t('evaluationPrimaryHint')}
    >
      <RadioGroup
        layout="horizontal"
        disabled={fixed}
        value={draft.primaryMetric ?? DEFAULT_PRIMARY_METRIC}
        onChange={(_, { value }) => onChange({ primaryMetric: value as PrimaryMetric })}
      >
        {PRIMARY_METRICS.map((metric) => (
          <Radio key={metric} value={metric} label={primaryMetricLabel(metric, language)} />
        ))}
      </RadioGroup>
    </Field>
  );
}
