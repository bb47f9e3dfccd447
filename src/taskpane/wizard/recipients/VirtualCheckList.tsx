import { Checkbox } from '@fluentui/react-components';
import { VirtualList } from '../VirtualList';

export interface VirtualCheckListProps {
  count: number;
  label: string;
  rowLabel(index: number): string;
  isChecked(index: number): boolean;
  onToggle(index: number, checked: boolean): void;
}

export function VirtualCheckList({ count, label, rowLabel, isChecked, onToggle }: VirtualCheckListProps) {
  return (
    <VirtualList
      count={count}
      label={label}
      renderRow={(index) => (
        <Checkbox
          checked={isChecked(index)}
          onChange={(_, { checked }) => onToggle(index, checked === true)}
          label={rowLabel(index)}
        />
      )}
    />
  );
}
