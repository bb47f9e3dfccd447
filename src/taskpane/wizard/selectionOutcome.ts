import type { ExclusionReason, SelectionReport } from '../../core/group/targetGroupModel';
import type { Translator } from '../../i18n/i18n';

/**
 * What one selection did to the target group: "23 hinzugefügt, 4 bereits enthalten, 3 zusammengeführt,
 * 2 ausgeschlossen (keine E-Mail)"; for a selection that takes people out: "12 aus der Zielgruppe entfernt".
 */
export const selectionOutcomeText = (
  report: SelectionReport,
  { t, reason }: Pick<Translator, 't' | 'reason'>,
): string => {
  if (report.removed !== undefined) return t('appliedRemoval', { removed: report.removed });
  const excluded = (Object.entries(report.excluded) as Array<[ExclusionReason, number]>)
    .filter(([, count]) => count > 0)
    .map(([why, count]) => t('appliedExcluded', { count, reason: reason(why) }));
  const merged = report.merged > 0 ? [t('appliedMerged', { count: report.merged })] : [];
  return [
    t('appliedResult', { added: report.added, alreadyIn: report.alreadyIn }),
    ...merged,
    ...excluded,
  ].join(', ');
};
