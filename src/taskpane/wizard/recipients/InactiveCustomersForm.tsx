import { useEffect, useState } from 'react';
import { Checkbox, Field, Input } from '@fluentui/react-components';
import { useNarrowStyles } from '../../shell/narrowStyles';
import type { InactiveCustomersSelection } from '../../../core/campaign/campaign';
import { MAX_INACTIVE_MONTHS } from '../../../core/campaign/campaignFields';
import { useI18n } from '../../../i18n/useI18n';

const DEFAULT_MONTHS = 3;

export interface InactiveCustomersFormProps {
  today: string;
  onChange(selection: InactiveCustomersSelection | null): void;
}

export function InactiveCustomersForm({ today, onChange }: InactiveCustomersFormProps) {
  const styles = useNarrowStyles();
  const { t } = useI18n();
  const [months, setMonths] = useState(String(DEFAULT_MONTHS));
  const [asOf, setAsOf] = useState(today);
  const [includeNeverPurchased, setIncludeNeverPurchased] = useState(true);
  const monthCount = Number(months);
  const monthsValid = Number.isInteger(monthCount) && monthCount > 0 && monthCount <= MAX_INACTIVE_MONTHS;

  useEffect(() => {
    onChange(
      monthsValid
        ? { from: 'inactiveCustomers', months: monthCount, asOf: asOf || today, includeNeverPurchased }
        : null,
    );
  }, [asOf, includeNeverPurchased, monthCount, monthsValid, onChange, today]);

  return (
    <div className={styles.fieldGrid}>
      <Field label={t('inactiveMonths')} validationState={monthsValid ? 'none' : 'error'}>
        <Input
          type="number"
          min={1}
          size="small"
          value={months}
          onChange={(_, { value }) => setMonths(value)}
        />
      </Field>
      <Field label={t('inactiveAsOf')}>
        <Input type="date" size="small" value={asOf} onChange={(_, { value }) => setAsOf(value)} />
      </Field>
      <Checkbox
        className={styles.fullRow}
        checked={includeNeverPurchased}
        onChange={(_, { checked }) => setIncludeNeverPurchased(checked === true)}
        label={t('inactiveNeverPurchased')}
      />
    </div>
  );
}
