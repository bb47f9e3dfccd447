import {
  Button,
  CounterBadge,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
  makeStyles,
} from '@fluentui/react-components';
import { useI18n } from '../../../i18n/useI18n';

export type GroupTab = 'members' | 'excluded' | 'problems' | 'history';

export interface GroupTabItem {
  value: GroupTab;
  label: string;
  count: number;
}

export interface GroupTabsProps {
  tabs: readonly GroupTabItem[];
  selected: GroupTab;
  onSelect(tab: GroupTab): void;
}

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden' },
});

/** Beyond 999 the badge says 999+: the list itself gives the exact number. */
const MAX_BADGE = 999;

/** The target group's views as tabs with counts; those the pane has no room for move into a "Mehr" menu. */
export function GroupTabs({ tabs, selected, onSelect }: GroupTabsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Overflow minimumVisible={1}>
      {/* the menu sits beside the tab list, not in it: a tab list holds tabs only */}
      <div className={styles.row}>
        <TabList
          selectedValue={selected}
          onTabSelect={(_, { value }) => onSelect(value as GroupTab)}
          size="small"
          aria-label={t('groupTabsLabel')}
        >
          {tabs.map((tab) => (
            <OverflowItem key={tab.value} id={tab.value} priority={tab.value === selected ? 2 : 1}>
              <Tab value={tab.value}>
                {tab.label}{' '}
                <CounterBadge count={tab.count} overflowCount={MAX_BADGE} size="small" appearance="ghost" />
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreTabs tabs={tabs} onSelect={onSelect} />
      </div>
    </Overflow>
  );
}

function MoreTabs({ tabs, onSelect }: Omit<GroupTabsProps, 'selected'>) {
  const { t } = useI18n();
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} size="small" appearance="transparent">
          {t('moreTabs')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <HiddenTab key={tab.value} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function HiddenTab({ tab, onSelect }: { tab: GroupTabItem; onSelect(tab: GroupTab): void }) {
  const visible = useIsOverflowItemVisible(tab.value);
  if (visible) return null;
  return (
    <MenuItem onClick={() => onSelect(tab.value)}>
      {tab.label} <CounterBadge count={tab.count} overflowCount={MAX_BADGE} size="small" appearance="ghost" />
    </MenuItem>
  );
}
