import { useMemo, useState } from 'react';
import { Card, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { StoredCampaign } from '../../../core/campaign/campaign';
import { expectedInMetric, parseExpected, planTest } from '../../../core/evaluation/plan';
import { baselineSentence, planSentence } from '../../../core/evaluation/planText';
import type { WorkbookData } from '../../../core/kernel/model';
import { localDay } from '../../../core/kernel/values';
import { planInputFor } from '../../../core/run/planRun';
import { useI18n } from '../../../i18n/useI18n';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  input: { minWidth: 0 },
});

export interface TestPlannerProps {
  draft: StoredCampaign;
  data: WorkbookData;
  campaigns: StoredCampaign[];
}

/** Before the letters go out: what the evaluation will be able to tell with this control group, in one sentence. */
export function TestPlanner({ draft, data, campaigns }: TestPlannerProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  // The baseline rebuilds the selections a year earlier: once per campaign state, not per keystroke.
  const input = useMemo(
    () => planInputFor({ data, campaign: draft, campaigns, today: localDay(new Date()) }),
    [data, draft, campaigns],
  );
  const [text, setText] = useState('');
  const typed = parseExpected(text);
  const expected =
    typed.ok && typed.value !== undefined ? expectedInMetric(input.primaryMetric, typed.value) : undefined;
  const plan = planTest({ ...input, expected });
  const unit = plan.primaryMetric === 'conversion' ? t('planExpectedPoints') : t('planExpectedEuros');
  return (
    <Card className={styles.card}>
      <h3 className={styles.heading}>{t('planTitle')}</h3>
      <Text data-testid="plan-sentence">{planSentence(plan, language)}</Text>
      {plan.baseline && (
        <Text className={styles.hint} data-testid="plan-baseline">
          {baselineSentence(plan.baseline, language)}
        </Text>
      )}
      {plan.baseline && (
        <Field
          label={t('planExpected')}
          validationState={typed.ok ? 'none' : 'error'}
          validationMessage={typed.ok ? unit : t('planExpectedInvalid')}
        >
          <Input
            className={styles.input}
            inputMode="decimal"
            value={text}
            placeholder="+3"
            onChange={(_, { value }) => setText(value)}
          />
        </Field>
      )}
    </Card>
  );
}
