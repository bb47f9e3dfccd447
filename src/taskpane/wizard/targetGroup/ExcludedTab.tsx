import { Button, Text, makeStyles } from '@fluentui/react-components';
import type { Exclusion } from '../../../core/group/targetGroupModel';
import { useI18n } from '../../../i18n/useI18n';
import { displayName } from '../recipients/recordFilter';

import { VirtualList } from '../VirtualList';

const useStyles = makeStyles({
  text: { flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis' },
});

export interface ExcludedTabProps {
  excluded: readonly Exclusion[];
  /** Takes back a member removed by hand; other exclusions are the type rules' and stay. */
  onRestore(key: string): void;
}

export function ExcludedTab({ excluded, onRestore }: ExcludedTabProps) {
  const styles = useStyles();
  const { t, reason } = useI18n();
  if (excluded.length === 0) return <Text>{t('excludedEmpty')}</Text>;
  return (
    <VirtualList
      count={excluded.length}
      label={t('tabExcluded')}
      renderRow={(index) => {
        const exclusion = excluded[index];
        const name = displayName(exclusion.recipient);
        return (
          <>
            <span className={styles.text}>
              {name} · <strong>{reason(exclusion.reason)}</strong>
            </span>
            {exclusion.reason === 'removedByUser' && (
              <Button
                size="small"
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
