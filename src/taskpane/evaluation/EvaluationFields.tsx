import { useState } from 'react';
import { Field, Input, Select, SpinButton, makeStyles, tokens } from '@fluentui/react-components';
import {
  CAMPAIGN_STATUSES,
  DEFAULT_EVALUATION_DAYS,
  type CampaignStatus,
  type StoredCampaign,
} from '../../core/campaign/campaign';
import { formatEditable } from '../../core/kernel/formats';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/de';
import {
  MAX_CONTROL_PERCENT,
  MAX_EVALUATION_DAYS,
  controlEstimate,
  dateRangeError,
  parseControlPercent,
  parseCost,
  parseEvaluationDays,
  type CampaignFieldError,
  type ParsedField,
} from '../../core/campaign/campaignFields';
import type { BasicsChange } from '../wizard/wizardReducer';
import { PrimaryMetricField } from './PrimaryMetricField';

const FIELD_ERROR: Record<CampaignFieldError, MessageKey> = {
  endBeforeStart: 'evaluationEndBeforeStart',
  costInvalid: 'evaluationCostInvalid',
  daysInvalid: 'evaluationDaysInvalid',
  percentInvalid: 'evaluationControlInvalid',
};

const useStyles = makeStyles({
  // A fieldset is as wide as its content by default: without minWidth 0 the grid would overflow a narrow pane.
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(150px, 100%), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  input: { minWidth: 0 },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalS,
  },
  wide: { gridColumn: '1 / -1' },
});

/** Text the user is typing, kept as typed until it parses; only valid values reach the campaign. */
function useTypedField<T>(
  initial: string,
  parse: (text: string) => ParsedField<T>,
  store: (value: T | undefined) => void,
) {
  const [text, setText] = useState(initial);
  const parsed = parse(text);
  return {
    text,
    error: parsed.ok ? null : parsed.error,
    change(next: string) {
      setText(next);
      const result = parse(next);
      if (result.ok) store(result.value);
    },
  };
}

export interface EvaluationFieldsProps {
  draft: StoredCampaign;
  /** Members in the target group now, for the size of the control group. */
  members: number;
  onChange(change: BasicsChange): void;
}

/** Start, end, cost, window, status and control group: what the success evaluation needs. */
export function EvaluationFields({ draft, members, onChange }: EvaluationFieldsProps) {
  const styles = useStyles();
  const { t, language, campaignStatus } = useI18n();
  const cost = useTypedField(
    draft.cost === undefined ? '' : formatEditable(draft.cost, language),
    parseCost,
    (value) => onChange({ cost: value }),
  );
  const days = useTypedField(String(draft.evaluationDays ?? ''), parseEvaluationDays, (value) =>
    onChange({ evaluationDays: value }),
  );
  const [percentError, setPercentError] = useState<CampaignFieldError | null>(null);
  const percent = draft.controlPercent ?? 0;
  const rangeError = dateRangeError(draft.start, draft.end);
  const heldBack = draft.assignment?.control.length ?? 0;
  const controlHint =
    heldBack > 0
      ? t('evaluationControlAssigned', { count: heldBack })
      : t('evaluationControlEstimate', { count: controlEstimate(members, percent), total: members });

  const commitPercent = (value: number | null | undefined, displayValue: string | undefined) => {
    const parsed =
      typeof value === 'number'
        ? parseControlPercent(String(value))
        : parseControlPercent(displayValue ?? '');
    setPercentError(parsed.ok ? null : parsed.error);
    if (parsed.ok) onChange({ controlPercent: parsed.value });
  };

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{t('evaluationSection')}</legend>
      <Field label={t('evaluationStart')} hint={t('evaluationStartHint')}>
        <Input
          className={styles.input}
          type="date"
          value={draft.start ?? ''}
          onChange={(_, { value }) => onChange({ start: value || undefined })}
        />
      </Field>
      <Field
        label={t('evaluationEnd')}
        validationState={rangeError ? 'error' : 'none'}
        validationMessage={rangeError ? t(FIELD_ERROR[rangeError]) : undefined}
      >
        <Input
          className={styles.input}
          type="date"
          value={draft.end ?? ''}
          onChange={(_, { value }) => onChange({ end: value || undefined })}
        />
      </Field>
      <Field
        label={t('evaluationCost')}
        validationState={cost.error ? 'error' : 'none'}
        validationMessage={cost.error ? t(FIELD_ERROR[cost.error]) : undefined}
      >
        <Input
          className={styles.input}
          inputMode="decimal"
          value={cost.text}
          contentAfter="€"
          onChange={(_, { value }) => cost.change(value)}
        />
      </Field>
      <Field
        label={t('evaluationDays')}
        validationState={days.error ? 'error' : 'none'}
        validationMessage={
          days.error
            ? t(FIELD_ERROR[days.error], { max: MAX_EVALUATION_DAYS })
            : t('evaluationDaysHint', { days: DEFAULT_EVALUATION_DAYS })
        }
      >
        <Input
          className={styles.input}
          inputMode="numeric"
          value={days.text}
          placeholder={String(DEFAULT_EVALUATION_DAYS)}
          onChange={(_, { value }) => days.change(value)}
        />
      </Field>
      <Field label={t('evaluationStatus')}>
        <Select
          className={styles.input}
          value={draft.status ?? 'planned'}
          onChange={(_, { value }) => onChange({ status: value as CampaignStatus })}
        >
          {CAMPAIGN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {campaignStatus(status)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('evaluationControl')}
        validationState={percentError ? 'error' : 'none'}
        validationMessage={
          percentError ? t(FIELD_ERROR[percentError], { max: MAX_CONTROL_PERCENT }) : controlHint
        }
      >
        <SpinButton
          className={styles.input}
          value={percent}
          min={0}
          max={MAX_CONTROL_PERCENT}
          step={5}
          displayValue={`${percent} %`}
          onChange={(_, { value, displayValue }) => commitPercent(value, displayValue)}
        />
      </Field>
      <div className={styles.wide}>
        <PrimaryMetricField draft={draft} onChange={onChange} />
      </div>
      <p className={styles.wide} data-testid="control-why">
        {t('evaluationControlWhy')}
        {draft.assignment ? ` ${t('evaluationControlFixed')}` : ''}
      </p>
    </fieldset>
  );
}
