import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Exclusion } from '../../../core/group/targetGroupModel';
import { useI18n } from '../../../i18n/useI18n';
import { displayName } from '../recipients/recordFilter';

import { VirtualList } from '../VirtualList';

const useStyles = makeStyles({
  row: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  line: { overflow: 'hidden', textOverflow: 'ellipsis' },
  source: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
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
      rowHeight={48}
      renderRow={(index) => {
        const exclusion = excluded[index];
        const { recipient, carrier } = exclusion;
        const name = displayName(recipient);
        return (
          <>
            <span className={styles.row}>
              <span className={styles.line}>
                {name} · <strong>{reason(exclusion.reason)}</strong>
              </span>
              <span className={mergeClasses(styles.line, styles.source)}>
                {t('excludedWhere', { sheet: recipient.sheet, row: recipient.row })}
                {carrier && ` · ${t('excludedCarrier', { sheet: carrier.sheet, row: carrier.row })}`}
              </span>
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
