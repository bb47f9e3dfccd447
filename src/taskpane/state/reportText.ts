import type { ExclusionReason, SelectionReport } from '../../core/group/targetGroupModel';
import type { MessageKey } from '../../i18n/de';
import type { Translator } from '../../i18n/i18n';

export const REASON_LABEL: Record<ExclusionReason, MessageKey> = {
  optOut: 'reasonOptOut',
  noEmail: 'reasonNoEmail',
  invalidEmail: 'reasonInvalidEmail',
  noAddress: 'reasonNoAddress',
  noPhone: 'reasonNoPhone',
  removedByUser: 'reasonRemovedByUser',
  blocklist: 'reasonBlocklist',
};

/** "23 hinzugefügt, 4 bereits enthalten, 3 zusammengeführt, 2 ausgeschlossen (keine E-Mail)". */
export const reportText = (report: SelectionReport, { t }: Pick<Translator, 't'>): string => {
  const excluded = (Object.entries(report.excluded) as Array<[ExclusionReason, number]>)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => t('appliedExcluded', { count, reason: t(REASON_LABEL[reason]) }));
  const merged = report.merged > 0 ? [t('appliedMerged', { count: report.merged })] : [];
  return [
    t('appliedResult', { added: report.added, alreadyIn: report.alreadyIn }),
    ...merged,
    ...excluded,
  ].join(', ');
};

export const excludedTotal = (report: SelectionReport): number =>
  Object.values(report.excluded).reduce((sum, count) => sum + (count ?? 0), 0);
