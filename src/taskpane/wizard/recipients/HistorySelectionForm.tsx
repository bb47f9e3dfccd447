import { useEffect, useState } from 'react';
import { Checkbox, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { HistorySelection } from '../../../core/campaign/campaign';
import type { HistoryCampaign } from '../../../core/group/historySelections';
import { useI18n } from '../../../i18n/useI18n';
import { useNarrowStyles } from '../../shell/narrowStyles';

type Kind = 'campaign' | 'recent';
const DEFAULT_DAYS = 30;

export interface HistorySelectionFormProps {
  campaigns: readonly HistoryCampaign[];
  onChange(selection: HistorySelection | null): void;
}

/** "Empfänger der Kampagne Y" or "in den letzten N Tagen kontaktiert": the two selections on the contact history. */
export function HistorySelectionForm({ campaigns, onChange }: HistorySelectionFormProps) {
  const styles = useNarrowStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [kind, setKind] = useState<Kind>('campaign');
  const [campaign, setCampaign] = useState(campaigns[0]?.name ?? '');
  const [contactedOnly, setContactedOnly] = useState(false);
  const [days, setDays] = useState(String(DEFAULT_DAYS));
  const dayCount = Number(days);
  const daysValid = Number.isInteger(dayCount) && dayCount > 0;

  useEffect(() => {
    if (kind === 'campaign')
      onChange(
        campaign
          ? { from: 'campaignRecipients', campaign, ...(contactedOnly ? { contactedOnly } : {}) }
          : null,
      );
    else onChange(daysValid ? { from: 'recentlyContacted', days: dayCount } : null);
  }, [campaign, contactedOnly, dayCount, daysValid, kind, onChange]);

  return (
    <div className={styles.fieldGrid}>
      <RadioGroup
        className={styles.fullRow}
        value={kind}
        onChange={(_, { value }) => setKind(value as Kind)}
        aria-label={t('methodHistory')}
      >
        <Radio value="campaign" label={t('historyKindCampaign')} />
        <Radio value="recent" label={t('historyKindRecent')} />
      </RadioGroup>
      {kind === 'campaign' ? (
        <>
          <Field className={styles.fullRow} label={t('historyCampaign')}>
            <Select value={campaign} onChange={(_, { value }) => setCampaign(value)}>
              {campaigns.map((option) => (
                <option key={option.name} value={option.name}>
                  {t('historyCampaignOption', {
                    name: option.name,
                    day: i18n.formatFigure({ kind: 'day', value: option.lastDay }),
                  })}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox
            className={styles.fullRow}
            checked={contactedOnly}
            onChange={(_, { checked }) => setContactedOnly(checked === true)}
            label={t('historyContactedOnly')}
          />
        </>
      ) : (
        <Field
          label={t('historyDays')}
          hint={t('historyDaysHint')}
          validationState={daysValid ? 'none' : 'error'}
        >
          <Input
            type="number"
            min={1}
            size="small"
            value={days}
            onChange={(_, { value }) => setDays(value)}
          />
        </Field>
      )}
    </div>
  );
}
