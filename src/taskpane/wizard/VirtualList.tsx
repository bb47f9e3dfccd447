import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const DEFAULT_ROW_HEIGHT = 36;
const ROW_CONTROLS = 'button, input';
/** Rows rendered beyond each edge of the view, so that scrolling shows no gap before React renders. */
const OVERSCAN = 8;
/** The scroller's height before it is laid out (its CSS height). */
const INITIAL_VIEW_HEIGHT = 300;

const useStyles = makeStyles({
  scroller: {
    height: '300px',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '&:focus [data-active="true"]': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  inner: { position: 'relative', width: '100%' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Hover },
  cell: {
    height: '100%',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    boxSizing: 'border-box',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    '& > button': { flexShrink: 0 },
  },
});

/** A pick list: rows are selected or not, Space toggles the active row, Ctrl+A selects every row. */
export interface ListSelection {
  isSelected(index: number): boolean;
  toggle(index: number): void;
  selectAll?(): void;
}

export interface VirtualListProps {
  count: number;
  label: string;
  /** A row's content; its buttons and inputs get tabIndex -1, the list is one Tab stop. */
  renderRow(index: number): ReactNode;
  rowHeight?: number;
  selection?: ListSelection;
}

/** The row a navigation key leads to, or null for any other key. */
function targetRow(key: string, active: number, count: number, pageRows: number): number | null {
  const moves: Record<string, number> = {
    ArrowDown: active + 1,
    ArrowUp: active - 1,
    PageDown: active + pageRows,
    PageUp: active - pageRows,
    Home: 0,
    End: count - 1,
  };
  return key in moves ? Math.max(0, Math.min(count - 1, moves[key])) : null;
}

/**
 * The rows in view of a list whose rows all have one height: a division, so that a list of 300,000 rows costs
 * nothing per row when its length changes (a general virtualizer measures every row again on each keystroke).
 */
function useRowWindow(scroller: RefObject<HTMLDivElement | null>, count: number, rowHeight: number) {
  const [view, setView] = useState({ top: 0, height: INITIAL_VIEW_HEIGHT });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const update = () =>
      setView({ top: element.scrollTop, height: element.clientHeight || INITIAL_VIEW_HEIGHT });
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resizes = new ResizeObserver(update);
    resizes.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resizes.disconnect();
    };
  }, [scroller]);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  /** Scrolls just enough to show the row, as the keyboard moves to it. */
  const scrollToIndex = (index: number) => {
    const element = scroller.current;
    if (!element) return;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight;
  };
  const rows = Array.from({ length: Math.max(0, end - first) }, (_, i) => first + i);
  return { rows, totalHeight: count * rowHeight, scrollToIndex };
}

/**
 * Only the visible rows are rendered, so 100,000 rows scroll smoothly. The list is one Tab stop (the WAI-ARIA grid
 * pattern with aria-activedescendant): the arrow keys, Home/End and PageUp/PageDown move the active row; ArrowRight or
 * Enter goes into the active row's buttons, ArrowLeft or Escape back to the list. Focus stays on the list itself, so
 * rows that scroll out of the DOM never take the focus with them.
 */
export function VirtualList({
  count,
  label,
  renderRow,
  rowHeight = DEFAULT_ROW_HEIGHT,
  selection,
}: VirtualListProps) {
  const styles = useStyles();
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState(0);
  const active = Math.min(chosen, count - 1);
  const { rows, totalHeight, scrollToIndex } = useRowWindow(scroller, count, rowHeight);
  const rowId = (index: number) => `${id}-row-${index}`;
  const activeRendered = rows.includes(active);

  const moveTo = (index: number) => {
    setChosen(index);
    scrollToIndex(index);
  };
  const activeRowControls = (): HTMLElement[] => {
    const row = scroller.current?.querySelector(`[data-index="${active}"]`);
    return row ? [...row.querySelectorAll<HTMLElement>(ROW_CONTROLS)] : [];
  };

  /** Keys on a button inside the active row: sideways between its buttons, back to the list. */
  const stepInRow = (event: KeyboardEvent, control: HTMLElement): boolean => {
    const controls = activeRowControls();
    const at = controls.indexOf(control);
    if (event.key === 'ArrowRight' && at >= 0 && at < controls.length - 1) controls[at + 1].focus();
    else if (event.key === 'ArrowLeft' && at > 0) controls[at - 1].focus();
    else if (event.key === 'ArrowLeft' || event.key === 'Escape') scroller.current?.focus();
    else return false;
    event.preventDefault();
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = event.currentTarget;
    const target = event.target as HTMLElement;
    // a menu opened from a row is a React child but lives in a portal: its keys are its own
    if (!list.contains(target)) return;
    const inRow = target !== list;
    if (inRow && stepInRow(event, target)) return;
    const pageRows = Math.max(1, Math.floor(list.clientHeight / rowHeight) - 1);
    const next = targetRow(event.key, active, count, pageRows);
    if (next !== null) {
      event.preventDefault();
      if (inRow) list.focus();
      moveTo(next);
    } else if (inRow) return;
    else if (selection && event.key === ' ') {
      event.preventDefault();
      selection.toggle(active);
    } else if (selection?.selectAll && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      selection.selectAll();
    } else if (!selection && (event.key === 'ArrowRight' || event.key === 'Enter')) {
      const [first] = activeRowControls();
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={label}
      aria-rowcount={count}
      aria-multiselectable={selection ? true : undefined}
      aria-activedescendant={activeRendered ? rowId(active) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className={styles.inner} style={{ height: `${totalHeight}px` }}>
        {rows.map((index) => (
          <div
            key={index}
            id={rowId(index)}
            data-index={index}
            data-active={index === active}
            role="row"
            aria-rowindex={index + 1}
            aria-selected={selection ? selection.isSelected(index) : undefined}
            className={mergeClasses(styles.row, index === active && styles.active)}
            style={{ height: `${rowHeight}px`, transform: `translateY(${index * rowHeight}px)` }}
            onClick={() => setChosen(index)}
          >
            <div role="gridcell" className={styles.cell}>
              {renderRow(index)}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
