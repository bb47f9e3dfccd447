import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { Addressee, NeutralGreeting, StoredCampaign } from '../../../core/campaign/campaign';
import { useI18n } from '../../../i18n/useI18n';
import type { BasicsChange } from '../wizardReducer';

export interface LetterOptionsFieldsProps {
  draft: StoredCampaign;
  onChange(change: BasicsChange): void;
}

/** How letters address a person at a firm and greet a name without Anrede (core: outputs/letter.ts). */
export function LetterOptionsFields({ draft, onChange }: LetterOptionsFieldsProps) {
  const { t } = useI18n();
  if (draft.type === 'phone') return null;
  return (
    <>
      {draft.type === 'letter' && (
        <Field label={t('letterAddressee')}>
          <RadioGroup
            value={draft.addressee ?? 'person'}
            onChange={(_, { value }) => onChange({ addressee: value as Addressee })}
          >
            <Radio value="person" label={t('letterAddresseePerson')} />
            <Radio value="company" label={t('letterAddresseeCompany')} />
          </RadioGroup>
        </Field>
      )}
      <Field label={t('letterNeutralGreeting')}>
        <RadioGroup
          value={draft.neutralGreeting ?? 'name'}
          onChange={(_, { value }) => onChange({ neutralGreeting: value as NeutralGreeting })}
        >
          <Radio value="name" label={t('letterNeutralGreetingName')} />
          <Radio value="general" label={t('letterNeutralGreetingGeneral')} />
        </RadioGroup>
      </Field>
    </>
  );
}
