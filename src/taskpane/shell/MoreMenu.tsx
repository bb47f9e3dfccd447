import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  mergeClasses,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useNarrowStyles } from './narrowStyles';

const useStyles = makeStyles({ compact: { minWidth: 'auto' } });

export interface MoreMenuAction {
  label: string;
  onClick(): void;
}

export interface MoreMenuProps {
  /** Says whose actions these are ("Weitere Aktionen für Anna Lang"): the button itself shows only ⋯. */
  label: string;
  actions: readonly MoreMenuAction[];
  /** -1 inside a list that is one Tab stop and moves between its rows' buttons with the arrow keys. */
  tabIndex?: number;
}

/** The ⋯ of a row at 320 px: the actions that do not fit beside its main one. */
export function MoreMenu({ label, actions, tabIndex }: MoreMenuProps) {
  const narrow = useNarrowStyles();
  const styles = useStyles();
  // a dialog opened from the menu gives the focus back here when it closes, not to the page
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          className={mergeClasses(narrow.noShrink, styles.compact)}
          aria-label={label}
          title={label}
          tabIndex={tabIndex}
          {...restoreFocusTarget}
        >
          ⋯
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {actions.map((action) => (
            <MenuItem key={action.label} onClick={action.onClick}>
              {action.label}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
