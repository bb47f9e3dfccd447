import { useState } from 'react';
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ContactLimit, StoredCampaign } from '../../../core/campaign/campaign';
import { useI18n } from '../../../i18n/useI18n';
import { ActionFeedback, type ActionResult } from '../../shell/ActionFeedback';
import { failureText } from '../../services/problemText';
import { useNarrowStyles } from '../../shell/narrowStyles';
import type { BasicsChange } from '../wizardReducer';

const FIRST_LIMIT: ContactLimit = { contacts: 1, days: 30 };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ContactLimitFieldsProps {
  draft: StoredCampaign;
  /** The workbook's limit, for every campaign without its own. */
  workbookLimit: ContactLimit | undefined;
  onChange(change: BasicsChange): void;
  onSaveWorkbookLimit(limit: ContactLimit | undefined): Promise<void>;
}

const wholeNumber = (text: string): number | null => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : null;
};

function WholeNumberField(props: { label: string; value: string; onChange(value: string): void }) {
  return (
    <Field label={props.label} validationState={wholeNumber(props.value) ? 'none' : 'error'}>
      <Input
        type="number"
        min={1}
        size="small"
        value={props.value}
        onChange={(_, { value }) => props.onChange(value)}
      />
    </Field>
  );
}

/**
 * "Höchstens 1 Kontakt je 30 Tage": the campaign's own limit, or the workbook's, which this campaign can store as
 * the default for all. Who is over it is excluded in step 3 with the campaign that reached them.
 */
export function ContactLimitFields({
  draft,
  workbookLimit,
  onChange,
  onSaveWorkbookLimit,
}: ContactLimitFieldsProps) {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  const { t, language } = useI18n();
  const own = draft.contactLimit;
  const [contacts, setContacts] = useState(String(own?.contacts ?? FIRST_LIMIT.contacts));
  const [days, setDays] = useState(String(own?.days ?? FIRST_LIMIT.days));
  const [running, setRunning] = useState(false);
  const [attempt, setAttempt] = useState<{ limit: ContactLimit | undefined } | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);

  const edit = (nextContacts: string, nextDays: string) => {
    setContacts(nextContacts);
    setDays(nextDays);
    const limit = { contacts: wholeNumber(nextContacts), days: wholeNumber(nextDays) };
    if (limit.contacts !== null && limit.days !== null)
      onChange({ contactLimit: { contacts: limit.contacts, days: limit.days } });
  };
  const ownLimit = (limit: ContactLimit) => {
    setContacts(String(limit.contacts));
    setDays(String(limit.days));
    onChange({ contactLimit: limit });
  };
  const saveWorkbookLimit = async (limit: ContactLimit | undefined) => {
    setAttempt({ limit });
    setResult(null);
    setRunning(true);
    try {
      await onSaveWorkbookLimit(limit);
      setResult({
        intent: 'success',
        text: limit ? t('contactLimitDefaultSaved') : t('contactLimitDefaultRemoved'),
      });
    } catch (error) {
      setResult({
        intent: 'error',
        title: t('contactLimitDefaultFailed'),
        text: failureText(error, language),
      });
    } finally {
      setRunning(false);
    }
  };
  const retry = () => attempt && void saveWorkbookLimit(attempt.limit);
  const sameAsWorkbook =
    own !== undefined && own.contacts === workbookLimit?.contacts && own.days === workbookLimit.days;

  return (
    <Field label={t('contactLimitLabel')} hint={t('contactLimitHint')}>
      <div className={styles.root} data-testid="contact-limit">
        {own ? (
          <>
            <div className={narrow.fieldGrid}>
              <WholeNumberField
                label={t('contactLimitContacts')}
                value={contacts}
                onChange={(value) => edit(value, days)}
              />
              <WholeNumberField
                label={t('contactLimitDays')}
                value={days}
                onChange={(value) => edit(contacts, value)}
              />
            </div>
            <div className={styles.buttons}>
              {!sameAsWorkbook && (
                <Button size="small" onClick={() => void saveWorkbookLimit(own)}>
                  {t('contactLimitSaveDefault')}
                </Button>
              )}
              <Button size="small" appearance="subtle" onClick={() => onChange({ contactLimit: undefined })}>
                {workbookLimit ? t('contactLimitFollowDefault') : t('contactLimitRemove')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <Text>
              {workbookLimit ? t('contactLimitWorkbook', { ...workbookLimit }) : t('contactLimitNone')}
            </Text>
            <div className={styles.buttons}>
              <Button size="small" onClick={() => ownLimit(workbookLimit ?? FIRST_LIMIT)}>
                {workbookLimit ? t('contactLimitOwn') : t('contactLimitSet')}
              </Button>
              {workbookLimit && (
                <Button size="small" appearance="subtle" onClick={() => void saveWorkbookLimit(undefined)}>
                  {t('contactLimitRemoveDefault')}
                </Button>
              )}
            </div>
          </>
        )}
        <ActionFeedback
          busy={running}
          busyLabel={t('working')}
          result={result}
          onRetry={retry}
          onDismiss={() => setResult(null)}
          testId="contact-limit-result"
        />
      </div>
    </Field>
  );
}
