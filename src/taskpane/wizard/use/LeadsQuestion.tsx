import { Button } from '@fluentui/react-components';
import type { MessageKey } from '../../../i18n/de';
import { useI18n } from '../../../i18n/useI18n';
import type { LeadsOptions } from '../../../core/run/campaignRun';
import type { WizardActions } from '../useWizard';
import type { Outcome } from '../wizardReducer';

export interface LeadsQuestionProps {
  outcome: Outcome;
  busy: boolean;
  actions: WizardActions;
}

/** The answer the pane offers after a leads update, if it has a question. */
const answerFor = (outcome: Outcome): { label: MessageKey; options: LeadsOptions } | null => {
  if (outcome.task !== 'leads') return null;
  if (outcome.status === 'failure' && outcome.leadsSheetMissing)
    return { label: 'useLeadsNewSheet', options: { newSheet: true } };
  if (outcome.status === 'success' && outcome.deleted > 0)
    return { label: 'useLeadsRecreate', options: { recreateDeleted: true } };
  return null;
};

/** What the pane asks after a leads update: create deleted leads again, or start a new sheet for a missing one. */
export function LeadsQuestion({ outcome, busy, actions }: LeadsQuestionProps) {
  const { t } = useI18n();
  const answer = answerFor(outcome);
  if (!answer) return null;
  return (
    <Button size="small" disabled={busy} onClick={() => void actions.writeLeads(answer.options)}>
      {t(answer.label)}
    </Button>
  );
}
