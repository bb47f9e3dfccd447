import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Layout pieces the narrow pane (320 px in Excel on Windows) shares: fields side by side only where two fit, and text
 * that stays on one line, ends in an ellipsis and carries its full wording in a title.
 */
export const useNarrowStyles = makeStyles({
  /** Two columns from about 360 px pane width, one below; never wider than the pane. */
  fieldGrid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(160px, 100%), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    alignItems: 'end',
    '& > *': { minWidth: 0 },
    // date and number inputs bring an intrinsic width of their own
    '& .fui-Input': { width: '100%', minWidth: 0 },
    // a native select is as wide as its longest option (a campaign's name) unless told otherwise
    '& .fui-Select, & select': { width: '100%', minWidth: 0 },
    '& input': { minWidth: 0 },
  },
  fullRow: { gridColumn: '1 / -1' },
  oneLine: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  twoLines: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  secondary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  noShrink: { flexShrink: 0 },
});
