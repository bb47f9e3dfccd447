import {
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CAMPAIGN_TYPES,
  type CampaignType,
  type ContactLimit,
  type StoredCampaign,
} from '../../../core/campaign/campaign';
import { campaignTypeExplanation, campaignTypeLabel } from '../../../core/campaign/campaignTypes';
import { useI18n } from '../../../i18n/useI18n';
import type { MessageKey } from '../../../i18n/de';
import { MAX_NAME_LENGTH, nameError, type BasicsChange, type NameError } from '../wizardReducer';
import { EvaluationFields } from '../../evaluation/EvaluationFields';
import { LetterOptionsFields } from './LetterOptionsFields';
import { ContactLimitFields } from './ContactLimitFields';

const NAME_ERROR: Record<NameError, MessageKey> = {
  required: 'basicsNameRequired',
  tooLong: 'basicsNameTooLong',
  taken: 'basicsNameTaken',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface BasicsStepProps {
  draft: StoredCampaign;
  campaigns: StoredCampaign[];
  /** Members in the target group now. */
  members: number;
  /** The workbook's columns recording consent to e-mail advertising (consent.ts); empty when it has none. */
  emailConsentColumns: readonly string[];
  /** The workbook's contact limit, for every campaign without its own. */
  workbookLimit: ContactLimit | undefined;
  onChange(change: BasicsChange): void;
  onSaveWorkbookLimit(limit: ContactLimit | undefined): Promise<void>;
}

export function BasicsStep({
  draft,
  campaigns,
  members,
  emailConsentColumns,
  workbookLimit,
  onChange,
  onSaveWorkbookLimit,
}: BasicsStepProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const error = nameError(draft, campaigns);
  return (
    <div className={styles.root}>
      <Field
        label={t('basicsName')}
        required
        validationState={error ? 'error' : 'none'}
        validationMessage={error ? t(NAME_ERROR[error], { max: MAX_NAME_LENGTH }) : t('basicsNameHint')}
      >
        <Input
          value={draft.name}
          onChange={(_, { value }) => onChange({ name: value })}
          maxLength={MAX_NAME_LENGTH + 20}
        />
      </Field>
      <Field label={t('basicsType')}>
        <RadioGroup value={draft.type} onChange={(_, { value }) => onChange({ type: value as CampaignType })}>
          {CAMPAIGN_TYPES.map((type) => (
            <Radio
              key={type}
              value={type}
              label={
                <>
                  {campaignTypeLabel(type, language)}
                  <br />
                  <span className={styles.hint}>{campaignTypeExplanation(type, language)}</span>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      {(draft.type === 'email' || draft.type === 'newsletter') && (
        <EmailConsentNote columns={emailConsentColumns} />
      )}
      <Field label={t('basicsDescription')}>
        <Textarea
          value={draft.description ?? ''}
          onChange={(_, { value }) => onChange({ description: value || undefined })}
          resize="vertical"
        />
      </Field>
      <LetterOptionsFields draft={draft} onChange={onChange} />
      <ContactLimitFields
        key={`contactLimit-${draft.id}`}
        draft={draft}
        workbookLimit={workbookLimit}
        onChange={onChange}
        onSaveWorkbookLimit={onSaveWorkbookLimit}
      />
      <EvaluationFields key={draft.id} draft={draft} members={members} onChange={onChange} />
    </div>
  );
}

/** What the law asks for e-mail advertising, said once where the type is chosen; the add-in does not decide it. */
function EmailConsentNote({ columns }: { columns: readonly string[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (columns.length > 0)
    return (
      <span className={styles.hint} data-testid="consent-recorded">
        {t('consentRecorded', { columns: columns.join('“, „') })}
      </span>
    );
  return (
    <MessageBar intent="info" layout="multiline" data-testid="consent-missing">
      <MessageBarBody>
        <MessageBarTitle>{t('consentMissingTitle')}</MessageBarTitle>
        {t('consentMissing')}
      </MessageBarBody>
    </MessageBar>
  );
}
