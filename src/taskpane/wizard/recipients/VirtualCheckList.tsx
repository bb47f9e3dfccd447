import { Checkbox, makeStyles, mergeClasses } from '@fluentui/react-components';
import { useNarrowStyles } from '../../shell/narrowStyles';
import { VirtualList } from '../VirtualList';

const useStyles = makeStyles({
  checkbox: { minWidth: 0, flexGrow: 1 },
  label: { minWidth: 0, display: 'flex', flexDirection: 'column' },
});

export interface VirtualCheckListProps {
  count: number;
  label: string;
  /** A row's two lines: who, then where or what else; each is shortened with an ellipsis and shown in full on hover. */
  rowLines(index: number): [string, string];
  isChecked(index: number): boolean;
  onToggle(index: number, checked: boolean): void;
  /** Ctrl+A in the list: the same as the button beside it that selects every filtered row. */
  onSelectAll?(): void;
}

export function VirtualCheckList({
  count,
  label,
  rowLines,
  isChecked,
  onToggle,
  onSelectAll,
}: VirtualCheckListProps) {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  return (
    <VirtualList
      count={count}
      label={label}
      rowHeight={48}
      selection={{
        isSelected: isChecked,
        toggle: (index) => onToggle(index, !isChecked(index)),
        selectAll: onSelectAll,
      }}
      renderRow={(index) => {
        const [first, second] = rowLines(index);
        return (
          <Checkbox
            className={styles.checkbox}
            checked={isChecked(index)}
            input={{ tabIndex: -1 }}
            onChange={(_, { checked }) => onToggle(index, checked === true)}
            label={{
              className: styles.label,
              title: second ? `${first}\n${second}` : first,
              children: (
                <>
                  <span className={narrow.oneLine}>{first}</span>
                  {second && <span className={mergeClasses(narrow.oneLine, narrow.secondary)}>{second}</span>}
                </>
              ),
            }}
          />
        );
      }}
    />
  );
}
