import { useRef, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';

const DEFAULT_ROW_HEIGHT = 36;

const useStyles = makeStyles({
  scroller: {
    height: '300px',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  inner: { position: 'relative', width: '100%' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    boxSizing: 'border-box',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    '& > button': { flexShrink: 0 },
  },
});

export interface VirtualListProps {
  count: number;
  label: string;
  renderRow(index: number): ReactNode;
  rowHeight?: number;
}

/** Only the visible rows are rendered, so 100,000 rows scroll smoothly. */
export function VirtualList({ count, label, renderRow, rowHeight = DEFAULT_ROW_HEIGHT }: VirtualListProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    initialRect: { width: 320, height: 300 },
  });
  return (
    // the list scrolls on its own, so it must be reachable by keyboard
    <div ref={scroller} className={styles.scroller} role="list" aria-label={label} tabIndex={0}>
      <div className={styles.inner} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="listitem"
            aria-posinset={item.index + 1}
            aria-setsize={count}
            className={styles.row}
            style={{ height: `${rowHeight}px`, transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
