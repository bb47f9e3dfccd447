import type { Translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/de';
import type { ActionResult } from '../shell/ActionFeedback';
import type { Outcome, Task } from './wizardReducer';

/** What a task's spinner says while it runs. */
export const RUNNING: Record<Task, MessageKey> = {
  targetSheet: 'runningTargetSheet',
  leads: 'runningLeads',
  csv: 'runningCsv',
  blocklist: 'runningBlocklist',
};

const FAILED: Record<Task, MessageKey> = {
  targetSheet: 'failedTargetSheet',
  leads: 'failedLeads',
  csv: 'failedCsv',
  blocklist: 'failedBlocklist',
};

/** What a finished task says: what it did, or what did not happen and the core's sentence why. */
export const outcomeResult = (outcome: Outcome, i18n: Pick<Translator, 't'>): ActionResult => {
  if (outcome.status === 'failure')
    return { intent: 'error', title: i18n.t(FAILED[outcome.task]), text: outcome.message };
  const done = successText(outcome, i18n);
  // the use went through; that the history misses it must not read as success
  return 'historyNote' in outcome && outcome.historyNote
    ? { intent: 'warning', title: i18n.t('historyNotRecorded'), text: `${done} ${outcome.historyNote}` }
    : { intent: 'success', text: done };
};

const successText = (
  outcome: Exclude<Outcome, { status: 'failure' }>,
  { t }: Pick<Translator, 't'>,
): string => {
  switch (outcome.task) {
    case 'targetSheet':
      return t('resultTargetSheet', { count: outcome.count, sheet: outcome.sheet });
    case 'leads':
      return [
        t('resultLeads', outcome),
        ...(outcome.keptByHand > 0 ? [t('resultLeadsKeptByHand', { count: outcome.keptByHand })] : []),
        ...(outcome.conflicts > 0 ? [t('resultLeadsConflicts', { count: outcome.conflicts })] : []),
        ...(outcome.deleted > 0 ? [t('resultLeadsDeleted', { count: outcome.deleted })] : []),
      ].join(' ');
    case 'csv':
      return outcome.via === 'download'
        ? t(outcome.count === 1 ? 'resultCsvDownloadOne' : 'resultCsvDownload', {
            count: outcome.count,
            file: outcome.file,
          })
        : t('resultCsvSheet', { sheet: outcome.sheet });
    case 'blocklist':
      return t('resultBlocklist', { name: outcome.name, sheet: outcome.sheet });
  }
};
