import { Button, Text, mergeClasses } from '@fluentui/react-components';
import type { Member } from '../../../core/group/targetGroupModel';
import { useI18n } from '../../../i18n/useI18n';
import { MoreMenu } from '../../shell/MoreMenu';
import { useNarrowStyles } from '../../shell/narrowStyles';
import { displayName } from '../recipients/recordFilter';
import { VirtualList } from '../VirtualList';

export interface MembersTabProps {
  members: readonly Member[];
  /** The label of each selection, by index: a member's "Quelle". */
  labels: readonly string[];
  onRemove(key: string): void;
  /** Asks to put the member on the Sperrliste (an objection to advertising). */
  onBlock(member: Member): void;
}

export function MembersTab({ members, labels, onRemove, onBlock }: MembersTabProps) {
  const styles = useNarrowStyles();
  const { t } = useI18n();
  if (members.length === 0) return <Text>{t('membersEmpty')}</Text>;
  return (
    <VirtualList
      count={members.length}
      label={t('tabMembers')}
      rowHeight={48}
      renderRow={(index) => {
        const member = members[index];
        const name = displayName(member.recipient);
        const who = [name, member.recipient.email || member.recipient.city].filter(Boolean).join(' · ');
        const source = `${t('columnSource')}: ${labels[member.selectionIndex] ?? ''}`;
        return (
          <>
            <span className={styles.twoLines} title={`${who}\n${source}`}>
              <span className={styles.oneLine}>{who}</span>
              <span className={mergeClasses(styles.oneLine, styles.secondary)}>{source}</span>
            </span>
            <Button
              size="small"
              tabIndex={-1}
              aria-label={t('removeMemberLabel', { name })}
              onClick={() => onRemove(member.key)}
            >
              {t('removeMember')}
            </Button>
            <MoreMenu
              label={t('memberMenuLabel', { name })}
              tabIndex={-1}
              actions={[{ label: t('blockMember'), onClick: () => onBlock(member) }]}
            />
          </>
        );
      }}
    />
  );
}
