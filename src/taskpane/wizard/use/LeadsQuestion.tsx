import { Button, MessageBarActions } from '@fluentui/react-components';
import { useI18n } from '../../../i18n/useI18n';
import type { WizardActions } from '../useWizard';
import type { Outcome } from '../wizardReducer';

export interface LeadsQuestionProps {
  outcome: Outcome;
  busy: boolean;
  actions: WizardActions;
}

/** What the pane asks after a leads update: create deleted leads again, or start a new sheet for a missing one. */
export function LeadsQuestion({ outcome, busy, actions }: LeadsQuestionProps) {
  const { t } = useI18n();
  if (outcome.task !== 'leads') return null;
  if (outcome.status === 'failure' && outcome.leadsSheetMissing)
    return (
      <MessageBarActions>
        <Button disabled={busy} onClick={() => void actions.writeLeads({ newSheet: true })}>
          {t('useLeadsNewSheet')}
        </Button>
      </MessageBarActions>
    );
  if (outcome.status === 'success' && outcome.deleted > 0)
    return (
      <MessageBarActions>
        <Button disabled={busy} onClick={() => void actions.writeLeads({ recreateDeleted: true })}>
          {t('useLeadsRecreate')}
        </Button>
      </MessageBarActions>
    );
  return null;
}
