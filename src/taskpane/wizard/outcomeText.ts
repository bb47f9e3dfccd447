import type { Translator } from '../../i18n/i18n';
import type { Outcome } from './wizardReducer';

/** What a finished task says, success or failure, in one sentence or a few. */
export const outcomeText = (outcome: Outcome, { t }: Pick<Translator, 't'>): string => {
  if (outcome.status === 'failure') return t('resultFailed', { message: outcome.message });
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
        ? t('resultCsvDownload', { count: outcome.count, file: outcome.file })
        : t('resultCsvSheet', { sheet: outcome.sheet });
    case 'blocklist':
      return t('resultBlocklist', { name: outcome.name, sheet: outcome.sheet });
  }
};
