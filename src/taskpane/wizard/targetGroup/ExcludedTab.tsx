import { useMemo } from 'react';
import { Button, Text, mergeClasses } from '@fluentui/react-components';
import type { Exclusion } from '../../../core/group/targetGroupModel';
import { useI18n } from '../../../i18n/useI18n';
import { useNarrowStyles } from '../../shell/narrowStyles';
import { displayName } from '../recipients/recordFilter';
import { VirtualList } from '../VirtualList';

export interface ExcludedTabProps {
  excluded: readonly Exclusion[];
  /** Takes back a member removed by hand; other exclusions are the type rules' and stay. */
  onRestore(key: string): void;
}

/** The user's own removals first, the latest on top, where they look right after removing someone; then the rest. */
const removalsFirst = (excluded: readonly Exclusion[]): Exclusion[] => [
  ...excluded.filter((exclusion) => exclusion.removedByHand).reverse(),
  ...excluded.filter((exclusion) => !exclusion.removedByHand),
];

export function ExcludedTab({ excluded: all, onRestore }: ExcludedTabProps) {
  const styles = useNarrowStyles();
  const { t, reason, formatFigure } = useI18n();
  const excluded = useMemo(() => removalsFirst(all), [all]);
  if (excluded.length === 0) return <Text>{t('excludedEmpty')}</Text>;
  return (
    <VirtualList
      count={excluded.length}
      label={t('tabExcluded')}
      rowHeight={48}
      renderRow={(index) => {
        const exclusion = excluded[index];
        const { recipient, carrier, contact } = exclusion;
        const name = displayName(recipient);
        const why = reason(exclusion.reason);
        const about = contact && {
          campaign: contact.campaign,
          date: formatFigure({ kind: 'day', value: contact.day }),
        };
        const where =
          t('excludedWhere', { sheet: recipient.sheet, row: recipient.row }) +
          (carrier ? ` · ${t('excludedCarrier', { sheet: carrier.sheet, row: carrier.row })}` : '') +
          (about
            ? ` · ${t(exclusion.reason === 'controlGroupProtected' ? 'excludedProtectedBy' : 'excludedLastContact', about)}`
            : '');
        return (
          <>
            <span className={styles.twoLines} title={`${name} · ${why}\n${where}`}>
              <span className={styles.oneLine}>
                {name} · <strong>{why}</strong>
              </span>
              <span className={mergeClasses(styles.oneLine, styles.secondary)}>{where}</span>
            </span>
            {exclusion.reason === 'removedByUser' && (
              <Button
                size="small"
                tabIndex={-1}
                aria-label={t('restoreMemberLabel', { name })}
                onClick={() => onRestore(exclusion.key)}
              >
                {t('restoreMember')}
              </Button>
            )}
          </>
        );
      }}
    />
  );
}
